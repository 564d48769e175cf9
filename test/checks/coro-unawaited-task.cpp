// RUN: %check_corolint %s coro-unawaited-task %t -- --fix-notes -- %coro_mock_flags
// RUN: %check_corolint -check-suffixes=NOVOID %s coro-unawaited-task %t -- \
// RUN:   -config="{CheckOptions: {coro-unawaited-task.AllowVoidCast: false}}" -- %coro_mock_flags

#include <functional>
#include <vector>
#include "asio.h"
#include "cobalt.h"
#include "cppcoro.h"
#include "folly.h"
#include "libcoro.h"
#include "seastar.h"

cppcoro::task<int> fetch(int);
folly::coro::Task<void> refresh();

// 1. A discarded task or awaitable.
cppcoro::task<> discards(asio::steady_timer &timer) {
  fetch(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'fetch' is never awaited: a lazy task that is dropped never runs [coro-unawaited-task]
  // CHECK-MESSAGES-NOVOID: :[[@LINE-2]]:3: warning: task returned by 'fetch' is never awaited
  // CHECK-FIXES: {{^}}  co_await fetch(1);{{$}}
  timer.async_wait(asio::use_awaitable);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'asio::steady_timer::async_wait' is never awaited
  // CHECK-MESSAGES-NOVOID: :[[@LINE-2]]:3: warning: task returned by 'asio::steady_timer::async_wait' is never awaited
  cppcoro::when_all(fetch(2), fetch(3));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'cppcoro::when_all' is never awaited
  // CHECK-MESSAGES-NOVOID: :[[@LINE-2]]:3: warning: task returned by 'cppcoro::when_all' is never awaited
  (void)fetch(4);
  // CHECK-MESSAGES-NOVOID: :[[@LINE-1]]:9: warning: task returned by 'fetch' is discarded by a cast to void
  co_await fetch(5);
  co_return;
}

// Awaitables that are not tasks: nothing happens until co_await.
cppcoro::task<> lock_user(cppcoro::async_mutex &m, cppcoro::static_thread_pool &pool) {
  m.lock_async();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: awaitable returned by 'cppcoro::async_mutex::lock_async' is never awaited: an awaitable does nothing until it is awaited
  // CHECK-MESSAGES-NOVOID: :[[@LINE-2]]:3: warning: awaitable returned by 'cppcoro::async_mutex::lock_async' is never awaited
  // CHECK-FIXES: {{^}}  co_await m.lock_async();{{$}}
  co_await pool.schedule();
}

// A statement after a case, default or other label is in statement position.
cppcoro::task<> switches(int which) {
  switch (which) {
  case 1:
    fetch(10);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: task returned by 'fetch' is never awaited: a lazy task that is dropped never runs [coro-unawaited-task]
    // CHECK-MESSAGES-NOVOID: :[[@LINE-2]]:5: warning: task returned by 'fetch' is never awaited
    // CHECK-FIXES: {{^}}    co_await fetch(10);{{$}}
    break;
  case 2: case 3: fetch(11);
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: task returned by 'fetch' is never awaited
    // CHECK-MESSAGES-NOVOID: :[[@LINE-2]]:19: warning: task returned by 'fetch' is never awaited
    // CHECK-FIXES: {{^}}  case 2: case 3: co_await fetch(11);{{$}}
  default:
  retry:
    fetch(12);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: task returned by 'fetch' is never awaited
    // CHECK-MESSAGES-NOVOID: :[[@LINE-2]]:5: warning: task returned by 'fetch' is never awaited
    // CHECK-FIXES: {{^}}    co_await fetch(12);{{$}}
    if (which > 3)
      goto retry;
    co_await fetch(13);
  }
}

// In an ordinary function: reported, but no co_await to offer.
void plain() {
  refresh();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'refresh' is never awaited
  // CHECK-MESSAGES-NOVOID: :[[@LINE-2]]:3: warning: task returned by 'refresh' is never awaited
  // CHECK-FIXES: {{^}}  refresh();{{$}}
  (void)cppcoro::sync_wait(fetch(6)); // consumed by sync_wait
}

// 2. A named local that is never awaited.
cppcoro::task<> named(cppcoro::async_mutex &rw) {
  auto lock = rw.lock_async();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'lock' is never awaited: the lock is not acquired [coro-unawaited-task]
  // CHECK-MESSAGES-NOVOID: :[[@LINE-2]]:8: warning: 'lock' is never awaited: the lock is not acquired
  auto job = fetch(7);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'job' is never awaited: a lazy task that is dropped never runs
  // CHECK-MESSAGES-NOVOID: :[[@LINE-2]]:8: warning: 'job' is never awaited: a lazy task that is dropped never runs
  // What is lost comes from the callee (LockFunctions, PermitFunctions) and
  // the task's start policy, never from how the variable is spelled.
  auto clock = fetch(20);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'clock' is never awaited: a lazy task that is dropped never runs
  // CHECK-MESSAGES-NOVOID: :[[@LINE-2]]:8: warning: 'clock' is never awaited: a lazy task that is dropped never runs
  auto community = fetch(21);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'community' is never awaited: a lazy task that is dropped never runs
  // CHECK-MESSAGES-NOVOID: :[[@LINE-2]]:8: warning: 'community' is never awaited: a lazy task that is dropped never runs
  auto guard = rw.lock_async();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'guard' is never awaited: the lock is not acquired
  // CHECK-MESSAGES-NOVOID: :[[@LINE-2]]:8: warning: 'guard' is never awaited: the lock is not acquired
  auto awaited = fetch(8);
  co_await awaited;
  auto moved = fetch(9);
  std::vector<cppcoro::task<int>> all;
  all.push_back(std::move(moved));
  // emplace_back returns a reference to the stored task: nothing is dropped.
  all.emplace_back(fetch(12));
  all[0];
  co_await cppcoro::when_all(std::move(all));
  [[maybe_unused]] auto tolerated = fetch(10);
}

cppcoro::task<int> returned() {
  auto t = fetch(11);
  co_return co_await t;
}

// 3. A coroutine lambda converted to a void-returning callable.
void callbacks(std::function<void()> &out) {
  std::function<void()> cb = []() -> cppcoro::task<> { co_return; };
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: coroutine lambda returns 'cppcoro::task<>', which the conversion to 'std::function<void ()>' discards: every call drops a task; a lazy task that is dropped never runs
  // CHECK-MESSAGES-NOVOID: :[[@LINE-2]]:30: warning: coroutine lambda returns 'cppcoro::task<>'
  std::function<cppcoro::task<>()> kept = []() -> cppcoro::task<> { co_return; };
  std::function<void()> plain_cb = [] {};
}

// Templates and macros.
template <class T> cppcoro::task<> generic(T value) {
  fetch(value);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'fetch' is never awaited
  // CHECK-MESSAGES-NOVOID: :[[@LINE-2]]:3: warning: task returned by 'fetch' is never awaited
  // CHECK-FIXES: {{^}}  co_await fetch(value);{{$}}
  co_return;
}
template cppcoro::task<> generic(int);

// In a template, a [&] lambda's implicit captures are known only in the
// instantiations: a local awaited in its body is used (folly's TYPED_TEST
// bodies await a future inside co_invoke([&] ...)). One the lambda does not
// mention is still never awaited.
template <class T> struct typed_test {
  cppcoro::task<> body() {
    auto job = fetch(1);
    auto wrapper = [&]() -> cppcoro::task<> {
      T seen{};
      (void)seen;
      co_await std::move(job);
    };
    co_await wrapper();
  }
  cppcoro::task<> other() {
    auto job = fetch(2);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'job' is never awaited
    // CHECK-MESSAGES-NOVOID: :[[@LINE-2]]:10: warning: 'job' is never awaited
    auto wrapper = [&]() -> cppcoro::task<> {
      T seen{};
      (void)seen;
      co_await fetch(3);
    };
    co_await wrapper();
  }
};
template struct typed_test<int>;

#define FIRE(x) fetch(x)
cppcoro::task<> macro_user() {
  FIRE(12);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'fetch' is never awaited
  // CHECK-MESSAGES-NOVOID: :[[@LINE-2]]:3: warning: task returned by 'fetch' is never awaited
  // CHECK-FIXES: {{^}}  FIRE(12);{{$}}
  co_return;
}

// Spawning and structured-concurrency APIs consume the task.
cppcoro::task<> consumers(asio::io_context &ctx) {
  asio::co_spawn(ctx, fetch(14), asio::detached);
  co_return;
}

// Only the innermost function counts.
coro::task<> outer() {
  auto inner = [] { fetch(13); };
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: task returned by 'fetch' is never awaited
  // CHECK-MESSAGES-NOVOID: :[[@LINE-2]]:21: warning: task returned by 'fetch' is never awaited
  inner();
  co_return;
}

// Other libraries' start policies, in the message.
boost::cobalt::promise<int> compute();
boost::cobalt::task<int> lazy_compute();
cppcoro::task<> cobalt_user() {
  compute();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'compute' is never awaited: dropping it cancels the work it started
  // CHECK-MESSAGES-NOVOID: :[[@LINE-2]]:3: warning: task returned by 'compute' is never awaited
  // CHECK-FIXES: {{^}}  co_await compute();{{$}}
  lazy_compute();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'lazy_compute' is never awaited: a lazy task that is dropped never runs
  // CHECK-MESSAGES-NOVOID: :[[@LINE-2]]:3: warning: task returned by 'lazy_compute' is never awaited
  // CHECK-FIXES: {{^}}  co_await lazy_compute();{{$}}
  co_await compute();
}
cppcoro::task<> seastar_user(int &sem) {
  seastar::sleep(std::chrono::milliseconds(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'seastar::sleep' is never awaited: it keeps running detached and its result and errors are lost
  // CHECK-MESSAGES-NOVOID: :[[@LINE-2]]:3: warning: task returned by 'seastar::sleep' is never awaited
  // CHECK-FIXES: {{^}}  co_await seastar::sleep(std::chrono::milliseconds(1));{{$}}
  auto units = seastar::get_units(sem, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'units' is never awaited: the units are not acquired
  // CHECK-MESSAGES-NOVOID: :[[@LINE-2]]:8: warning: 'units' is never awaited: the units are not acquired
  co_await seastar::sleep(std::chrono::milliseconds(2)).then([] {});
}
