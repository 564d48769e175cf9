// Boost.Cobalt-shaped mock: lazy task, eager promise (dropping it cancels it).
#pragma once
#include "mock_task.h"
namespace boost::asio {
struct detached_t {};
inline constexpr detached_t detached{};
} // namespace boost::asio
namespace boost::cobalt {
COROLINT_MOCK_LAZY_TASK(task)
template <class T = void> class [[nodiscard]] promise {
public:
  struct promise_type {
    promise get_return_object();
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    template <class U> void return_value(U &&) {}
    void unhandled_exception() { error = std::current_exception(); }
    std::exception_ptr error;
  };
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>);
  T await_resume();
  // Let it run on when dropped (instead of cancelling it).
  void operator+() &&;
  void detach();
  void cancel();
};
// An eager coroutine type that cannot be awaited.
struct detached {
  struct promise_type {
    detached get_return_object() noexcept { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() { throw; }
  };
};
class thread {
public:
  void join();
};
template <class T> T run(task<T> t);
// gather holds each awaitable's outcome; join rethrows the first exception.
template <class... A> task<int> gather(A &&...);
template <class... A> task<int> join(A &&...);
struct executor {};
// A channel of capacity 1 is the Cobalt way to serialise coroutines: write()
// and read() are awaited.
template <class T> class channel {
public:
  explicit channel(unsigned long limit = 0);
  struct read_op { bool await_ready(); void await_suspend(std::coroutine_handle<>); T await_resume(); };
  struct write_op { bool await_ready(); void await_suspend(std::coroutine_handle<>); void await_resume(); };
  read_op read();
  write_op write(T);
};
template <> class channel<void> {
public:
  explicit channel(unsigned long limit = 0);
  struct read_op { bool await_ready(); void await_suspend(std::coroutine_handle<>); void await_resume(); };
  struct write_op { bool await_ready(); void await_suspend(std::coroutine_handle<>); void await_resume(); };
  read_op read();
  write_op write();
};
template <class T, class Token> void spawn(executor &, task<T> t, Token &&) {}
} // namespace boost::cobalt
