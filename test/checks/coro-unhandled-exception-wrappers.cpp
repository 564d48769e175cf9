// A project's own detached-launch wrappers, recognised from their visible
// bodies (checks/utils/LaunchWrappers.h): a function that hands its callable
// or task parameter to a detached launch, or calls it and drops the eager
// future, is itself a detached launch of that parameter. The call of the
// wrapper is reported, with the work its caller hands it, and a note at the
// launch inside.
// RUN: %check_corolint %s coro-unhandled-exception %t -- -- %coro_mock_flags
// With coro-unawaited-task too: a dropped eager future in a wrapper is one
// finding, not one per check.
// RUN: %check_corolint %s coro-unhandled-exception,coro-unawaited-task %t -- -- %coro_mock_flags

#include <exception>
#include <functional>
#include <utility>
#include "asio.h"
#include "folly_task.h"
#include "seastar_coroutine.h"

void log_error(const char *);
int parse(const char *);

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

// Seastar: a template wrapper that drops with_gate's future.
template <class Func>
void start_in_background(seastar::gate &g, Func fn) {
  (void)seastar::with_gate(g, std::move(fn));
}
// A wrapper of that wrapper, taking a forwarding reference.
template <class F>
void run_later(seastar::gate &g, F &&f) {
  start_in_background(g, std::forward<F>(f));
}
// Not a template: std::function, and a lambda that only calls it.
void in_background(seastar::gate &g, std::function<seastar::future<>()> fn) {
  (void)seastar::with_gate(g, [fn = std::move(fn)] { return fn(); });
}
// Calls its callable and drops the eager future it returns.
template <class F>
void fire(F f) {
  (void)f();
}
// A member function wrapper.
class service {
public:
  template <class F> void background(F &&f) {
    (void)seastar::with_gate(gate_, std::forward<F>(f));
  }
  template <class F> seastar::future<> awaited(F f) {
    co_await seastar::with_gate(gate_, std::move(f));
  }
  template <class F> void kept(F f) {
    pending_ = seastar::with_gate(gate_, std::move(f));
  }

private:
  seastar::gate gate_;
  seastar::future<> pending_;
};

void seastar_wrappers(seastar::gate &g, service &s) {
  start_in_background(g, [] { return flush(); });
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine 'flush' is started detached by 'start_in_background' (through 'seastar::with_gate') and can throw, but nothing receives its exceptions: they are lost [coro-unhandled-exception]
  // CHECK-NOTES: :[[@LINE-37]]:9: note: 'start_in_background' starts it detached here
  // CHECK-NOTES: :[[@LINE-53]]:3: note: the call to 'parse' can throw, outside any try block
  start_in_background(g, [] { parse("y"); return seastar::future<>(); });
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: lambda is started detached by 'start_in_background' (through 'seastar::with_gate') and can throw
  // CHECK-NOTES: :[[@LINE-41]]:9: note: 'start_in_background' starts it detached here
  // CHECK-NOTES: :[[@LINE-3]]:31: note: the call to 'parse' can throw
  run_later(g, [] { return flush(); });
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine 'flush' is started detached by 'run_later' (through 'seastar::with_gate') and can throw
  // CHECK-NOTES: :[[@LINE-40]]:3: note: 'run_later' hands it to 'start_in_background' here
  // CHECK-NOTES: :[[@LINE-46]]:9: note: 'start_in_background' starts it detached here
  // CHECK-NOTES: :[[@LINE-62]]:3: note: the call to 'parse' can throw
  in_background(g, [] { return flush(); });
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine 'flush' is started detached by 'in_background' (through 'seastar::with_gate') and can throw
  // CHECK-NOTES: :[[@LINE-41]]:9: note: 'in_background' starts it detached here
  // CHECK-NOTES: :[[@LINE-66]]:3: note: the call to 'parse' can throw
  fire([] { return flush(); });
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine 'flush' is started detached by 'fire' (through a discarded future) and can throw
  // CHECK-NOTES: :[[@LINE-40]]:9: note: 'fire' starts it detached here
  // CHECK-NOTES: :[[@LINE-70]]:3: note: the call to 'parse' can throw
  s.background([] { return flush(); });
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine 'flush' is started detached by 'service::background' (through 'seastar::with_gate') and can throw
  // CHECK-NOTES: :[[@LINE-38]]:11: note: 'service::background' starts it detached here
  // CHECK-NOTES: :[[@LINE-74]]:3: note: the call to 'parse' can throw

  // Work that cannot throw, or handles its own errors.
  start_in_background(g, [] { return careful(); });
  start_in_background(g, [] { return flush_quietly(); });
  start_in_background(g, []() noexcept { return seastar::future<>(); });
  run_later(g, [] { return careful(); });
  fire([] { return careful(); });
  // The wrapper keeps the launch's future.
  s.kept([] { return flush(); });
}
// The wrapper awaits the launch (and its caller awaits the wrapper).
seastar::future<> awaits_wrapper(service &s) {
  co_await s.awaited([] { return flush(); });
}

// A wrapper that handles the error itself is no detached launch.
template <class Func>
void start_logged(seastar::gate &g, Func fn) {
  (void)seastar::with_gate(g, std::move(fn)).handle_exception([](std::exception_ptr) {
    log_error("background work failed");
  });
}
// Nor one whose lambda handles what the callable's future holds.
void run_in_background(seastar::gate &g, seastar::future<> f) {
  (void)seastar::with_gate(g, [f = std::move(f)]() mutable {
    return f.handle_exception([](std::exception_ptr) { log_error("ignored"); });
  });
}
// Nor one that only calls its callable, synchronously, and catches.
template <class F>
void call_logged(F f) {
  try {
    f();
  } catch (...) {
    log_error("failed");
  }
}
// A parameter that is not the work: the lambda is the wrapper's own, and is
// reported where it is (it is not the caller's).
void flush_later(seastar::gate &g, int times) {
  (void)seastar::with_gate(g, [times] { parse("n"); return flush(); });
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: lambda is started detached by 'seastar::with_gate' and can throw
  // CHECK-NOTES: :[[@LINE-2]]:41: note: the call to 'parse' can throw
}
// A try block around the launch catches what with_gate throws itself, not
// the work's errors, which go to the dropped future: still a launch.
template <class F>
void try_around(seastar::gate &g, F f) {
  try {
    (void)seastar::with_gate(g, std::move(f));
  } catch (...) {
    log_error("gate closed");
  }
}
// A function object's call operator as the wrapper.
struct background_pool {
  template <class F> void operator()(seastar::gate &g, F f) {
    (void)seastar::with_gate(g, std::move(f));
  }
};
void other_wrappers(seastar::gate &g, background_pool &pool) {
  try_around(g, [] { return flush(); });
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine 'flush' is started detached by 'try_around' (through 'seastar::with_gate') and can throw
  // CHECK-NOTES: :[[@LINE-14]]:11: note: 'try_around' starts it detached here
  // CHECK-NOTES: :[[@LINE-139]]:3: note: the call to 'parse' can throw
  pool(g, [] { return flush(); });
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine 'flush' is started detached by 'background_pool::operator()' (through 'seastar::with_gate') and can throw
  // CHECK-NOTES: :[[@LINE-10]]:11: note: 'background_pool::operator()' starts it detached here
  // CHECK-NOTES: :[[@LINE-143]]:3: note: the call to 'parse' can throw
  pool(g, [] { return careful(); });
}
// A coroutine of the project's own handed the parameter is work of its own:
// reported where it is dropped, and its callers are not wrappers' callers.
seastar::future<> consume(seastar::future<> f) {
  parse("c");
  co_await std::move(f);
}
void consume_later(seastar::future<> f) {
  (void)consume(std::move(f));
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: coroutine 'consume' is started detached (its future is discarded) and can throw
  // CHECK-NOTES: :[[@LINE-5]]:3: note: 'co_await' can throw here
}
// A library's own function is what its profile says, whatever its body
// does: no inference inside a profile's namespace.
namespace seastar::internal {
template <class F> void in_background(gate &g, F f) {
  (void)seastar::with_gate(g, std::move(f));
}
} // namespace seastar::internal
void handled_wrappers(seastar::gate &g) {
  seastar::internal::in_background(g, [] { return flush(); });
  consume_later(flush());
  start_logged(g, [] { return flush(); });
  run_in_background(g, flush());
  call_logged([] { parse("z"); });
  flush_later(g, 3);
}

// asio: a wrapper that calls its callable and co_spawns the awaitable.
asio::awaitable<void> listener() {
  parse("l");
  co_return;
}
asio::awaitable<void> quiet_listener() {
  try {
    co_await listener();
  } catch (...) {
    log_error("listener failed");
  }
}
template <class Ex, class F>
void spawn_detached(Ex &ex, F f) {
  asio::co_spawn(ex, f(), asio::detached);
}
template <class Ex>
void spawn_task(Ex &ex, asio::awaitable<void> task) {
  asio::co_spawn(ex, std::move(task), asio::detached);
}
// The launched lambda catches and logs what the parameter's work throws.
template <class Ex, class F>
void spawn_caught(Ex &ex, F f) {
  asio::co_spawn(ex, [f]() -> asio::awaitable<void> {
    try {
      co_await f();
    } catch (...) {
      log_error("spawned work failed");
    }
  }, asio::detached);
}
template <class Ex, class F>
void spawn_use(Ex &ex, F f) {
  asio::co_spawn(ex, f(), asio::use_awaitable);
}
void asio_wrappers(asio::io_context &io) {
  spawn_detached(io, [] { return listener(); });
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine 'listener' is started detached by 'spawn_detached' (through 'asio::co_spawn') and can throw
  // CHECK-NOTES: :[[@LINE-24]]:3: note: 'spawn_detached' starts it detached here
  // CHECK-NOTES: :[[@LINE-37]]:3: note: the call to 'parse' can throw
  spawn_detached(io, []() -> asio::awaitable<void> { parse("c"); co_return; });
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine lambda is started detached by 'spawn_detached' (through 'asio::co_spawn') and can throw
  // CHECK-NOTES: :[[@LINE-28]]:3: note: 'spawn_detached' starts it detached here
  // CHECK-NOTES: :[[@LINE-3]]:54: note: the call to 'parse' can throw
  spawn_task(io, listener());
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine 'listener' is started detached by 'spawn_task' (through 'asio::co_spawn') and can throw
  // CHECK-NOTES: :[[@LINE-28]]:3: note: 'spawn_task' starts it detached here
  // CHECK-NOTES: :[[@LINE-45]]:3: note: the call to 'parse' can throw
  // Negative: the work handles its errors; the callable's own throw
  // reaches this caller (it is called before the launch); not detached.
  spawn_detached(io, [] { return quiet_listener(); });
  spawn_detached(io, [] { parse("s"); return quiet_listener(); });
  spawn_use(io, [] { return listener(); });
  spawn_caught(io, [] { return listener(); });
}

// folly: a wrapper that starts its task on an executor and drops the result.
folly::Executor *executor();
folly::coro::Task<> fetch() {
  parse("f");
  co_return;
}
void start_on(folly::Executor *ex, folly::coro::Task<> task) {
  std::move(task).scheduleOn(ex).start();
}
void folly_wrappers() {
  start_on(executor(), fetch());
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine 'fetch' is started detached by 'start_on' (through 'folly::coro::TaskWithExecutor::start') and can throw
  // CHECK-NOTES: :[[@LINE-5]]:3: note: 'start_on' starts it detached here
  // CHECK-NOTES: :[[@LINE-10]]:3: note: the call to 'parse' can throw
}
