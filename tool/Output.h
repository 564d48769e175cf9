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

} // namespace corolint

#endif
