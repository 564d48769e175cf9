// seastar-shaped mock: futures are eager (the work runs when created).
#pragma once
#include <chrono>
#include <coroutine>
namespace seastar {
template <class T = void> class [[nodiscard]] future {
public:
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>);
  T await_resume();
  template <class F> future<> then(F &&) { return {}; }
};
future<> sleep(std::chrono::milliseconds);
template <class T> class semaphore_units {};
future<semaphore_units<int>> get_units(int &sem, int count);
} // namespace seastar
