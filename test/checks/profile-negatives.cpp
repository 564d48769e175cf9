// The negative cells of the profile test matrix (docs/profiles.md) that the
// per-check and per-library tests lacked: each entry's call where it is
// right. Bridges and blocking calls outside a coroutine, an exception-holding
// combinator whose results are inspected, a launch whose work catches, an
// eager task that is kept. One positive anchors the file.
// RUN: %check_corolint %s 'coro-blocking-call,coro-unhandled-exception,coro-unawaited-task' %t -- -- %coro_mock_flags

#include <exception>
#include "asio.h"
#include "cobalt.h"
#include "concurrencpp.h"
#include "folly.h"
#include "libcoro.h"

void log_error(const char *);
int parse(const char *);

// Bridges and blocking calls in plain functions: what they are for.
coro::task<int> lc_value();
int lc_main() { return coro::sync_wait(lc_value()); }
int asio_main(asio::io_context &io) { return static_cast<int>(io.run()); }
void cobalt_main(boost::cobalt::thread &t) { t.join(); }

// The anchor: the same bridge inside a coroutine.
coro::task<int> lc_inside() {
  co_return coro::sync_wait(lc_value());
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: blocking call to 'coro::sync_wait' in coroutine 'lc_inside' may deadlock
}

// Exception-holding combinators whose results are all inspected.
concurrencpp::result<int> cc_one();
concurrencpp::result<void> cc_checked() {
  auto all = co_await concurrencpp::when_all(cc_one(), cc_one());
  (void)all;
  co_return;
}
folly::coro::Task<int> folly_one();
folly::coro::Task<void> folly_checked() {
  auto all = co_await folly::coro::collectAllTry(folly_one(), folly_one());
  (void)all;
}

// A launch whose work catches everything it throws.
folly::coro::Task<void> folly_careful() {
  try {
    parse("x");
  } catch (...) {
    log_error("parse failed");
  }
  co_return;
}
void folly_scope(folly::coro::AsyncScope &scope) { scope.add(folly_careful()); }

// Eager tasks kept and awaited.
boost::cobalt::promise<int> cobalt_eager();
boost::cobalt::task<int> cobalt_keeps() {
  auto p = cobalt_eager();
  co_return co_await p;
}
concurrencpp::result<int> cc_keeps() {
  auto r = cc_one();
  co_return co_await r;
}
