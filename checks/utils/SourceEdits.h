//===--- SourceEdits.h - the source text a fix-it reads and writes --------===//
//
// What fix-its need from the source: the text of a range as written, the
// indentation of a line, and a name that nothing in a function uses yet.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_UTILS_SOURCEEDITS_H
#define COROLINT_CHECKS_UTILS_SOURCEEDITS_H

#include "clang/AST/ASTContext.h"
#include "llvm/ADT/StringSet.h"
#include <optional>
#include <string>

namespace clang::tidy::coro {

/// The text of the token range \p R as written (empty when it cannot be
/// read, e.g. across macro boundaries).
std::string sourceText(SourceRange R, const ASTContext &Ctx);

/// The whitespace before \p Loc on its line; none when something other than
/// whitespace precedes it.
std::optional<std::string> lineIndent(SourceLocation Loc,
                                      const SourceManager &SM);

/// The braces of \p FD's body as written (inside a coroutine's wrapper).
const CompoundStmt *functionBlock(const FunctionDecl &FD);

/// What to insert after the '{' of the empty block \p Block so that \p Code
/// is its one statement, laid out as the surrounding code is: on a line of its
/// own, one indentation step deeper than the closing brace, when the braces
/// are on separate lines (the step read from \p Body, the function body:
/// its first statement's indentation beyond its closing brace's; two spaces
/// when that cannot be read); else " Code" (" Code " for "{}").
std::string statementForEmptyBlock(const CompoundStmt &Block,
                                   const CompoundStmt *Body,
                                   llvm::StringRef Code,
                                   const SourceManager &SM);

/// Every identifier \p FD declares or refers to in \p Body, and its
/// parameters' names: what a name introduced there must not be.
llvm::StringSet<> namesUsedIn(const FunctionDecl &FD, const Stmt *Body);

/// \p Base, or Base2, Base3, ...: the first that is not in \p Used, which
/// then holds it too.
std::string freshName(llvm::StringRef Base, llvm::StringSet<> &Used);

} // namespace clang::tidy::coro

#endif
