//===--- Output.h - the report stage: what the user sees, the exit status -===//
//
// Reads the findings stage's Results and nothing earlier than the run: the
// report in the chosen format (text through clang-tidy, which also applies
// --fix; SARIF, JSON and GitHub annotations through Report.h), baselines,
// --export-fixes, the failures, the summary line and the exit status.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_TOOL_OUTPUT_H
#define COROLINT_TOOL_OUTPUT_H

#include "CommandLine.h"
#include "Findings.h"
#include "Inputs.h"
#include "Report.h"
#include "Runner.h"
#include <string>
#include <vector>

namespace corolint {

enum ExitCode { ExitClean = 0, ExitFindings = 1, ExitFailure = 2 };

/// Prints each error of \p E as "corolint: error: ..."; returns ExitFailure.
int fail(llvm::Error E);

/// The report stage: the report, fixes, failures, summary; the exit status.
int report(const Options &Opts, const Inputs &In, const RunSummary &Run,
           const Results &R, ReportInfo Info, SourceCache &Sources);

/// --write-baseline: records the findings instead of reporting them.
int recordBaseline(const Options &Opts, const Results &R, const RunSummary &Run);

/// When a --diff change affects no translation unit: an empty report.
int reportNothingAffected(const Options &Opts, const ReportInfo &Info);

/// Whether the text report can be printed while the run goes on: text on
/// standard output, files to analyse, and nothing that needs every finding
/// first (fixes, --export-fixes, a baseline to match or write, --diff, a
/// shard).
bool canStream(const Options &Opts, const Inputs &In);

/// The text report printed as the run goes: each translation unit's
/// findings (and what its worker printed) as soon as it and every unit
/// before it in the sorted order are done; a header's finding once, with the
/// first unit that has it. report() then prints only what follows them.
class TextStream {
public:
  /// \p ConfigFile: whose configuration prints the findings (as report()
  /// has it: the first file).
  TextStream(const Options &Opts, llvm::StringRef ConfigFile);
  void add(const UnitResult &U);

private:
  const Options &Opts;
  clang::tidy::ClangTidyContext Reporting;
  SourceCache Sources;
  DistinctDiagnostics Seen;
};

} // namespace corolint

#endif
