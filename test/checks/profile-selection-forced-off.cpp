// A profile forced off by the option Profiles loses its findings in a
// translation unit that uses the library (profile-selection.cpp has the rest).
// RUN: %check_corolint %s coro-blocking-call %t -- -- %coro_mock_flags
// RUN: %check_corolint -check-suffixes=OFF %s coro-blocking-call %t -- \
// RUN:   -config="{CheckOptions: {Profiles: '-folly-coro'}}" -- %coro_mock_flags
// RUN: %check_corolint -check-suffixes=OTHER %s coro-blocking-call %t -- \
// RUN:   -config="{CheckOptions: {Profiles: '-seastar;+asio'}}" -- %coro_mock_flags

#include <thread>
#include "folly_task.h"

folly::SemiFuture<int> semi_work();
folly::coro::Task<> folly_get() {
  int a = semi_work().get();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: blocking call to 'folly::SemiFuture::get' in coroutine 'folly_get' may deadlock
  // CHECK-MESSAGES-OTHER: :[[@LINE-2]]:11: warning: blocking call to 'folly::SemiFuture::get' in coroutine 'folly_get' may deadlock
  (void)a;
  std::this_thread::sleep_for(std::chrono::milliseconds(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'std::this_thread::sleep_for' in coroutine 'folly_get'
  // CHECK-MESSAGES-OFF: :[[@LINE-2]]:3: warning: blocking call to 'std::this_thread::sleep_for' in coroutine 'folly_get'
  // CHECK-MESSAGES-OTHER: :[[@LINE-3]]:3: warning: blocking call to 'std::this_thread::sleep_for' in coroutine 'folly_get'
  co_return;
}
