// libcoro-shaped mock: namespace coro, lazy task, sync_wait, thread_pool.
#pragma once
#include "mock_task.h"
namespace coro {
COROLINT_MOCK_LAZY_TASK(task)
template <class A> auto sync_wait(A &&awaitable) -> decltype(awaitable.await_resume());
template <class... A> task<int> when_all(A &&...);
class thread_pool {
public:
  struct operation {
    bool await_ready() noexcept;
    void await_suspend(std::coroutine_handle<>) noexcept;
    void await_resume() noexcept;
  };
  operation schedule();
  bool spawn(task<void> &&t);
  // libcoro 0.14+ names.
  bool spawn_detached(task<void> &&t) noexcept;
  task<void> spawn_joinable(task<void> &&t) noexcept;
  void shutdown() noexcept; // waits for the tasks left, then joins

};
} // namespace coro
