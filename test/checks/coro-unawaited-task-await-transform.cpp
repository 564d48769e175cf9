// A lazy task type that is awaitable only inside its own coroutines, through
// the promise's await_transform (folly::coro::Task: folly_task.h has its
// shape), is a task: dropping one is reported like any lazy task. Generators
// (iterated with begin(), or pulled with next() or a call: Seastar's
// generator) are not tasks.
// RUN: %check_corolint %s coro-unawaited-task %t -- -- %coro_mock_flags

#include "folly_task.h"

folly::coro::Task<int> fetch(int);

folly::coro::Task<void> user() {
  fetch(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'fetch' is never awaited: a lazy task that is dropped never runs [coro-unawaited-task]
  auto kept = fetch(2);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'kept' is never awaited
  int v = co_await fetch(3);
  (void)v;
}

void plain() {
  fetch(4);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'fetch' is never awaited: a lazy task that is dropped never runs [coro-unawaited-task]
}

// A lazy generator, iterated or pulled: not a task.
template <class T> struct [[nodiscard]] lazy_generator {
  struct promise_type {
    lazy_generator get_return_object();
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(T) noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  struct iterator {};
  iterator begin();
  iterator end();
};
template <class T> struct [[nodiscard]] pulled_generator {
  struct promise_type {
    pulled_generator get_return_object();
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(T) noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  folly::coro::Task<T> next();
};
template <class T> struct [[nodiscard]] called_generator {
  struct promise_type {
    called_generator get_return_object();
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(T) noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  folly::coro::Task<T> operator()();
};
lazy_generator<int> numbers();
pulled_generator<int> pulled();
called_generator<int> called();
void generators(bool b) {
  (void)numbers();
  (void)pulled();
  numbers();
  pulled();
  called();
  auto c = called();
  if (b)
    (void)c;
}
