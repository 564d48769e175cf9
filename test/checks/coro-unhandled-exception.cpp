// RUN: %check_corolint %s coro-unhandled-exception %t -- --fix-notes -- %coro_mock_flags

#include <exception>
#include "asio.h"
#include "async_simple.h"
#include "cppcoro.h"
#include "folly.h"
#include "libcoro.h"

void log_error(const char *);
int parse(const char *);
int parse_noexcept(const char *) noexcept;

// 1. Coroutines started detached. (The note names the first point an
// exception can leave the coroutine.)
asio::awaitable<void> listener() {
  co_await asio::steady_timer(*(asio::io_context *)nullptr).async_wait(asio::use_awaitable);
}
void start_listener(asio::io_context &io) {
  asio::co_spawn(io.get_executor(), listener(), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine 'listener' is started detached by 'asio::co_spawn' and can throw, but nothing receives its exceptions: they are lost [coro-unhandled-exception]
  // CHECK-NOTES: :[[@LINE-5]]:3: note: 'co_await' can throw here, outside any try block; catch and handle errors inside the coroutine, or keep its result and await it
}
asio::awaitable<void> rethrows() {
  try {
    co_await listener();
  } catch (...) {
    log_error("failed");
    throw;
  }
}
void start_rethrows(asio::io_context &io) {
  // The handler logged the error before rethrowing it: it was seen.
  asio::co_spawn(io.get_executor(), rethrows(), asio::detached);
}
asio::awaitable<void> rethrows_silently() {
  try {
    co_await listener();
  } catch (...) {
    throw;
  }
}
void start_rethrows_silently(asio::io_context &io) {
  asio::co_spawn(io.get_executor(), rethrows_silently(), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine 'rethrows_silently' is started detached
  // CHECK-NOTES: :[[@LINE-6]]:5: note: the rethrow here escapes, outside any try block
}
asio::awaitable<void> calls_throwing() {
  parse_noexcept("fine");
  parse("boom");
  co_return;
}
void start_calls_throwing(asio::io_context &io) {
  asio::co_spawn(io.get_executor(), calls_throwing(), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine 'calls_throwing' is started detached
  // CHECK-NOTES: :[[@LINE-6]]:3: note: the call to 'parse' can throw, outside any try block
}
void start_lambda(asio::io_context &io) {
  // A coroutine lambda, passed as a function object, and one held in a variable.
  asio::co_spawn(io.get_executor(), []() -> asio::awaitable<void> {
    throw 42;
    co_return;
  }, asio::detached);
  // CHECK-NOTES: :[[@LINE-4]]:3: warning: coroutine lambda is started detached by 'asio::co_spawn'
  // CHECK-NOTES: :[[@LINE-4]]:5: note: the exception thrown here escapes
  auto handler = [&]() -> asio::awaitable<void> { parse("x"); co_return; };
  asio::co_spawn(io.get_executor(), handler, asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine lambda is started detached by 'asio::co_spawn'
  // CHECK-NOTES: :[[@LINE-3]]:51: note: the call to 'parse' can throw
}

// Not flagged: the body catches, cannot throw, or is not visible here.
asio::awaitable<void> session(int fd) {
  try {
    co_await asio::steady_timer(*(asio::io_context *)nullptr).async_wait(asio::use_awaitable);
    parse("x");
  } catch (const std::exception &e) {
    log_error(e.what());
  }
}
asio::awaitable<void> cannot_throw() {
  parse_noexcept("fine");
  co_return;
}
asio::awaitable<void> declared_elsewhere();
void start_quiet(asio::io_context &io) {
  auto ex = io.get_executor();
  asio::co_spawn(ex, session(3), asio::detached);
  asio::co_spawn(ex, cannot_throw(), asio::detached);
  asio::co_spawn(ex, declared_elsewhere(), asio::detached);
  // Not detached: a completion handler that reads the error.
  asio::co_spawn(ex, listener(), [](std::exception_ptr e) {
    if (e)
      std::rethrow_exception(e);
  });
}

// Not flagged: awaits that cannot throw (await_resume is noexcept) or that
// report errors as values (as_tuple), and the calls that only make the
// awaitable. The same body with use_awaitable can throw.
asio::awaitable<void> quiet_session(asio::tcp_socket &sock) {
  auto ex = co_await asio::this_coro::executor;
  for (;;) {
    auto result = co_await sock.async_read_some(asio::as_tuple);
    (void)result;
  }
}
asio::awaitable<void> loud_session(asio::tcp_socket &sock) {
  auto ex = co_await asio::this_coro::executor;
  for (;;)
    co_await sock.async_read_some(asio::use_awaitable);
}
void start_sessions(asio::io_context &io, asio::tcp_socket &sock) {
  asio::co_spawn(io.get_executor(), quiet_session(sock), asio::detached);
  asio::co_spawn(io.get_executor(), loud_session(sock), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine 'loud_session' is started detached by 'asio::co_spawn'
  // CHECK-NOTES: :[[@LINE-6]]:5: note: 'co_await' can throw here, outside any try block
}

// aio::spawn-style: the handle that would report the error is dropped.
namespace aio {
template <class T> struct join_handle {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) noexcept;
  T await_resume();
};
template <class T> join_handle<T> spawn(cppcoro::task<T> t);
} // namespace aio
cppcoro::task<> refresh() {
  co_await cppcoro::when_all();
}
cppcoro::task<> spawner() {
  aio::spawn(refresh());
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine 'refresh' is started detached by 'aio::spawn' and can throw
  // CHECK-NOTES: :[[@LINE-5]]:3: note: 'co_await' can throw here
  (void)aio::spawn(refresh());
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: coroutine 'refresh' is started detached by 'aio::spawn'
  // CHECK-NOTES: :[[@LINE-8]]:3: note: 'co_await' can throw here
  // Kept and awaited: the error reaches the awaiter.
  auto handle = aio::spawn(refresh());
  co_await handle;
}

// folly AsyncScope::add, libcoro thread_pool::spawn, async_simple detach().
folly::coro::Task<void> work() {
  co_await folly::coro::sleep(std::chrono::milliseconds(1));
}
void start_work(folly::coro::AsyncScope &scope) {
  scope.add(work());
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine 'work' is started detached by 'folly::coro::AsyncScope::add'
  // CHECK-NOTES: :[[@LINE-5]]:3: note: 'co_await' can throw here
}
// A scope constructed with throwOnJoin keeps the task's error: joinAsync()
// rethrows it. Without it (false, or the default), the error is lost.
folly::coro::Task<void> joined_scopes() {
  folly::coro::AsyncScope keeps{true};
  keeps.add(work());
  folly::coro::AsyncScope keeps_too{/*throwOnJoin*/ true};
  keeps_too.add(work());
  folly::coro::AsyncScope loses;
  loses.add(work());
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine 'work' is started detached by 'folly::coro::AsyncScope::add'
  // CHECK-NOTES: :[[@LINE-17]]:3: note: 'co_await' can throw here
  folly::coro::AsyncScope loses_too{false};
  loses_too.add(work());
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine 'work' is started detached by 'folly::coro::AsyncScope::add'
  // CHECK-NOTES: :[[@LINE-21]]:3: note: 'co_await' can throw here
  co_await keeps.joinAsync();
  co_await keeps_too.joinAsync();
  co_await loses.joinAsync();
  co_await loses_too.joinAsync();
}
struct Server {
  folly::coro::AsyncScope scope_{true};
  void serve() { scope_.add(work()); }
};
coro::task<void> pool_work() {
  parse("1");
  co_return;
}
coro::task<void> pool_work_safely() {
  try {
    parse("1");
  } catch (...) {
    log_error("pool work failed");
  }
  co_return;
}
void start_pool_work(coro::thread_pool &pool) {
  pool.spawn(pool_work());
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine 'pool_work' is started detached by 'coro::thread_pool::spawn'
  // CHECK-NOTES: :[[@LINE-14]]:3: note: the call to 'parse' can throw
  pool.spawn(pool_work_safely());
  pool.spawn_detached(pool_work());
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine 'pool_work' is started detached by 'coro::thread_pool::spawn_detached'
  // CHECK-NOTES: :[[@LINE-18]]:3: note: the call to 'parse' can throw
}
coro::task<void> join_pool_work(coro::thread_pool &pool) {
  co_await pool.spawn_joinable(pool_work());
}
async_simple::coro::Lazy<void> lazy_work() {
  parse("2");
  co_return;
}
async_simple::coro::Lazy<void> lazy_work_safely() {
  try {
    parse("2");
  } catch (...) {
    log_error("lazy work failed");
  }
  co_return;
}
void start_lazy_work(async_simple::Executor &ex) {
  lazy_work().via(&ex).detach();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine 'lazy_work' is started detached by 'async_simple::coro::RescheduleLazy::detach'
  // CHECK-NOTES: :[[@LINE-14]]:3: note: the call to 'parse' can throw
  lazy_work_safely().via(&ex).detach();
}

// Templates: a launch inside a template is judged on its instantiations, once.
template <class Ex> void start_generic(Ex ex) {
  asio::co_spawn(ex, pool_work(), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine 'pool_work' is started detached by 'asio::co_spawn'
  // CHECK-NOTES: :[[@LINE-46]]:3: note: the call to 'parse' can throw
}
template void start_generic<int>(int);
template void start_generic<long>(long);

// Macros: the launch is reported where the macro is used.
#define FIRE(ex, work) asio::co_spawn(ex, work, asio::detached)
asio::awaitable<void> macro_work() {
  parse("m");
  co_return;
}
void start_macro(asio::io_context &io) {
  FIRE(io.get_executor(), macro_work());
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine 'macro_work' is started detached by 'asio::co_spawn'
  // CHECK-NOTES: :[[@LINE-8]]:24: note: expanded from macro 'FIRE'
  // CHECK-NOTES: :[[@LINE-7]]:3: note: the call to 'parse' can throw
}

// 2. Promise types whose unhandled_exception() drops the exception.
struct fire_and_forget {
  struct promise_type {
    fire_and_forget get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
    // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'unhandled_exception' discards the exception: errors thrown in every coroutine returning 'fire_and_forget' vanish; store std::current_exception(), rethrow, or terminate
  };
};
template <class T> struct generic_task {
  struct promise_type {
    generic_task get_return_object();
    std::suspend_always initial_suspend() noexcept;
    std::suspend_always final_suspend() noexcept;
    void return_value(T);
    bool failed = false;
    void unhandled_exception() noexcept { failed = true; }
    // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'unhandled_exception' discards the exception: errors thrown in every coroutine returning 'generic_task' vanish
  };
};
generic_task<int>::promise_type instantiated;
struct separate_promise {
  separate_promise get_return_object();
  std::suspend_always initial_suspend() noexcept;
  void unhandled_exception() {}
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'unhandled_exception' discards the exception: errors thrown in every coroutine using this promise vanish
};
// Not flagged: stores, rethrows, terminates, logs.
struct good_promises {
  struct promise_type {
    std::exception_ptr error;
    void unhandled_exception() { error = std::current_exception(); }
  };
  struct rethrowing {
    std::suspend_always initial_suspend() noexcept;
    int get_return_object();
    void unhandled_exception() { throw; }
  };
  struct terminating {
    std::suspend_always initial_suspend() noexcept;
    int get_return_object();
    void unhandled_exception() noexcept { std::terminate(); }
  };
};
// Not a promise: no coroutine machinery around it.
struct handler_registry {
  void unhandled_exception() {}
};

// 3. Empty catch-all handlers in coroutines.
// The rethrow goes where the code's own layout puts a statement: here four
// spaces a step.
cppcoro::task<> swallow_four() {
    try {
        co_await refresh();
    } catch (...) {
    }
    // CHECK-NOTES: :[[@LINE-2]]:7: warning: empty 'catch (...)' in coroutine 'swallow_four'
    // CHECK-NOTES: :[[@LINE-3]]:20: note: FIX-IT applied suggested code changes
    // CHECK-NOTES: :[[@LINE-4]]:20: note: rethrow
    // CHECK-FIXES: {{^}}    } catch (...) {{[{]}}{{$}}
    // CHECK-FIXES-NEXT: {{^}}        throw;{{$}}
    // CHECK-FIXES-NEXT: {{^}}    }{{$}}
}

cppcoro::task<> swallow() {
  try {
    co_await refresh();
  } catch (...) {
  }
  // CHECK-NOTES: :[[@LINE-2]]:5: warning: empty 'catch (...)' in coroutine 'swallow' swallows every error, including cancellation [coro-unhandled-exception]
  // CHECK-NOTES: :[[@LINE-3]]:18: note: FIX-IT applied suggested code changes
  // CHECK-NOTES: :[[@LINE-4]]:18: note: rethrow to let errors and cancellation propagate
  // CHECK-FIXES: {{^}}  } catch (...) {{[{]}}{{$}}
  // CHECK-FIXES-NEXT: {{^}}    throw;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  }{{$}}
  try {
    co_await refresh();
  } catch (const std::exception &) {}
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: empty 'catch (std::exception)' in coroutine 'swallow' swallows every error
  // CHECK-NOTES: :[[@LINE-2]]:37: note: FIX-IT applied suggested code changes
  // CHECK-NOTES: :[[@LINE-3]]:37: note: rethrow
  // CHECK-FIXES: {{^}}  } catch (const std::exception &) { throw; }{{$}}
  try {
    co_await refresh();
  } catch (...) { }
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: empty 'catch (...)'
  // CHECK-NOTES: :[[@LINE-2]]:18: note: FIX-IT applied suggested code changes
  // CHECK-NOTES: :[[@LINE-3]]:18: note: rethrow
  // CHECK-FIXES: {{^}}  } catch (...) { throw; }{{$}}
  // Not flagged: handlers that do something, narrow types.
  try {
    co_await refresh();
  } catch (...) {
    log_error("refresh failed");
    throw;
  }
  try {
    co_await refresh();
  } catch (const std::exception &e) {
    log_error(e.what());
  }
  try {
    co_await refresh();
  } catch (int) {
  }
}
// Not flagged: an empty catch-all outside a coroutine (bugprone-empty-catch's
// business), and in a plain lambda inside a coroutine.
void plain() {
  try {
    parse("1");
  } catch (...) {
  }
}
cppcoro::task<> with_lambda() {
  auto quiet = [] {
    try {
      parse("1");
    } catch (...) {
    }
  };
  quiet();
  co_return;
}

// 4. Results that hold exceptions, discarded.
cppcoro::task<> settle_all() {
  co_await cppcoro::when_all_ready(refresh(), refresh());
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: the results of 'cppcoro::when_all_ready' are discarded: the exceptions they hold are never seen; use 'cppcoro::when_all', which rethrows, or check each result [coro-unhandled-exception]
  auto results = co_await cppcoro::when_all_ready(refresh(), refresh());
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'results' is never inspected: the exceptions that the results of 'cppcoro::when_all_ready' hold are never seen; use 'cppcoro::when_all', which rethrows, or check each result [coro-unhandled-exception]
  co_await folly::coro::collectAllTry(work(), work());
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: the results of 'folly::coro::collectAllTry' are discarded: the exceptions they hold are never seen; use 'folly::coro::collectAll', which rethrows, or check each result [coro-unhandled-exception]
  cppcoro::sync_wait(cppcoro::when_all_ready(refresh(), refresh()));
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: the results of 'cppcoro::when_all_ready' are discarded: the exceptions they hold are never seen; use 'cppcoro::when_all', which rethrows, or check each result [coro-unhandled-exception]
  // Not flagged: inspected, discarded on purpose, or a combinator that
  // rethrows (when_all).
  auto checked = co_await cppcoro::when_all_ready(refresh());
  (void)checked;
  (void)co_await cppcoro::when_all_ready(refresh());
  (void)cppcoro::sync_wait(cppcoro::when_all_ready(refresh()));
  co_await cppcoro::when_all(refresh(), refresh());
  cppcoro::sync_wait(cppcoro::when_all(refresh(), refresh()));
}
void settle_sync() {
  async_simple::coro::syncAwait(async_simple::coro::collectAll(lazy_work()));
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: the results of 'async_simple::coro::collectAll' are discarded: the exceptions they hold are never seen; check each result [coro-unhandled-exception]
}
// A statement after a case, default or other label is in statement position.
cppcoro::task<> settle_switch(int which) {
  switch (which) {
  case 1:
    co_await cppcoro::when_all_ready(refresh());
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: the results of 'cppcoro::when_all_ready' are discarded
    break;
  case 2: co_await folly::coro::collectAllTry(work());
    // CHECK-NOTES: :[[@LINE-1]]:11: warning: the results of 'folly::coro::collectAllTry' are discarded
  default:
  again:
    co_await cppcoro::when_all_ready(refresh());
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: the results of 'cppcoro::when_all_ready' are discarded
    if (which > 3)
      goto again;
  }
}

// 5. co_spawn completion handlers that ignore the exception_ptr.
void handlers(asio::io_context &io) {
  asio::co_spawn(io.get_executor(), session(1), [](std::exception_ptr) {});
  // CHECK-NOTES: :[[@LINE-1]]:52: warning: completion handler ignores the 'std::exception_ptr' it is given: errors of coroutine 'session' are lost
  asio::co_spawn(io.get_executor(), session(2), [](std::exception_ptr e, int) { log_error("done"); });
  // CHECK-NOTES: :[[@LINE-1]]:52: warning: completion handler ignores the 'std::exception_ptr'
  // Not flagged: a handler that passes the error on, or a lambda that is not a
  // completion handler of async work.
  asio::co_spawn(io.get_executor(), session(3), [](std::exception_ptr e) { std::rethrow_exception(e); });
  asio::post(io, [](std::exception_ptr) {});
}

// After a try whose catch-all handler falls through, the rest of the block is
// finalisation: its awaits and calls are not the errors the work lost. An
// explicit throw or rethrow there still is, and so is everything after a
// handler that catches only some errors or leaves.
folly::coro::Task<void> finalised() {
  try {
    co_await work();
  } catch (...) {
    log_error("work failed");
  }
  co_await work();
}
folly::coro::Task<void> finalised_std() {
  try {
    co_await work();
  } catch (const std::exception &) {
    log_error("work failed");
  }
  parse("cleanup");
}
folly::coro::Task<void> finalised_rethrows() {
  std::exception_ptr failure;
  try {
    co_await work();
  } catch (...) {
    failure = std::current_exception();
  }
  co_await work();
  if (failure)
    std::rethrow_exception(failure);
}
struct parse_error {};
folly::coro::Task<void> narrow_catch() {
  try {
    co_await work();
  } catch (const parse_error &) {
    log_error("bad input");
  }
  co_await work();
}
folly::coro::Task<void> catch_all_leaves() {
  try {
    co_await work();
  } catch (...) {
    log_error("work failed");
    co_return;
  }
  co_await work();
}
void start_finalised(folly::coro::AsyncScope &scope) {
  scope.add(finalised());
  scope.add(finalised_std());
  scope.add(finalised_rethrows());
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine 'finalised_rethrows' is started detached by 'folly::coro::AsyncScope::add'
  // CHECK-NOTES: :[[@LINE-25]]:5: note: the rethrow here escapes
  scope.add(narrow_catch());
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine 'narrow_catch' is started detached by 'folly::coro::AsyncScope::add'
  // CHECK-NOTES: :[[@LINE-19]]:3: note: 'co_await' can throw here
  scope.add(catch_all_leaves());
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine 'catch_all_leaves' is started detached by 'folly::coro::AsyncScope::add'
  // CHECK-NOTES: :[[@LINE-13]]:3: note: 'co_await' can throw here
}

// An empty unhandled_exception loses nothing when the only coroutines of the
// translation unit returning its type are the type's own members and cannot
// throw: a self-contained detection helper. Otherwise it is reported.
struct detect_eager {
  struct promise_type {
    detect_eager get_return_object() noexcept;
    std::suspend_never initial_suspend() const noexcept { return {}; }
    std::suspend_never final_suspend() const noexcept { return {}; }
    void unhandled_exception() {}
    void return_void() {}
  };
  static detect_eager go() noexcept { co_return; }
};
struct parse_once {
  struct promise_type {
    parse_once get_return_object() noexcept;
    std::suspend_never initial_suspend() const noexcept { return {}; }
    std::suspend_never final_suspend() const noexcept { return {}; }
    void unhandled_exception() {}
    // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'unhandled_exception' discards the exception: errors thrown in every coroutine returning 'parse_once' vanish
    void return_void() {}
  };
  static parse_once go() {
    parse("x");
    co_return;
  }
};
struct shared_detect {
  struct promise_type {
    shared_detect get_return_object() noexcept;
    std::suspend_never initial_suspend() const noexcept { return {}; }
    std::suspend_never final_suspend() const noexcept { return {}; }
    void unhandled_exception() {}
    // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'unhandled_exception' discards the exception: errors thrown in every coroutine returning 'shared_detect' vanish
    void return_void() {}
  };
  static shared_detect go() noexcept { co_return; }
};
shared_detect detect_elsewhere() { co_return; }
