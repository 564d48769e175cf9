//===--- Diagnostics.h - what corolint makes of clang-tidy's diagnostics --===//
//
// A run hands back clang-tidy's diagnostics. Which of them are findings, and
// which say that corolint could not do its job, is decided here and nowhere
// else: the runner counts compiler errors with it, the findings stage and
// every report read its answer.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_TOOL_DIAGNOSTICS_H
#define COROLINT_TOOL_DIAGNOSTICS_H

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"

namespace corolint {

enum class DiagnosticKind {
  /// A check's diagnostic (or a compiler warning) at a place in the code.
  Finding,
  /// An error of the compiler: the translation unit does not parse.
  CompilerError,
  /// clang-tidy could not use a configuration file (clang-tidy-config).
  ConfigProblem,
  /// A warning about no place in the code, such as an unused command-line
  /// argument: shown in the text output, but not a finding.
  Unplaced,
};

DiagnosticKind classify(const clang::tidy::ClangTidyError &E);

inline bool isCompilerError(const clang::tidy::ClangTidyError &E) {
  return classify(E) == DiagnosticKind::CompilerError;
}

/// The order reports list diagnostics in: by file, offset, check and
/// message. Total on de-duplicated diagnostics, so the output does not depend
/// on which translation unit or worker produced what.
bool reportOrder(const clang::tidy::ClangTidyError &A,
                 const clang::tidy::ClangTidyError &B);

} // namespace corolint

#endif
