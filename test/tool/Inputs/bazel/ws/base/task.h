// A lazy task: runs when awaited.
#pragma once
#include <coroutine>
#include <exception>
#include <utility>

template <typename T> class [[nodiscard]] task {
public:
  struct promise_type {
    T value{};
    std::coroutine_handle<> continuation;
    task get_return_object() { return task(handle::from_promise(*this)); }
    std::suspend_always initial_suspend() noexcept { return {}; }
    struct final_awaiter {
      bool await_ready() noexcept { return false; }
      std::coroutine_handle<> await_suspend(std::coroutine_handle<promise_type> h) noexcept {
        auto c = h.promise().continuation;
        return c ? c : std::noop_coroutine();
      }
      void await_resume() noexcept {}
    };
    final_awaiter final_suspend() noexcept { return {}; }
    void return_value(T v) { value = std::move(v); }
    void unhandled_exception() { std::terminate(); }
  };
  using handle = std::coroutine_handle<promise_type>;
  explicit task(handle h) : h_(h) {}
  task(task &&o) noexcept : h_(std::exchange(o.h_, {})) {}
  ~task() { if (h_) h_.destroy(); }
  bool await_ready() { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> c) {
    h_.promise().continuation = c;
    return h_;
  }
  T await_resume() { return std::move(h_.promise().value); }

private:
  handle h_;
};
