// concurrencpp-shaped mock: result<T> is eager (a coroutine returning it
// runs at once), executors run callables and hand back results.
#pragma once
#include <chrono>
#include "mock_task.h"
namespace concurrencpp {
enum class result_status { idle, value, exception };
template <class T> class result {
public:
  COROLINT_MOCK_EAGER_PROMISE(result)
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>);
  T await_resume();
  result_status status() const;
  void wait() const;
  template <class R, class P> result_status wait_for(std::chrono::duration<R, P>) const;
  T get();
};
COROLINT_MOCK_EAGER_VOID_PROMISE(result)
// The return type of a fire-and-forget coroutine: eager, nothing to await.
class null_result {
public:
  struct promise_type {
    null_result get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { error = std::current_exception(); }
    std::exception_ptr error;
  };
};
template <class T> class shared_result {
public:
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>);
  T await_resume();
  void wait();
  T get();
};
// A result of the results, each holding its own exception.
template <class... R> result<int> when_all(R &&...);
class executor {
public:
  template <class F, class... A> void post(F &&, A &&...) {}
  template <class F, class... A> auto submit(F &&callable, A &&...args) -> result<decltype(callable(args...))> { return {}; }
};
template <class Concrete> class derivable_executor : public executor {
public:
  template <class F, class... A> void post(F &&, A &&...) {}
  template <class F, class... A> auto submit(F &&callable, A &&...args) -> result<decltype(callable(args...))> { return {}; }
};
class thread_pool_executor : public derivable_executor<thread_pool_executor> {};
} // namespace concurrencpp
