// aio/task.hpp - aio::task<T>: lazy, move-only, symmetric transfer.
//
// A task does nothing until it is awaited (or handed to spawn/gather/run).
// Its result or exception goes to the awaiter. Destroying a task that never
// started destroys its frame and the arguments stored in it.
#pragma once
#include "aio/errors.hpp"
#include <coroutine>
#include <exception>
#include <memory>
#include <type_traits>
#include <utility>
#include <variant>

namespace aio {

template <class T = void> class task;

namespace detail {

/// Debug mode hook: a task destroyed before it ever ran (asyncio's
/// "coroutine ... was never awaited").
void report_never_awaited(const void *frame) noexcept;

struct promise_base {
  struct final_awaiter {
    bool await_ready() const noexcept { return false; }
    template <class P>
    std::coroutine_handle<> await_suspend(std::coroutine_handle<P> h) noexcept {
      std::coroutine_handle<> next = h.promise().continuation;
      return next ? next : std::noop_coroutine();
    }
    void await_resume() const noexcept {}
  };
  std::suspend_always initial_suspend() const noexcept { return {}; }
  final_awaiter final_suspend() const noexcept { return {}; }
  void unhandled_exception() noexcept { error = std::current_exception(); }

  std::coroutine_handle<> continuation;
  std::exception_ptr error;
  bool started = false;
};

template <class T> struct promise final : promise_base {
  task<T> get_return_object() noexcept;
  template <class U = T>
    requires std::is_convertible_v<U &&, T>
  void return_value(U &&v) noexcept(std::is_nothrow_constructible_v<T, U &&>) {
    value.template emplace<1>(std::forward<U>(v));
  }
  T result() {
    if (error)
      std::rethrow_exception(error);
    return std::move(std::get<1>(value));
  }
  std::variant<std::monostate, T> value;
};

template <class T> struct promise<T &> final : promise_base {
  task<T &> get_return_object() noexcept;
  void return_value(T &v) noexcept { value = std::addressof(v); }
  T &result() {
    if (error)
      std::rethrow_exception(error);
    return *value;
  }
  T *value = nullptr;
};

template <> struct promise<void> final : promise_base {
  task<void> get_return_object() noexcept;
  void return_void() noexcept {}
  void result() {
    if (error)
      std::rethrow_exception(error);
  }
};

} // namespace detail

template <class T> class [[nodiscard]] task {
public:
  using promise_type = detail::promise<T>;
  using value_type = T;
  using handle_type = std::coroutine_handle<promise_type>;

  task(task &&other) noexcept : h(std::exchange(other.h, {})) {}
  task &operator=(task &&other) noexcept {
    if (this != &other) {
      destroy();
      h = std::exchange(other.h, {});
    }
    return *this;
  }
  task(const task &) = delete;
  task &operator=(const task &) = delete;
  ~task() { destroy(); }

  /// True when the task holds a coroutine (it was not moved from).
  bool valid() const noexcept { return bool(h); }

  struct awaiter {
    handle_type h;
    bool await_ready() const noexcept { return false; }
    std::coroutine_handle<> await_suspend(std::coroutine_handle<> caller) noexcept {
      h.promise().continuation = caller;
      h.promise().started = true;
      return h;
    }
    decltype(auto) await_resume() { return h.promise().result(); }
  };

  /// Runs the task to completion and yields its value (or rethrows).
  awaiter operator co_await() && {
    check_awaitable();
    return awaiter{h};
  }
  awaiter operator co_await() & {
    check_awaitable();
    return awaiter{h};
  }

  /// For the runtime: the coroutine, without giving up ownership.
  handle_type handle() const noexcept { return h; }

private:
  friend struct detail::promise<T>;
  explicit task(handle_type h) noexcept : h(h) {}
  void check_awaitable() const {
    if (!h)
      throw usage_error("aio: awaiting a moved-from or empty task");
    if (h.promise().started)
      throw usage_error("aio: a task can be awaited only once");
  }
  void destroy() noexcept {
    if (!h)
      return;
    if (!h.promise().started)
      detail::report_never_awaited(h.address());
    std::exchange(h, {}).destroy();
  }
  handle_type h;
};

namespace detail {
template <class T> task<T> promise<T>::get_return_object() noexcept {
  return task<T>{std::coroutine_handle<promise>::from_promise(*this)};
}
template <class T> task<T &> promise<T &>::get_return_object() noexcept {
  return task<T &>{std::coroutine_handle<promise>::from_promise(*this)};
}
inline task<void> promise<void>::get_return_object() noexcept {
  return task<void>{std::coroutine_handle<promise>::from_promise(*this)};
}
} // namespace detail

} // namespace aio
