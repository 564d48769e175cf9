//===--- Findings.h - findings with positions and stable fingerprints -----===//
//
// The reports (SARIF, JSON, GitHub annotations), baselines and changed-line
// filtering all need the same view of a finding: where it is in line and
// column terms, relative to the project root, and a fingerprint that
// survives edits that only move it.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_TOOL_FINDINGS_H
#define COROLINT_TOOL_FINDINGS_H

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/ADT/StringMap.h"
#include <memory>
#include <string>
#include <vector>

namespace corolint {

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
  /// Index into the errors the finding was made from.
  size_t ErrorIndex = 0;
};

/// Reads source files once and answers line/column questions about them.
class SourceCache {
public:
  /// The file's text, or null when it cannot be read.
  const std::string *text(const std::string &File);
  /// 1-based line and column of byte \p Offset.
  std::pair<unsigned, unsigned> lineColumn(const std::string &File,
                                           unsigned Offset);
  /// The text of 1-based line \p Line, without its line break.
  llvm::StringRef line(const std::string &File, unsigned Line);
  /// GitHub's rolling line hashes of the whole file, 1-based.
  const std::vector<std::string> &lineHashes(const std::string &File);

private:
  struct Entry {
    std::string Text;
    bool Readable = false;
    std::vector<unsigned> LineStarts;
    std::vector<std::string> Hashes;
    bool Hashed = false;
  };
  Entry &get(const std::string &File);
  llvm::StringMap<std::unique_ptr<Entry>> Files;
};

/// GitHub code scanning's line hashes for \p Text (one per line, 1-based
/// index 0 unused): the rolling hash over the next 100 non-blank characters
/// from each line start, with CR/CRLF as LF, numbered among equal hashes.
std::vector<std::string> githubLineHashes(llvm::StringRef Text);

/// The project root findings are reported relative to: \p Explicit if
/// given, else the enclosing git work tree of the current directory, else
/// the current directory.
std::string findRoot(llvm::StringRef Explicit);

/// The findings among \p Errors (compiler errors and configuration problems
/// are left out), with positions and fingerprints.
std::vector<Finding>
makeFindings(const std::vector<clang::tidy::ClangTidyError> &Errors,
             llvm::StringRef Root, SourceCache &Sources);

} // namespace corolint

#endif
