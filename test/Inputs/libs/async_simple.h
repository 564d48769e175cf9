// async_simple-shaped mock: lazy Lazy<T> with detach(), collectAll of Try<T>.
#pragma once
#include "mock_returns.h"
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
class Executor {};
template <class T> Future<T> makeReadyFuture(T &&);
// co_await CurrentExecutor{}: the coroutine's executor, null when it has none.
struct CurrentExecutor {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  Executor *await_resume() noexcept;
};
namespace coro {
// Shaped like async_simple's: the promise type, the awaiting and start() are
// LazyBase's; via() gives a RescheduleLazy, which is what detach()es.
template <class T = void> class Lazy;
template <class T = void> class RescheduleLazy;
namespace detail {
// co_await lazy.coAwaitTry() yields the outcome as a Try instead of throwing.
template <class T> struct TryAwaiter {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>);
  Try<T> await_resume();
};
template <class T> struct LazyPromise : corolint_mock::returns<T> {
  Lazy<T> get_return_object();
  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void unhandled_exception() { error = std::current_exception(); }
  std::exception_ptr error;
};
template <class T, bool Reschedule> class LazyBase {
public:
  using promise_type = LazyPromise<T>;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>);
  T await_resume();
  template <class F> void start(F &&) {}
  TryAwaiter<T> coAwaitTry();
};
} // namespace detail
template <class T> class [[nodiscard]] Lazy : public detail::LazyBase<T, false> {
public:
  RescheduleLazy<T> via(Executor *) &&;
};
template <class T>
class [[nodiscard]] RescheduleLazy : public detail::LazyBase<T, true> {
public:
  void detach();
};
template <class... A> Lazy<Try<int>> collectAll(A &&...);
template <class A> auto syncAwait(A &&lazy) -> decltype(lazy.await_resume());
} // namespace coro
} // namespace async_simple
