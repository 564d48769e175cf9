// A project's own bridge: a function that blocks on the result of a task (it
// hands a task parameter, or a task it creates, to a runtime's bridge such as
// sync_wait, blockingWait or syncAwait) is itself a bridge. Called from a
// coroutine, it is reported as a bridge reached through the helper, through
// a template, a member function and a wrapper of a wrapper, with a note at
// each call on the way.
// RUN: %check_corolint %s coro-blocking-call %t -- -- %coro_mock_flags

#include <utility>
#include "async_simple.h"
#include "cppcoro.h"
#include "folly.h"

cppcoro::task<int> compute();

// Template wrapper taking the task by forwarding reference.
template <class Task>
auto run_sync(Task &&t) {
  return cppcoro::sync_wait(std::forward<Task>(t));
}
// A wrapper of that wrapper, creating the task itself.
int compute_now() { return run_sync(compute()); }
// A member function wrapper, over folly's function object.
class blocking_client {
public:
  int fetch(folly::coro::Task<int> t) { return folly::coro::blockingWait(std::move(t)); }
};
// async_simple's bridge in a plain function.
int load_now(async_simple::coro::Lazy<int> lazy) {
  return async_simple::coro::syncAwait(std::move(lazy));
}
folly::coro::Task<int> fetch_task();
async_simple::coro::Lazy<int> load_task();

cppcoro::task<int> uses_wrappers(blocking_client &c) {
  int a = run_sync(compute());
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: call to 'run_sync' in coroutine 'uses_wrappers' may deadlock: 'run_sync' is a bridge that blocks on 'cppcoro::sync_wait', which waits for work that needs this thread [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-19]]:10: note: 'run_sync' blocks on 'cppcoro::sync_wait' here
  int b = compute_now();
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: call to 'compute_now' in coroutine 'uses_wrappers' may deadlock: 'compute_now' is a bridge that blocks on 'cppcoro::sync_wait'
  // CHECK-NOTES: :[[@LINE-19]]:28: note: 'compute_now' calls 'run_sync' here
  // CHECK-NOTES: :[[@LINE-23]]:10: note: 'run_sync' blocks on 'cppcoro::sync_wait' here
  int d = c.fetch(fetch_task());
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: call to 'blocking_client::fetch' in coroutine 'uses_wrappers' may deadlock: 'blocking_client::fetch' is a bridge that blocks on 'folly::coro::blockingWait'
  // CHECK-NOTES: :[[@LINE-19]]:48: note: 'blocking_client::fetch' blocks on 'folly::coro::blockingWait' here
  int e = load_now(load_task());
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: call to 'load_now' in coroutine 'uses_wrappers' may deadlock: 'load_now' is a bridge that blocks on 'async_simple::coro::syncAwait'
  // CHECK-NOTES: :[[@LINE-18]]:10: note: 'load_now' blocks on 'async_simple::coro::syncAwait' here
  co_return a + b + d + e;
}

// Negative: awaiting the task instead, a wrapper that only creates the task,
// and a bridge called outside any coroutine.
template <class Task>
auto run_async(Task &&t) -> cppcoro::task<int> {
  co_return co_await std::forward<Task>(t);
}
cppcoro::task<int> make_task() { return compute(); }
int main_like() { return run_sync(compute()) + compute_now(); }
cppcoro::task<int> awaits() {
  int a = co_await run_async(compute());
  int b = co_await make_task();
  co_return a + b;
}
