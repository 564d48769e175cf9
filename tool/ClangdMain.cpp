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
// The first is a link-time wrap (-Wl,--wrap) of a clangd function whose
// callers live in other object files of the clangd libraries. (Wrapping
// provideDefaultChecks() the same way crashed: its llvm::unique_function
// result does not survive the GCC/clang boundary.)
//
//===----------------------------------------------------------------------===//

#include "CompileDatabase.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
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
