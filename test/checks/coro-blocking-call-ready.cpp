// RUN: %check_corolint %s coro-blocking-call %t -- -- %coro_mock_flags

// Values complete by construction: a future made ready by the library's
// factory (make_ready_future, makeFuture, make_ready_result), and the future
// of an eager coroutine that finishes without suspending; a member of a
// complete future that waits on its own object (folly's getTry()). And code
// that runs only when the coroutine has no executor (async_simple's
// 'if (!ex) std::this_thread::sleep_for(...)'): it runs inline on a thread
// that is not an event loop's.

#include <chrono>
#include <thread>
#include <utility>
#include "async_simple.h"
#include "folly_task.h"
#include "seastar_coroutine.h"

namespace concurrencpp {
template <class T> class result {
public:
  T get();
};
template <class T> result<T> make_ready_result(T);
} // namespace concurrencpp

// A future made ready is complete: get() returns at once.
seastar::future<> ready_factories() {
  int n = 0;
  (void)seastar::make_ready_future<int>(n).get();
  auto f = seastar::make_ready_future<int>(1);
  (void)f.get();
  (void)folly::makeFuture(1).get();
  (void)folly::makeSemiFuture(1).get();
  (void)concurrencpp::make_ready_result(2).get();
  (void)async_simple::makeReadyFuture(3).get();
  co_return;
}

// An eager coroutine that never suspends has finished when the call returns.
seastar::future<int> ready_coroutine() { co_return 1; }
seastar::future<int> suspending_coroutine() {
  co_await seastar::sleep(std::chrono::milliseconds(1));
  co_return 1;
}
seastar::future<int> fetch_later();
seastar::future<> eager_finished() {
  (void)ready_coroutine().get();
  // One that suspends is not finished, and neither is one we cannot see.
  (void)suspending_coroutine().get();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: blocking call to 'seastar::future::get' in coroutine 'eager_finished' may deadlock
  (void)fetch_later().get();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: blocking call to 'seastar::future::get' in coroutine 'eager_finished' may deadlock
  co_return;
}

// A lazy coroutine has not even started.
async_simple::coro::Lazy<int> lazy_value() { co_return 1; }

// getTry() waits on its own future: once that is ready, it returns at once.
folly::SemiFuture<int> semi_work();
folly::Future<int> future_work();
folly::coro::Task<> get_try() {
  auto semi = semi_work();
  if (!semi.isReady())
    co_return;
  (void)std::move(semi).getTry();
  auto fut = future_work();
  if (fut.isReady())
    (void)std::move(fut).getTry();
  // Not known to be ready: getTry() blocks in wait().
  (void)semi_work().getTry();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: call to 'folly::SemiFuture::getTry' in coroutine 'get_try' may deadlock: 'folly::SemiFuture::getTry' is a bridge that blocks on 'folly::SemiFuture::wait'
  auto other = future_work();
  (void)std::move(other).getTry();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: call to 'folly::Future::getTry' in coroutine 'get_try' may deadlock
  co_return;
}

// The no-executor fallback of async_simple's coro::sleep.
namespace aslib {
using async_simple::CurrentExecutor;
using async_simple::coro::Lazy;
Lazy<> sleep_for(std::chrono::milliseconds d) {
  auto ex = co_await CurrentExecutor{};
  if (!ex) {
    std::this_thread::sleep_for(d);
    co_return;
  }
  co_await lazy_value();
}
Lazy<> sleep_else(std::chrono::milliseconds d) {
  auto *ex = co_await CurrentExecutor{};
  if (ex != nullptr)
    co_await lazy_value();
  else
    std::this_thread::sleep_for(d);
}
Lazy<> sleep_after_exit(std::chrono::milliseconds d) {
  auto ex = co_await CurrentExecutor{};
  if (ex) {
    co_await lazy_value();
    co_return;
  }
  std::this_thread::sleep_for(d);
}
// The same in a coroutine template (async_simple's sleep takes any duration).
template <class Duration> Lazy<> sleep_template(Duration d) {
  auto ex = co_await CurrentExecutor();
  if (!ex) {
    std::this_thread::sleep_for(d);
    co_return;
  }
  co_await lazy_value();
}
template <class Duration> Lazy<> sleep_template_with_executor(Duration d) {
  auto ex = co_await CurrentExecutor();
  if (ex)
    std::this_thread::sleep_for(d);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: blocking call to 'std::this_thread::sleep_for' in coroutine 'sleep_template_with_executor' stalls every coroutine on this thread
  co_return;
}
void instantiate() {
  (void)sleep_template(std::chrono::milliseconds(1));
  (void)sleep_template_with_executor(std::chrono::milliseconds(1));
}
// With an executor, or not depending on it: the sleep blocks the loop.
Lazy<> sleep_with_executor(std::chrono::milliseconds d) {
  auto ex = co_await CurrentExecutor{};
  if (ex)
    std::this_thread::sleep_for(d);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: blocking call to 'std::this_thread::sleep_for' in coroutine 'sleep_with_executor' stalls every coroutine on this thread
  std::this_thread::sleep_for(d);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'std::this_thread::sleep_for' in coroutine 'sleep_with_executor' stalls every coroutine on this thread
  bool quiet = false;
  if (!quiet)
    std::this_thread::sleep_for(d);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: blocking call to 'std::this_thread::sleep_for' in coroutine 'sleep_with_executor' stalls every coroutine on this thread
}
} // namespace aslib
