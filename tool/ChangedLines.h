//===--- ChangedLines.h - what a change touched (--diff) ------------------===//
//
// Reporting only what a pull request changed: the changed lines of each file
// from a unified diff (git's or any other), and the translation units worth
// analysing for it (those changed, and those including a changed header).
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_TOOL_CHANGEDLINES_H
#define COROLINT_TOOL_CHANGEDLINES_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Error.h"
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace corolint {

class ChangedLines {
public:
  /// Parses a unified diff whose paths are relative to \p Root (git's
  /// "a/" and "b/" prefixes are dropped). Only added and modified lines
  /// count; deleted files and pure deletions add nothing.
  static llvm::Expected<ChangedLines> parse(llvm::StringRef Diff,
                                            llvm::StringRef Root);
  bool contains(const std::string &File, unsigned Line) const;
  /// Whether a line from \p From to \p To (inclusive) changed, or (when
  /// From < To) lines were removed between two of them.
  bool overlaps(const std::string &File, unsigned From, unsigned To) const;
  bool touches(const std::string &File) const { return Ranges.count(File); }
  const std::map<std::string, std::vector<std::pair<unsigned, unsigned>>> &
  files() const {
    return Ranges;
  }

private:
  /// Absolute path -> [first, last] line ranges.
  std::map<std::string, std::vector<std::pair<unsigned, unsigned>>> Ranges;
  /// Absolute path -> lines after which lines were removed and none added.
  std::map<std::string, std::vector<unsigned>> Deletions;
};

/// `git diff -U0 <Rev>` of the work tree at \p Root (the changes since
/// \p Rev, committed or not).
llvm::Expected<std::string> gitDiff(llvm::StringRef Rev, llvm::StringRef Root);

/// The translation units of \p Files that a change touches: those changed
/// themselves, and those that include (directly or not) a changed file,
/// found by preprocessing them with their compile commands.
std::vector<std::string>
affectedTranslationUnits(const std::vector<std::string> &Files,
                         const ChangedLines &Changes,
                         const clang::tooling::CompilationDatabase &DB);

} // namespace corolint

#endif
