//===--- Runner.cpp -------------------------------------------------------===//

#include "Runner.h"
#include "CompileDatabase.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <atomic>
#include <mutex>
#include <set>
#include <thread>
#include <tuple>

using clang::tidy::ClangTidyError;

namespace corolint {

bool isCompilerError(const ClangTidyError &E) {
  return E.DiagLevel == ClangTidyError::Error &&
         llvm::StringRef(E.DiagnosticName).starts_with("clang-diagnostic-");
}

namespace {

auto sortKey(const ClangTidyError &E) {
  return std::tie(E.Message.FilePath, E.Message.FileOffset, E.DiagnosticName,
                  E.Message.Message);
}

class Progress {
public:
  Progress(bool Enabled, size_t Total) : Enabled(Enabled), Total(Total) {}
  void done(llvm::StringRef File) {
    if (!Enabled)
      return;
    std::lock_guard<std::mutex> Lock(Mutex);
    ++Count;
    llvm::SmallString<128> Rel(File);
    llvm::SmallString<128> Cwd;
    if (!llvm::sys::fs::current_path(Cwd))
      llvm::sys::path::replace_path_prefix(Rel, Cwd.str().str() + "/", "");
    llvm::errs() << "\r\x1b[K[" << Count << "/" << Total << "] " << Rel;
    llvm::errs().flush();
  }
  ~Progress() {
    if (Enabled && Count)
      llvm::errs() << "\r\x1b[K";
  }

private:
  bool Enabled;
  size_t Total, Count = 0;
  std::mutex Mutex;
};

struct TUResult {
  std::vector<ClangTidyError> Errors;
  std::string Failure;
};

} // namespace

RunResult runParallel(const std::vector<std::string> &Files,
                      const clang::tooling::CompilationDatabase &DB,
                      const OptionsProviderFactory &MakeProvider,
                      const RunOptions &Options) {
  std::vector<TUResult> PerFile(Files.size());
  std::vector<clang::tidy::ClangTidyStats> PerWorker;
  auto AddStats = [](clang::tidy::ClangTidyStats &To,
                     const clang::tidy::ClangTidyStats &S) {
    To.ErrorsDisplayed += S.ErrorsDisplayed;
    To.ErrorsIgnoredCheckFilter += S.ErrorsIgnoredCheckFilter;
    To.ErrorsIgnoredNOLINT += S.ErrorsIgnoredNOLINT;
    To.ErrorsIgnoredNonUserCode += S.ErrorsIgnoredNonUserCode;
    To.ErrorsIgnoredLineFilter += S.ErrorsIgnoredLineFilter;
  };
  std::atomic<size_t> Next{0};
  Progress Display(Options.Progress, Files.size());
  const unsigned Workers = std::max(
      1u, std::min<unsigned>(Options.Jobs, static_cast<unsigned>(Files.size())));
  PerWorker.resize(Workers);

  auto Work = [&](unsigned Worker) {
    for (size_t I = Next++; I < Files.size(); I = Next++) {
      // One context per translation unit: a context maps the custom
      // diagnostic IDs of one DiagnosticsEngine to check names, and each
      // runClangTidy call makes a new engine whose IDs start over.
      clang::tidy::ClangTidyContext Context(MakeProvider());
      const std::string &File = Files[I];
      TUResult &R = PerFile[I];
      if (!llvm::sys::fs::exists(File)) {
        R.Failure = "no such file";
      } else if (!isReadable(File)) {
        R.Failure = "cannot read the file";
      } else {
        llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS(
            // A physical file system of its own: the shared real one
            // changes the process's working directory for each compile
            // command, which races between workers and leaves the driver
            // in the last command's directory.
            new llvm::vfs::OverlayFileSystem(llvm::vfs::createPhysicalFileSystem()));
        R.Errors = clang::tidy::runClangTidy(Context, DB, {File}, FS,
                                             Options.ApplyAnyFix,
                                             Options.EnableCheckProfile);
        size_t CompileErrors =
            llvm::count_if(R.Errors, [](const ClangTidyError &E) {
              return isCompilerError(E);
            });
        if (CompileErrors)
          R.Failure = "does not parse (" + std::to_string(CompileErrors) +
                      (CompileErrors == 1 ? " error" : " errors") + ")";
      }
      AddStats(PerWorker[Worker], Context.getStats());
      Display.done(File);
    }
  };

  if (Workers == 1) {
    Work(0);
  } else {
    std::vector<std::thread> Threads;
    for (unsigned W = 0; W < Workers; ++W)
      Threads.emplace_back(Work, W);
    for (std::thread &T : Threads)
      T.join();
  }

  RunResult Result;
  for (const clang::tidy::ClangTidyStats &S : PerWorker)
    AddStats(Result.Stats, S);
  // Merge in input order, then sort: independent of scheduling.
  std::set<std::tuple<std::string, std::string, unsigned, std::string>> Seen;
  for (size_t I = 0; I < Files.size(); ++I) {
    TUResult &R = PerFile[I];
    if (R.Failure.empty())
      ++Result.Analysed;
    else
      Result.Failed.emplace_back(Files[I], R.Failure);
    for (ClangTidyError &E : R.Errors)
      if (Seen.emplace(E.DiagnosticName, E.Message.FilePath,
                       E.Message.FileOffset, E.Message.Message)
              .second)
        Result.Errors.push_back(std::move(E));
  }
  std::stable_sort(Result.Errors.begin(), Result.Errors.end(),
                   [](const ClangTidyError &A, const ClangTidyError &B) {
                     return sortKey(A) < sortKey(B);
                   });
  return Result;
}

} // namespace corolint
