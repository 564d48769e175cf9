//===--- Coroutines.h - what is a coroutine, and what runs in it ----------===//
//
// Shared by every coro check: recognising coroutine bodies, naming them in
// messages, and walking the code that runs in one function's own context
// (the "innermost function" rule: a lambda, block or local class defined in a
// coroutine is its own context and is not walked).
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_UTILS_COROUTINES_H
#define COROLINT_CHECKS_UTILS_COROUTINES_H

#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include <string>

namespace clang::tidy::coro {

/// The coroutine body of \p FD, or null when \p FD is not a coroutine.
const CoroutineBodyStmt *coroutineBody(const FunctionDecl &FD);
inline bool isCoroutine(const FunctionDecl &FD) {
  return coroutineBody(FD) != nullptr;
}

/// "coroutine 'refresh'", "coroutine 'Session::run'" or "coroutine lambda".
std::string describeCoroutine(const FunctionDecl &FD);

/// The outermost named namespace of \p FD's return type ("folly" for
/// folly::coro::Task<int>): which coroutine library the coroutine runs on.
llvm::StringRef taskNamespace(const FunctionDecl &FD);

/// True when \p FD is a lambda's call operator.
bool isLambdaCallOperator(const FunctionDecl &FD);

/// The children of \p S that stand in statement position, where the value
/// of an expression is discarded: the statements of a block, the branches of
/// an if, loop bodies, a for loop's increment, and the statement after a
/// case, default or other label.
llvm::SmallVector<const Stmt *, 4> statementPositions(const Stmt &S);

/// The lambda passed as \p E, looking through the conversions that wrap a
/// lambda into std::function and the like.
const LambdaExpr *lambdaThrough(const Expr *E);

/// Matches the definition of a coroutine (function, method or lambda call
/// operator) outside system headers. The anchor for checks that look inside
/// coroutine bodies: they never need the parent map.
ast_matchers::internal::BindableMatcher<Decl> coroutineDefinition();

/// Walks the statements that run in one function's own context: nested
/// lambdas contribute only their captures' initialisers, nested blocks and
/// local classes nothing. Derive and implement Visit* as with any
/// RecursiveASTVisitor.
template <typename Derived>
class ContextVisitor : public RecursiveASTVisitor<Derived> {
  using Base = RecursiveASTVisitor<Derived>;

public:
  bool shouldVisitTemplateInstantiations() const { return false; }
  bool shouldVisitImplicitCode() const { return false; }

  bool TraverseLambdaExpr(LambdaExpr *LE) {
    for (Expr *Init : LE->capture_inits())
      if (Init && !Base::TraverseStmt(Init))
        return false;
    return true;
  }
  bool TraverseBlockExpr(BlockExpr *) { return true; }
  /// `for co_await` (Coroutines TS, still accepted) awaits begin() and each
  /// ++ in its implicit statements: visit them, the rest stays unvisited.
  bool TraverseCXXForRangeStmt(CXXForRangeStmt *S) {
    if (!Base::TraverseCXXForRangeStmt(S))
      return false;
    if (S->getCoawaitLoc().isInvalid())
      return true;
    return Base::TraverseStmt(S->getBeginStmt()) &&
           Base::TraverseStmt(S->getInc());
  }
  bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }
  bool TraverseFunctionDecl(FunctionDecl *) { return true; }
  bool TraverseCXXMethodDecl(CXXMethodDecl *) { return true; }
};

/// Strips what wraps a value without changing it: implicit casts and
/// temporaries, parentheses, ExprWithCleanups, move construction.
const Expr *ignoreWrappers(const Expr *E);

/// The definition of \p FD with a body, looking through template
/// specializations to their pattern; null when none is visible.
const FunctionDecl *definitionWithBody(const FunctionDecl *FD);

/// The coroutine definition \p E starts when handed to a launching API: a
/// call of a coroutine function or lambda, a coroutine lambda (or a local
/// variable initialised with one). Null when \p E is none of these or the
/// coroutine's body is not visible in this translation unit.
const FunctionDecl *startedCoroutine(const Expr *E);

} // namespace clang::tidy::coro

#endif
