// Task shapes of several coroutine libraries for the checks' tests. Each
// library's real names, minimal bodies. COROLINT_MOCK_LAZY_TASK defines a
// lazy task class template (promise with initial_suspend = suspend_always)
// named NAME in the current namespace.
#pragma once
#include <coroutine>
#include <exception>

#define COROLINT_MOCK_LAZY_TASK(NAME)                                          \
  template <class T = void> class [[nodiscard]] NAME {                         \
  public:                                                                      \
    struct promise_type {                                                      \
      NAME get_return_object() {                                               \
        return NAME{std::coroutine_handle<promise_type>::from_promise(*this)}; \
      }                                                                        \
      std::suspend_always initial_suspend() noexcept { return {}; }            \
      std::suspend_always final_suspend() noexcept { return {}; }              \
      template <class U> void return_value(U &&) {}                            \
      void unhandled_exception() { error = std::current_exception(); }         \
      std::exception_ptr error;                                                \
    };                                                                         \
    NAME() noexcept;                                                           \
    NAME(NAME &&) noexcept;                                                    \
    ~NAME();                                                                   \
    bool await_ready() const noexcept { return false; }                        \
    std::coroutine_handle<> await_suspend(std::coroutine_handle<>);            \
    T await_resume();                                                          \
                                                                               \
  private:                                                                     \
    explicit NAME(std::coroutine_handle<promise_type> h) : h(h) {}             \
    std::coroutine_handle<promise_type> h;                                     \
  };                                                                           \
  template <> struct NAME<void>::promise_type {                                \
    NAME get_return_object() {                                                 \
      return NAME{std::coroutine_handle<promise_type>::from_promise(*this)};   \
    }                                                                          \
    std::suspend_always initial_suspend() noexcept { return {}; }              \
    std::suspend_always final_suspend() noexcept { return {}; }                \
    void return_void() {}                                                      \
    void unhandled_exception() { error = std::current_exception(); }          \
    std::exception_ptr error;                                                  \
  };

// The promise_type of an eager task class template NAME<T> (initial_suspend
// = suspend_never: the coroutine runs when called), to write inside the
// class; COROLINT_MOCK_EAGER_VOID_PROMISE(NAME) after it gives NAME<void>'s.
#define COROLINT_MOCK_EAGER_PROMISE(NAME)                                      \
  struct promise_type {                                                        \
    NAME get_return_object();                                                  \
    std::suspend_never initial_suspend() noexcept { return {}; }               \
    std::suspend_always final_suspend() noexcept { return {}; }                \
    template <class U> void return_value(U &&) {}                              \
    void unhandled_exception() { error = std::current_exception(); }           \
    std::exception_ptr error;                                                  \
  };
#define COROLINT_MOCK_EAGER_VOID_PROMISE(NAME)                                 \
  template <> struct NAME<void>::promise_type {                                \
    NAME get_return_object();                                                  \
    std::suspend_never initial_suspend() noexcept { return {}; }               \
    std::suspend_always final_suspend() noexcept { return {}; }                \
    void return_void() {}                                                      \
    void unhandled_exception() { error = std::current_exception(); }           \
    std::exception_ptr error;                                                  \
  };
