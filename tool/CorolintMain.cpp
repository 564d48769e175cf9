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
//   (ResultCache.h) answers for the files it can before the run.
//
//===----------------------------------------------------------------------===//

#include "CommandLine.h"
#include "Configuration.h"
#include "Findings.h"
#include "Inputs.h"
#include "Output.h"
#include "Report.h"
#include "ResultCache.h"
#include "Runner.h"
#include "Worker.h"
#include "llvm/Support/InitLLVM.h"

using namespace corolint;

int main(int argc, const char **argv) {
  llvm::InitLLVM X(argc, argv);
  llvm::Expected<Options> Opts = parseCommandLine(argc, argv);
  if (!Opts)
    return fail(Opts.takeError());
  if (Opts->Run.Worker) {
    // A worker analyses the files the driver sends it: it needs the
    // compile database only. The driver checked the configuration, and
    // --diff was the driver's to read.
    Opts->Diff.clear();
    llvm::Expected<Inputs> In = loadInputs(*Opts, argv[0]);
    if (!In)
      return fail(In.takeError());
    return serveAsWorker(*In->Database,
                         [&] { return Opts->Tidy.makeProvider(); }, Opts->Run);
  }

  llvm::Expected<CheckSelection> Checks =
      selectChecks(Opts->Tidy, Opts->ConfigPath);
  if (!Checks)
    return fail(Checks.takeError());
  if (Opts->Query != ConfigQuery::None) {
    answerQuery(Opts->Query, *Checks);
    return ExitClean;
  }
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
  if (In->Files.empty())
    return reportNothingAffected(*Opts, Info);

  std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> Provider =
      Opts->Tidy.makeProvider();
  llvm::Expected<std::unique_ptr<ResultCache>> Cache =
      openResultCache(Opts->Cache, *In->Database, *Provider, Opts->Run,
                      Opts->Run.WorkerCommand.front());
  if (!Cache)
    return fail(Cache.takeError());
  RunResult Run = runParallel(In->Files, Opts->Run, Cache->get());
  if (*Cache) {
    CacheStats Stats = (*Cache)->finish();
    if (Opts->Cache.PrintStats)
      printCacheStats(Stats, Opts->Cache.Directory);
  }

  SourceCache Sources;
  FindingFilter Filter{In->Changes ? &*In->Changes : nullptr,
                       Opts->Accepted ? &*Opts->Accepted : nullptr};
  Results Found =
      collectFindings(std::move(Run.Diagnostics), Opts->Root, Filter, Sources);
  if (!Opts->WriteBaseline.empty())
    return recordBaseline(*Opts, Found, Run.Summary);
  return report(*Opts, *In, Run.Summary, Found, std::move(Info), Sources);
}
