// asio-shaped mock (standalone asio; boost::asio has the same shape).
#pragma once
#include "mock_task.h"
#include <exception>
#include <system_error>
#include <tuple>
namespace asio {
// Shaped like asio's: no nested promise_type (asio specialises
// std::coroutine_traits for it), an initial_suspend that returns asio's own
// suspend_always, an executor parameter.
namespace detail {
struct suspend_always {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
template <class T, class Executor> class awaitable_frame;
} // namespace detail
template <class T = void, class Executor = int> class [[nodiscard]] awaitable {
public:
  using value_type = T;
  using executor_type = Executor;
  awaitable() noexcept;
  awaitable(awaitable &&) noexcept;
  ~awaitable();
  bool await_ready() const noexcept { return false; }
  template <class Promise> void await_suspend(std::coroutine_handle<Promise>);
  T await_resume();

private:
  template <class, class> friend class detail::awaitable_frame;
  explicit awaitable(detail::awaitable_frame<T, Executor> *) noexcept;
};
namespace detail {
template <class T, class Executor> class awaitable_frame_base {
public:
  suspend_always initial_suspend() noexcept { return {}; }
  suspend_always final_suspend() noexcept { return {}; }
  void unhandled_exception() { pending = std::current_exception(); }
  std::exception_ptr pending;
};
template <class T, class Executor>
class awaitable_frame : public awaitable_frame_base<T, Executor> {
public:
  awaitable<T, Executor> get_return_object() noexcept {
    return awaitable<T, Executor>(this);
  }
  template <class U> void return_value(U &&) {}
};
template <class Executor>
class awaitable_frame<void, Executor>
    : public awaitable_frame_base<void, Executor> {
public:
  awaitable<void, Executor> get_return_object() noexcept {
    return awaitable<void, Executor>(this);
  }
  void return_void() {}
};
} // namespace detail
struct use_awaitable_t {};
inline constexpr use_awaitable_t use_awaitable{};
struct detached_t {};
inline constexpr detached_t detached{};
class io_context {
public:
  using executor_type = int;
  executor_type get_executor();
  unsigned long run();
  unsigned long run_one();
  unsigned long poll();
  unsigned long poll_one();
  void stop();
};
// The synchronous operations (the asynchronous ones are async_*).
template <class Stream, class Buffers> unsigned long read(Stream &, const Buffers &);
template <class Stream, class Buffers> unsigned long write(Stream &, const Buffers &);
template <class Stream, class Buffers> unsigned long async_read(Stream &, const Buffers &);
template <class Stream, class Endpoints> int connect(Stream &, const Endpoints &);
template <class Protocol> class basic_socket {
public:
  template <class Endpoint> void connect(const Endpoint &);
};
template <class Protocol> class basic_stream_socket : public basic_socket<Protocol> {
public:
  template <class Buffers> unsigned long read_some(const Buffers &);
  template <class Buffers> unsigned long write_some(const Buffers &);
  template <class Buffers, class Token> auto async_read_some(const Buffers &, Token &&) -> awaitable<unsigned long>;
};
namespace ip {
struct tcp {
  using socket = basic_stream_socket<tcp>;
};
} // namespace ip
template <class Clock> class basic_waitable_timer {
public:
  void wait();
  awaitable<void> async_wait(use_awaitable_t);
};
using system_timer = basic_waitable_timer<long>;
template <class Ex, class F> void post(Ex &, F &&) {}
template <class Ex, class A, class Token> void co_spawn(Ex &&, A &&, Token &&) {}
// What `co_await this_coro::executor` gives (asio does it through the
// promise's await_transform): an awaiter whose await_resume cannot throw.
struct executor_awaiter {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  int await_resume() const noexcept { return 0; }
};
namespace this_coro {
struct executor_t {
  executor_awaiter operator co_await() const noexcept { return {}; }
};
inline constexpr executor_t executor{};
} // namespace this_coro
struct as_tuple_t {};
inline constexpr as_tuple_t as_tuple{};
class tcp_socket {
public:
  // With as_tuple, errors come back as the tuple's error_code.
  awaitable<std::tuple<std::error_code, int>> async_read_some(as_tuple_t);
  awaitable<int> async_read_some(use_awaitable_t);
};
class steady_timer {
public:
  explicit steady_timer(io_context &);
  awaitable<void> async_wait(use_awaitable_t);
};
} // namespace asio

namespace std {
template <class T, class Executor, class... Args>
struct coroutine_traits<asio::awaitable<T, Executor>, Args...> {
  using promise_type = asio::detail::awaitable_frame<T, Executor>;
};
} // namespace std
