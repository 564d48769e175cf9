//===--- CoroChecksFuzzer.cpp - libFuzzer target for the coro checks ------===//
//
// Feeds arbitrary source text through every check of the coro module in
// memory: the input becomes /fuzz/input.cpp in an in-memory file system that
// also holds the lit suite's mock standard library and coroutine library
// headers (test/Inputs, embedded at build time), so inputs can say
// `#include <coroutine>` or `#include "cppcoro.h"` and nothing touches the
// disk. It is the clang-tidy path the corolint driver takes: a
// ClangTidyContext with the coro-* checks, a ClangTidyDiagnosticConsumer that
// also collects fix-its on notes, and ClangTidyASTConsumerFactory's consumer
// behind a syntax-only compile.
//
// A line of the form
//   //@ coro-blocking-call.Replacements=std::this_thread::sleep_for=co_await x
// anywhere in the input sets a check option, so the fuzzer also reaches the
// checks' option parsing (name lists, replacements, booleans, depths).
//
// Built with -DCOROLINT_FUZZ=ON and clang; run it with scripts/fuzz.sh.
//
//===----------------------------------------------------------------------===//

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/FileManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace clang::tidy {
// Defined in checks/CoroTidyModule.cpp; referencing it keeps the module's
// registration in the link, as the driver does.
extern volatile int CoroModuleAnchorSource;
} // namespace clang::tidy

namespace {

struct MockHeader {
  const char *Path;
  const char *Text;
};

// {"/mock/std/coroutine", "..."}, ...: test/Inputs/std and test/Inputs/libs.
const MockHeader MockHeaders[] = {
#include "MockHeaders.inc"
};

constexpr llvm::StringRef InputPath = "/fuzz/input.cpp";

// The mock headers, shared by every run (read-only once built).
llvm::IntrusiveRefCntPtr<llvm::vfs::InMemoryFileSystem> &headers() {
  static llvm::IntrusiveRefCntPtr<llvm::vfs::InMemoryFileSystem> FS;
  return FS;
}

/// Check options set by `//@ check.Option=value` lines of the input.
clang::tidy::ClangTidyOptions::OptionMap optionsIn(llvm::StringRef Text) {
  clang::tidy::ClangTidyOptions::OptionMap Map;
  while (!Text.empty()) {
    auto [Line, Rest] = Text.split('\n');
    Text = Rest;
    Line = Line.trim();
    if (!Line.consume_front("//@"))
      continue;
    auto [Key, Value] = Line.split('=');
    Key = Key.trim();
    if (Key.starts_with("coro-"))
      Map.insert_or_assign(Key, clang::tidy::ClangTidyOptions::ClangTidyValue(
                                    Value.trim()));
  }
  return Map;
}

class CoroAction : public clang::ASTFrontendAction {
public:
  explicit CoroAction(clang::tidy::ClangTidyASTConsumerFactory &Factory)
      : Factory(Factory) {}
  std::unique_ptr<clang::ASTConsumer>
  CreateASTConsumer(clang::CompilerInstance &CI,
                    llvm::StringRef File) override {
    return Factory.createASTConsumer(CI, File);
  }

private:
  clang::tidy::ClangTidyASTConsumerFactory &Factory;
};

void analyse(llvm::StringRef Text) {
  using namespace clang::tidy;
  ClangTidyOptions Options;
  Options.Checks = "-*,coro-*";
  Options.CheckOptions = optionsIn(Text);
  ClangTidyContext Context(std::make_unique<DefaultOptionsProvider>(
      ClangTidyGlobalOptions(), std::move(Options)));
  // As runClangTidy sets it up: the context reports into the engine whose
  // consumer filters (NOLINT, check names) and collects; fix-its on notes
  // are collected too, as under --fix-notes.
  ClangTidyDiagnosticConsumer Consumer(Context, /*ExternalDiagEngine=*/nullptr,
                                       /*RemoveIncompatibleErrors=*/true,
                                       /*GetFixesFromNotes=*/true);
  clang::DiagnosticsEngine Engine(new clang::DiagnosticIDs(),
                                  new clang::DiagnosticOptions(), &Consumer,
                                  /*ShouldOwnClient=*/false);
  Context.setDiagnosticsEngine(&Engine);

  auto Input = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  Input->addFile(InputPath, 0,
                 llvm::MemoryBuffer::getMemBufferCopy(Text, InputPath));
  auto FS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(headers());
  FS->pushOverlay(Input);
  (void)FS->setCurrentWorkingDirectory("/fuzz");
  auto Files = llvm::makeIntrusiveRefCnt<clang::FileManager>(
      clang::FileSystemOptions(), FS);

  ClangTidyASTConsumerFactory Factory(Context, FS);
  // No builtin or system headers: the mock ones, and nothing from the disk.
  std::vector<std::string> Args = {
      "clang++",        "-fsyntax-only", "-std=c++20", "-nostdinc",
      "-isystem",       "/mock/std",     "-I",         "/mock/libs",
      "-ferror-limit=0", "-fno-caret-diagnostics", InputPath.str()};
  clang::tooling::ToolInvocation Invocation(
      std::move(Args), std::make_unique<CoroAction>(Factory), Files.get());
  Invocation.setDiagnosticConsumer(&Consumer);
  Invocation.run();
  // The collected findings (and fixes) are built and dropped: part of the
  // path under test.
  (void)Consumer.take();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  (void)clang::tidy::CoroModuleAnchorSource;
  auto FS = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  for (const MockHeader &H : MockHeaders)
    FS->addFile(H.Path, 0, llvm::MemoryBuffer::getMemBuffer(H.Text, H.Path));
  headers() = FS;
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  analyse(llvm::StringRef(reinterpret_cast<const char *>(Data), Size));
  return 0;
}
