//===--- CommandLine.cpp --------------------------------------------------===//
//
// The options keep clang-tidy's names and meanings; the CI options (formats,
// baselines, --diff) are corolint's own.
//
//===----------------------------------------------------------------------===//

#include "CommandLine.h"
#include "Findings.h"
#include "Report.h"
#include "Shards.h"
#include "Worker.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Basic/Version.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <thread>

using namespace clang::tidy;
using namespace llvm;

namespace corolint {
namespace {

cl::OptionCategory CorolintCategory("corolint options");

const char Overview[] = R"(corolint: finds async misuse in C++20 coroutine code.

Usage: corolint [options] [<source>...] [-- <compiler args>]

  With -p <build-dir> and no sources, every translation unit in that build's
  compile_commands.json is analysed; a directory stands for the database's
  sources under it. The options, .clang-tidy files and
  NOLINT comments work as in clang-tidy 19. Default checks: coro-*.
)";

cl::extrahelp ExitHelp(R"(
Exit status:
  0  nothing found
  1  findings reported
  2  corolint could not do its job: bad usage or configuration, no or
     malformed compile database, a source file that does not exist or does
     not parse, or that crashed clang or exceeded --timeout or
     --memory-limit (the other files are still analysed and reported)
)");

cl::desc desc(StringRef D) { return cl::desc(D.trim()); }

cl::list<std::string> Sources(cl::Positional, cl::desc("[<source or directory>...]"),
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
from (overrides HeaderFilterRegex in .clang-tidy). Default: the headers
under the project root (--root), never system headers. Diagnostics from the
main file of each translation unit are always displayed)"),
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
cl::opt<std::string> FormatStyle("format-style", desc(R"(
Style for formatting the code around applied fixes, as clang-tidy's: none,
llvm, google, ... or file (the default: the .clang-format that applies to
the file; no formatting when there is none))"),
                                 cl::init("file"), cl::cat(CorolintCategory));
cl::opt<bool> ListChecks("list-checks", desc("List all enabled checks and exit. Use with --checks=* to list all"),
                         cl::init(false), cl::cat(CorolintCategory));
cl::opt<bool> ListProfiles("list-profiles", desc(R"(
List the library profiles and how each activates and exit; with files
(and -p or "--"), which profiles apply to each file and why)"),
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
// A string, read by jobCount: LLVM's own message for a bad number goes
// straight to standard error, around corolint's.
cl::opt<std::string> Jobs("j", desc("Number of translation units analysed in parallel (default: number of cores); -j4, -j 4, --jobs=4 and --jobs 4 all work"),
                          cl::value_desc("n"), cl::Prefix, cl::init("0"),
                          cl::cat(CorolintCategory));
cl::alias JobsLong("jobs", desc("Alias for -j"), cl::aliasopt(Jobs),
                   cl::NotHidden, cl::cat(CorolintCategory));
cl::opt<bool> EnableCheckProfile("enable-check-profile", desc("Enable per-check timing profiles, printed to stderr"),
                                 cl::init(false), cl::cat(CorolintCategory));

cl::opt<unsigned> Timeout("timeout", desc(R"(
Seconds a translation unit may take; a file that takes longer is reported
as failed and the others are still analysed. Default: no limit)"),
                          cl::value_desc("seconds"), cl::init(0),
                          cl::cat(CorolintCategory));
cl::opt<std::string> MemoryLimit("memory-limit", desc(R"(
Address space each worker process may use (such as 2G or 512M); a file
that needs more is reported as failed and the others are still analysed.
Default: no limit)"),
                                 cl::value_desc("size"),
                                 cl::cat(CorolintCategory));
cl::opt<std::string> CacheDir("cache-dir", desc(R"(
Directory of the result cache: a translation unit whose compile command,
configuration and every file it read are unchanged is not analysed again
(its stored findings are replayed). Default: $XDG_CACHE_HOME/corolint,
else ~/.cache/corolint)"),
                              cl::value_desc("dir"), cl::cat(CorolintCategory));
cl::opt<bool> NoCache("no-cache", desc("Analyse every file, neither reading nor writing the result cache"),
                      cl::init(false), cl::cat(CorolintCategory));
cl::opt<std::string> CacheMaxSize("cache-max-size", desc(R"(
Size the result cache may grow to before the least recently used entries
are evicted (such as 500M or 2G; default 1G))"),
                                  cl::value_desc("size"), cl::init("1G"),
                                  cl::cat(CorolintCategory));
cl::opt<bool> PrintCacheStats("cache-stats", desc("After the run, print the result cache's hits, misses and size (to standard error)"),
                         cl::init(false), cl::cat(CorolintCategory));
// The driver starts itself with this to analyse files in a worker process.
cl::opt<bool> WorkerMode("corolint-worker", cl::Hidden, cl::init(false));

cl::OptionCategory CICategory("corolint CI options");
cl::opt<std::string> Shard("shard", desc(R"(
Analyse only part I of N of the files (balanced by size, the same split on
every machine), for a run spread over N jobs; needs --format=json. Merge
the N reports with: corolint merge shard-1.json ... shard-N.json.
'piece': this run is a part a build system chose (Bazel's corolint_aspect,
one action per source file); its report names files relative to --root,
and pieces with no file in common merge under the merge's --root)"),
                           cl::value_desc("I/N|piece"), cl::cat(CICategory));
cl::opt<std::string> Format("format", desc(R"(
Output format: text (clang-tidy's diagnostics, the default), sarif (SARIF
2.1.0, for GitHub code scanning), json, or github (workflow-command
annotations))"),
                            cl::init("text"), cl::cat(CICategory));
cl::opt<std::string> Output("output", desc("Write the report to this file instead of standard output (any format)"),
                            cl::value_desc("file"), cl::cat(CICategory));
cl::opt<std::string> Root("root", desc(R"(
The project root: findings are reported relative to it (SARIF %SRCROOT%,
baselines, --diff paths), and by default findings in headers are reported
when the header is under it. Default: the git work tree of the compile
database's sources, else the compile database's directory, wherever
corolint is started from)"),
                          cl::value_desc("dir"), cl::cat(CICategory));
cl::opt<bool> ExitZero("exit-zero", desc(R"(
Exit 0 even when there are findings (for adopting corolint, and as
CMAKE_CXX_CLANG_TIDY, where a non-zero status fails the compile): the
report is the same. Findings --warnings-as-errors makes errors still exit 1;
configuration errors and files that do not parse still exit 2)"),
                       cl::init(false), cl::cat(CICategory));
cl::opt<bool> Statistics("statistics", desc("After the report, print how many findings each check reported (to standard error)"),
                         cl::init(false), cl::cat(CICategory));
cl::opt<std::string> WriteBaseline("write-baseline", desc(R"(
Record today's findings in this file and exit 0: later runs with
--baseline report only findings not in it)"),
                                   cl::value_desc("file"), cl::cat(CICategory));
cl::opt<std::string> BaselineFile("baseline", desc(R"(
Report only findings not recorded in this baseline; the exit status counts
only those. Matching ignores line numbers: findings keep matching when
unrelated edits move them)"),
                                  cl::value_desc("file"), cl::cat(CICategory));
cl::opt<bool> ReportSuppressed("report-suppressed", desc(R"(
With --baseline and --format=sarif or json: report the findings the baseline
accepts too, marked suppressed (SARIF suppressions of kind external; JSON's
"suppressed" list), instead of leaving them out. They never count for the
exit status)"),
                               cl::init(false), cl::cat(CICategory));
cl::opt<std::string> DocsUrl("docs-url", desc(R"(
Where the checks' documentation is published, for each SARIF rule's helpUri:
'{check}' in it is replaced by the check's name, else '/<check>.md' is
appended. Default: the documentation installed with corolint (a file URI);
'--docs-url=' leaves helpUri out)"),
                             cl::value_desc("url"), cl::cat(CICategory));
cl::opt<std::string> Diff("diff", desc(R"(
Report only what a change since this git revision (committed or not)
introduced, analysing only the translation units that are changed or
include a changed file; --diff-mode says how. '-' reads a unified diff from
standard input instead: without a base revision, that is always
--diff-mode=lines)"),
                          cl::value_desc("rev"), cl::cat(CICategory));
cl::opt<std::string> DiffModeOption("diff-mode", desc(R"(
With --diff: 'new' (the default) reports the findings the base revision did
not have, matched by fingerprint as --baseline does; it costs up to two
analyses of each affected translation unit (in the work tree, and as the
revision has it, read with git show, no checkout; the second bypasses the
result cache). 'lines' analyses once and reports the findings on a changed
line (the finding's or one of its notes') or in a function that changed;
a finding that a change causes elsewhere (a header changed) is missed)"),
                                    cl::value_desc("new|lines"),
                                    cl::init("new"), cl::cat(CICategory));

std::string absolute(StringRef Path) {
  SmallString<256> Abs(Path);
  sys::fs::make_absolute(Abs);
  sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs);
}

Error problem(const Twine &Message) {
  return createStringError(inconvertibleErrorCode(), Message);
}

/// LLVM's command-line errors as one line: the first problem, with its
/// "did you mean", and one pointer to --help.
std::string parseError(StringRef Errors, StringRef Program) {
  SmallVector<StringRef> Lines;
  Errors.split(Lines, '\n', -1, false);
  std::string Message, Suggestion;
  for (StringRef Line : Lines) {
    Line = Line.trim();
    Line.consume_front(Program);
    Line.consume_front(":");
    Line = Line.trim();
    if (Line.consume_front("Did you mean ")) {
      if (Suggestion.empty())
        Suggestion = "; did you mean " + Line.trim().rtrim('?').str() + "?";
      continue;
    }
    if (Line.empty() || !Message.empty())
      continue;
    Line = Line.split(".  Try:").first.rtrim('.');
    Message = Line.str();
    if (!Message.empty())
      Message[0] = toLower(Message[0]);
  }
  if (Message.empty())
    Message = "invalid command line";
  return Message + Suggestion + " (see corolint --help)";
}

/// An option LLVM would not report as unknown: "--<name>" that no option is
/// called, which LLVM reads as a one-letter option with the rest as its
/// value ("--jbos=2" as "-j bos=2"; "--heder-filter=x" as "-h", printing
/// the help and exiting 0: a misspelt option in a CI script must fail). The
/// error names the nearest option.
std::optional<std::string> misspeltLongOption(int Argc, const char **Argv) {
  StringMap<cl::Option *> &Registered = cl::getRegisteredOptions();
  for (int I = 1; I < Argc; ++I) {
    StringRef Arg = Argv[I];
    if (Arg == "--")
      break;
    bool DoubleDash = Arg.consume_front("--");
    if (!DoubleDash && !(Arg.consume_front("-") && Arg.starts_with("h")))
      continue; // positional, or a short option LLVM reads as it should
    auto [Name, Value] = Arg.split('=');
    if (Name.empty() || Name == "h" || Registered.count(Name))
      continue;
    StringRef Nearest;
    unsigned Best = 4;
    for (const auto &Entry : Registered) {
      if (Entry.getKey().size() < 2 ||
          Entry.second->getOptionHiddenFlag() == cl::ReallyHidden)
        continue;
      unsigned D = Name.edit_distance(Entry.getKey(), true, Best);
      if (D < Best)
        Best = D, Nearest = Entry.getKey();
    }
    std::string Suggestion =
        Nearest.empty() ? std::string()
                        : "; did you mean '--" + Nearest.str() +
                              (Arg.contains('=') ? "=" + Value.str() : "") +
                              "'?";
    return "unknown command line argument '" + std::string(Argv[I]) + "'" +
           Suggestion + " (see corolint --help)";
  }
  return std::nullopt;
}

/// Takes the compiler arguments after "--" (a fixed compile database, as in
/// clang-tidy) and parses what is left: corolint's own command line.
Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
parseArguments(int Argc, const char **Argv) {
  std::string FixedError;
  std::unique_ptr<clang::tooling::CompilationDatabase> Fixed =
      clang::tooling::FixedCompilationDatabase::loadFromCommandLine(
          Argc, Argv, FixedError);
  // The driver's complaints about a whole compile command (CMake's
  // CMAKE_CXX_CLANG_TIDY passes "-o file.o -c file.cpp", which the driver
  // finds ambiguous once it adds its placeholder input) are not errors when
  // the database was still made: the output options are stripped before the
  // analysis, as clang-tidy does.
  if (!Fixed && !FixedError.empty())
    return problem(StringRef(FixedError).trim());
  if (std::optional<std::string> Misspelt = misspeltLongOption(Argc, Argv))
    return problem(*Misspelt);
  std::string ParseErrors;
  raw_string_ostream ParseOS(ParseErrors);
  if (!cl::ParseCommandLineOptions(Argc, Argv, Overview, &ParseOS))
    return problem(parseError(ParseErrors, sys::path::filename(Argv[0])));
  return std::move(Fixed);
}

/// Whether \p Path (absolute) can be written: checked before the analysis,
/// so that a typo does not cost a whole run.
Error checkWritable(StringRef Path, StringRef Option) {
  if (sys::fs::is_directory(Path))
    return problem(Option + " '" + Path + "' is a directory; name a file");
  StringRef Dir = sys::path::parent_path(Path);
  if (!sys::fs::is_directory(Dir))
    return problem("cannot write " + Option + " '" + Path + "': directory '" +
                   Dir + "' does not exist");
  if (sys::fs::access(Dir, sys::fs::AccessMode::Write))
    return problem("cannot write " + Option + " '" + Path +
                   "': directory '" + Dir + "' is not writable");
  if (sys::fs::exists(Path) &&
      sys::fs::access(Path, sys::fs::AccessMode::Write))
    return problem("cannot write " + Option + " '" + Path +
                   "': permission denied");
  return Error::success();
}

/// The report options that cannot go together.
/// The checks' documentation shipped with corolint, as a file URI template:
/// installed beside it (<prefix>/share/doc/corolint/checks), else the source
/// tree it was built from; "" when neither is there.
std::string shippedDocsUrl(StringRef Exe) {
  SmallString<256> Installed(sys::path::parent_path(sys::path::parent_path(Exe)));
  sys::path::append(Installed, "share", "doc", "corolint", "checks");
  for (StringRef Dir : {StringRef(Installed), StringRef(COROLINT_SOURCE_DOCS)})
    if (sys::fs::is_directory(Dir))
      return fileUri(Dir) + "/{check}.md";
  return "";
}

Error checkReportOptions() {
  if (Format != "text" && Format != "sarif" && Format != "json" &&
      Format != "github")
    return problem("unknown --format '" + Format +
                   "'; use text, sarif, json or github");
  if (Format != "text" && (Fix || FixNotes || FixErrors))
    return problem("--fix applies with --format=text only; run the fix and "
                   "the report separately");
  if (!Shard.empty()) {
    if (!parseShard(Shard))
      return problem("invalid --shard '" + Shard +
                     "': expected I/N with 1 <= I <= N, such as 2/4, or "
                     "'piece'");
    if (Format != "json")
      return problem("--shard needs --format=json: the merge reads the "
                     "shards' JSON reports");
    if (Fix || FixErrors || FixNotes || !WriteBaseline.empty() ||
        !ExportFixes.empty())
      return problem("--shard cannot fix or write a baseline or fixes: "
                     "do that with corolint merge");
  }
  if (!parseSize(CacheMaxSize))
    return problem("invalid --cache-max-size '" + CacheMaxSize +
                   "': expected a size such as 500M or 2G");
  if (NoCache && (CacheDir.getNumOccurrences() || PrintCacheStats))
    return problem("--no-cache cannot be combined with --cache-dir or "
                   "--cache-stats");
  if (!MemoryLimit.empty() && !parseSize(MemoryLimit))
    return problem("invalid --memory-limit '" + MemoryLimit +
                   "'; give a size such as 2G, 512M or 1048576");
  if (!WriteBaseline.empty() && !BaselineFile.empty())
    return problem("--write-baseline and --baseline are mutually exclusive");
  unsigned N;
  if (StringRef(Jobs).getAsInteger(10, N))
    return problem("-j needs a number of jobs of 1 or more (0: one per core), "
                   "not '" + Jobs + "'");
  return Error::success();
}

/// --config or --config-file, parsed; nullopt when neither is given.
Expected<std::optional<ClangTidyOptions>> readConfigOption() {
  if (ConfigFile.getNumOccurrences() && Config.getNumOccurrences())
    return problem("--config-file and --config are mutually exclusive; pass "
                   "one");
  if (!ConfigFile.getNumOccurrences() && !Config.getNumOccurrences())
    return std::nullopt;
  std::string Text = Config, Source = "--config";
  if (ConfigFile.getNumOccurrences()) {
    auto Buffer = MemoryBuffer::getFile(ConfigFile);
    if (!Buffer)
      return problem("cannot read config file '" + ConfigFile +
                     "': " + Buffer.getError().message());
    Text = (*Buffer)->getBuffer().str();
    Source = ConfigFile;
  }
  auto Parsed = parseConfig(Text, Source);
  if (!Parsed)
    return Parsed.takeError();
  resolveProjectProfileFile(*Parsed, Source);
  return std::optional<ClangTidyOptions>(std::move(*Parsed));
}

/// clang-tidy's defaults and the overrides the command line gives.
void setTidyOptions(TidyConfig &Tidy) {
  ClangTidyOptions &Defaults = Tidy.Defaults;
  Defaults.Checks = DefaultChecks;
  Defaults.WarningsAsErrors = "";
  Defaults.ExcludeHeaderFilterRegex = ExcludeHeaderFilter;
  Defaults.SystemHeaders = SystemHeaders;
  Defaults.FormatStyle = FormatStyle;
  Defaults.User = sys::Process::GetEnv("USER");

  ClangTidyOptions &Overrides = Tidy.Overrides;
  if (Checks.getNumOccurrences() > 0)
    Overrides.Checks = Checks;
  if (WarningsAsErrors.getNumOccurrences() > 0)
    Overrides.WarningsAsErrors = WarningsAsErrors;
  if (HeaderFilter.getNumOccurrences() > 0)
    Overrides.HeaderFilterRegex = HeaderFilter;
  if (ExcludeHeaderFilter.getNumOccurrences() > 0)
    Overrides.ExcludeHeaderFilterRegex = ExcludeHeaderFilter;
  if (SystemHeaders.getNumOccurrences() > 0)
    Overrides.SystemHeaders = SystemHeaders;
  if (FormatStyle.getNumOccurrences() > 0)
    Overrides.FormatStyle = FormatStyle;
  if (UseColor.getNumOccurrences() > 0)
    Overrides.UseColor = UseColor;
}

/// Everything but the validation: the parsed options as plain values.
void copyOptions(Options &O) {
  for (const std::string &S : Sources)
    O.Sources.push_back(absolute(S));
  O.BuildPath = BuildPath;
  O.ExtraArgs.assign(ArgsAfter.begin(), ArgsAfter.end());
  O.ExtraArgsBefore.assign(ArgsBefore.begin(), ArgsBefore.end());
  O.Diff = Diff;
  O.ConfigPath = O.Sources.empty() ? absolute("dummy") : O.Sources.front();
  O.ListProfiles = ListProfiles;
  O.Query = VerifyConfig ? ConfigQuery::VerifyConfig
            : ListChecks ? ConfigQuery::ListChecks
            : DumpConfig ? ConfigQuery::DumpConfig
                         : ConfigQuery::None;
  unsigned N = 0;
  StringRef(Jobs).getAsInteger(10, N); // checked by checkReportOptions
  O.Run.Jobs = N ? N : std::max(1u, std::thread::hardware_concurrency());
  O.Run.ApplyAnyFix = FixNotes;
  O.Run.EnableCheckProfile = EnableCheckProfile;
  O.Run.Progress = sys::Process::StandardErrIsDisplayed() && !WorkerMode;
  O.Run.TimeoutSeconds = Timeout;
  O.Run.Worker = WorkerMode;
  O.Format = Format;
  O.Fix = FixNotes ? FB_FixNotes : (Fix || FixErrors) ? FB_Fix : FB_NoFix;
  O.FixErrors = FixErrors;
  O.Quiet = Quiet;
  O.ExitZero = ExitZero;
  O.Statistics = Statistics;
  O.ReportSuppressed = ReportSuppressed;
  if (!Shard.empty())
    O.Shard = *parseShard(Shard);
}

} // namespace

Expected<Options> parseCommandLine(int Argc, const char **Argv) {
  cl::HideUnrelatedOptions({&CorolintCategory, &CICategory});
  cl::SetVersionPrinter([](raw_ostream &OS) {
    OS << "corolint " << COROLINT_VERSION << " ("
       << clang::getClangFullVersion() << ")\n";
  });
  Options O;
  // `corolint merge a.json b.json ...`: the rest is a command line whose
  // positional arguments are shard reports.
  std::vector<const char *> Args(Argv, Argv + Argc);
  if (Argc > 1 && StringRef(Argv[1]) == "merge") {
    O.Merge = true;
    Args.erase(Args.begin() + 1);
    Argc = Args.size();
    Argv = Args.data();
  }
  auto Fixed = parseArguments(Argc, Argv);
  if (!Fixed)
    return Fixed.takeError();
  O.FixedDatabase = std::move(*Fixed);
  // Output paths are the user's, relative to where corolint was started.
  for (cl::opt<std::string> *Path :
       {&Output, &WriteBaseline, &BaselineFile, &ExportFixes})
    if (!Path->empty())
      *Path = absolute(*Path);
  O.OutputFile = Output;
  O.WriteBaseline = WriteBaseline;
  O.ExportFixes = ExportFixes;
  if (Error E = checkReportOptions())
    return std::move(E);
  for (auto [Path, Option] :
       {std::pair(&Output, "--output"), std::pair(&WriteBaseline, "--write-baseline"),
        std::pair(&ExportFixes, "--export-fixes")})
    if (!Path->empty())
      if (Error E = checkWritable(*Path, Option))
        return std::move(E);
  if (!BaselineFile.empty()) {
    auto B = readBaseline(BaselineFile);
    if (!B)
      return B.takeError();
    O.Accepted = std::move(*B);
  }
  O.Root = Root.empty() ? "" : absolute(Root); // found with the inputs
  if (std::error_code EC = parseLineFilter(LineFilter, O.Tidy.Global))
    return problem("invalid --line-filter: " + EC.message());
  auto Parsed = readConfigOption();
  if (!Parsed)
    return Parsed.takeError();
  O.Tidy.Config = std::move(*Parsed);
  setTidyOptions(O.Tidy);
  copyOptions(O);
  if (O.Merge && (!O.BuildPath.empty() || !O.Diff.empty() || O.Shard ||
                  O.FixedDatabase))
    return problem("corolint merge takes shard reports and report options; "
                   "-p, --diff, --shard and compiler arguments belong to "
                   "the shards' runs");
  if (DiffModeOption != "new" && DiffModeOption != "lines")
    return problem("--diff-mode must be 'new' or 'lines', not '" +
                   DiffModeOption + "'");
  O.Mode = DiffModeOption == "new" && O.Diff != "-" ? DiffMode::New
                                                    : DiffMode::Lines;
  if (O.Shard.Piece && !O.Diff.empty() && O.Mode == DiffMode::New)
    return problem("--shard=piece cannot analyse a base revision (a piece "
                   "runs where git may not be): pass --diff-mode=lines");
  if (O.Diff == "-" && DiffModeOption.getNumOccurrences() &&
      DiffModeOption == "new")
    return problem("--diff=- has no base revision to compare with: "
                   "--diff-mode=new needs --diff=<rev>");
  O.Run.MemoryLimit = MemoryLimit.empty() ? 0 : *parseSize(MemoryLimit);
  // Per-check timing needs the checks to run; a profile from the cache
  // would be empty.
  if (!NoCache && !EnableCheckProfile) {
    O.Cache.Directory =
        CacheDir.empty() ? defaultCacheDirectory() : absolute(CacheDir);
    O.Cache.Explicit = !CacheDir.empty();
  }
  O.Cache.MaxSize = *parseSize(CacheMaxSize);
  O.Cache.PrintStats = PrintCacheStats;
  O.Run.RecordInputs = !O.Cache.Directory.empty();
  std::string Exe =
      sys::fs::getMainExecutable(Argv[0], (void *)&parseCommandLine);
  O.DocsUrl = DocsUrl.getNumOccurrences() ? std::string(DocsUrl)
                                          : shippedDocsUrl(Exe);
  O.Run.WorkerCommand = {Exe, "--corolint-worker"};
  O.Run.WorkerCommand.insert(O.Run.WorkerCommand.end(), Argv + 1, Argv + Argc);
  O.Run.ReproduceCommand = reproducingCommand(
      Argc, Argv, std::vector<std::string>(Sources.begin(), Sources.end()));
  return std::move(O);
}

} // namespace corolint
