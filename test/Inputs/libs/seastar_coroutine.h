// seastar/core/coroutine.hh-shaped mock: seastar::future<T> is a coroutine
// type through std::coroutine_traits; the coroutine starts at once (eager).
#pragma once
#include "mock_returns.h"
#include "seastar.h"
#include <exception>
template <class T, class... Args>
struct std::coroutine_traits<seastar::future<T>, Args...> {
  struct promise_type : corolint_mock::returns<T> {
    seastar::future<T> get_return_object();
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void unhandled_exception() { error = std::current_exception(); }
    std::exception_ptr error;
  };
};
namespace seastar::internal {
// co_await yields the future itself, failed or not: await_resume moves it
// out (and, as in seastar, is not declared noexcept).
template <bool CheckPreempt, class T> class as_future_awaiter {
public:
  explicit as_future_awaiter(seastar::future<T> &&f) noexcept;
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) noexcept;
  seastar::future<T> await_resume();
};
} // namespace seastar::internal
namespace seastar::coroutine {
template <class T = void>
inline auto as_future(seastar::future<T> &&f) noexcept {
  return seastar::internal::as_future_awaiter<true, T>(static_cast<seastar::future<T> &&>(f));
}
template <class T = void>
inline auto as_future_without_preemption_check(seastar::future<T> &&f) noexcept {
  return seastar::internal::as_future_awaiter<false, T>(static_cast<seastar::future<T> &&>(f));
}
template <class F> class lambda {
public:
  explicit lambda(F &&f) : f(&f) {}
  template <class... A> decltype(auto) operator()(A &&...a) const {
    return (*f)(static_cast<A &&>(a)...);
  }

private:
  F *f;
};
} // namespace seastar::coroutine
