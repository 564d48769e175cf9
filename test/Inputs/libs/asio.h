// asio-shaped mock (standalone asio; boost::asio has the same shape).
#pragma once
#include "mock_task.h"
#include <exception>
#include <system_error>
#include <tuple>
namespace asio {
COROLINT_MOCK_LAZY_TASK(awaitable)
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
