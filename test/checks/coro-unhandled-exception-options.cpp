// Options replace the built-in sets: DetachingFunctions, DetachedTokens,
// ExceptionHoldingFunctions and CatchAllTypes.
// RUN: %check_corolint %s coro-unhandled-exception %t -- \
// RUN:   -config="{CheckOptions: {coro-unhandled-exception.DetachingFunctions: 'app::fire;app::Pool::submit', \
// RUN:     coro-unhandled-exception.DetachedTokens: 'app::forget_t', \
// RUN:     coro-unhandled-exception.CatchAllTypes: 'app::error', \
// RUN:     coro-unhandled-exception.ExceptionHoldingFunctions: 'app::settle'}}" -- %coro_mock_flags

#include <exception>
#include "asio.h"
#include "cppcoro.h"

int parse(const char *);

namespace app {
struct error {};
struct forget_t {};
inline constexpr forget_t forget{};
void fire(cppcoro::task<> t);
template <class T, class Token> void launch(T &&, Token &&);
struct Pool {
  // Returns a handle: detaches only when the handle is dropped.
  struct ticket {};
  ticket submit(cppcoro::task<> t);
};
template <class... A> cppcoro::task<int> settle(A &&...);
} // namespace app

cppcoro::task<> refresh() {
  parse("x");
  co_return;
}

cppcoro::task<> with_options(app::Pool &pool, asio::io_context &io) {
  app::fire(refresh());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: coroutine 'refresh' is started detached by 'app::fire' and can throw
  app::launch(refresh(), app::forget);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: coroutine 'refresh' is started detached by 'app::launch'
  pool.submit(refresh());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: coroutine 'refresh' is started detached by 'app::Pool::submit'
  auto ticket = pool.submit(refresh());
  co_await app::settle(refresh());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the results of 'app::settle' are discarded
  try {
    co_await refresh();
  } catch (const app::error &) {
  }
  // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: empty 'catch (app::error)' in coroutine 'with_options' swallows every error
  // The built-in entries are replaced, not extended.
  asio::co_spawn(io.get_executor(), refresh(), asio::detached);
  co_await cppcoro::when_all_ready(refresh());
  try {
    co_await refresh();
  } catch (const std::exception &) {
  }
}
