//===--- CommandLine.h - the options stage: corolint's command line -------===//
//
// corolint's options, parsed and checked against each other, as one value
// the later stages read: what to analyse, clang-tidy's configuration, how to
// run, and what to report where. Nothing here looks at the sources.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_TOOL_COMMANDLINE_H
#define COROLINT_TOOL_COMMANDLINE_H

#include "Baseline.h"
#include "Configuration.h"
#include "ResultCache.h"
#include "Shards.h"
#include "Runner.h"
#include "clang-tidy/ClangTidy.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace corolint {

enum class DiffMode {
  /// The findings the base revision lacks (two analyses per unit).
  New,
  /// The findings on changed lines (one analysis per unit).
  Lines,
};

struct Options {
  // What to analyse.
  /// The sources named on the command line, absolute, in the given order.
  std::vector<std::string> Sources;
  /// -p: a build directory or a compile_commands.json path ("" if not given).
  std::string BuildPath;
  /// The compiler arguments after "--" as a database, if given.
  std::unique_ptr<clang::tooling::CompilationDatabase> FixedDatabase;
  std::vector<std::string> ExtraArgs, ExtraArgsBefore;
  /// --diff: a git revision, or "-" for a unified diff on standard input.
  std::string Diff;
  /// --diff-mode: how --diff decides what is new (always Lines for "-").
  DiffMode Mode = DiffMode::New;

  // clang-tidy's configuration, and what to do with it.
  TidyConfig Tidy;
  /// The file whose configuration decides which checks are enabled: the
  /// first source, else a file in the current directory.
  std::string ConfigPath;
  ConfigQuery Query = ConfigQuery::None;
  /// --list-profiles: the library profiles (for Sources, which apply).
  bool ListProfiles = false;

  RunOptions Run;
  CacheOptions Cache;
  /// --shard=I/N: analyse part I of N only.
  ShardSpec Shard;
  /// `corolint merge`: Sources are shard reports to merge, not sources.
  bool Merge = false;

  // What to report, where.
  std::string Format;     // text, sarif, json or github
  std::string OutputFile; // --output, absolute; "" for standard output
  /// Findings are reported relative to it: --root (absolute) as parsed,
  /// else "" until the inputs stage finds it (findRoot).
  std::string Root;
  std::string WriteBaseline, ExportFixes; // absolute, or ""
  std::optional<Baseline> Accepted;       // --baseline
  /// Set by the run: the text report was printed as the run went
  /// (TextStream), the report stage adds only what follows it.
  bool Streamed = false;
  clang::tidy::FixBehaviour Fix = clang::tidy::FB_NoFix;
  bool FixErrors = false; // apply fixes even when a file does not parse
  bool Quiet = false;
  /// --exit-zero: findings do not fail the run (failures still do).
  bool ExitZero = false;
  /// --statistics: how many findings each check reported.
  bool Statistics = false;
  /// --docs-url, else the documentation this corolint ships with (a file
  /// URI), else "": the checks' documentation in SARIF (ReportInfo).
  std::string DocsUrl;
  /// --report-suppressed: the baseline's findings in SARIF and JSON too,
  /// marked suppressed.
  bool ReportSuppressed = false;
};

/// Parses and checks the command line. Errors are one line each, ready to
/// print after "corolint: error: ".
llvm::Expected<Options> parseCommandLine(int Argc, const char **Argv);

} // namespace corolint

#endif
