//===--- Diagnostics.cpp --------------------------------------------------===//

#include "Diagnostics.h"
#include <tuple>

using clang::tidy::ClangTidyError;

namespace corolint {

DiagnosticKind classify(const ClangTidyError &E) {
  if (E.DiagLevel == ClangTidyError::Error &&
      llvm::StringRef(E.DiagnosticName).starts_with("clang-diagnostic-"))
    return DiagnosticKind::CompilerError;
  if (E.DiagnosticName == "clang-tidy-config")
    return DiagnosticKind::ConfigProblem;
  if (E.Message.FilePath.empty())
    return DiagnosticKind::Unplaced;
  return DiagnosticKind::Finding;
}

bool reportOrder(const ClangTidyError &A, const ClangTidyError &B) {
  auto Key = [](const ClangTidyError &E) {
    return std::tie(E.Message.FilePath, E.Message.FileOffset, E.DiagnosticName,
                    E.Message.Message);
  };
  return Key(A) < Key(B);
}

} // namespace corolint
