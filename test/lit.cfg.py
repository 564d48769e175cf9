# -*- Python -*-  lit configuration for corolint's check and driver tests.
import os
import shutil
import lit.formats

config.name = "corolint"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".test"]
config.excludes = ["Inputs", "runtime", "CMakeLists.txt", "check_corolint.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.corolint_obj_root, "test")

# scripts/sanitizers.sh runs the driver tests again with a corolint whose own
# code is built under a sanitizer (tool/CMakeLists.txt):
#   lit.py --param sanitizer=address build/test --filter tool/
# Its outputs go to a directory of their own. A sanitizer report is written to
# <that directory>/reports/<sanitizer>.<pid>, never only to a stderr a test may
# discard, and the script fails when one exists.
sanitizer = lit_config.params.get("sanitizer")
if sanitizer:
    config.corolint = os.path.join(config.corolint_obj_root,
                                   "sanitize-" + sanitizer, "bin", "corolint")
    if not os.path.exists(config.corolint):
        lit_config.fatal("no sanitized corolint at %s; build the target "
                         "corolint-sanitize-%s" % (config.corolint, sanitizer))
    config.test_exec_root = os.path.join(config.corolint_obj_root,
                                         "test-sanitize-" + sanitizer)
    reports = os.path.join(config.test_exec_root, "reports")
    os.makedirs(reports, exist_ok=True)
    # exitcode: not 1 or 2, which are corolint's own statuses.
    common = "exitcode=86:log_path=%s/%s" % (reports, sanitizer)
    config.environment["ASAN_OPTIONS"] = common + ":detect_leaks=1"
    config.environment["TSAN_OPTIONS"] = common + ":second_deadlock_stack=1"
    # RLIMIT_AS and a sanitizer's shadow memory do not mix.
    config.available_features.add("sanitized-driver")

# corolint's bin/ first: the CI workflow tests call `corolint` by name.
config.environment["PATH"] = os.pathsep.join(
    [os.path.dirname(config.corolint), config.llvm_tools_dir,
     config.environment.get("PATH", os.environ["PATH"])])
config.environment["COROLINT"] = config.corolint
config.environment["FILECHECK"] = os.path.join(config.llvm_tools_dir, "FileCheck")
for var in ("HOME", "TMPDIR", "USER"):
    if var in os.environ:
        config.environment[var] = os.environ[var]
# corolint's result cache (on by default) lives in the build tree during the
# tests, emptied for each run: never in the user's ~/.cache, and no test sees
# results another run of the suite stored. Tests within a run share it, as
# concurrent corolint processes do.
cache_home = os.path.join(config.test_exec_root, "cache-home")
shutil.rmtree(cache_home, ignore_errors=True)
config.environment["XDG_CACHE_HOME"] = cache_home

clang_tidy = shutil.which("clang-tidy-19") or shutil.which(
    "clang-tidy", path=config.llvm_tools_dir)
if clang_tidy and os.path.exists(config.corolint_plugin):
    config.environment["CLANG_TIDY"] = clang_tidy
    config.environment["COROLINT_PLUGIN"] = config.corolint_plugin
    config.available_features.add("plugin")
    config.substitutions.append(("%clang_tidy", clang_tidy))
    config.substitutions.append(("%corolint_plugin", config.corolint_plugin))
# The SARIF validator (npm's @microsoft/sarif-multitool), installed by
# scripts/setup.sh into the build directory. scripts/test.sh requires it.
sarif_multitool = os.path.join(config.corolint_obj_root, "sarif-validator",
                               "node_modules", ".bin", "sarif-multitool")
if os.path.exists(sarif_multitool):
    config.available_features.add("sarif-validator")
    config.substitutions.append(("%sarif_multitool", sarif_multitool))
    # The .NET tool needs no ICU for what it does here.
    config.environment["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1"
elif os.environ.get("COROLINT_REQUIRE_SARIF_VALIDATOR") == "1":
    lit_config.fatal("the SARIF validator is not installed at %s; run "
                     "scripts/setup.sh" % sarif_multitool)
corolint_clangd = os.path.join(os.path.dirname(config.corolint), "corolint-clangd")
if os.path.exists(corolint_clangd):
    config.available_features.add("clangd")
    config.substitutions.append(("%corolint_clangd", corolint_clangd))
# Bazel (Debian's bazel-bootstrap, 4.2) for the corolint_aspect test;
# scripts/test.sh requires it.
bazel = shutil.which("bazel")
if bazel:
    config.available_features.add("bazel")
    config.substitutions.append(("%bazel", bazel))
elif os.environ.get("COROLINT_REQUIRE_BAZEL") == "1":
    lit_config.fatal("bazel is not installed; run scripts/packages.sh test")
if shutil.which("clang-tidy-14"):
    config.available_features.add("clang-tidy-14")
if config.corolint_install_dir:
    config.available_features.add("installed")
    config.substitutions.append(("%installed_corolint",
        os.path.join(config.corolint_install_dir, "bin", "corolint")))

inputs = os.path.join(config.test_source_root, "Inputs")
mock = "-std=c++20 -nostdinc++ -isystem %s -I %s" % (
    os.path.join(inputs, "std"), os.path.join(inputs, "libs"))
config.substitutions.append(("%check_corolint",
    "%s %s" % (config.python_executable,
               os.path.join(config.test_source_root, "check_corolint.py"))))
config.substitutions.append(("%coro_mock_flags", mock))
config.substitutions.append(("%aio_flags", "-std=c++20 -I %s" % config.aio_include))
config.substitutions.append(("%aio_include", config.aio_include))
config.substitutions.append(("%inputs", inputs))
config.substitutions.append(("%corolint_bindir", os.path.dirname(config.corolint)))
config.substitutions.append(("%docs", os.path.join(os.path.dirname(config.test_source_root), "docs")))
config.substitutions.append(("%srcroot", os.path.dirname(config.test_source_root)))
config.substitutions.append(("%corolint", config.corolint))
config.substitutions.append(("%python", config.python_executable))
