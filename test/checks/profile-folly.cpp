// The folly::coro profile (checks/utils/profiles/FollyCoro.cpp): the cells of
// docs/profiles.md's test matrix that the per-check tests do not cover.
// RUN: %check_corolint -check-suffixes=EXC %s coro-unhandled-exception %t -- -- %coro_mock_flags

#include "folly_task.h"

void log_error(const char *);
int parse(const char *);

folly::coro::Task<> fetch() {
  parse("f");
  co_return;
}

// Exception holding: co_await co_awaitTry(task) yields a Try, it does not
// throw; dropping or never reading the Try loses the exception.
folly::coro::Task<> try_dropped() {
  co_await folly::coro::co_awaitTry(fetch());
  // CHECK-MESSAGES-EXC: :[[@LINE-1]]:3: warning: the results of 'folly::coro::co_awaitTry' are discarded: the exceptions they hold are never seen; check each result [coro-unhandled-exception]
}
folly::coro::Task<> try_unread() {
  auto t = co_await folly::coro::co_awaitTry(fetch());
  // CHECK-MESSAGES-EXC: :[[@LINE-1]]:8: warning: 't' is never inspected: the exceptions that the results of 'folly::coro::co_awaitTry' hold are never seen; check each result [coro-unhandled-exception]
}
folly::coro::Task<> try_read() {
  auto t = co_await folly::coro::co_awaitTry(fetch());
  if (t.hasException())
    log_error("fetch failed");
}
// Awaiting co_awaitTry throws nothing: handing the Try on, this coroutine
// cannot throw, and a detached start of it loses nothing.
void keep(folly::Try<void> &&) noexcept;
folly::coro::Task<> try_kept() {
  keep(co_await folly::coro::co_awaitTry(fetch()));
}
folly::Executor *executor();
void launches() {
  folly::coro::co_withExecutor(executor(), try_kept()).start([](auto &&) {});
  folly::coro::co_withExecutor(executor(), fetch()).start([](auto &&) {});
  // CHECK-MESSAGES-EXC: :[[@LINE-1]]:3: warning: coroutine 'fetch' is started detached by 'folly::coro::TaskWithExecutor::start' and can throw
}
