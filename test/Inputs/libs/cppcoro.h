// cppcoro-shaped mock: lazy task, sync_wait, when_all(_ready), thread pool.
#pragma once
#include "mock_task.h"
namespace cppcoro {
COROLINT_MOCK_LAZY_TASK(task)
template <class A> auto sync_wait(A &&awaitable) -> decltype(awaitable.await_resume());
template <class... A> task<int> when_all(A &&...);
template <class... A> task<int> when_all_ready(A &&...);
struct static_thread_pool {
  struct schedule_operation {
    bool await_ready() noexcept;
    void await_suspend(std::coroutine_handle<>) noexcept;
    void await_resume() noexcept;
  };
  schedule_operation schedule();
};
class async_mutex {
public:
  struct lock_operation {
    bool await_ready() const noexcept;
    bool await_suspend(std::coroutine_handle<>) noexcept;
    void await_resume() const noexcept;
  };
  lock_operation lock_async();
  void unlock();
};
} // namespace cppcoro
