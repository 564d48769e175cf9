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
  /// Where a check's documentation is, for SARIF's helpUri: "{check}" in it
  /// is replaced by the check's name, else "/<check>.md" is appended. Empty:
  /// no helpUri (the documentation is embedded in the rule's help anyway).
  std::string DocsUrl;
  /// --report-suppressed: the findings the baseline accepted, reported as
  /// suppressed (SARIF suppressions of kind external; JSON "suppressed").
  const std::vector<Finding> *Suppressed = nullptr;
};

/// The documentation URL of \p Check under \p DocsUrl (see ReportInfo).
std::string checkDocsUrl(llvm::StringRef DocsUrl, llvm::StringRef Check);

/// SARIF 2.1.0 for GitHub code scanning and other consumers: one rule per
/// check with its documentation, results with full regions relative to
/// %SRCROOT%, notes as related locations, stable partial fingerprints
/// (GitHub's primaryLocationLineHash is computed here, from \p Sources:
/// only SARIF needs it).
void writeSarif(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
                const ReportInfo &Info, SourceCache &Sources);

/// corolint's own JSON: findings with positions, notes and fingerprints.
/// Each finding's fix-its (its own, then its notes') are in "fixes", as
/// edits with byte offsets and lines and columns.
void writeJson(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
               const ReportInfo &Info, SourceCache &Sources);

/// GitHub Actions workflow commands (::warning file=...,line=...::message).
/// Each failed file is an ::error of its own.
void writeGithub(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
                 const ReportInfo &Info);

/// A file URI for the absolute \p Path, percent-encoded.
std::string fileUri(llvm::StringRef Path);

/// The documentation of a check (its docs/checks page), or empty.
llvm::StringRef checkDocumentation(llvm::StringRef Check);
/// The first paragraph of a check's documentation: what it finds.
std::string checkSummary(llvm::StringRef Check);
/// checkSummary and why it matters: the first paragraph of the page's
/// "Why it is a problem" section (SARIF's fullDescription).
std::string checkDescription(llvm::StringRef Check);

} // namespace corolint

#endif
