// Start policy: an eager task dropped from a plain function keeps running
// (QCoro's documented way to start async work from synchronous code); it is a
// finding only when its result, or an exception that can escape it, is lost.
// RUN: %check_corolint %s coro-unawaited-task %t -- -- %coro_mock_flags

#include <exception>
#include <future>
#include <memory>
#include <thread>
#include "concurrencpp.h"
#include "qcoro.h"
#include "seastar_coroutine.h"

void log_error(const char *);
int parse(const char *);

QCoro::Task<> refresh_safely() {
  try {
    parse("x");
  } catch (...) {
    log_error("refresh failed");
  }
  co_return;
}
QCoro::Task<> refresh() {
  parse("x");
  co_return;
}
QCoro::Task<int> count() { co_return 1; }
QCoro::Task<> elsewhere();
concurrencpp::result<void> cc_job() {
  parse("y");
  co_return;
}

void on_clicked() {
  refresh_safely();
  elsewhere();
  refresh();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'refresh' is never awaited: it keeps running detached and its result and errors are lost [coro-unawaited-task]
  count();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'count' is never awaited: it keeps running detached
  cc_job();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'cc_job' is never awaited: it keeps running detached
}

// In a coroutine, a dropped task is a missing co_await whatever its policy.
QCoro::Task<> handler() {
  refresh_safely();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'refresh_safely' is never awaited: it keeps running detached
  co_await refresh();
}

// co_await seastar::coroutine::as_future(...) yields the failed future
// instead of throwing (an ExceptionHolding entry of the profile): the
// coroutine's errors are all handled, dropping it loses nothing.
seastar::future<> sea_stop();
seastar::future<> sea_loop() {
  try {
    co_await sea_stop();
  } catch (...) {
    log_error("loop failed");
  }
  auto f = co_await seastar::coroutine::as_future(sea_stop());
  f.ignore_ready_future();
}
seastar::future<> sea_loop_rethrows() {
  auto f = co_await seastar::coroutine::as_future(sea_stop());
  if (f.failed())
    throw 1;
}
void on_shutdown() {
  sea_loop();
  sea_loop_rethrows();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'sea_loop_rethrows' is never awaited: it keeps running detached
}

// A plain function's local holding an eager void task is judged as one
// dropped there: reported only when an exception can escape the coroutine
// (a seastar::thread test keeping a chain that handles its errors is fine).
seastar::future<> sea_write();
void seastar_thread_test() {
  auto client_loop = sea_write().then([] {}).handle_exception([](std::exception_ptr) {});
  auto quiet = sea_loop();
  auto loud = sea_loop_rethrows();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'loud' is never awaited: it keeps running detached
}

// The reading end of a promise starts nothing: dropping it loses no work.
bool try_arm();
void wait_for_signal(int timeout) {
  std::thread([timeout] {
    auto signal = std::make_unique<std::promise<void>>();
    auto fired = signal->get_future();
    bool armed = try_arm();
    if (armed)
      fired.wait_for(timeout);
    std::promise<int> other;
    other.get_future();
  }).detach();
}
// std::async's future is work that was started (and whose destructor waits).
void started_work() {
  auto work = std::async([] { return 1; });
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'work' is never awaited
}
