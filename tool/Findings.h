//===--- Findings.h - the findings stage: what a run found, to report -----===//
//
// After the run, a Finding is the one currency: the text output, SARIF, JSON,
// GitHub annotations, baselines and changed-line filtering all read the same
// list. A finding carries its place in line and column terms relative to the
// project root, fingerprints that survive edits that only move it, and the
// clang-tidy diagnostic it was made from (for the text output and fixes).
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_TOOL_FINDINGS_H
#define COROLINT_TOOL_FINDINGS_H

#include "SourceCache.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace corolint {

class ChangedLines;
struct Baseline;

struct Position {
  std::string File;         // absolute
  std::string RelativeFile; // to the root, or absolute when outside it
  unsigned Line = 0, Column = 0, EndLine = 0, EndColumn = 0; // 1-based
};

struct Note {
  Position Where;
  std::string Message;
};

struct Finding {
  explicit Finding(clang::tidy::ClangTidyError Diagnostic)
      : Diagnostic(std::move(Diagnostic)) {}

  std::string Check;
  std::string Message;
  bool Error = false; // --warnings-as-errors made it an error
  Position Where;
  std::vector<Note> Notes;
  /// Stable across edits that move the finding: the check, the file, the
  /// message and the whitespace-free text of its line and the lines around
  /// it, plus an occurrence number among identical ones in the file.
  std::string Fingerprint;
  /// The same without the neighbouring lines: the fallback a baseline
  /// matches on when an edit touched the lines around a finding.
  std::string LineFingerprint;
  /// clang-tidy's diagnostic, with its fixes: what the text output prints
  /// and --fix/--export-fixes apply.
  clang::tidy::ClangTidyError Diagnostic;
};

/// What the findings stage hands to the report.
struct Results {
  /// The findings to report, in reportOrder.
  std::vector<Finding> Findings;
  /// The other diagnostics the text output shows, in reportOrder: compiler
  /// errors and configuration problems always; warnings about no place in
  /// the code only when no filter is on (they are on no changed line and
  /// in no baseline).
  std::vector<clang::tidy::ClangTidyError> Others;
  /// Findings left out because the baseline has them.
  size_t Baselined = 0;
  /// Those findings, in reportOrder (for --report-suppressed).
  std::vector<Finding> Suppressed;
};

/// Which findings to report.
struct FindingFilter {
  /// --diff in --diff-mode=lines: only findings on these lines (the
  /// finding's, a note's, or its function's).
  const ChangedLines *Changes = nullptr;
  /// --baseline: not the findings recorded in it.
  const Baseline *Accepted = nullptr;
  /// --diff in --diff-mode=new: not the findings the base revision had
  /// (as a baseline of them: the same matching).
  const Baseline *Base = nullptr;
};

/// The project root findings, baselines and reports are relative to, the
/// same wherever corolint is started: \p Explicit (--root) if given, else
/// the git work tree of the first of the sources \p Files (or of the
/// database directory), else the database directory of \p BuildPath (-p),
/// else the first source's directory.
std::string findRoot(llvm::StringRef Explicit,
                     llvm::ArrayRef<std::string> Files,
                     llvm::StringRef BuildPath);

/// The findings stage: the run's diagnostics as findings, then \p Filter.
Results collectFindings(std::vector<clang::tidy::ClangTidyError> Diagnostics,
                        llvm::StringRef Root, const FindingFilter &Filter,
                        SourceCache &Sources);

/// The clang-tidy diagnostics of \p R, findings and others, in reportOrder:
/// what the text output prints and --export-fixes writes.
std::vector<clang::tidy::ClangTidyError> diagnosticsOf(const Results &R);

} // namespace corolint

#endif
