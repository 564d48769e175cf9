// RUN: %check_corolint %s coro-lock-across-suspend %t -- -- %coro_mock_flags
// The notes: where the lock was taken, the path that keeps it, the other
// suspensions, and the async mutex of the coroutine's library.

#include <mutex>
#include "cppcoro.h"
#include "folly.h"
#include "threadlocks.h"

cppcoro::task<int> fetch();
folly::coro::Task<int> ffetch();
void work();

std::mutex mu;

cppcoro::task<> one_branch_unlocks(bool fast) {
  std::unique_lock<std::mutex> lk(mu);
  if (fast)
    lk.unlock();
  co_await fetch();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'std::unique_lock<std::mutex>' 'lk' (line [[@LINE-4]]) is held across this co_await: other coroutines needing 'mu' stall, and if the coroutine resumes on another thread the unlock is undefined [coro-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-5]]:32: note: 'lk' takes the lock here
  // CHECK-NOTES: :[[@LINE-5]]:3: note: 'lk' is held on the path where 'fast' is false
  // CHECK-NOTES: :[[@LINE-4]]:3: note: hold an async mutex such as 'cppcoro::async_mutex' (its lock is awaited) across suspensions, or release the lock before this co_await
}

cppcoro::task<> locked_in_one_branch(bool exclusive) {
  if (exclusive)
    mu.lock();
  co_await fetch();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'mu' (locked on line [[@LINE-2]]) is held across this co_await: other coroutines needing it stall
  // CHECK-NOTES: :[[@LINE-3]]:5: note: 'mu' is locked here
  // CHECK-NOTES: :[[@LINE-5]]:3: note: 'mu' is held on the path where 'exclusive' is true
  // CHECK-NOTES: :[[@LINE-4]]:3: note: hold an async mutex such as 'cppcoro::async_mutex'
  if (exclusive)
    mu.unlock();
}

cppcoro::task<> switch_keeps(int mode) {
  mu.lock();
  switch (mode) {
  case 0:
    mu.unlock();
    break;
  case 1:
    break;
  default:
    mu.unlock();
  }
  co_await fetch();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'mu' (locked on line [[@LINE-11]]) is held across this co_await
  // CHECK-NOTES: :[[@LINE-12]]:3: note: 'mu' is locked here
  // CHECK-NOTES: :[[@LINE-12]]:3: note: 'mu' is held on the path through 'case 1'
  // CHECK-NOTES: :[[@LINE-4]]:3: note: hold an async mutex
}

cppcoro::task<> next_iteration(int n) {
  for (int i = 0; i < n; ++i) {
    co_await fetch();
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'mu' (locked on line [[@LINE+3]]) is held across this co_await
    // CHECK-NOTES: :[[@LINE+2]]:5: note: 'mu' is locked here and is still held when the next iteration of the loop reaches the co_await
    // CHECK-NOTES: :[[@LINE-3]]:5: note: hold an async mutex
    mu.lock();
    work();
  }
  mu.unlock();
}

cppcoro::task<> several() {
  std::lock_guard<std::mutex> lk(mu);
  co_await fetch();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'std::lock_guard<std::mutex>' 'lk'
  // CHECK-NOTES: :[[@LINE-3]]:31: note: 'lk' takes the lock here
  // CHECK-NOTES: :[[@LINE+3]]:11: note: 'lk' is also held across this co_await
  // CHECK-NOTES: :[[@LINE-4]]:3: note: hold an async mutex
  work();
  int v = co_await fetch();
  (void)v;
}

// The suggestion follows the coroutine's library.
folly::coro::Task<> folly_task(bool again) {
  std::lock_guard<std::mutex> lk(mu);
  if (again)
    co_await ffetch();
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'std::lock_guard<std::mutex>' 'lk'
  // CHECK-NOTES: :[[@LINE-4]]:31: note: 'lk' takes the lock here
  // CHECK-NOTES: :[[@LINE-3]]:5: note: hold an async mutex such as 'folly::coro::Mutex' (its lock is awaited) across suspensions, or release the lock before this co_await
  work();
}

// A library without an async mutex of its own.
struct plain_task {
  struct promise_type {
    plain_task get_return_object();
    std::suspend_never initial_suspend() noexcept;
    std::suspend_never final_suspend() noexcept;
    void return_void();
    void unhandled_exception();
  };
};
plain_task home_grown() {
  std::lock_guard<std::mutex> lk(mu);
  work();
  co_await std::suspend_always{};
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'std::lock_guard<std::mutex>' 'lk'
  // CHECK-NOTES: :[[@LINE-4]]:31: note: 'lk' takes the lock here
  // CHECK-NOTES: :[[@LINE-3]]:3: note: hold an async mutex (its lock is awaited) across suspensions, or release the lock before this co_await
  // CHECK-NOTES: :[[@LINE-6]]:31: note: end the scope of 'lk' before the co_await
}
