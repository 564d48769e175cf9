// async_simple-shaped mock: lazy Lazy<T> with detach(), collectAll of Try<T>.
#pragma once
#include "mock_task.h"
namespace async_simple {
template <class T> struct Try {
  bool hasError() const;
  T value();
};
template <class T> class Future {
public:
  T get() &&;
  void wait();
};
namespace coro {
namespace detail {
// co_await lazy.coAwaitTry() yields the outcome as a Try instead of throwing.
template <class T> struct TryAwaiter {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>);
  Try<T> await_resume();
};
template <class T> class LazyBase {
public:
  TryAwaiter<T> coAwaitTry();
};
} // namespace detail
template <class T = void> class [[nodiscard]] Lazy : public detail::LazyBase<T> {
public:
  struct promise_type {
    Lazy get_return_object();
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { error = std::current_exception(); }
    std::exception_ptr error;
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>);
  T await_resume();
  void detach();
  template <class F> void start(F &&) {}
};
template <class... A> Lazy<Try<int>> collectAll(A &&...);
template <class A> auto syncAwait(A &&lazy) -> decltype(lazy.await_resume());
} // namespace coro
} // namespace async_simple
