//===--- Report.h - the machine-readable reports: SARIF, JSON, GitHub -----===//

#ifndef COROLINT_TOOL_REPORT_H
#define COROLINT_TOOL_REPORT_H

#include "Findings.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/JSON.h"
#include <optional>
#include <string>
#include <vector>

namespace corolint {

struct ReportInfo {
  std::string Root;
  std::string Version;
  /// The checks that ran, each a rule of the SARIF run.
  std::vector<std::string> Checks;
  unsigned FilesAnalysed = 0;
  /// Findings left out because the baseline already has them.
  size_t Baselined = 0;
  /// The files that could not be analysed, and why ("does not parse (1
  /// error)", "no such file"): the run did not fully succeed.
  std::vector<std::pair<std::string, std::string>> Failed;
  /// --shard: what the merge needs (Shards.h), in the JSON report.
  std::optional<llvm::json::Value> Shard;
};

/// SARIF 2.1.0 for GitHub code scanning and other consumers: one rule per
/// check with its documentation, results with full regions relative to
/// %SRCROOT%, notes as related locations, stable partial fingerprints
/// (GitHub's primaryLocationLineHash is computed here, from \p Sources:
/// only SARIF needs it).
void writeSarif(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
                const ReportInfo &Info, SourceCache &Sources);

/// corolint's own JSON: findings with positions, notes and fingerprints.
void writeJson(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
               const ReportInfo &Info);

/// GitHub Actions workflow commands (::warning file=...,line=...::message).
/// Each failed file is an ::error of its own.
void writeGithub(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
                 const ReportInfo &Info);

/// The documentation of a check (its docs/checks page), or empty.
llvm::StringRef checkDocumentation(llvm::StringRef Check);
/// The first paragraph of a check's documentation: what it finds.
std::string checkSummary(llvm::StringRef Check);

} // namespace corolint

#endif
