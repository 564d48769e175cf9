//===--- ClangdMain.cpp - corolint-clangd: clangd with the coro checks ----===//
//
// Stock clangd cannot load third-party clang-tidy checks (clangd/clangd#1458).
// LLVM ships clangd's main as a library (libclangdMain.a) for exactly this:
// corolint-clangd is that main linked with the coro module, a drop-in
// `clangd` for any editor. Three adjustments, each because stock clangd would
// otherwise not show corolint's findings out of the box:
//  - clangd 19 runs only checks it knows to be fast (Diagnostics.ClangTidy.
//    FastCheckFilter, default Strict); the coro checks are declared fast
//    (bench/README.md: about 5-10% on top of parsing);
//  - clangd runs the checks its configuration names; corolint-clangd adds
//    coro-* through a user-level configuration fragment it puts before the
//    user's own clangd/config.yaml (so that anything there, and any
//    project .clangd, can still change it: Remove: [coro-*]);
//  - the clang resource directory is found wherever corolint-clangd is
//    installed (clangd looks only beside its own binary).
// And two so that the editor shows one server and one finding:
//  - --version, the log and the LSP serverInfo name corolint-clangd and its
//    version before the clangd it embeds (and drop the "+grpc" feature: the
//    remote index is not built in);
//  - a task discarded by a statement gets the compiler's -Wunused-result
//    ([[nodiscard]] task types) and coro-unawaited-task on the same
//    expression; the compiler's is dropped, coro-unawaited-task (which says
//    why and carries the fix) stays. Only where both are reported: a
//    -Wunused-result on anything else, or with the check removed, stays.
// These are link-time wraps (-Wl,--wrap) of clangd functions whose callers
// live in other object files of the clangd libraries: isFastTidyCheck,
// versionString, featureString, and toJSON(PublishDiagnosticsParams), the
// one place every diagnostic passes on its way to the editor, filtered as
// JSON (clangd's own headers, and so its Diag, are not installed). (Wrapping
// provideDefaultChecks() the same way crashed: its llvm::unique_function
// result does not survive the GCC/clang boundary.)
//
//===----------------------------------------------------------------------===//

#include "CompileDatabase.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdlib>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace clang::clangd {
int clangdMain(int argc, char *argv[]);

namespace remote {
/// Stands in for the gRPC remote-index client, which corolint-clangd is
/// built without, and does what clangd built without it does: no remote
/// index (one configured in .clangd is ignored). The real declaration
/// returns std::unique_ptr<SymbolIndex>; clangd's headers are not installed,
/// so this returns an object of the same layout and calling convention (one
/// pointer, non-trivially destructible, so returned in memory): the mangled
/// name of a non-template function does not include its return type.
struct NoIndex {
  void *Index = nullptr;
  ~NoIndex() {}
};
static_assert(sizeof(NoIndex) == sizeof(std::unique_ptr<int>));
NoIndex getClient(llvm::StringRef Address, llvm::StringRef IndexRoot) {
  (void)Address;
  (void)IndexRoot;
  return {};
}
} // namespace remote
} // namespace clang::clangd

namespace clang::tidy {
// Defined with the module registration; referencing it links the module in.
extern volatile int CoroModuleAnchorSource;
} // namespace clang::tidy

// clang::clangd::isFastTidyCheck(llvm::StringRef) -> std::optional<bool>
extern "C" std::optional<bool>
__real__ZN5clang6clangd15isFastTidyCheckEN4llvm9StringRefE(llvm::StringRef);
extern "C" std::optional<bool>
__wrap__ZN5clang6clangd15isFastTidyCheckEN4llvm9StringRefE(llvm::StringRef Check) {
  if (Check.starts_with("coro-"))
    return true;
  return __real__ZN5clang6clangd15isFastTidyCheckEN4llvm9StringRefE(Check);
}

// clang::clangd::versionString() -> std::string
extern "C" std::string __real__ZN5clang6clangd13versionStringB5cxx11Ev();
extern "C" std::string __wrap__ZN5clang6clangd13versionStringB5cxx11Ev() {
  return "corolint-clangd version " COROLINT_VERSION ", built on " +
         __real__ZN5clang6clangd13versionStringB5cxx11Ev();
}

// clang::clangd::featureString() -> std::string
extern "C" std::string __real__ZN5clang6clangd13featureStringB5cxx11Ev();
extern "C" std::string __wrap__ZN5clang6clangd13featureStringB5cxx11Ev() {
  std::string Features = __real__ZN5clang6clangd13featureStringB5cxx11Ev();
  if (auto At = Features.find("+grpc"); At != std::string::npos)
    Features.erase(At, 5);
  return Features;
}

/// Where an LSP diagnostic starts (line, character).
static std::optional<std::pair<int64_t, int64_t>> start(const llvm::json::Value &Diag) {
  const auto *D = Diag.getAsObject();
  const auto *Range = D ? D->getObject("range") : nullptr;
  const auto *Start = Range ? Range->getObject("start") : nullptr;
  if (!Start)
    return std::nullopt;
  auto Line = Start->getInteger("line"), Character = Start->getInteger("character");
  if (!Line || !Character)
    return std::nullopt;
  return std::pair(*Line, *Character);
}

static bool hasCode(const llvm::json::Value &Diag, llvm::StringRef Source,
                    llvm::StringRef Code) {
  const auto *D = Diag.getAsObject();
  return D && D->getString("source") == Source && D->getString("code") == Code;
}

/// The diagnostics of one file, less each compiler -Wunused-result that
/// starts where a coro-unawaited-task finding does.
static void dropDuplicateUnusedResult(llvm::json::Value &Params) {
  auto *Object = Params.getAsObject();
  auto *Diags = Object ? Object->getArray("diagnostics") : nullptr;
  if (!Diags)
    return;
  std::set<std::pair<int64_t, int64_t>> Unawaited;
  for (const auto &Diag : *Diags)
    if (hasCode(Diag, "clang-tidy", "coro-unawaited-task"))
      if (auto At = start(Diag))
        Unawaited.insert(*At);
  if (Unawaited.empty())
    return;
  llvm::json::Array Kept;
  for (auto &Diag : *Diags) {
    auto At = start(Diag);
    if (hasCode(Diag, "clang", "-Wunused-result") && At && Unawaited.count(*At))
      continue;
    Kept.push_back(std::move(Diag));
  }
  *Diags = std::move(Kept);
}

namespace clang::clangd {
struct PublishDiagnosticsParams;
} // namespace clang::clangd

// clang::clangd::toJSON(const PublishDiagnosticsParams &) -> llvm::json::Value
extern "C" llvm::json::Value
__real__ZN5clang6clangd6toJSONERKNS0_24PublishDiagnosticsParamsE(
    const clang::clangd::PublishDiagnosticsParams &);
extern "C" llvm::json::Value
__wrap__ZN5clang6clangd6toJSONERKNS0_24PublishDiagnosticsParamsE(
    const clang::clangd::PublishDiagnosticsParams &Params) {
  llvm::json::Value Result =
      __real__ZN5clang6clangd6toJSONERKNS0_24PublishDiagnosticsParamsE(Params);
  dropDuplicateUnusedResult(Result);
  return Result;
}

/// $Variable, or ~/Fallback when it is unset or empty (as the XDG base
/// directory specification says).
static bool xdgDirectory(const char *Variable, const char *Fallback,
                         llvm::SmallVectorImpl<char> &Out) {
  if (auto Value = llvm::sys::Process::GetEnv(Variable); Value && !Value->empty()) {
    Out.assign(Value->begin(), Value->end());
    return true;
  }
  if (!llvm::sys::path::home_directory(Out))
    return false;
  llvm::sys::path::append(Out, Fallback);
  return true;
}

/// corolint's fragment, then the user's own clangd/config.yaml, in a
/// directory of corolint's that becomes XDG_CONFIG_HOME for clangd.
static void addDefaultConfig() {
  if (llvm::sys::Process::GetEnv("COROLINT_CLANGD_NO_DEFAULT_CONFIG"))
    return;
  llvm::SmallString<256> UserConfig, Dir;
  if (!xdgDirectory("XDG_CONFIG_HOME", ".config", UserConfig) ||
      !xdgDirectory("XDG_CACHE_HOME", ".cache", Dir))
    return;
  llvm::sys::path::append(UserConfig, "clangd", "config.yaml");
  llvm::sys::path::append(Dir, "corolint", "clangd-config");
  llvm::SmallString<256> File(Dir);
  llvm::sys::path::append(File, "clangd");
  if (llvm::sys::fs::create_directories(File))
    return;
  llvm::sys::path::append(File, "config.yaml");

  std::string Text = "# Written by corolint-clangd: its defaults, then " +
                     std::string(UserConfig) + ".\n"
                     "Diagnostics:\n  ClangTidy:\n    Add: [coro-*]\n";
  if (auto Own = llvm::MemoryBuffer::getFile(UserConfig))
    Text += "---\n" + (*Own)->getBuffer().str();
  // Written atomically: several editors may start corolint-clangd at once.
  llvm::SmallString<256> Temp;
  int FD;
  if (llvm::sys::fs::createUniqueFile(File + ".tmp-%%%%%%", FD, Temp))
    return;
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Text;
  }
  if (llvm::sys::fs::rename(Temp, File)) {
    llvm::sys::fs::remove(Temp);
    return;
  }
  ::setenv("XDG_CONFIG_HOME", Dir.c_str(), 1);
}

int main(int argc, char *argv[]) {
  addDefaultConfig();
  (void)clang::tidy::CoroModuleAnchorSource;
  std::vector<char *> Args(argv, argv + argc);
  bool HasResourceDir = false;
  for (int I = 1; I < argc; ++I)
    if (llvm::StringRef(argv[I]).ltrim('-').starts_with("resource-dir"))
      HasResourceDir = true;
  std::string ResourceFlag;
  if (!HasResourceDir) {
    std::string Dir = corolint::findResourceDir(argv[0]);
    if (!Dir.empty()) {
      ResourceFlag = "--resource-dir=" + Dir;
      Args.push_back(ResourceFlag.data());
    }
  }
  Args.push_back(nullptr);
  return clang::clangd::clangdMain(static_cast<int>(Args.size()) - 1, Args.data());
}
