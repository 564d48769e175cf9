//===--- FunctionExtents.h - the function around a place in a source -------===//
//
// --diff-mode=lines counts a finding as changed when a line of the function
// that contains it changed. The findings stage has the source text, not the
// AST, so the function is found the way a diff's hunk header finds one: from
// the brace structure, with clang's raw lexer (comments, strings and
// preprocessor lines never count as braces).
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_TOOL_FUNCTIONEXTENTS_H
#define COROLINT_TOOL_FUNCTIONEXTENTS_H

#include "llvm/ADT/StringRef.h"
#include <optional>
#include <utility>
#include <vector>

namespace corolint {

class FunctionExtents {
public:
  explicit FunctionExtents(llvm::StringRef Text);

  /// The offsets of the first and last token of the outermost function whose
  /// body contains \p Offset: from the first token of its declaration (after
  /// the previous declaration's ';' or '}') to its closing brace. A lambda or
  /// block inside a function belongs to the function; a namespace, class,
  /// enum or extern "C" block is not a function, nor is a braced
  /// initialiser. std::nullopt outside any function.
  std::optional<std::pair<unsigned, unsigned>> around(unsigned Offset) const;

private:
  struct Token {
    unsigned Offset;
    /// '{', '}', '(', ')', '[', ']', ';', ':', ',', '<', '>', 'G' (">>"),
    /// '"' (a string literal), or 0 (an identifier in Text, or another token).
    char Punct;
    llvm::StringRef Text;
  };
  std::vector<Token> Tokens;
  std::vector<int> Match; // a brace's or parenthesis's partner, or -1

  /// The first token of the declaration whose body opens at \p Open.
  size_t headStart(size_t Open) const;
  /// Whether the block opening at \p Open, whose declaration starts at
  /// \p Head (headStart), is a function's body.
  bool isFunctionBody(size_t Head, size_t Open) const;
};

} // namespace corolint

#endif
