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
  // Only legal in a seastar::thread.
  T get();
  void wait() noexcept;
  // Continuations: these receive the failure...
  template <class F> future<T> handle_exception(F &&) noexcept { return {}; }
  template <class F> future<T> handle_exception_type(F &&) noexcept { return {}; }
  template <class F> future<> then_wrapped(F &&) noexcept { return {}; }
  // ...these pass it on.
  template <class F> future<T> finally(F &&) noexcept { return {}; }
  future<> discard_result() noexcept;
  bool failed() const noexcept;
  bool available() const noexcept;
  void ignore_ready_future() noexcept;
};
class gate {};
template <class F> auto with_gate(gate &, F &&func) -> decltype(func()) { return func(); }
template <class F> auto futurize_invoke(F &&func) -> decltype(func()) { return func(); }
template <class F> future<> async(F &&) noexcept { return {}; }
struct smp {
  template <class F> static auto submit_to(unsigned, F &&func) -> decltype(func()) { return func(); }
};
template <class Service> class sharded {
public:
  template <class F> auto invoke_on(unsigned, F &&func) -> decltype(func(*(Service *)nullptr)) { return func(*(Service *)nullptr); }
  template <class F> future<> invoke_on_all(F &&) { return {}; }
};
future<> sleep(std::chrono::milliseconds);
// Futures made ready: get() returns at once.
template <class T = void, class... A> future<T> make_ready_future(A &&...) noexcept;
template <class T = void, class E> future<T> make_exception_future(E &&) noexcept;
class semaphore {
public:
  explicit semaphore(unsigned long count);
  future<> wait(unsigned long n = 1);
  void signal(unsigned long n = 1);
  bool try_wait(unsigned long n = 1);
  unsigned long available_units() const;
};
// Permits given back by the destructor (seastar's semaphore_units).
template <class S = semaphore> class semaphore_units {
public:
  semaphore_units(S &s, unsigned long n) : sem_(&s), n_(n) {}
  semaphore_units(semaphore_units &&) noexcept;
  ~semaphore_units() { if (n_) sem_->signal(n_); }
  void return_all() { if (n_) sem_->signal(n_); n_ = 0; }
private:
  S *sem_;
  unsigned long n_;
};
future<semaphore_units<int>> get_units(int &sem, int count);
future<semaphore_units<semaphore>> get_units(semaphore &sem, unsigned long count);
template <class F> future<> with_semaphore(semaphore &, unsigned long, F &&) { return {}; }
} // namespace seastar
