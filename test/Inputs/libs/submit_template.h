// A library header with coroutine templates that run the caller's callable,
// shaped like concurrencpp's executor::submit_bridge.
#pragma once
#include <thread>
#include "cppcoro.h"

namespace submitlib {
void spin();
// Runs the callable inside the coroutine, on whatever thread the library
// picked for it.
template <class F> cppcoro::task<int> submit_bridge(F f) { co_return f(); }
// Blocks through its own helper: the library's own code.
template <class F> cppcoro::task<int> polling(F f) {
  spin();
  co_return f();
}
inline void spin() { std::this_thread::sleep_for(std::chrono::milliseconds(1)); }
struct executor {
  template <class F> void submit(F f) { (void)submit_bridge(f); }
};
} // namespace submitlib
