// Streams, channels, queues, locks and generators of several coroutine
// libraries (their real names, minimal bodies), for the loops that
// coro-sequential-await must leave alone: they are sequential on purpose.
#pragma once
#include "asio.h"
#include "cppcoro.h"
#include "folly.h"
#include "mock_task.h"
#include "seastar.h"
#include <mutex>

namespace asio {
struct const_buffer {};
template <class T> const_buffer buffer(const T &);
template <class Stream, class Token>
awaitable<unsigned long> async_write(Stream &, const_buffer, Token);
} // namespace asio

// seastar makes its eager future a coroutine type (seastar/core/coroutine.hh).
namespace seastar {
namespace internal {
template <class T> struct coroutine_promise {
  future<T> get_return_object();
  std::suspend_never initial_suspend() noexcept { return {}; }
  std::suspend_never final_suspend() noexcept { return {}; }
  template <class U> void return_value(U &&) {}
  void unhandled_exception() {}
};
template <> struct coroutine_promise<void> {
  future<> get_return_object();
  std::suspend_never initial_suspend() noexcept { return {}; }
  std::suspend_never final_suspend() noexcept { return {}; }
  void return_void() {}
  void unhandled_exception() {}
};
} // namespace internal
} // namespace seastar
namespace std {
template <class T, class... Args> struct coroutine_traits<seastar::future<T>, Args...> {
  using promise_type = seastar::internal::coroutine_promise<T>;
};
} // namespace std

namespace seastar {
template <class T> class output_stream {
public:
  future<> write(const T &);
  future<> flush();
};
} // namespace seastar

namespace folly::coro {
class Mutex {
public:
  Task<std::unique_lock<Mutex>> co_scoped_lock();
  void lock();
  void unlock();
};
template <class T> class UnboundedQueue {
public:
  Task<T> dequeue();
  void enqueue(T);
};
template <class T> class BoundedAsyncPipe {
public:
  Task<bool> write(T);
};
template <class T> struct Item {
  explicit operator bool() const;
  T operator*() const;
};
template <class T> class AsyncGenerator {
public:
  struct promise_type;
  Task<Item<T>> next();
};
} // namespace folly::coro

namespace cppcoro {
template <class T> class generator {
public:
  struct promise_type;
  T *begin();
  T *end();
};
// A coroutine type that can both co_yield and co_await.
template <class T> class async_generator {
public:
  struct promise_type {
    async_generator get_return_object();
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(T) noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};
} // namespace cppcoro
