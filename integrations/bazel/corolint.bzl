"""corolint_aspect: corolint on every C++ source of cc_library, cc_binary and cc_test.

Each source file is one Bazel action whose inputs are the source, the headers of
its target's compilation context, the configuration file and the corolint binary,
and whose output is that file's result (`corolint --shard=piece --format=json`).
Remote execution spreads the actions like compiles; the action cache, a
--disk_cache or a remote cache keeps them like compiles: an unchanged file with
unchanged headers is never analysed twice, and a changed header re-runs only the
files that can see it.

    bazel build //... --aspects=@corolint//:corolint.bzl%corolint_aspect \\
        --output_groups=corolint_report

Output groups:
  corolint         the per-source results (JSON pieces), nothing else
  corolint_report  per target, the merged report of its sources and of its
                   dependencies' (`corolint merge`): <name>.corolint.sarif and
                   <name>.corolint.txt; with --@corolint//:fail_on_findings the
                   build fails when it has findings

Works with Bazel 4.2 and later (the cc_common API of bazel_clang_tidy).
"""

load("@bazel_tools//tools/cpp:toolchain_utils.bzl", "find_cpp_toolchain")

CorolintInfo = provider(
    doc = "What corolint found under a target: its pieces and what a merge reads.",
    fields = {
        "pieces": "depset of the per-source JSON results",
        "sources": "depset of the files the results point into (sources and headers)",
    },
)

_BoolFlagInfo = provider(fields = ["value"])

def _bool_flag_impl(ctx):
    return _BoolFlagInfo(value = ctx.build_setting_value)

corolint_bool_flag = rule(
    implementation = _bool_flag_impl,
    build_setting = config.bool(flag = True),
)

_CC_RULES = ["cc_library", "cc_binary", "cc_test"]
_SOURCE_EXTENSIONS = ["cc", "cpp", "cxx", "c++", "C"]

def _sources(rule_attr):
    """The C++ sources of a rule (headers in srcs are analysed as part of them)."""
    files = []
    for src in getattr(rule_attr, "srcs", []):
        for f in src.files.to_list():
            if f.extension in _SOURCE_EXTENSIONS:
                files.append(f)
    return files

def _toolchain_flags(ctx):
    """The C++ toolchain's compile flags, with --copt/--cxxopt, as a compile gets them."""
    cc_toolchain = find_cpp_toolchain(ctx)
    features = cc_common.configure_features(
        ctx = ctx,
        cc_toolchain = cc_toolchain,
        requested_features = ctx.features,
        unsupported_features = ctx.disabled_features,
    )
    variables = cc_common.create_compile_variables(
        feature_configuration = features,
        cc_toolchain = cc_toolchain,
        user_compile_flags = ctx.fragments.cpp.copts + ctx.fragments.cpp.cxxopts,
    )
    flags = cc_common.get_memory_inefficient_command_line(
        feature_configuration = features,
        action_name = "c++-compile",
        variables = variables,
    )
    return flags, cc_toolchain.all_files

def _target_flags(compilation_context, rule_attr):
    """What the target adds: defines, include paths, its own copts."""
    flags = []
    flags += ["-D" + d for d in compilation_context.defines.to_list()]
    if hasattr(compilation_context, "local_defines"):
        flags += ["-D" + d for d in compilation_context.local_defines.to_list()]
    for option, paths in [
        ("-I", compilation_context.includes),
        ("-iquote", compilation_context.quote_includes),
        ("-isystem", compilation_context.system_includes),
    ]:
        for path in paths.to_list():
            flags += [option, path]
    flags += getattr(rule_attr, "copts", [])
    return flags

def _piece(ctx, target_name, src, flags, inputs):
    """One action: corolint on one source; its result, a JSON piece."""
    out = ctx.actions.declare_file("%s.corolint/%s.json" % (target_name, src.path))
    args = ctx.actions.args()
    args.add_all([
        "--shard=piece",
        "--format=json",
        "--exit-zero",
        "--no-cache",
        "--quiet",
        "-j1",
        "--root=.",
    ])
    args.add(ctx.file._config, format = "--config-file=%s")
    args.add(out, format = "--output=%s")
    args.add(src)
    args.add("--")
    args.add_all(flags)
    ctx.actions.run(
        executable = ctx.executable._corolint,
        arguments = [args],
        inputs = depset([src, ctx.file._config], transitive = inputs),
        outputs = [out],
        mnemonic = "Corolint",
        progress_message = "corolint %s" % src.short_path,
    )
    return out

def _report(ctx, target_name, pieces, sources):
    """The merged report of \\p pieces: SARIF and text; fails on findings if asked."""
    sarif = ctx.actions.declare_file(target_name + ".corolint.sarif")
    text = ctx.actions.declare_file(target_name + ".corolint.txt")
    fail = ctx.attr._fail_on_findings[_BoolFlagInfo].value
    piece_list = ctx.actions.args()
    piece_list.add_all(pieces)
    ctx.actions.run_shell(
        command = """
set -u
corolint="$1"; sarif="$2"; text="$3"; fail="$4"; shift 4
"$corolint" merge --quiet --exit-zero --format=sarif --output="$sarif" "$@" || exit $?
"$corolint" merge --quiet --format=text --output="$text" "$@"
status=$?
if [ "$status" = 1 ] && [ "$fail" = 1 ]; then
  cat "$text" >&2
  exit 1
fi
[ "$status" = 1 ] && exit 0
exit $status
""",
        arguments = [
            ctx.executable._corolint.path,
            sarif.path,
            text.path,
            "1" if fail else "0",
            piece_list,
        ],
        tools = [ctx.executable._corolint],
        inputs = depset(transitive = [pieces, sources]),
        outputs = [sarif, text],
        mnemonic = "CorolintReport",
        progress_message = "corolint report for %s" % target_name,
    )
    return [sarif, text]

def _corolint_aspect_impl(target, ctx):
    deps = [d[CorolintInfo] for d in getattr(ctx.rule.attr, "deps", []) if CorolintInfo in d]
    pieces = []
    srcs = []
    if ctx.rule.kind in _CC_RULES and CcInfo in target:
        compilation_context = target[CcInfo].compilation_context
        toolchain_flags, toolchain_files = _toolchain_flags(ctx)
        flags = toolchain_flags + _target_flags(compilation_context, ctx.rule.attr)
        inputs = [compilation_context.headers, toolchain_files]
        srcs = _sources(ctx.rule.attr)
        pieces = [_piece(ctx, target.label.name, src, flags, inputs) for src in srcs]
        srcs = depset(srcs, transitive = [compilation_context.headers])
    else:
        srcs = depset()
    all_pieces = depset(pieces, transitive = [d.pieces for d in deps])
    all_sources = depset(transitive = [srcs] + [d.sources for d in deps])
    groups = {"corolint": depset(pieces)}
    # (own pieces first: flattening the depset is only for a target without any)
    if ctx.rule.kind in _CC_RULES and (pieces or all_pieces.to_list()):
        groups["corolint_report"] = depset(_report(ctx, target.label.name, all_pieces, all_sources))
    return [
        CorolintInfo(pieces = all_pieces, sources = all_sources),
        OutputGroupInfo(**groups),
    ]

corolint_aspect = aspect(
    implementation = _corolint_aspect_impl,
    attr_aspects = ["deps"],
    fragments = ["cpp"],
    # Bazel 7 and later resolve the C++ toolchain by type (find_cpp_toolchain
    # reads it from here); 4.2 through _cc_toolchain below.
    toolchains = ["@bazel_tools//tools/cpp:toolchain_type"],
    attrs = {
        "_cc_toolchain": attr.label(default = Label("@bazel_tools//tools/cpp:current_cc_toolchain")),
        "_corolint": attr.label(
            default = Label("//:binary"),
            executable = True,
            cfg = "exec",
            allow_files = True,
        ),
        "_config": attr.label(default = Label("//:config"), allow_single_file = True),
        "_fail_on_findings": attr.label(default = Label("//:fail_on_findings")),
    },
)
