//===--- Completion.h - results that are already complete ---------*- C++ -*-===//
//
// Whether a future-like value is already complete where it is read, so that
// its get()/wait() returns at once instead of blocking: a value produced by a
// co_await (the results handed back by when_all/when_any, the result of
// 'co_await r.resolve()'), a value that was co_awaited or waited for
// (r.wait()) itself earlier on every path, or one behind a readiness test
// (status() == ..., is_ready(), ready(), available(), failed(), ...), or one
// made complete: returned by a profile's ReadyFactory (make_ready_future) or
// by an eager coroutine that finishes without suspending. For any
// library: the analysis reads the shape of the code, not a library's names.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_UTILS_COMPLETION_H
#define COROLINT_CHECKS_UTILS_COMPLETION_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include <cstdint>

namespace clang::tidy::coro {

/// Parameters of the function being analysed that receive a complete value
/// at the call being followed: bit I is parameter I (the first 64 only).
using CompleteParams = std::uint64_t;

/// Whether \p Call reads a result in a way that returns at once once it is
/// complete: a member call named get, wait, value, result (and the like) on
/// an object that is complete where \p Call runs. \p Params says which of the
/// parameters of \p Function (the function whose body holds \p Call) receive
/// complete values.
bool readsCompleteResult(const Expr &Call, const FunctionDecl *Function,
                         CompleteParams Params, ASTContext &Ctx);

/// Whether \p S cannot complete normally: it (or the last statement of the
/// block it is) returns, co_returns, throws, breaks, continues, jumps, or
/// calls a function that does not return.
bool cannotFallThrough(const Stmt *S);

/// Whether \p Call is a member call whose object is complete where \p Call
/// runs (as readsCompleteResult judges it, whatever the member's name):
/// folly's 'std::move(f).getTry()' after 'f.isReady()'. A member that waits
/// on its own object then returns at once.
bool callsOnCompleteObject(const Expr &Call, const FunctionDecl *Function,
                           CompleteParams Params, ASTContext &Ctx);

/// Whether the operand of \p Await is complete where it is awaited (as
/// readsCompleteResult judges an object), so the await resumes at once.
bool awaitsCompleteValue(const Expr &Await, ASTContext &Ctx);

/// Which parameters of \p Callee receive, at \p Call (made in \p Caller,
/// whose own complete parameters are \p CallerParams), a value complete at
/// that point.
CompleteParams completeArguments(const Expr &Call, const FunctionDecl &Callee,
                                 const FunctionDecl *Caller,
                                 CompleteParams CallerParams, ASTContext &Ctx);

} // namespace clang::tidy::coro

#endif
