// C++/WinRT-shaped mock: fire_and_forget is a coroutine type through
// std::coroutine_traits whose body starts at once and nobody awaits.
#pragma once
#include <coroutine>
#include <exception>
namespace winrt {
struct fire_and_forget {};
struct resume_background_awaiter {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
inline resume_background_awaiter resume_background() noexcept { return {}; }
// The async interfaces: get() and wait_for() come from the consume_
// templates, as in winrt/base.h.
namespace impl {
template <class D> struct consume_Windows_Foundation_IAsyncAction {
  void get() const;
  int wait_for(long timeout) const;
};
template <class D, class T> struct consume_Windows_Foundation_IAsyncOperation {
  T get() const;
  int wait_for(long timeout) const;
};
} // namespace impl
namespace Windows::Foundation {
struct IAsyncAction : impl::consume_Windows_Foundation_IAsyncAction<IAsyncAction> {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) const;
  void await_resume() const;
};
template <class T>
struct IAsyncOperation
    : impl::consume_Windows_Foundation_IAsyncOperation<IAsyncOperation<T>, T> {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) const;
  T await_resume() const;
};
} // namespace Windows::Foundation
} // namespace winrt
template <class... Args>
struct std::coroutine_traits<winrt::fire_and_forget, Args...> {
  struct promise_type {
    winrt::fire_and_forget get_return_object() const noexcept { return {}; }
    std::suspend_never initial_suspend() const noexcept { return {}; }
    std::suspend_never final_suspend() const noexcept { return {}; }
    void return_void() const noexcept {}
    [[noreturn]] void unhandled_exception() const noexcept { std::terminate(); }
  };
};
template <class... Args>
struct std::coroutine_traits<winrt::Windows::Foundation::IAsyncAction, Args...> {
  struct promise_type {
    winrt::Windows::Foundation::IAsyncAction get_return_object() const noexcept;
    std::suspend_never initial_suspend() const noexcept { return {}; }
    std::suspend_always final_suspend() const noexcept { return {}; }
    void return_void() const noexcept {}
    void unhandled_exception() const noexcept;
  };
};
