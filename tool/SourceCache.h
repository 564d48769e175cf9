//===--- SourceCache.h - source files read once, in line terms ------------===//
//
// Findings, fingerprints and SARIF's line hashes all ask questions about the
// text of the files findings are in; each file is read once.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_TOOL_SOURCECACHE_H
#define COROLINT_TOOL_SOURCECACHE_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace corolint {

/// Reads source files once and answers line/column questions about them.
class SourceCache {
public:
  /// Answers for \p File from \p Text, not from the disk (a file as a
  /// base revision has it); before any question about it.
  void assume(const std::string &File, std::string Text);
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
  static void index(Entry &E, std::string Text);
  llvm::StringMap<std::unique_ptr<Entry>> Files;
};

/// GitHub code scanning's line hashes for \p Text (one per line, 1-based
/// index 0 unused): the rolling hash over the next 100 non-blank characters
/// from each line start, with CR/CRLF as LF, numbered among equal hashes.
std::vector<std::string> githubLineHashes(llvm::StringRef Text);

} // namespace corolint

#endif
