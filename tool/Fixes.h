//===--- Fixes.h - --fix leaves alone a file that changed since analysis --===//
//
// clang-tidy applies a fix by offset into the file as it is on disk when
// the run ends, and writes the result through clang's Rewriter (a temporary
// file in the same directory, renamed over the original). A file edited
// while the run analysed it would be rewritten at stale offsets: its fixes
// are held back instead, detected by the content hash each translation
// unit recorded when it was analysed.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_TOOL_FIXES_H
#define COROLINT_TOOL_FIXES_H

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include <map>
#include <string>
#include <vector>

namespace corolint {

/// Removes every fix of each diagnostic that would change a file whose
/// content is no longer the one \p Analysed records for it (a diagnostic's
/// fix is applied whole or not at all). Returns those files, sorted.
std::vector<std::string>
holdBackStaleFixes(std::vector<clang::tidy::ClangTidyError> &Diagnostics,
                   const std::map<std::string, std::string> &Analysed);

} // namespace corolint

#endif
