// TestFileRegex: in test code (files it matches), results of exception-holding
// combinators that are discarded or never inspected are not reported (the
// tasks report their failures to the test framework); the other rules are.
// By default, and when the regex does not match, they are reported.
// RUN: %check_corolint %s coro-unhandled-exception %t -check-suffixes=,HELD -- -- %coro_mock_flags
// RUN: %check_corolint %s coro-unhandled-exception %t -- \
// RUN:   -config="{CheckOptions: {coro-unhandled-exception.TestFileRegex: 'exception-test-files[.]cpp'}}" -- %coro_mock_flags
// RUN: %check_corolint %s coro-unhandled-exception %t -check-suffixes=,HELD -- \
// RUN:   -config="{CheckOptions: {coro-unhandled-exception.TestFileRegex: '_unittest[.]cpp$'}}" -- %coro_mock_flags
// (An invalid regex: test/tool/config-errors.test.)

#include <exception>
#include "asio.h"
#include "cppcoro.h"
#include "folly.h"

int parse(const char *);

cppcoro::task<> step() {
  parse("x");
  co_return;
}
folly::coro::Task<void> work();

#define RUN_SIDE_BY_SIDE(...) cppcoro::sync_wait(cppcoro::when_all_ready(__VA_ARGS__))

// A test that runs tasks side by side, each asserting inside itself.
void runs_side_by_side() {
  cppcoro::sync_wait(cppcoro::when_all_ready(step(), step()));
  // CHECK-MESSAGES-HELD: :[[@LINE-1]]:3: warning: the results of 'cppcoro::when_all_ready' are discarded: the exceptions they hold are never seen; use 'cppcoro::when_all', which rethrows, or check each result [coro-unhandled-exception]
  RUN_SIDE_BY_SIDE(step(), step());
  // CHECK-MESSAGES-HELD: :[[@LINE-1]]:3: warning: the results of 'cppcoro::when_all_ready' are discarded
}
cppcoro::task<> awaits_side_by_side() {
  co_await cppcoro::when_all_ready(step(), step());
  // CHECK-MESSAGES-HELD: :[[@LINE-1]]:3: warning: the results of 'cppcoro::when_all_ready' are discarded
  auto outcomes = co_await cppcoro::when_all_ready(step());
  // CHECK-MESSAGES-HELD: :[[@LINE-1]]:8: warning: 'outcomes' is never inspected: the exceptions that the results of 'cppcoro::when_all_ready' hold are never seen; use 'cppcoro::when_all', which rethrows
}
folly::coro::Task<void> collects() {
  co_await folly::coro::collectAllTry(work(), work());
  // CHECK-MESSAGES-HELD: :[[@LINE-1]]:3: warning: the results of 'folly::coro::collectAllTry' are discarded: the exceptions they hold are never seen; use 'folly::coro::collectAll', which rethrows
}

// The other rules still apply in test code: a detached coroutine that throws
// loses its error whatever the test framework does.
void detaches(asio::io_context &io) {
  asio::co_spawn(io.get_executor(), step(), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: coroutine 'step' is started detached by 'asio::co_spawn' and can throw
}
