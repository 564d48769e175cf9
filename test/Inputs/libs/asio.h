// asio-shaped mock (standalone asio; boost::asio has the same shape).
#pragma once
#include "mock_task.h"
#include <exception>
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
  void stop();
};
template <class Ex, class F> void post(Ex &, F &&) {}
template <class Ex, class A, class Token> void co_spawn(Ex &&, A &&, Token &&) {}
class steady_timer {
public:
  explicit steady_timer(io_context &);
  awaitable<void> async_wait(use_awaitable_t);
};
} // namespace asio
