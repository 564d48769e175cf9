// Detached launches each library profile knows (checks/utils/profiles/), the
// handled variant of each, and the start policy of eager futures.
// RUN: %check_corolint %s coro-unhandled-exception %t -- -- %coro_mock_flags

#include <exception>
#include "async_simple.h"
#include "cobalt.h"
#include "concurrencpp.h"
#include "folly_task.h"
#include "qcoro.h"
#include "seastar_coroutine.h"
#include "winrt.h"

void log_error(const char *);
int parse(const char *);

// Seastar: a future dropped from a launch helper, or cast to void.
seastar::future<> flush() {
  parse("x");
  co_return;
}
seastar::future<> flush_quietly() noexcept;
seastar::future<> careful() {
  try {
    co_await flush();
  } catch (...) {
    log_error("flush failed");
  }
}
void seastar_launches(seastar::gate &g, seastar::sharded<int> &s) {
  (void)seastar::with_gate(g, [] { return flush(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: coroutine 'flush' is started detached by 'seastar::with_gate' and can throw, but nothing receives its exceptions: they are lost [coro-unhandled-exception]
  (void)seastar::futurize_invoke([] { parse("y"); return seastar::future<>(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: lambda is started detached by 'seastar::futurize_invoke' and can throw
  (void)seastar::smp::submit_to(1, [] { return flush(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: coroutine 'flush' is started detached by 'seastar::smp::submit_to' and can throw
  (void)s.invoke_on(1, [](int &) { return flush(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: coroutine 'flush' is started detached by 'seastar::sharded::invoke_on' and can throw
  (void)flush();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: coroutine 'flush' is started detached (its future is discarded) and can throw
  (void)flush().finally([] {});
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: coroutine 'flush' is started detached (its future is discarded) and can throw
  (void)seastar::with_gate(g, [] { return flush(); }).then([] {});
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: coroutine 'flush' is started detached by 'seastar::with_gate' and can throw
  // Handled: a handler ends the chain, or the work handles its own errors.
  (void)seastar::with_gate(g, [] { return flush(); }).handle_exception([](std::exception_ptr) {});
  (void)flush().finally([] {}).handle_exception_type([](int) {});
  (void)flush().then_wrapped([](seastar::future<> f) {});
  (void)seastar::with_gate(g, [] { return careful(); });
  (void)careful();
  (void)seastar::with_gate(g, [] { return flush_quietly(); });
}

// Seastar's coroutine::as_future: awaiting it yields the future, failed or
// not; the failure is a value until inspected, nothing is thrown there.
seastar::future<> stop();
seastar::future<> loop_then_stop() {
  try {
    co_await flush();
  } catch (...) {
    log_error("loop failed");
  }
  seastar::future<> f = co_await seastar::coroutine::as_future(stop());
  f.ignore_ready_future();
}
seastar::future<> loop_then_stop_unchecked() {
  try {
    co_await flush();
  } catch (...) {
    log_error("loop failed");
  }
  auto f = co_await seastar::coroutine::as_future_without_preemption_check(stop());
  if (f.failed())
    throw 1;
}
seastar::future<> stop_dropped() {
  co_await seastar::coroutine::as_future(stop());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the results of 'seastar::coroutine::as_future' are discarded: the exceptions they hold are never seen; check each result [coro-unhandled-exception]
}
seastar::future<> stop_unread() {
  auto f = co_await seastar::coroutine::as_future(stop());
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'f' is never inspected: the exceptions that the results of 'seastar::coroutine::as_future' hold are never seen; check each result [coro-unhandled-exception]
}
void seastar_as_future() {
  (void)loop_then_stop();
  (void)loop_then_stop_unchecked();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: coroutine 'loop_then_stop_unchecked' is started detached (its future is discarded) and can throw
}

// folly::coro: start() without keeping the SemiFuture or reading the Try.
folly::Executor *executor();
folly::coro::Task<> fetch() {
  parse("z");
  co_return;
}
void folly_launches() {
  fetch().scheduleOn(executor()).start([](auto &&) {});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: coroutine 'fetch' is started detached by 'folly::coro::TaskWithExecutor::start' and can throw
  folly::coro::co_withExecutor(executor(), fetch()).startInlineUnsafe();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: coroutine 'fetch' is started detached by 'folly::coro::TaskWithExecutor::startInlineUnsafe' and can throw
  fetch().scheduleOn(executor()).start([](folly::Try<void> t) {
    if (t.hasException())
      log_error("fetch failed");
  });
  auto kept = folly::coro::co_withExecutor(executor(), fetch()).startInlineUnsafe();
  (void)kept;
}

// async_simple: start(callback) whose callback ignores the Try.
async_simple::coro::Lazy<> load() {
  parse("w");
  co_return;
}
void async_simple_launches() {
  load().start([](auto &&) {});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: coroutine 'load' is started detached by 'async_simple::coro::detail::LazyBase::start' and can throw
  load().start([](async_simple::Try<void> t) {
    if (t.hasError())
      log_error("load failed");
  });
}

// concurrencpp: submit's result dropped, post of a callable that throws.
int compute();
int compute_safely() noexcept;
void compute_all() { parse("q"); }
void concurrencpp_launches(concurrencpp::thread_pool_executor &pool) {
  pool.submit([] { return compute(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: lambda is started detached by 'concurrencpp::derivable_executor::submit' and can throw
  pool.post(compute_all);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: function 'compute_all' is started detached by 'concurrencpp::derivable_executor::post' and can throw
  auto r = pool.submit([] { return compute(); });
  (void)r;
  pool.post([] { (void)compute_safely(); });
}
// A helper whose visible body cannot throw, though it is not declared
// noexcept (Seastar's load_balancer::closed_cpu is `_cpu_load[cpu]--;`),
// loses nothing; one that throws, calls what can, or can be overridden can.
struct balancer {
  int load[4];
  void closed(int cpu) { load[cpu]--; }
  void closed_twice(int cpu) { closed(cpu); closed(cpu); }
  void checked(int cpu) {
    if (cpu > 3)
      throw std::exception();
    load[cpu]--;
  }
  void logged(int cpu) { log_error("closed"); load[cpu]--; }
  void via_checked(int cpu) { checked(cpu); }
  virtual void hook(int cpu) { load[cpu]--; }
};
void helper_bodies(concurrencpp::thread_pool_executor &pool, balancer &b) {
  pool.post([&b] { b.closed(1); });
  pool.post([&b] { b.closed_twice(1); });
  pool.post([&b] { b.checked(1); });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: lambda is started detached by 'concurrencpp::derivable_executor::post' and can throw
  pool.post([&b] { b.logged(1); });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: lambda is started detached by 'concurrencpp::derivable_executor::post' and can throw
  pool.post([&b] { b.via_checked(1); });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: lambda is started detached by 'concurrencpp::derivable_executor::post' and can throw
  pool.post([&b] { b.hook(1); });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: lambda is started detached by 'concurrencpp::derivable_executor::post' and can throw
}
// concurrencpp's when_all has no rethrowing counterpart: check each result.
concurrencpp::result<void> concurrencpp_settle(concurrencpp::result<int> a,
                                               concurrencpp::result<int> b) {
  co_await concurrencpp::when_all(a, b);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the results of 'concurrencpp::when_all' are discarded: the exceptions they hold are never seen; check each result [coro-unhandled-exception]
}

// C++/WinRT and Boost.Cobalt: coroutine types nobody can await.
winrt::fire_and_forget on_click() {
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: coroutine 'on_click' returns 'winrt::fire_and_forget', which nobody can await, and can throw: its exceptions are lost or terminate the program
  co_await winrt::resume_background();
  parse("v");
}
winrt::fire_and_forget on_click_safely() {
  try {
    co_await winrt::resume_background();
    parse("v");
  } catch (...) {
    log_error("click failed");
  }
}
// concurrencpp: a null_result coroutine runs at once and nothing awaits it.
concurrencpp::null_result fire_log() {
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: coroutine 'fire_log' returns 'concurrencpp::null_result', which nobody can await, and can throw: its exceptions are lost or terminate the program
  parse("w");
  co_return;
}
concurrencpp::null_result fire_log_safely() noexcept(false) {
  try {
    parse("w");
  } catch (const std::exception &) {
    log_error("log failed");
  }
  co_return;
}
boost::cobalt::task<void> cobalt_job() {
  parse("u");
  co_return;
}
void cobalt_spawns(boost::cobalt::executor &ex) {
  boost::cobalt::spawn(ex, cobalt_job(), boost::asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: coroutine 'cobalt_job' is started detached by 'boost::cobalt::spawn' and can throw
}
// Boost.Cobalt's gather holds the outcomes; join rethrows.
boost::cobalt::task<void> cobalt_settle() {
  auto outcomes = co_await boost::cobalt::gather(cobalt_job(), cobalt_job());
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'outcomes' is never inspected: the exceptions that the results of 'boost::cobalt::gather' hold are never seen; use 'boost::cobalt::join', which rethrows, or check each result [coro-unhandled-exception]
  co_await boost::cobalt::join(cobalt_job(), cobalt_job());
}
boost::cobalt::detached background() {
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: coroutine 'background' returns 'boost::cobalt::detached', which nobody can await, and can throw
  parse("u");
  co_return;
}

// QCoro: a coroutine lambda connected to a signal runs detached each time.
void qcoro_connects(QPushButton *button, QObject *context) {
  QObject::connect(button, &QPushButton::clicked, context, []() -> QCoro::Task<> {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: coroutine lambda is started detached by 'QObject::connect' and can throw
    parse("t");
    co_return;
  });
  QObject::connect(button, &QPushButton::clicked, []() -> QCoro::Task<> {
    try {
      parse("t");
    } catch (...) {
      log_error("click failed");
    }
    co_return;
  });
  // A plain slot is not a detached launch.
  QObject::connect(button, &QPushButton::clicked, [] { parse("s"); });
}
