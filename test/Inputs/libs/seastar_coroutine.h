// seastar/core/coroutine.hh-shaped mock: seastar::future<T> is a coroutine
// type through std::coroutine_traits; the coroutine starts at once (eager).
#pragma once
#include "seastar.h"
#include <exception>
template <class T, class... Args>
struct std::coroutine_traits<seastar::future<T>, Args...> {
  struct promise_type {
    seastar::future<T> get_return_object();
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { error = std::current_exception(); }
    std::exception_ptr error;
  };
};
namespace seastar::coroutine {
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
