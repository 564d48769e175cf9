//===--- Output.cpp -------------------------------------------------------===//

#include "Output.h"
#include "Baseline.h"
#include "Diagnostics.h"
#include "Fixes.h"
#include "clang-tidy/ClangTidy.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <map>
#include <unistd.h>

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
      writeJson(OS, Findings, Info, Sources);
    else
      writeGithub(OS, Findings, Info);
  };
  if (Opts.OutputFile.empty()) {
    Write(outs());
    return true;
  }
  return writeFile(Opts.OutputFile, "", Write);
}

/// Runs \p Write with standard output going to \p Path, atomically (a
/// temporary file renamed over it): clang-tidy's printer writes to
/// standard output only.
bool withStandardOutputTo(StringRef Path, function_ref<void()> Write) {
  int FD = -1;
  SmallString<256> Temporary;
  auto Fail = [&](const Twine &Why) {
    error() << "cannot write '" << Path << "': " << Why << "\n";
    return false;
  };
  if (std::error_code EC =
          sys::fs::createUniqueFile(Path + ".tmp-%%%%%%", FD, Temporary))
    return Fail(EC.message());
  outs().flush();
  const int Saved = ::dup(STDOUT_FILENO);
  ::dup2(FD, STDOUT_FILENO);
  Write();
  outs().flush();
  ::dup2(Saved, STDOUT_FILENO);
  ::close(Saved);
  ::close(FD);
  if (std::error_code EC = sys::fs::rename(Temporary, Path)) {
    sys::fs::remove(Temporary);
    return Fail(EC.message());
  }
  return true;
}

/// Runs clang-tidy's printer and fixer; its "clang-tidy applied N of M
/// suggested fixes" (on standard error) says corolint, as the rest does.
void printAndFix(const std::vector<ClangTidyError> &Diagnostics,
                 ClangTidyContext &Reporting, FixBehaviour Fix) {
  unsigned WErrorCount = 0;
  int FD = -1;
  SmallString<256> Captured;
  if (Fix == FB_NoFix ||
      sys::fs::createTemporaryFile("corolint-fix", "txt", FD, Captured)) {
    handleErrors(Diagnostics, Reporting, Fix, WErrorCount,
                 vfs::getRealFileSystem());
    return;
  }
  errs().flush();
  const int Saved = ::dup(STDERR_FILENO);
  ::dup2(FD, STDERR_FILENO);
  handleErrors(Diagnostics, Reporting, Fix, WErrorCount,
               vfs::getRealFileSystem());
  errs().flush();
  ::dup2(Saved, STDERR_FILENO);
  ::close(Saved);
  ::close(FD);
  if (auto Text = MemoryBuffer::getFile(Captured)) {
    StringRef Rest = (*Text)->getBuffer();
    while (!Rest.empty()) {
      auto [Line, Tail] = Rest.split('\n');
      if (Line.consume_front("clang-tidy applied "))
        errs() << "corolint applied ";
      errs() << Line << (Tail.empty() && !Rest.ends_with("\n") ? "" : "\n");
      Rest = Tail;
    }
  }
  sys::fs::remove(Captured);
}

/// --fix without --fix-notes: how many findings have their fix on a note
/// (a rewrite that changes what the program does), which it leaves alone.
void printFixesLeftOnNotes(const std::vector<Finding> &Findings) {
  size_t N = 0;
  for (const Finding &F : Findings)
    if (F.Diagnostic.Message.Fix.empty() &&
        any_of(F.Diagnostic.Notes,
               [](const auto &Note) { return !Note.Fix.empty(); }))
      ++N;
  if (N)
    errs() << "corolint: --fix-notes would apply "
           << plural(N, "more fix", "more fixes")
           << " (fixes on notes change what the program does, so --fix "
              "leaves them)\n";
}

} // namespace

bool canStream(const Options &Opts, const Inputs &In) {
  return Opts.Format == "text" && Opts.OutputFile.empty() &&
         Opts.Fix == FB_NoFix && Opts.ExportFixes.empty() &&
         !Opts.Accepted && Opts.WriteBaseline.empty() && !In.Changes &&
         !In.Base && !Opts.Shard && !In.Files.empty();
}

TextStream::TextStream(const Options &Opts, StringRef ConfigFile)
    : Opts(Opts), Reporting(Opts.Tidy.makeProvider()) {
  Reporting.setCurrentFile(ConfigFile);
}

void TextStream::add(const UnitResult &U) {
  errs() << U.Printed;
  std::vector<ClangTidyError> New;
  for (const ClangTidyError &E : U.Diagnostics)
    if (Seen.first(E))
      New.push_back(E);
  if (New.empty())
    return;
  std::stable_sort(New.begin(), New.end(), reportOrder);
  Results R = collectFindings(std::move(New), Opts.Root, {}, Sources);
  printAndFix(diagnosticsOf(R), Reporting, FB_NoFix);
  outs().flush();
}

namespace {

/// The text report is clang-tidy's: it prints the diagnostics and applies
/// the fixes --fix asks for; to --output when given.
bool writeText(const std::vector<ClangTidyError> &Diagnostics,
               ClangTidyContext &Reporting, FixBehaviour Fix,
               StringRef OutputFile) {
  auto Print = [&] { printAndFix(Diagnostics, Reporting, Fix); };
  if (OutputFile.empty()) {
    Print();
    return true;
  }
  return withStandardOutputTo(OutputFile, Print);
}

void printFailureDetail(const FailureDetail &D);

void printFailures(const std::vector<std::pair<std::string, std::string>> &Failed,
                   size_t Files,
                   const std::map<std::string, FailureDetail> &Details) {
  const StringRef Others =
      Failed.size() < Files ? ", the other files were analysed" : "";
  for (const auto &[File, Why] : Failed) {
    auto Detail = Details.find(File);
    const StringRef Advice =
        StringRef(Why).starts_with("does not parse")
            ? "; fix it or its compile command"
        : Detail != Details.end() ? ""
                                  : "; check the path";
    error() << "'" << File << "' " << Why << Advice
            << (Advice.empty() && !Others.empty()
                    ? "; the other files were analysed"
                    : Others)
            << "\n";
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
  errs() << "Suppressed "
         << plural(Stats.errorsIgnored(), "warning", "warnings") << " (";
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
    errs() << Sep
           << plural(Stats.ErrorsIgnoredCheckFilter, "compiler warning",
                     "compiler warnings")
           << ", such as -Wunused-result, that --checks does not enable";
  errs() << ").\n";
}

/// --statistics: findings per check, most first, as ruff prints them.
void printStatistics(const std::vector<Finding> &Findings) {
  std::map<std::string, size_t> Counts;
  for (const Finding &F : Findings)
    ++Counts[F.Check];
  std::vector<std::pair<std::string, size_t>> Sorted(Counts.begin(),
                                                     Counts.end());
  std::stable_sort(Sorted.begin(), Sorted.end(),
                   [](const auto &A, const auto &B) { return A.second > B.second; });
  errs() << "corolint: findings per check:\n";
  for (const auto &[Check, N] : Sorted)
    errs() << format("%6zu  ", N) << Check << "\n";
  if (Sorted.empty())
    errs() << "     0\n";
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
  if (Run.FromCache)
    errs() << "; " << Run.FromCache << " from the result cache";
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
  // (A shard can have no files: then the configuration's own file.)
  Reporting.setCurrentFile(Files.empty() ? Opts.ConfigPath : Files.front());
  if (Opts.Format == "text") {
    if (!Opts.Streamed &&
        !writeText(Diagnostics, Reporting, Fix, Opts.OutputFile))
      return ExitFailure;
    if (Opts.Fix == FB_Fix && !DisableFixes)
      printFixesLeftOnNotes(R.Findings);
  } else {
    Info.FilesAnalysed = Run.Analysed;
    Info.Baselined = R.Baselined;
    Info.Failed = Run.Failed;
    Info.DocsUrl = Opts.DocsUrl;
    if (Opts.ReportSuppressed)
      Info.Suppressed = &R.Suppressed;
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
  printFailures(Run.Failed, Files.size(), Run.FailureDetails);
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
  if (Opts.Statistics)
    printStatistics(R.Findings);
  if (ConfigProblems || CompilerErrors || !Written || !Changed.empty())
    return ExitFailure;
  // --exit-zero lets findings pass, but not the ones --warnings-as-errors
  // asked to fail on (as clang-tidy exits 0 on warnings and 1 on errors:
  // what CMake's CMAKE_CXX_CLANG_TIDY expects).
  const bool Failing =
      Opts.ExitZero ? any_of(R.Findings, [](const Finding &F) { return F.Error; })
                    : !R.Findings.empty();
  return Failing ? ExitFindings : ExitClean;
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
    return Opts.OutputFile.empty() ||
                   withStandardOutputTo(Opts.OutputFile, [] {})
               ? ExitClean
               : ExitFailure;
  SourceCache NoSources;
  ReportInfo WithDocs = Info;
  WithDocs.DocsUrl = Opts.DocsUrl;
  return writeReport(Opts, {}, WithDocs, NoSources) ? ExitClean : ExitFailure;
}

} // namespace corolint
