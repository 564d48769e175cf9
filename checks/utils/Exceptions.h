//===--- Exceptions.h - where can an exception leave a coroutine? ---------===//
//
// Shared by the checks that ask whether an error of async work reaches
// anyone: the first point in a coroutine's body where an exception can
// escape it, and whether a type is std::exception_ptr.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_UTILS_EXCEPTIONS_H
#define COROLINT_CHECKS_UTILS_EXCEPTIONS_H

#include "NameList.h"
#include "clang/AST/Stmt.h"
#include <string>

namespace clang::tidy::coro {

struct EscapePoint {
  /// The statement an exception can escape from: a call that is not
  /// noexcept, a co_await or co_yield, or a throw. Null when none can.
  const Stmt *Where = nullptr;
  /// "'co_await' can throw", "the call to 'parse' can throw", ...
  std::string What;
  explicit operator bool() const { return Where != nullptr; }
};

/// The first point of \p Body (one function's own context: nested lambdas are
/// not walked) where an exception can leave it: outside every try block, or
/// a throw inside a catch handler. Calls inside a handler are assumed not to
/// throw, so that logging an error does not count as losing it; and a
/// handler that calls something (logs, reports) before it rethrows has made
/// the error visible, so its rethrow does not count either. Awaiting a call
/// to one of \p ExceptionHolding (the profiles' ExceptionHolding entries:
/// `co_await seastar::coroutine::as_future(f)`, `co_await
/// cppcoro::when_all_ready(...)`) does not throw: the result holds the
/// exceptions.
EscapePoint firstEscapePoint(const Stmt &Body, const NameList &ExceptionHolding);

/// Whether \p T is std::exception_ptr (whatever inline or detail namespace
/// the standard library declares it in).
bool isExceptionPtr(QualType T);

} // namespace clang::tidy::coro

#endif
