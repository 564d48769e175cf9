// folly::coro-shaped mock with the launch side of Task: start() and
// scheduleOn(), co_withExecutor, co_invoke and AsyncScope. (folly.h is the
// minimal shape; include one or the other.)
#pragma once
#include "mock_returns.h"
#include <coroutine>
#include <exception>
#include <utility>
namespace folly {
struct Executor {};
template <class T> class Try {
public:
  bool hasException() const;
};
template <class T> class SemiFuture {
public:
  T get() &&;
  SemiFuture &wait() &;
  template <class F> SemiFuture<T> deferError(F &&) && { return {}; }
  bool isReady() const;
  // As folly's: waits for the result, then takes it.
  Try<T> getTry() && {
    wait();
    return {};
  }
};
template <class T> class Future {
public:
  T get() &&;
  Future &wait() &;
  template <class F> Future<T> thenError(F &&) && { return {}; }
  bool isReady() const;
  SemiFuture<T> semi() &&;
  Try<T> getTry() && { return std::move(*this).semi().getTry(); }
};
// Futures made ready: get() returns at once.
template <class T> Future<T> makeFuture(T &&);
template <class T> SemiFuture<T> makeSemiFuture(T &&);
namespace coro {
template <class T = void> class [[nodiscard]] Task;
template <class T = void> class [[nodiscard]] TaskWithExecutor {
public:
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>);
  T await_resume();
  void start() &&;
  template <class F> void start(F &&) && {}
  SemiFuture<T> startInlineUnsafe() &&;
};
namespace detail {
template <class U> struct TaskAwaiter {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>);
  U await_resume();
};
template <class U> TaskAwaiter<U> viaIfAsync(Task<U> &&);
template <class A> A &&viaIfAsync(A &&a) { return static_cast<A &&>(a); }
} // namespace detail
// Shaped like folly's: a Task is not awaitable by itself; a Task coroutine
// awaits through its promise's await_transform (folly's co_viaIfAsync).
template <class T> class [[nodiscard]] Task {
public:
  struct promise_type : corolint_mock::returns<T> {
    Task get_return_object();
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void unhandled_exception() { error = std::current_exception(); }
    template <class A> decltype(auto) await_transform(A &&a) {
      return detail::viaIfAsync(static_cast<A &&>(a));
    }
    std::exception_ptr error;
  };
  Task(Task &&) noexcept;
  ~Task();
  TaskWithExecutor<T> scheduleOn(Executor *) &&;
  void start() &&;
};
// co_await co_awaitTry(task) yields the outcome as a Try instead of throwing.
template <class T> struct TryAwaitable {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>);
  Try<T> await_resume();
};
template <class T> TryAwaitable<T> co_awaitTry(Task<T> &&);
template <class T> TaskWithExecutor<T> co_withExecutor(Executor *, Task<T> t);
template <class F, class... A> auto co_invoke(F &&f, A... a) -> decltype(f(a...)) { co_return co_await f(a...); }
class AsyncScope {
public:
  explicit AsyncScope(bool throwOnJoin = false) noexcept;
  template <class T> void add(T &&semiAwaitable);
  Task<void> joinAsync();
};
} // namespace coro
} // namespace folly
