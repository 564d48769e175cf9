//===--- Runner.h - the run stage: analyse translation units in parallel --===//
//
// Each translation unit is analysed on its own and yields a plain value
// (UnitResult): its diagnostics, why it failed if it did, and clang-tidy's
// counts of what it suppressed. The values are merged in input order, so
// the merged result does not depend on where a UnitResult came from (a
// worker process, or one day a result cache).
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_TOOL_RUNNER_H
#define COROLINT_TOOL_RUNNER_H

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/Twine.h"
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace corolint {

/// A file a translation unit read, or looked for and did not find: one line
/// of a result cache manifest (ResultCache.h).
struct InputFile {
  std::string Path; // absolute
  /// A hash of the bytes read; "" for a file that was not there.
  std::string Hash;
  uint64_t Size = 0;
  /// Modification time in nanoseconds since the epoch; 0 when it is too
  /// recent to trust (the file could change again within the clock's
  /// granularity), so a lookup compares the content.
  int64_t ModifiedNs = 0;
};

struct RunOptions {
  unsigned Jobs = 1;
  bool ApplyAnyFix = false; // --fix-notes: collect fixes from notes too
  bool EnableCheckProfile = false;
  bool Progress = false;    // one-line progress display on stderr
  /// --timeout: seconds a worker may spend on one file (0: no limit).
  unsigned TimeoutSeconds = 0;
  /// --memory-limit: the address space a worker may use, in bytes (0: no
  /// limit).
  uint64_t MemoryLimit = 0;
  /// How the driver starts a worker: this program, --corolint-worker, and
  /// the rest of the command line.
  std::vector<std::string> WorkerCommand;
  /// The command line that analyses one file alone (Worker.h).
  std::vector<std::string> ReproduceCommand;
  /// True in a worker process.
  bool Worker = false;
  /// Note what each translation unit reads (UnitResult::Inputs), for the
  /// result cache.
  bool RecordInputs = false;
  /// When set, the files are analysed as this git revision has them
  /// (BaseRevision.h), not as the work tree does: --diff's base run.
  std::string BaseRevision;
};

/// What analysing one translation unit produced.
struct UnitResult {
  std::string File;
  /// Every diagnostic clang-tidy kept (after NOLINT and the header filter).
  std::vector<clang::tidy::ClangTidyError> Diagnostics;
  /// Why the file was not analysed or did not parse; empty when it was.
  std::string Failure;
  clang::tidy::ClangTidyStats Stats;
  /// For each file a fix would change: a hash of its content when it was
  /// analysed, so --fix can leave a file alone that changed since.
  std::vector<std::pair<std::string, std::string>> ContentHashes;
  /// For a file whose worker failed: the command that reproduces it, and
  /// the end of what the worker printed (clang's crash stack trace).
  std::string Reproduce, StderrExcerpt;
  /// What the analysis printed on standard error (clang's "Error while
  /// processing", --enable-check-profile's tables): the driver prints it
  /// in input order, whatever the order the files finished in.
  std::string Printed;
  /// With RunOptions::RecordInputs: what the analysis read (the manifest).
  std::vector<InputFile> Inputs;
  /// True when the result came from the result cache.
  bool FromCache = false;
};

/// The hash of \p Bytes that every content hash of the driver is (the
/// ContentHashes of a UnitResult, the result cache's manifests).
std::string bytesHash(llvm::StringRef Bytes);
/// bytesHash of \p File's content ("" if unreadable).
std::string contentHash(const llvm::Twine &File);

struct FailureDetail {
  std::string Reproduce, StderrExcerpt;
};

/// What a run has to say besides its diagnostics.
struct RunSummary {
  /// Files whose translation unit did not parse, with the reason.
  std::vector<std::pair<std::string, std::string>> Failed;
  clang::tidy::ClangTidyStats Stats;
  unsigned Analysed = 0;
  /// How many results the result cache replayed.
  unsigned FromCache = 0;
  /// For the failed files whose worker died or overran its limits.
  std::map<std::string, FailureDetail> FailureDetails;
  /// The content hash of every file a fix would change, as it was
  /// analysed; "" for a file that changed while it was analysed.
  std::map<std::string, std::string> AnalysedContent;
};

struct RunResult {
  /// Every diagnostic of every translation unit, de-duplicated (a finding in
  /// a header seen by several translation units appears once) and in
  /// reportOrder: the same whatever the number of jobs.
  std::vector<clang::tidy::ClangTidyError> Diagnostics;
  RunSummary Summary;
};

using OptionsProviderFactory =
    std::function<std::unique_ptr<clang::tidy::ClangTidyOptionsProvider>()>;

class BaseRevision;

/// Analyses \p File with its command from \p DB; as \p Base has the
/// sources when given.
UnitResult analyseUnit(const std::string &File,
                       const clang::tooling::CompilationDatabase &DB,
                       const OptionsProviderFactory &MakeProvider,
                       const RunOptions &Options,
                       const BaseRevision *Base = nullptr);

/// Merges per-unit results (given in input order) into one.
RunResult mergeResults(std::vector<UnitResult> Units);

/// The diagnostics of several translation units, each once: a finding in a
/// header that several units include is the same check, place and message.
class DistinctDiagnostics {
public:
  /// Whether \p E is the first of its kind seen here.
  bool first(const clang::tidy::ClangTidyError &E) {
    return Seen
        .emplace(E.DiagnosticName, E.Message.FilePath, E.Message.FileOffset,
                 E.Message.Message)
        .second;
  }

private:
  std::set<std::tuple<std::string, std::string, unsigned, std::string>> Seen;
};

class ResultCache;

/// Analyses \p Files on Options.Jobs worker processes (Worker.h), one
/// result per file in input order. With a \p Cache, a file whose stored
/// result is still valid is not analysed again, and new results are stored.
/// A run of Options.BaseRevision bypasses the cache (its key is the work
/// tree's content). \p Ready, when given, is called with each result in
/// input order as soon as it and every result before it are there (what
/// lets the text report print while the run goes on).
std::vector<UnitResult>
runUnits(const std::vector<std::string> &Files, const RunOptions &Options,
         ResultCache *Cache = nullptr,
         const std::function<void(const UnitResult &)> &Ready = nullptr);

} // namespace corolint

#endif
