// RUN: %check_corolint %s coro-blocking-call %t -- -- %coro_mock_flags

#include <thread>
#include "cppcoro.h"

void parse() { ::usleep(10); }
void load() { parse(); }

cppcoro::task<int> answer();
cppcoro::task<> refresh() {
  load();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: call to 'load' in coroutine 'refresh' blocks: it reaches 'usleep', which stalls every coroutine on this thread [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-6]]:15: note: 'load' calls 'parse' here
  // CHECK-NOTES: :[[@LINE-8]]:16: note: 'parse' calls blocking function 'usleep' here
  std::thread t([] {});
  t.join();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: blocking call to 'std::thread::join' in coroutine 'refresh' stalls every coroutine on this thread
  // CHECK-NOTES: :[[@LINE-2]]:3: note: use the runtime's awaitable equivalent, or run the blocking work on a thread pool and 'co_await' its result
  (void)cppcoro::sync_wait(answer());
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: blocking call to 'cppcoro::sync_wait' in coroutine 'refresh' may deadlock
  // CHECK-NOTES: :[[@LINE-2]]:9: note: 'co_await' the work instead of blocking this thread on it
  co_return;
}
