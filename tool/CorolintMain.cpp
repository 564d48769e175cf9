//===--- CorolintMain.cpp - the corolint command-line driver --------------===//
//
// clang-tidy's interface and machinery (options, .clang-tidy lookup, NOLINT,
// diagnostics, fix application, --export-fixes) over the coro checks, plus
// what clang-tidy's own main lacks: translation units analysed in parallel,
// findings de-duplicated across them, machine-readable reports, baselines,
// --diff, a summary and an exit status a CI job can rely on.
//
// main() is the pipeline; each stage is one call with one job:
//   options (CommandLine.h, Configuration.h) -> inputs (Inputs.h: database,
//   files, diff) -> run (Runner.h, in worker processes: Worker.h) ->
//   findings (Findings.h) -> report (Output.h). The result cache
//   (ResultCache.h) answers for the files it can before the run; a run
//   split with --shard continues after it in `corolint merge` (Shards.h).
//
//===----------------------------------------------------------------------===//

#include "Baseline.h"
#include "CommandLine.h"
#include "Configuration.h"
#include "Findings.h"
#include "Inputs.h"
#include "ListProfiles.h"
#include "Output.h"
#include "Report.h"
#include "ResultCache.h"
#include "Runner.h"
#include "Shards.h"
#include "Worker.h"
#include "llvm/Support/InitLLVM.h"

using namespace corolint;

namespace {

/// --diff-mode=new: what the base revision's analysis found, as a baseline
/// the work tree's findings are matched against. A unit that fails at the
/// base contributes nothing: its findings in the work tree are all new.
Baseline baseFindings(const BaseRevision &Base, std::vector<UnitResult> Units,
                      llvm::StringRef Root) {
  for (UnitResult &U : Units)
    if (!U.Failure.empty()) {
      llvm::errs() << "corolint: note: " << U.File << " " << U.Failure
                   << " at " << Base.revision()
                   << "; its findings all count as new\n";
      U.Diagnostics.clear();
    }
  RunResult Run = mergeResults(std::move(Units));
  SourceCache Sources;
  for (const auto &[File, Text] : Base.changed())
    if (Text)
      Sources.assume(File, *Text);
  Results Found = collectFindings(std::move(Run.Diagnostics), Root, {}, Sources);
  return baselineOf(Found.Findings);
}

/// The stages after the run, the same for one run and for a merge of
/// shards: findings, then the report (or the baseline).
int reportUnits(Options &Opts, const Inputs &In, std::vector<UnitResult> Units,
                ReportInfo Info, std::vector<UnitResult> BaseUnits = {}) {
  // A merge of shards prints the text report as the one run would have
  // streamed it, file by file.
  if (!Opts.Streamed && canStream(Opts, In)) {
    TextStream Stream(Opts, In.Files.front());
    for (const UnitResult &U : Units)
      Stream.add(U);
    Opts.Streamed = true;
  }
  if (!Opts.Streamed)
    for (const UnitResult &U : Units)
      llvm::errs() << U.Printed;
  RunResult Run = mergeResults(std::move(Units));
  SourceCache Sources;
  std::optional<Baseline> Base;
  if (In.Base)
    Base = baseFindings(*In.Base, std::move(BaseUnits), Opts.Root);
  FindingFilter Filter{In.Base ? nullptr : In.Changes ? &*In.Changes : nullptr,
                       Opts.Accepted ? &*Opts.Accepted : nullptr,
                       Base ? &*Base : nullptr};
  Results Found =
      collectFindings(std::move(Run.Diagnostics), Opts.Root, Filter, Sources);
  if (!Opts.WriteBaseline.empty())
    return recordBaseline(Opts, Found, Run.Summary);
  return report(Opts, In, Run.Summary, Found, std::move(Info), Sources);
}

/// `corolint merge`: N shard reports continue as the one run they split;
/// pieces, as one run over all their files.
int mergeShards(Options &Opts) {
  llvm::Expected<ShardData> Shards = readShards(Opts.Sources, Opts.Root);
  if (!Shards)
    return fail(Shards.takeError());
  if (Opts.Root.empty())
    Opts.Root = Shards->Root;
  Opts.Tidy.reportHeadersUnder(Opts.Root);
  Opts.ConfigPath = Shards->Files.empty() ? Opts.Root + "/dummy"
                                          : Shards->Files.front();
  llvm::Expected<CheckSelection> Checks =
      selectChecks(Opts.Tidy, Opts.ConfigPath);
  if (!Checks)
    return fail(Checks.takeError());
  Inputs In;
  In.Files = std::move(Shards->Files);
  In.SkippedOtherLanguages = Shards->SkippedOtherLanguages;
  if (Shards->Diff) {
    auto Changes = ChangedLines::parse(*Shards->Diff, Opts.Root);
    if (!Changes)
      return fail(Changes.takeError());
    In.Changes = std::move(*Changes);
  }
  // --diff-mode=new: the base's findings come from every shard; the files
  // as the revision has them are read again here (the merge runs in the
  // same checkout as the shards).
  if (Shards->BaseRevision) {
    auto Base = BaseRevision::load(*Shards->BaseRevision, Opts.Root);
    if (!Base)
      return fail(Base.takeError());
    In.Base = std::move(*Base);
  }
  ReportInfo Info{Opts.Root, COROLINT_VERSION, Checks->Enabled};
  if (In.Files.empty())
    return reportNothingAffected(Opts, Info);
  return reportUnits(Opts, In, std::move(Shards->Units), std::move(Info),
                     std::move(Shards->BaseUnits));
}

/// --list-profiles: the table, or the choices for each input file.
int answerListProfiles(Options &Opts, const char *Argv0) {
  if (Opts.Sources.empty()) {
    listProfiles(llvm::outs());
    return ExitClean;
  }
  llvm::Expected<Inputs> In = loadInputs(Opts, Argv0);
  if (!In)
    return fail(In.takeError());
  auto Provider = Opts.Tidy.makeProvider();
  return listProfilesFor(*In->Database, In->Files, *Provider, llvm::outs())
             ? ExitClean
             : ExitFailure;
}

} // namespace

int main(int argc, const char **argv) {
  llvm::InitLLVM X(argc, argv);
  llvm::Expected<Options> Opts = parseCommandLine(argc, argv);
  if (!Opts)
    return fail(Opts.takeError());
  if (Opts->Merge)
    return mergeShards(*Opts);
  if (Opts->Run.Worker) {
    // A worker analyses the files the driver sends it: it needs the
    // compile database only. The driver checked the configuration, and
    // --diff was the driver's to read.
    Opts->Diff.clear();
    llvm::Expected<Inputs> In = loadInputs(*Opts, argv[0]);
    if (!In)
      return fail(In.takeError());
    return serveAsWorker(*In->Database,
                         [&] { return Opts->Tidy.makeProvider(); }, Opts->Run,
                         Opts->Root);
  }

  llvm::Expected<CheckSelection> Checks =
      selectChecks(Opts->Tidy, Opts->ConfigPath);
  if (!Checks)
    return fail(Checks.takeError());
  if (Opts->Query != ConfigQuery::None) {
    answerQuery(Opts->Query, *Checks);
    return ExitClean;
  }
  if (Opts->ListProfiles)
    return answerListProfiles(*Opts, argv[0]);
  if (Checks->Enabled.empty())
    return fail(llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "no checks enabled; the configuration disables them all (pass "
        "--checks=coro-* or fix 'Checks' in .clang-tidy)"));

  llvm::Expected<Inputs> In = loadInputs(*Opts, argv[0]);
  if (!In)
    return fail(In.takeError());
  if (llvm::Error E = verifyConfigFiles(Opts->Tidy, In->Files))
    return fail(std::move(E));
  ReportInfo Info{Opts->Root, COROLINT_VERSION, Checks->Enabled};
  std::optional<ShardData> Shard;
  if (Opts->Shard) {
    Shard.emplace();
    Shard->Shard = Opts->Shard;
    Shard->Version = COROLINT_VERSION;
    Shard->Root = Opts->Root;
    Shard->Diff = In->DiffText;
    Shard->SkippedOtherLanguages = In->SkippedOtherLanguages;
    In->Files = filesOfShard(In->Files, Opts->Shard);
    Shard->Files = In->Files;
  }
  if (In->Files.empty() && !Shard)
    return reportNothingAffected(*Opts, Info);

  std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> Provider =
      Opts->Tidy.makeProvider();
  llvm::Expected<std::unique_ptr<ResultCache>> Cache =
      openResultCache(Opts->Cache, *In->Database, *Provider, Opts->Run,
                      Opts->Run.WorkerCommand.front());
  if (!Cache)
    return fail(Cache.takeError());
  std::optional<TextStream> Stream;
  if (canStream(*Opts, *In))
    Stream.emplace(*Opts, In->Files.front());
  std::vector<UnitResult> Units = runUnits(
      In->Files, Opts->Run, Cache->get(),
      Stream ? [&](const UnitResult &U) { Stream->add(U); }
             : std::function<void(const UnitResult &)>());
  Opts->Streamed = Stream.has_value();
  if (*Cache) {
    CacheStats Stats = (*Cache)->finish();
    if (Opts->Cache.PrintStats)
      printCacheStats(Stats, Opts->Cache.Directory);
  }
  // --diff-mode=new: the same units again, as the base revision has them
  // (those it has at all), through the same workers; never the cache.
  std::vector<UnitResult> BaseUnits;
  if (In->Base) {
    RunOptions AtBase = Opts->Run;
    AtBase.BaseRevision = In->Base->revision();
    AtBase.RecordInputs = false;
    std::vector<std::string> Existing;
    for (const std::string &F : In->Files)
      if (In->Base->exists(F))
        Existing.push_back(F);
    if (!Existing.empty())
      BaseUnits = runUnits(Existing, AtBase);
  }
  if (Shard) {
    Shard->Units = Units;
    for (UnitResult &U : Shard->Units)
      U.Inputs.clear(); // the cache's business, not the merge's
    if (In->Base) {
      Shard->BaseRevision = In->Base->revision();
      Shard->BaseUnits = BaseUnits;
    }
    if (Shard->Shard.Piece)
      relativeToRoot(*Shard);
    Info.Shard = toJSON(*Shard);
  }
  return reportUnits(*Opts, *In, std::move(Units), std::move(Info),
                     std::move(BaseUnits));
}
