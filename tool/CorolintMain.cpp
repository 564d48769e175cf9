//===--- CorolintMain.cpp - the corolint command-line driver --------------===//
//
// clang-tidy's interface and machinery (options, .clang-tidy lookup, NOLINT,
// diagnostics, fix application, --export-fixes) over the coro checks, plus
// what clang-tidy's own main lacks: translation units analysed in parallel,
// findings de-duplicated across them, a progress line, a summary and an exit
// status a CI job can rely on.
//
//===----------------------------------------------------------------------===//

#include "ChangedLines.h"
#include "CompileDatabase.h"
#include "Findings.h"
#include "Report.h"
#include "Runner.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang-tidy/GlobList.h"
#include "clang/Basic/Version.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"
#include <thread>

using namespace clang::tidy;
using namespace llvm;

namespace {

enum ExitCode { ExitClean = 0, ExitFindings = 1, ExitFailure = 2 };

cl::OptionCategory CorolintCategory("corolint options");

const char Overview[] = R"(corolint: finds async misuse in C++20 coroutine code.

Usage: corolint [options] [<source>...] [-- <compiler args>]

  With -p <build-dir> and no sources, every translation unit in that build's
  compile_commands.json is analysed. The options, .clang-tidy files and
  NOLINT comments work as in clang-tidy 19. Default checks: coro-*.
)";

cl::extrahelp ExitHelp(R"(
Exit status:
  0  nothing found
  1  findings reported
  2  corolint could not do its job: bad usage or configuration, no or
     malformed compile database, a source file that does not exist or does
     not parse (the other files are still analysed and reported)
)");

cl::desc desc(StringRef D) { return cl::desc(D.trim()); }

cl::list<std::string> Sources(cl::Positional, cl::desc("[<source>...]"),
                              cl::cat(CorolintCategory));
cl::opt<std::string> BuildPath("p", desc("Build directory holding compile_commands.json (or the file itself)"),
                               cl::value_desc("build-dir"),
                               cl::cat(CorolintCategory));
cl::list<std::string> ArgsAfter("extra-arg", desc("Additional argument to append to the compiler command line"),
                                cl::cat(CorolintCategory));
cl::list<std::string> ArgsBefore("extra-arg-before", desc("Additional argument to prepend to the compiler command line"),
                                 cl::cat(CorolintCategory));
cl::opt<std::string> Checks("checks", desc(R"(
Comma-separated list of globs with optional '-' prefix, appended to the
'Checks' of .clang-tidy files (as in clang-tidy). Default: coro-*)"),
                            cl::init(""), cl::cat(CorolintCategory));
cl::opt<std::string> WarningsAsErrors("warnings-as-errors", desc("Upgrades warnings to errors. Same format as --checks"),
                                      cl::init(""), cl::cat(CorolintCategory));
cl::opt<std::string> HeaderFilter("header-filter", desc(R"(
Regular expression matching the names of the headers to output diagnostics
from. Diagnostics from the main file of each translation unit are always
displayed)"),
                                  cl::init(""), cl::cat(CorolintCategory));
cl::opt<std::string> ExcludeHeaderFilter("exclude-header-filter", desc("Regular expression matching the names of headers to exclude diagnostics from"),
                                         cl::init(""), cl::cat(CorolintCategory));
cl::opt<bool> SystemHeaders("system-headers", desc("Display the errors from system headers"),
                            cl::init(false), cl::cat(CorolintCategory));
cl::opt<std::string> LineFilter("line-filter", desc("JSON list of files and line ranges to output diagnostics from (as in clang-tidy)"),
                                cl::init(""), cl::cat(CorolintCategory));
cl::opt<bool> Fix("fix", desc("Apply suggested fixes (files are rewritten atomically)"),
                  cl::init(false), cl::cat(CorolintCategory));
cl::opt<bool> FixErrors("fix-errors", desc("Apply suggested fixes even if compilation errors were found"),
                        cl::init(false), cl::cat(CorolintCategory));
cl::opt<bool> FixNotes("fix-notes", desc(R"(
Also apply fixes found in notes: the rewrites that change what the program
does (such as inserting 'co_await'). Implies --fix)"),
                       cl::init(false), cl::cat(CorolintCategory));
cl::opt<std::string> FormatStyle("format-style", desc("Style for formatting code around applied fixes (none, file, llvm, ...)"),
                                 cl::init("none"), cl::cat(CorolintCategory));
cl::opt<bool> ListChecks("list-checks", desc("List all enabled checks and exit. Use with --checks=* to list all"),
                         cl::init(false), cl::cat(CorolintCategory));
cl::opt<std::string> Config("config", desc("Configuration in YAML/JSON format, as clang-tidy's --config"),
                            cl::init(""), cl::cat(CorolintCategory));
cl::opt<std::string> ConfigFile("config-file", desc("Path of a .clang-tidy-format configuration file"),
                                cl::init(""), cl::cat(CorolintCategory));
cl::opt<bool> DumpConfig("dump-config", desc("Dump the effective configuration, with check options, in YAML and exit"),
                         cl::init(false), cl::cat(CorolintCategory));
cl::opt<bool> VerifyConfig("verify-config", desc("Check the configuration for unknown checks and options and exit"),
                           cl::init(false), cl::cat(CorolintCategory));
cl::opt<std::string> ExportFixes("export-fixes", desc("YAML file to store suggested fixes in (for clang-apply-replacements)"),
                                 cl::value_desc("filename"), cl::cat(CorolintCategory));
cl::opt<bool> Quiet("quiet", desc("Suppress statistics and the summary line"),
                    cl::init(false), cl::cat(CorolintCategory));
cl::opt<bool> UseColor("use-color", desc("Use colors in diagnostics"),
                       cl::init(false), cl::cat(CorolintCategory));
cl::opt<unsigned> Jobs("j", desc("Number of translation units analysed in parallel (default: number of cores)"),
                       cl::init(0), cl::cat(CorolintCategory));
cl::opt<bool> EnableCheckProfile("enable-check-profile", desc("Enable per-check timing profiles, printed to stderr"),
                                 cl::init(false), cl::cat(CorolintCategory));

cl::OptionCategory CICategory("corolint CI options");
cl::opt<std::string> Format("format", desc(R"(
Output format: text (clang-tidy's diagnostics, the default), sarif (SARIF
2.1.0, for GitHub code scanning), json, or github (workflow-command
annotations))"),
                            cl::init("text"), cl::cat(CICategory));
cl::opt<std::string> Output("output", desc("Write the report to this file instead of standard output (sarif, json, github)"),
                            cl::value_desc("file"), cl::cat(CICategory));
cl::opt<std::string> Root("root", desc(R"(
Directory findings are reported relative to (SARIF %SRCROOT%, baselines,
--diff paths). Default: the enclosing git work tree, else the current
directory)"),
                          cl::value_desc("dir"), cl::cat(CICategory));
cl::opt<std::string> WriteBaseline("write-baseline", desc(R"(
Record today's findings in this file and exit 0: later runs with
--baseline report only findings not in it)"),
                                   cl::value_desc("file"), cl::cat(CICategory));
cl::opt<std::string> BaselineFile("baseline", desc(R"(
Report only findings not recorded in this baseline; the exit status counts
only those. Matching ignores line numbers: findings keep matching when
unrelated edits move them)"),
                                  cl::value_desc("file"), cl::cat(CICategory));
cl::opt<std::string> Diff("diff", desc(R"(
Report only findings on lines changed since this git revision (committed or
not), analysing only the translation units that are changed or include a
changed file. '-' reads a unified diff from standard input instead)"),
                          cl::value_desc("rev"), cl::cat(CICategory));

constexpr char DefaultChecks[] = "coro-*";

raw_ostream &error() { return errs() << "corolint: error: "; }

std::optional<ClangTidyOptions> ParsedConfig;
// --line-filter, parsed once in main.
ClangTidyGlobalOptions GlobalOptions;

std::unique_ptr<ClangTidyOptionsProvider> makeOptionsProvider() {
  ClangTidyOptions DefaultOptions;
  DefaultOptions.Checks = DefaultChecks;
  DefaultOptions.WarningsAsErrors = "";
  DefaultOptions.HeaderFilterRegex = HeaderFilter;
  DefaultOptions.ExcludeHeaderFilterRegex = ExcludeHeaderFilter;
  DefaultOptions.SystemHeaders = SystemHeaders;
  DefaultOptions.FormatStyle = FormatStyle;
  DefaultOptions.User = sys::Process::GetEnv("USER");

  ClangTidyOptions OverrideOptions;
  if (Checks.getNumOccurrences() > 0)
    OverrideOptions.Checks = Checks;
  if (WarningsAsErrors.getNumOccurrences() > 0)
    OverrideOptions.WarningsAsErrors = WarningsAsErrors;
  if (HeaderFilter.getNumOccurrences() > 0)
    OverrideOptions.HeaderFilterRegex = HeaderFilter;
  if (ExcludeHeaderFilter.getNumOccurrences() > 0)
    OverrideOptions.ExcludeHeaderFilterRegex = ExcludeHeaderFilter;
  if (SystemHeaders.getNumOccurrences() > 0)
    OverrideOptions.SystemHeaders = SystemHeaders;
  if (FormatStyle.getNumOccurrences() > 0)
    OverrideOptions.FormatStyle = FormatStyle;
  if (UseColor.getNumOccurrences() > 0)
    OverrideOptions.UseColor = UseColor;

  if (ParsedConfig)
    return std::make_unique<ConfigOptionsProvider>(
        GlobalOptions,
        ClangTidyOptions::getDefaults().merge(DefaultOptions, 0),
        *ParsedConfig, std::move(OverrideOptions));
  return std::make_unique<FileOptionsProvider>(
      GlobalOptions, std::move(DefaultOptions),
      std::move(OverrideOptions));
}

StringRef closest(StringRef Value, const StringSet<> &Allowed) {
  unsigned MaxEdit = 5U;
  StringRef Closest;
  for (StringRef Item : Allowed.keys()) {
    unsigned Cur = Value.edit_distance_insensitive(Item, true, MaxEdit);
    if (Cur < MaxEdit) {
      Closest = Item;
      MaxEdit = Cur;
    }
  }
  return Closest;
}

/// Unknown check names and options are errors when the user gave them to
/// corolint; in .clang-tidy files, which clang-tidy reads too, only names in
/// corolint's own "coro-" space are checked.
bool verifyConfiguration(ClangTidyOptionsProvider &Provider,
                         StringRef FilePath) {
  NamesAndOptions Valid = getAllChecksAndOptions();
  bool Bad = false;
  for (const auto &[Opts, Source] : Provider.getRawOptions(FilePath)) {
    if (Source == "clang-tidy binary")
      continue;
    const bool Ours = !sys::fs::exists(Source);
    if (Opts.Checks) {
      GlobList Globs(*Opts.Checks);
      for (const auto &Item : Globs.getItems()) {
        if (!Item.IsPositive || Item.Text.starts_with("clang-diagnostic"))
          continue;
        if (!Ours && !Item.Text.starts_with("coro-"))
          continue;
        if (llvm::any_of(Valid.Names.keys(),
                         [&](StringRef S) { return Item.Regex.match(S); }))
          continue;
        Bad = true;
        error() << "unknown check '" << Item.Text << "' in " << Source;
        StringRef Near = closest(Item.Text, Valid.Names);
        if (!Near.empty())
          errs() << "; did you mean '" << Near << "'?";
        errs() << " (see --list-checks --checks=*)\n";
      }
    }
    for (const auto &KV : Opts.CheckOptions) {
      StringRef Key = KV.getKey();
      if (Valid.Options.contains(Key) || (!Ours && !Key.starts_with("coro-")))
        continue;
      if (!Key.contains('.'))
        continue; // a global option such as StrictMode
      Bad = true;
      error() << "unknown check option '" << Key << "' in " << Source;
      StringRef Near = closest(Key, Valid.Options);
      if (!Near.empty())
        errs() << "; did you mean '" << Near << "'?";
      errs() << "\n";
    }
  }
  return !Bad;
}

std::string absolute(StringRef Path) {
  SmallString<256> Abs(Path);
  sys::fs::make_absolute(Abs);
  sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs);
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

/// Writes the --format report to --output (atomically) or standard output.
bool writeReport(const std::vector<corolint::Finding> &Findings,
                 const corolint::ReportInfo &Info, corolint::SourceCache &Sources) {
  auto Write = [&](raw_ostream &OS) {
    if (Format == "sarif")
      corolint::writeSarif(OS, Findings, Info, Sources);
    else if (Format == "json")
      corolint::writeJson(OS, Findings, Info);
    else
      corolint::writeGithub(OS, Findings);
  };
  if (Output.empty()) {
    Write(outs());
    return true;
  }
  if (Error E = writeToOutput(Output, [&](raw_ostream &OS) {
        Write(OS);
        return Error::success();
      })) {
    error() << "cannot write '" << Output << "': " << toString(std::move(E))
            << "\n";
    return false;
  }
  return true;
}

std::string plural(size_t N, StringRef One, StringRef Many) {
  return std::to_string(N) + " " + (N == 1 ? One : Many).str();
}

} // namespace

int main(int argc, const char **argv) {
  InitLLVM X(argc, argv);
  cl::HideUnrelatedOptions({&CorolintCategory, &CICategory});
  cl::SetVersionPrinter([](raw_ostream &OS) {
    OS << "corolint " << COROLINT_VERSION << " (" << clang::getClangFullVersion()
       << ")\n";
  });

  // Compiler arguments after "--" make a fixed compile database, as in
  // clang-tidy; what is left is corolint's own command line.
  int Argc = argc;
  std::string FixedError;
  std::unique_ptr<clang::tooling::CompilationDatabase> Fixed =
      clang::tooling::FixedCompilationDatabase::loadFromCommandLine(
          Argc, argv, FixedError);
  if (!FixedError.empty()) {
    error() << FixedError << "\n";
    return ExitFailure;
  }
  std::string ParseErrors;
  raw_string_ostream ParseOS(ParseErrors);
  if (!cl::ParseCommandLineOptions(Argc, argv, Overview, &ParseOS)) {
    StringRef First = StringRef(ParseErrors).split('\n').first.trim();
    First.consume_front("corolint: ");
    error() << First << " (see corolint --help)\n";
    return ExitFailure;
  }

  // Output paths are the user's, relative to where corolint was started.
  for (cl::opt<std::string> *Path : {&Output, &WriteBaseline, &BaselineFile, &ExportFixes})
    if (!Path->empty())
      *Path = absolute(*Path);

  if (Format != "text" && Format != "sarif" && Format != "json" &&
      Format != "github") {
    error() << "unknown --format '" << Format
            << "'; use text, sarif, json or github\n";
    return ExitFailure;
  }
  if (!Output.empty() && Format == "text") {
    error() << "--output needs --format=sarif, json or github (text goes to "
               "standard output)\n";
    return ExitFailure;
  }
  if (Format != "text" && (Fix || FixNotes || FixErrors)) {
    error() << "--fix applies with --format=text only; run the fix and the "
               "report separately\n";
    return ExitFailure;
  }
  if (!WriteBaseline.empty() && !BaselineFile.empty()) {
    error() << "--write-baseline and --baseline are mutually exclusive\n";
    return ExitFailure;
  }
  std::optional<corolint::Baseline> Accepted;
  if (!BaselineFile.empty()) {
    auto B = corolint::readBaseline(BaselineFile);
    if (!B) {
      error() << toString(B.takeError()) << "\n";
      return ExitFailure;
    }
    Accepted = std::move(*B);
  }
  const std::string ProjectRoot = corolint::findRoot(Root);

  if (std::error_code EC = parseLineFilter(LineFilter, GlobalOptions)) {
    error() << "invalid --line-filter: " << EC.message() << "\n";
    return ExitFailure;
  }
  if (ConfigFile.getNumOccurrences() && Config.getNumOccurrences()) {
    error() << "--config-file and --config are mutually exclusive; pass one\n";
    return ExitFailure;
  }
  if (ConfigFile.getNumOccurrences() || Config.getNumOccurrences()) {
    std::string Text = Config, Source = "--config";
    if (ConfigFile.getNumOccurrences()) {
      auto Buffer = MemoryBuffer::getFile(ConfigFile);
      if (!Buffer) {
        error() << "cannot read config file '" << ConfigFile
                << "': " << Buffer.getError().message() << "\n";
        return ExitFailure;
      }
      Text = (*Buffer)->getBuffer().str();
      Source = ConfigFile;
    }
    auto Parsed = parseConfiguration(MemoryBufferRef(Text, Source));
    if (!Parsed) {
      error() << "invalid configuration in " << Source << ": "
              << Parsed.getError().message() << "\n";
      return ExitFailure;
    }
    ParsedConfig = std::move(*Parsed);
  }

  std::vector<std::string> Files;
  for (const std::string &S : Sources)
    Files.push_back(absolute(S));

  std::unique_ptr<ClangTidyOptionsProvider> Provider = makeOptionsProvider();
  const std::string ConfigPath =
      Files.empty() ? absolute("dummy") : Files.front();
  ClangTidyOptions Effective = Provider->getOptions(ConfigPath);
  std::vector<std::string> Enabled = getCheckNames(Effective, false);

  if (!verifyConfiguration(*Provider, ConfigPath))
    return ExitFailure;
  if (VerifyConfig) {
    outs() << "No config errors detected.\n";
    return ExitClean;
  }
  if (ListChecks) {
    outs() << "Enabled checks:";
    for (const std::string &C : Enabled)
      outs() << "\n    " << C;
    outs() << "\n\n";
    return ExitClean;
  }
  if (DumpConfig) {
    Effective.CheckOptions = getCheckOptions(Effective, false);
    outs() << configurationAsText(
                  ClangTidyOptions::getDefaults().merge(Effective, 0))
           << "\n";
    return ExitClean;
  }
  if (Enabled.empty()) {
    error() << "no checks enabled; the configuration disables them all "
               "(pass --checks=coro-* or fix 'Checks' in .clang-tidy)\n";
    return ExitFailure;
  }

  size_t SkippedOtherLanguages = 0;
  corolint::DatabaseRequest Request;
  Request.BuildPath = BuildPath;
  Request.Fixed = std::move(Fixed);
  Request.Sources = Files;
  Request.ExtraArgs.assign(ArgsAfter.begin(), ArgsAfter.end());
  Request.ExtraArgsBefore.assign(ArgsBefore.begin(), ArgsBefore.end());
  const bool HasFixed = Request.Fixed != nullptr;
  auto DB = corolint::loadCompileDatabase(std::move(Request), argv[0]);
  if (!DB) {
    error() << toString(DB.takeError()) << "\n";
    return ExitFailure;
  }
  if (Files.empty()) {
    if (HasFixed || BuildPath.empty()) {
      error() << "no input files; name source files or pass -p <build-dir> "
                 "to analyse the whole build\n";
      return ExitFailure;
    }
    // The C and C++ sources: builds list assembly and other languages too.
    for (std::string &F : (*DB)->getAllFiles())
      if (corolint::isCOrCxxSource(F))
        Files.push_back(std::move(F));
      else
        ++SkippedOtherLanguages;
    if (Files.empty()) {
      error() << "the compile database in '" << BuildPath
              << "' lists no files\n";
      return ExitFailure;
    }
  }
  // One analysis per file, whatever the database lists it as.
  std::sort(Files.begin(), Files.end());
  Files.erase(std::unique(Files.begin(), Files.end()), Files.end());

  InitializeAllTargetInfos();
  InitializeAllTargetMCs();
  InitializeAllAsmParsers();

  corolint::ReportInfo Info; // for --format other than text
  Info.Root = ProjectRoot;
  Info.Version = COROLINT_VERSION;
  Info.Checks = Enabled;

  std::optional<corolint::ChangedLines> Changes;
  if (!Diff.empty()) {
    Expected<std::string> Text = std::string();
    if (Diff == "-") {
      auto In = MemoryBuffer::getSTDIN();
      if (!In) {
        error() << "cannot read the diff on standard input: "
                << In.getError().message() << "\n";
        return ExitFailure;
      }
      Text = (*In)->getBuffer().str();
    } else {
      Text = corolint::gitDiff(Diff, ProjectRoot);
    }
    if (!Text) {
      error() << toString(Text.takeError()) << "\n";
      return ExitFailure;
    }
    auto Parsed = corolint::ChangedLines::parse(*Text, ProjectRoot);
    if (!Parsed) {
      error() << "--diff: " << toString(Parsed.takeError()) << "\n";
      return ExitFailure;
    }
    Changes = std::move(*Parsed);
    Files = corolint::affectedTranslationUnits(Files, *Changes, **DB);
    if (Files.empty()) {
      if (!Quiet)
        errs() << "corolint: no translation unit is affected by the change\n";
      if (Format != "text") {
        corolint::SourceCache NoSources;
        if (!writeReport({}, Info, NoSources))
          return ExitFailure;
      }
      return ExitClean;
    }
  }

  corolint::RunOptions Run;
  Run.Jobs = Jobs ? Jobs : std::max(1u, std::thread::hardware_concurrency());
  Run.ApplyAnyFix = FixNotes;
  Run.EnableCheckProfile = EnableCheckProfile;
  Run.Progress = sys::Process::StandardErrIsDisplayed();
  corolint::RunResult Result =
      corolint::runParallel(Files, **DB, makeOptionsProvider, Run);

  // The findings to report: on changed lines (--diff), not in the baseline.
  corolint::SourceCache Sources;
  std::vector<corolint::Finding> Findings =
      corolint::makeFindings(Result.Errors, ProjectRoot, Sources);
  if (Changes)
    llvm::erase_if(Findings, [&](const corolint::Finding &F) {
      return !Changes->contains(F.Where.File, F.Where.Line);
    });
  if (!WriteBaseline.empty()) {
    if (Error E = writeToOutput(WriteBaseline, [&](raw_ostream &OS) {
          corolint::writeBaseline(OS, Findings);
          return Error::success();
        })) {
      error() << "cannot write baseline '" << WriteBaseline
              << "': " << toString(std::move(E)) << "\n";
      return ExitFailure;
    }
    if (!Quiet)
      errs() << "corolint: recorded " << plural(Findings.size(), "finding", "findings")
             << " in " << WriteBaseline << "\n";
    return Result.Failed.empty() ? ExitClean : ExitFailure;
  }
  size_t Baselined = 0;
  if (Accepted)
    Baselined = corolint::subtractBaseline(Findings, *Accepted);
  if (Changes || Accepted) {
    // Keep compiler errors and configuration problems, and the findings.
    std::vector<bool> Keep(Result.Errors.size(), false);
    for (size_t I = 0; I < Result.Errors.size(); ++I)
      Keep[I] = corolint::isCompilerError(Result.Errors[I]) ||
                Result.Errors[I].DiagnosticName == "clang-tidy-config";
    for (const corolint::Finding &F : Findings)
      Keep[F.ErrorIndex] = true;
    std::vector<ClangTidyError> Kept;
    for (size_t I = 0; I < Result.Errors.size(); ++I)
      if (Keep[I])
        Kept.push_back(std::move(Result.Errors[I]));
    Result.Errors = std::move(Kept);
  }

  const bool CompilerErrors = !Result.Failed.empty();
  FixBehaviour Behaviour =
      FixNotes ? FB_FixNotes : (Fix || FixErrors) ? FB_Fix : FB_NoFix;
  const bool DisableFixes = CompilerErrors && !FixErrors;
  ClangTidyContext Reporting(makeOptionsProvider());
  Reporting.setCurrentFile(Files.front());
  unsigned WErrorCount = 0;
  if (Format == "text") {
    handleErrors(Result.Errors, Reporting, DisableFixes ? FB_NoFix : Behaviour,
                 WErrorCount, vfs::getRealFileSystem());
  } else {
    Info.FilesAnalysed = Result.Analysed;
    Info.Baselined = Baselined;
    if (!writeReport(Findings, Info, Sources))
      return ExitFailure;
  }

  bool ConfigProblems = false;
  for (const ClangTidyError &E : Result.Errors)
    if (E.DiagnosticName == "clang-tidy-config")
      ConfigProblems = true;
  const size_t Count = Findings.size();

  int Status = ExitClean;
  if (!ExportFixes.empty()) {
    if (Error E = writeToOutput(ExportFixes, [&](raw_ostream &OS) {
          exportReplacements(Files.size() == 1 ? Files.front() : "",
                             Result.Errors, OS);
          return Error::success();
        })) {
      error() << "cannot write --export-fixes file '" << ExportFixes
              << "': " << toString(std::move(E)) << "\n";
      Status = ExitFailure;
    }
  }

  for (const auto &[File, Why] : Result.Failed)
    error() << "'" << File << "' " << Why
            << (StringRef(Why).starts_with("does not parse")
                    ? "; fix it or its compile command, the other files were "
                      "analysed\n"
                    : "; check the path, the other files were analysed\n");
  if (!Quiet) {
    printStats(Result.Stats);
    if (DisableFixes && Behaviour != FB_NoFix)
      errs() << "Found compiler errors, but --fix-errors was not specified. "
                "Fixes have NOT been applied.\n";
    errs() << "corolint: " << plural(Count, "finding", "findings");
    if (Accepted)
      errs() << " (" << Baselined << " more in the baseline)";
    errs() << ", " << plural(Result.Analysed, "file", "files") << " analysed, "
           << plural(Result.Failed.size(), "file", "files") << " failed";
    if (SkippedOtherLanguages)
      errs() << " (" << plural(SkippedOtherLanguages, "file", "files")
             << " of other languages skipped)";
    errs() << "\n";
  }
  if (ConfigProblems || CompilerErrors)
    return ExitFailure;
  if (Status != ExitClean)
    return Status;
  return Count ? ExitFindings : ExitClean;
}
