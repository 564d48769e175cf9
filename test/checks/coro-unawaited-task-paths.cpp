// RUN: %check_corolint %s coro-unawaited-task %t -- -- %coro_mock_flags
// Named locals used on some paths only: the warning at the declaration, a
// note where a path leaves the scope without using it.

#include <vector>
#include "cppcoro.h"

cppcoro::task<int> fetch(int);

cppcoro::task<> paths(bool fast) {
  auto job = fetch(20);
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'job' is not awaited on every path: a lazy task that is dropped never runs [coro-unawaited-task]
  // CHECK-NOTES: :[[@LINE+2]]:5: note: on this path 'job' goes out of scope without being used
  if (fast)
    co_return;
  co_await job;
}

cppcoro::task<> scoped(bool c) {
  {
    auto job = fetch(21);
    // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'job' is not awaited on every path
    // CHECK-NOTES: :[[@LINE+3]]:3: note: on this path 'job' goes out of scope without being used
    if (c)
      co_await job;
  }
  co_return;
}

int plain_function(bool c) {
  auto job = fetch(23);
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'job' is not awaited on every path
  // CHECK-NOTES: :[[@LINE+2]]:5: note: on this path 'job' goes out of scope without being used
  if (c)
    return 0;
  return cppcoro::sync_wait(std::move(job));
}

// Not flagged: awaited (or handed on) on every path, loops included, and a
// lambda that captures it.
cppcoro::task<> every_path(bool fast, std::vector<cppcoro::task<int>> &out) {
  auto job = fetch(22);
  if (fast) {
    co_await job;
    co_return;
  }
  out.push_back(std::move(job));
  for (int i = 0; i < 3; ++i) {
    auto step = fetch(i);
    co_await step;
  }
  // An empty task, assigned later: holds no work until then.
  cppcoro::task<int> empty;
  auto captured = fetch(24);
  auto later = [&captured]() -> cppcoro::task<int> { co_return co_await captured; };
  co_await later();
}

// A loop that certainly runs: the path that skips its body cannot happen.
cppcoro::task<> loop_runs() {
  auto counted = fetch(30);
  for (int i = 0; i < 10; i++)
    co_await counted;
  auto down = fetch(31);
  for (int i = 5; i > 0; --i) {
    if (i == 3)
      co_await down;
  }
  // CHECK-NOTES: :[[@LINE-5]]:8: warning: 'down' is not awaited on every path
  // CHECK-NOTES: :[[@LINE+16]]:1: note: on this path 'down' goes out of scope without being used
  auto assigned = fetch(32);
  int j;
  for (j = 1; 3 >= j; j++)
    co_await assigned;
  auto listed = fetch(33);
  for (int k : {1, 2})
    co_await listed;
  auto arrayed = fetch(37);
  int ks[] = {1, 2};
  for (int k : ks)
    co_await arrayed;
  auto done = fetch(34);
  do {
    co_await done;
  } while (false);
}

// ... and loops that may not run are still reported, with a note that the
// path is the one that skips the loop.
cppcoro::task<> loop_may_not_run(int n) {
  auto bounded = fetch(35);
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'bounded' is not awaited on every path
  // CHECK-NOTES: :[[@LINE+10]]:1: note: on this path 'bounded' goes out of scope without being used
  // CHECK-NOTES: :[[@LINE+1]]:3: note: this path skips the loop: its body may run no iteration
  for (int i = 0; i < n; i++)
    co_await bounded;
  auto never = fetch(36);
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'never' is not awaited on every path
  // CHECK-NOTES: :[[@LINE+4]]:1: note: on this path 'never' goes out of scope without being used
  // CHECK-NOTES: :[[@LINE+1]]:3: note: this path skips the loop: its body may run no iteration
  for (int i = 10; i < 0; i++)
    co_await never;
}
