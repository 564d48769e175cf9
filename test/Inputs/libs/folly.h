// folly::coro-shaped mock: lazy Task, blockingWait as a function object.
#pragma once
#include "mock_task.h"
#include <chrono>
namespace folly::coro {
COROLINT_MOCK_LAZY_TASK(Task)
struct blocking_wait_fn {
  template <class A> int operator()(A &&awaitable) const;
};
inline constexpr blocking_wait_fn blockingWait{};
Task<void> sleep(std::chrono::milliseconds);
template <class... A> Task<int> collectAll(A &&...);
template <class... A> Task<int> collectAllTry(A &&...);
class AsyncScope {
public:
  explicit AsyncScope(bool throwOnJoin = false) noexcept;
  template <class T> void add(T &&semiAwaitable);
  Task<void> joinAsync();
};
} // namespace folly::coro
