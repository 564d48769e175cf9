// C++/WinRT-shaped mock: fire_and_forget is a coroutine type through
// std::coroutine_traits whose body starts at once and nobody awaits.
#pragma once
#include <coroutine>
namespace winrt {
struct fire_and_forget {};
struct resume_background_awaiter {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
inline resume_background_awaiter resume_background() noexcept { return {}; }
} // namespace winrt
template <class... Args>
struct std::coroutine_traits<winrt::fire_and_forget, Args...> {
  struct promise_type {
    winrt::fire_and_forget get_return_object() const noexcept { return {}; }
    std::suspend_never initial_suspend() const noexcept { return {}; }
    std::suspend_never final_suspend() const noexcept { return {}; }
    void return_void() const noexcept {}
    void unhandled_exception() const noexcept {}
  };
};
