//===--- Output.cpp -------------------------------------------------------===//

#include "Output.h"
#include "Baseline.h"
#include "Diagnostics.h"
#include "Fixes.h"
#include "clang-tidy/ClangTidy.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang::tidy;
using namespace llvm;

namespace corolint {
namespace {

raw_ostream &error() { return errs() << "corolint: error: "; }

std::string plural(size_t N, StringRef One, StringRef Many) {
  return std::to_string(N) + " " + (N == 1 ? One : Many).str();
}

/// Writes \p Write's output to \p Path atomically; false (with an error
/// printed, \p What naming the file) when it cannot.
bool writeFile(StringRef Path, const Twine &What,
               function_ref<void(raw_ostream &)> Write) {
  if (Error E = writeToOutput(Path, [&](raw_ostream &OS) {
        Write(OS);
        return Error::success();
      })) {
    error() << "cannot write " << What << "'" << Path
            << "': " << toString(std::move(E)) << "\n";
    return false;
  }
  return true;
}

/// Writes the --format report to --output (atomically) or standard output.
bool writeReport(const Options &Opts, const std::vector<Finding> &Findings,
                 const ReportInfo &Info, SourceCache &Sources) {
  auto Write = [&](raw_ostream &OS) {
    if (Opts.Format == "sarif")
      writeSarif(OS, Findings, Info, Sources);
    else if (Opts.Format == "json")
      writeJson(OS, Findings, Info);
    else
      writeGithub(OS, Findings);
  };
  if (Opts.OutputFile.empty()) {
    Write(outs());
    return true;
  }
  return writeFile(Opts.OutputFile, "", Write);
}

/// The text report is clang-tidy's: it prints the diagnostics and applies
/// the fixes --fix asks for.
void writeText(const std::vector<ClangTidyError> &Diagnostics,
               ClangTidyContext &Reporting, FixBehaviour Fix) {
  unsigned WErrorCount = 0;
  handleErrors(Diagnostics, Reporting, Fix, WErrorCount,
               vfs::getRealFileSystem());
}

void printFailureDetail(const FailureDetail &D);

void printFailures(const std::vector<std::pair<std::string, std::string>> &Failed,
                   const std::map<std::string, FailureDetail> &Details) {
  for (const auto &[File, Why] : Failed) {
    auto Detail = Details.find(File);
    error() << "'" << File << "' " << Why
            << (StringRef(Why).starts_with("does not parse")
                    ? "; fix it or its compile command, the other files were "
                      "analysed\n"
                : Detail != Details.end()
                    ? "; the other files were analysed\n"
                    : "; check the path, the other files were analysed\n");
    if (Detail != Details.end())
      printFailureDetail(Detail->second);
  }
}

/// How to reproduce a failure, and the end of what its worker printed.
void printFailureDetail(const FailureDetail &D) {
  if (!D.Reproduce.empty())
    errs() << "  to reproduce it alone: " << D.Reproduce << "\n";
  if (StringRef(D.StderrExcerpt).trim().empty())
    return;
  errs() << "  the worker's standard error:\n";
  SmallVector<StringRef> Lines;
  StringRef(D.StderrExcerpt).rtrim().split(Lines, '\n');
  for (StringRef L : Lines)
    errs() << "  | " << L << "\n";
}

void printStats(const ClangTidyStats &Stats) {
  if (!Stats.errorsIgnored())
    return;
  errs() << "Suppressed " << Stats.errorsIgnored() << " warnings (";
  StringRef Sep = "";
  if (Stats.ErrorsIgnoredNonUserCode) {
    errs() << Stats.ErrorsIgnoredNonUserCode << " in non-user code";
    Sep = ", ";
  }
  if (Stats.ErrorsIgnoredLineFilter) {
    errs() << Sep << Stats.ErrorsIgnoredLineFilter << " due to line filter";
    Sep = ", ";
  }
  if (Stats.ErrorsIgnoredNOLINT) {
    errs() << Sep << Stats.ErrorsIgnoredNOLINT << " NOLINT";
    Sep = ", ";
  }
  if (Stats.ErrorsIgnoredCheckFilter)
    errs() << Sep << Stats.ErrorsIgnoredCheckFilter << " with check filters";
  errs() << ").\n";
}

/// "corolint: 3 findings, 12 files analysed, 0 files failed".
void printSummaryLine(const Options &Opts, const Results &R,
                      const RunSummary &Run, size_t SkippedOtherLanguages) {
  errs() << "corolint: " << plural(R.Findings.size(), "finding", "findings");
  if (Opts.Accepted)
    errs() << " (" << R.Baselined << " more in the baseline)";
  errs() << ", " << plural(Run.Analysed, "file", "files") << " analysed, "
         << plural(Run.Failed.size(), "file", "files") << " failed";
  if (SkippedOtherLanguages)
    errs() << " (" << plural(SkippedOtherLanguages, "file", "files")
           << " of other languages skipped)";
  errs() << "\n";
}

} // namespace

int fail(Error E) {
  handleAllErrors(std::move(E), [](const ErrorInfoBase &Info) {
    error() << Info.message() << "\n";
  });
  return ExitFailure;
}

int report(const Options &Opts, const Inputs &In, const RunSummary &Run,
           const Results &R, ReportInfo Info, SourceCache &Sources) {
  const std::vector<std::string> &Files = In.Files;
  const bool CompilerErrors = !Run.Failed.empty();
  const bool DisableFixes = CompilerErrors && !Opts.FixErrors;
  std::vector<ClangTidyError> Diagnostics = diagnosticsOf(R);
  const FixBehaviour Fix = DisableFixes ? FB_NoFix : Opts.Fix;
  const std::vector<std::string> Changed =
      Opts.Format == "text" && Fix != FB_NoFix
          ? holdBackStaleFixes(Diagnostics, Run.AnalysedContent)
          : std::vector<std::string>();
  // The text report's context, with the first file's configuration. Made
  // for every format: it is where a malformed .clang-tidy is complained
  // about once more after the run, and the output has always had that.
  ClangTidyContext Reporting(Opts.Tidy.makeProvider());
  Reporting.setCurrentFile(Files.front());
  if (Opts.Format == "text") {
    writeText(Diagnostics, Reporting, Fix);
  } else {
    Info.FilesAnalysed = Run.Analysed;
    Info.Baselined = R.Baselined;
    if (!writeReport(Opts, R.Findings, Info, Sources))
      return ExitFailure;
  }
  bool Written = true;
  if (!Opts.ExportFixes.empty())
    Written = writeFile(Opts.ExportFixes, "--export-fixes file ",
                        [&](raw_ostream &OS) {
                          exportReplacements(Files.size() == 1 ? Files.front()
                                                               : "",
                                             Diagnostics, OS);
                        });
  printFailures(Run.Failed, Run.FailureDetails);
  for (const std::string &File : Changed)
    error() << "'" << File
            << "' changed on disk while it was analysed; its fixes were not "
               "applied (run --fix again)\n";
  if (!Opts.Quiet) {
    printStats(Run.Stats);
    if (DisableFixes && Opts.Fix != FB_NoFix)
      errs() << "Found compiler errors, but --fix-errors was not specified. "
                "Fixes have NOT been applied.\n";
    printSummaryLine(Opts, R, Run, In.SkippedOtherLanguages);
  }
  const bool ConfigProblems = any_of(R.Others, [](const ClangTidyError &E) {
    return classify(E) == DiagnosticKind::ConfigProblem;
  });
  if (ConfigProblems || CompilerErrors || !Written || !Changed.empty())
    return ExitFailure;
  return R.Findings.empty() ? ExitClean : ExitFindings;
}

int recordBaseline(const Options &Opts, const Results &R, const RunSummary &Run) {
  if (!writeFile(Opts.WriteBaseline, "baseline ", [&](raw_ostream &OS) {
        writeBaseline(OS, R.Findings);
      }))
    return ExitFailure;
  if (!Opts.Quiet)
    errs() << "corolint: recorded "
           << plural(R.Findings.size(), "finding", "findings") << " in "
           << Opts.WriteBaseline << "\n";
  return Run.Failed.empty() ? ExitClean : ExitFailure;
}

int reportNothingAffected(const Options &Opts, const ReportInfo &Info) {
  if (!Opts.Quiet)
    errs() << "corolint: no translation unit is affected by the change\n";
  if (Opts.Format == "text")
    return ExitClean;
  SourceCache NoSources;
  return writeReport(Opts, {}, Info, NoSources) ? ExitClean : ExitFailure;
}

} // namespace corolint
