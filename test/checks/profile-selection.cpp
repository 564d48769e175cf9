// Library profiles apply per translation unit (checks/utils/ProfileSelection.h):
// folly-coro is active only where namespace folly::coro is declared or a
// folly/coro, folly/futures header is included. This file declares a folly
// lookalike without folly::coro: its SemiFuture::get is not folly's bridge.
// The option Profiles forces a profile on (+name) or off (-name); "std" is
// always active unless forced off.
// RUN: %check_corolint %s coro-blocking-call %t -- -- %coro_mock_flags
// RUN: %check_corolint -check-suffixes=ON %s coro-blocking-call %t -- \
// RUN:   -config="{CheckOptions: {Profiles: '+folly-coro'}}" -- %coro_mock_flags
// RUN: %check_corolint -check-suffixes=OFF %s coro-blocking-call %t -- \
// RUN:   -config="{CheckOptions: {Profiles: '-std;+folly-coro'}}" -- %coro_mock_flags
// A list option the user sets is used as written, whatever the selection.
// RUN: %check_corolint -check-suffixes=LIST %s coro-blocking-call %t -- \
// RUN:   -config="{CheckOptions: {Profiles: '-std', BridgeFunctions: 'folly::SemiFuture::get'}}" -- %coro_mock_flags

#include <thread>
#include "mock_task.h"

namespace folly {
template <class T> struct SemiFuture {
  T get();
};
} // namespace folly

namespace app {
COROLINT_MOCK_LAZY_TASK(Task)
}

folly::SemiFuture<int> lookalike();

app::Task<> uses_lookalike() {
  int v = lookalike().get();
  // CHECK-MESSAGES-ON: :[[@LINE-1]]:11: warning: blocking call to 'folly::SemiFuture::get' in coroutine 'uses_lookalike' may deadlock
  // CHECK-MESSAGES-OFF: :[[@LINE-2]]:11: warning: blocking call to 'folly::SemiFuture::get' in coroutine 'uses_lookalike' may deadlock
  // CHECK-MESSAGES-LIST: :[[@LINE-3]]:11: warning: blocking call to 'folly::SemiFuture::get' in coroutine 'uses_lookalike' may deadlock
  (void)v;
  std::this_thread::sleep_for(std::chrono::milliseconds(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'std::this_thread::sleep_for' in coroutine 'uses_lookalike'
  // CHECK-MESSAGES-ON: :[[@LINE-2]]:3: warning: blocking call to 'std::this_thread::sleep_for' in coroutine 'uses_lookalike'
  co_return;
}
