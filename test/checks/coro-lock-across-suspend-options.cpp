// RUN: %check_corolint -check-suffix=DEFAULT %s coro-lock-across-suspend %t -- -- %coro_mock_flags
// RUN: %check_corolint -check-suffix=OPT %s coro-lock-across-suspend %t -- \
// RUN:   -config="{CheckOptions: { \
// RUN:     coro-lock-across-suspend.ThreadGuardTypes: 'app::Critical', \
// RUN:     coro-lock-across-suspend.AllowedAwaitables: 'app::inline_awaiter'}}" -- %coro_mock_flags
// ThreadGuardTypes names guards that structure cannot see (the locking
// happens out of line); AllowedAwaitables names awaitables whose co_await
// does not count as a suspension.

#include <mutex>
#include "cppcoro.h"

cppcoro::task<int> fetch();
std::mutex mu;

namespace app {
// Locks in functions defined elsewhere: not a guard by structure.
class Critical {
public:
  explicit Critical(std::mutex &);
  ~Critical();
};
struct inline_awaiter {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  int await_resume() const noexcept { return 0; }
};
} // namespace app

cppcoro::task<> named_guard() {
  app::Critical section(mu);
  co_await fetch();
  // CHECK-MESSAGES-OPT: :[[@LINE-1]]:3: warning: 'app::Critical' 'section' (line [[@LINE-2]]) is held across this co_await: other coroutines needing 'mu' stall
}

cppcoro::task<> allowed_awaitable() {
  std::lock_guard<std::mutex> lk(mu);
  int v = co_await app::inline_awaiter{};
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:11: warning: 'std::lock_guard<std::mutex>' 'lk' (line [[@LINE-2]]) is held across this co_await
  (void)v;
}

cppcoro::task<> still_reported() {
  std::lock_guard<std::mutex> lk(mu);
  co_await app::inline_awaiter{};
  co_await fetch();
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:3: warning: 'std::lock_guard<std::mutex>' 'lk' (line [[@LINE-3]]) is held across this co_await
  // CHECK-MESSAGES-OPT: :[[@LINE-2]]:3: warning: 'std::lock_guard<std::mutex>' 'lk' (line [[@LINE-4]]) is held across this co_await
}
