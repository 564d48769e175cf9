//===--- Suspensions.h - where a coroutine suspends -----------------------===//
//
// The suspension points of a coroutine's own code (co_await, co_yield; the
// implicit awaits of initial and final suspend are not written and do not
// count) and what each one awaits.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_UTILS_SUSPENSIONS_H
#define COROLINT_CHECKS_UTILS_SUSPENSIONS_H

#include "clang/AST/ExprCXX.h"

namespace clang::tidy::coro {

/// Whether \p S is a co_await or co_yield (resolved or dependent).
bool isSuspension(const Stmt *S);

/// Whether a written co_await or co_yield of \p S's own context (not of a
/// lambda defined in it) is in \p S.
bool suspendsIn(const Stmt *S);

/// The written operand of a co_await or co_yield, or null.
const Expr *awaitOperand(const Expr *Await);

/// The call an await starts, when it awaits the result of a call.
const CallExpr *awaitedCall(const Expr *Await);

} // namespace clang::tidy::coro

#endif
