//===--- NoExecutor.h - code that runs when a coroutine has no executor ---===//
//
// Some runtimes let a coroutine ask for the executor it runs on (async_simple's
// 'co_await CurrentExecutor{}', folly's 'co_await co_current_executor') and
// get null when it has none: the coroutine was started inline, on a thread
// that is not an event loop's, and the code for that case (a plain
// std::this_thread::sleep_for in async_simple's coro::sleep) blocks only a
// caller that is blocked anyway. Which awaitables are such queries is the
// profiles' ExecutorQuery entries.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_UTILS_NOEXECUTOR_H
#define COROLINT_CHECKS_UTILS_NOEXECUTOR_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Stmt.h"

namespace clang::tidy::coro {

/// Whether \p S runs only when the coroutine has no executor: it is in the
/// branch of an 'if' that holds only when a variable initialised by
/// co_await of an executor query is null ('if (!ex) { ... }', the else of
/// 'if (ex != nullptr)'), or after an 'if' that leaves whenever it is not
/// null ('if (ex) co_return co_await ex->after(d);').
bool onNoExecutorPath(const Stmt &S, ASTContext &Ctx);

} // namespace clang::tidy::coro

#endif
