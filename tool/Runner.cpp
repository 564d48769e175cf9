//===--- Runner.cpp -------------------------------------------------------===//

#include "Runner.h"
#include "BaseRevision.h"
#include "CompileDatabase.h"
#include "Diagnostics.h"
#include "ResultCache.h"
#include "Worker.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/BLAKE3.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <set>
#include <tuple>

using clang::tidy::ClangTidyError;
using clang::tidy::ClangTidyStats;

namespace corolint {
namespace {

// The progress line. Called from the driver's one thread: the parallelism is
// in the worker processes (Worker.h), which the driver watches with poll().
class Progress {
public:
  Progress(bool Enabled, size_t Total) : Enabled(Enabled), Total(Total) {}
  void done(llvm::StringRef File) {
    if (!Enabled)
      return;
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
};

void addStats(ClangTidyStats &To, const ClangTidyStats &S) {
  To.ErrorsDisplayed += S.ErrorsDisplayed;
  To.ErrorsIgnoredCheckFilter += S.ErrorsIgnoredCheckFilter;
  To.ErrorsIgnoredNOLINT += S.ErrorsIgnoredNOLINT;
  To.ErrorsIgnoredNonUserCode += S.ErrorsIgnoredNonUserCode;
  To.ErrorsIgnoredLineFilter += S.ErrorsIgnoredLineFilter;
}

std::string parseFailure(const std::vector<ClangTidyError> &Diagnostics) {
  size_t Errors = llvm::count_if(Diagnostics, isCompilerError);
  if (!Errors)
    return "";
  return "does not parse (" + std::to_string(Errors) +
         (Errors == 1 ? " error" : " errors") + ")";
}

} // namespace

std::string bytesHash(llvm::StringRef Bytes) {
  return llvm::toHex(llvm::BLAKE3::hash(llvm::arrayRefFromStringRef(Bytes)),
                     /*LowerCase=*/true);
}

std::string contentHash(const llvm::Twine &File) {
  auto Buffer = llvm::MemoryBuffer::getFile(File, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  return Buffer ? bytesHash((*Buffer)->getBuffer()) : "";
}

UnitResult analyseUnit(const std::string &File,
                       const clang::tooling::CompilationDatabase &DB,
                       const OptionsProviderFactory &MakeProvider,
                       const RunOptions &Options,
                       const BaseRevision *Base) {
  UnitResult R;
  R.File = File;
  // One context per translation unit: a context maps the custom diagnostic
  // IDs of one DiagnosticsEngine to check names, and each runClangTidy call
  // makes a new engine whose IDs start over.
  clang::tidy::ClangTidyContext Context(MakeProvider());
  // clang-tidy 19's diagnostic consumer reads the header filter when it is
  // made, before the run selects the file's options: select them now, or a
  // HeaderFilterRegex in the file's .clang-tidy is never seen.
  Context.setCurrentFile(File);
  if (Base ? !Base->exists(File) : !llvm::sys::fs::exists(File)) {
    R.Failure = Base ? "not in " + Base->revision() : "no such file";
  } else if (!(Base && Base->changedText(File)) && !isReadable(File)) {
    R.Failure = "cannot read the file";
  } else {
    // A physical file system of its own: the shared real one changes the
    // process's working directory for each compile command, which races
    // between workers and leaves the driver in the last command's
    // directory.
    llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Physical =
        llvm::vfs::createPhysicalFileSystem();
    auto Read = std::make_shared<std::vector<InputFile>>();
    if (Options.RecordInputs && !Base)
      Physical = recordingFileSystem(std::move(Physical), Read);
    if (Base)
      Physical = Base->overlay(std::move(Physical));
    llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS(
        new llvm::vfs::OverlayFileSystem(std::move(Physical)));
    R.Diagnostics = clang::tidy::runClangTidy(Context, DB, {File}, FS,
                                              Options.ApplyAnyFix,
                                              Options.EnableCheckProfile);
    R.Failure = parseFailure(R.Diagnostics);
    std::set<std::string> Fixed;
    for (const ClangTidyError &E : R.Diagnostics) {
      for (const auto &F : E.Message.Fix)
        Fixed.insert(F.first().str());
      for (const auto &N : E.Notes)
        for (const auto &F : N.Fix)
          Fixed.insert(F.first().str());
    }
    for (const std::string &F : Fixed)
      R.ContentHashes.emplace_back(F, contentHash(F));
    R.Inputs = std::move(*Read);
  }
  R.Stats = Context.getStats();
  return R;
}

RunResult mergeResults(std::vector<UnitResult> Units) {
  RunResult Result;
  DistinctDiagnostics Seen;
  for (UnitResult &R : Units) {
    addStats(Result.Summary.Stats, R.Stats);
    if (R.FromCache)
      ++Result.Summary.FromCache;
    if (R.Failure.empty())
      ++Result.Summary.Analysed;
    else
      Result.Summary.Failed.emplace_back(R.File, R.Failure);
    if (!R.Reproduce.empty() || !R.StderrExcerpt.empty())
      Result.Summary.FailureDetails[R.File] = {R.Reproduce, R.StderrExcerpt};
    for (const auto &[File, Hash] : R.ContentHashes) {
      auto [It, New] = Result.Summary.AnalysedContent.emplace(File, Hash);
      if (!New && It->second != Hash)
        It->second = ""; // two units saw different contents
    }
    for (ClangTidyError &E : R.Diagnostics)
      if (Seen.first(E))
        Result.Diagnostics.push_back(std::move(E));
  }
  std::stable_sort(Result.Diagnostics.begin(), Result.Diagnostics.end(),
                   reportOrder);
  return Result;
}

std::vector<UnitResult>
runUnits(const std::vector<std::string> &Files, const RunOptions &Options,
         ResultCache *Cache,
         const std::function<void(const UnitResult &)> &Ready) {
  Progress Display(Options.Progress, Files.size());
  std::vector<UnitResult> Units(Files.size());
  // Where each file's result is as soon as it is known, and the first file
  // not yet handed to Ready.
  std::vector<const UnitResult *> Known(Files.size());
  size_t NextReady = 0;
  auto Flush = [&] {
    for (; Ready && NextReady < Known.size() && Known[NextReady]; ++NextReady)
      Ready(*Known[NextReady]);
  };
  // The files the cache cannot answer for, and where their results go.
  std::vector<std::string> ToAnalyse;
  std::vector<size_t> Slot;
  for (size_t I = 0; I < Files.size(); ++I) {
    std::optional<UnitResult> Stored = Cache && Options.BaseRevision.empty()
                                           ? Cache->lookup(Files[I])
                                           : std::nullopt;
    if (!Stored) {
      ToAnalyse.push_back(Files[I]);
      Slot.push_back(I);
      continue;
    }
    Units[I] = std::move(*Stored);
    Known[I] = &Units[I];
    Display.done(Files[I]);
  }
  Flush();
  std::vector<UnitResult> Analysed =
      ToAnalyse.empty()
          ? std::vector<UnitResult>()
          : runInWorkers(ToAnalyse, Options,
                         [&](size_t I, const UnitResult &R) {
                           Display.done(ToAnalyse[I]);
                           Known[Slot[I]] = &R;
                           Flush();
                         });
  for (size_t I = 0; I < Analysed.size(); ++I) {
    if (Cache && Options.BaseRevision.empty())
      Cache->store(Analysed[I]);
    Units[Slot[I]] = std::move(Analysed[I]);
  }
  return Units;
}

} // namespace corolint
