// RUN: %check_corolint %s coro-blocking-call %t -- -- %coro_mock_flags

// get() on a result that is already complete returns at once: after the
// co_await of a combinator that produced it, after a co_await of the result
// itself, or behind a readiness test, directly and through helpers that are
// handed the complete result. A wait() for the result makes it complete too.

#include <coroutine>
#include <utility>
#include <vector>

namespace concurrencpp {
enum class result_status { idle, value, exception };
template <class T> class result;
template <class T> struct result_awaiter {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) noexcept;
  T await_resume();
};
template <class T> class result {
public:
  struct promise_type {
    result get_return_object();
    std::suspend_never initial_suspend() noexcept;
    std::suspend_never final_suspend() noexcept;
    void return_value(T);
    void unhandled_exception();
  };
  T get();
  void wait();
  result_status wait_for(int milliseconds);
  result_status status() const;
  bool is_ready() const;
  result_awaiter<T> operator co_await();
  result_awaiter<result<T>> resolve();
};
template <> class result<void> {
public:
  struct promise_type {
    result get_return_object();
    std::suspend_never initial_suspend() noexcept;
    std::suspend_never final_suspend() noexcept;
    void return_void();
    void unhandled_exception();
  };
  void get();
  result_status status() const;
};
template <class T> struct when_any_result {
  unsigned long index;
  std::vector<T> results;
};
template <class T> result_awaiter<std::vector<result<T>>> when_all(std::vector<result<T>> &);
template <class T> result_awaiter<when_any_result<result<T>>> when_any(std::vector<result<T>> &);
void assert_equal(result_status, result_status);
void assert_true(bool);
template <class F> void assert_throws(F &&f) {
  try { f(); } catch (...) {}
}
} // namespace concurrencpp

using concurrencpp::result;
using concurrencpp::result_status;

result<int> compute();
void use(int);

// A helper that reads its argument: it blocks unless handed a complete
// result.
void check_value(result<int> r) { use(r.get()); }
// A helper that asserts readiness before reading: never blocks.
void check_ready(result<int> r) {
  concurrencpp::assert_equal(r.status(), result_status::value);
  use(r.get());
}
// A helper that tests readiness and reads only then.
void read_if_ready(result<int> &r) {
  if (r.status() != result_status::idle)
    use(r.get());
}
// ... and one whose test says the opposite.
void read_if_pending(result<int> &r) {
  if (r.status() == result_status::idle)
    use(r.get());
}
void read_unless_ready(result<int> &r) {
  if (!r.is_ready())
    use(r.get());
}
// An early exit when not ready.
void read_after_exit(result<int> &r) {
  if (!r.is_ready())
    return;
  use(r.get());
}

// Positive: a pending result read in a coroutine.
result<void> pending_direct() {
  result<int> r = compute();
  use(r.get());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: blocking call to 'concurrencpp::result::get' in coroutine 'pending_direct' may deadlock: 'concurrencpp::result::get' waits for work that needs this thread [coro-blocking-call]
  // CHECK-MESSAGES: :[[@LINE-2]]:7: note: 'co_await' the work instead
  co_return;
}

// Positive: a pending result handed to a helper that reads it.
result<void> pending_through_helper() {
  check_value(compute());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'check_value' in coroutine 'pending_through_helper' may deadlock: 'check_value' is a bridge that blocks on 'concurrencpp::result::get'
  result<int> r = compute();
  read_if_pending(r);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'read_if_pending' in coroutine 'pending_through_helper' may deadlock: 'read_if_pending' is a bridge that blocks on 'concurrencpp::result::get'
  read_unless_ready(r);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'read_unless_ready' in coroutine 'pending_through_helper' may deadlock: 'read_unless_ready' is a bridge that blocks on 'concurrencpp::result::get'
  co_return;
}

// Positive: a co_await on one path only does not make the result complete.
result<void> awaited_on_one_path(bool b) {
  result<int> r = compute();
  if (b)
    co_await r.resolve();
  use(r.get());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: blocking call to 'concurrencpp::result::get' in coroutine 'awaited_on_one_path' may deadlock
  // CHECK-MESSAGES: :[[@LINE-2]]:7: note: 'co_await' the work instead
  co_return;
}

// Negative: results handed back by when_all/when_any are complete.
result<void> after_when_all(std::vector<result<int>> &rs) {
  auto done = co_await concurrencpp::when_all(rs);
  for (unsigned long i = 0; i < done.size(); i++)
    check_value(std::move(done[i]));
  for (auto &r : done)
    use(r.get());
  auto any = co_await concurrencpp::when_any(rs);
  check_value(std::move(any.results[any.index]));
  co_return;
}

// Negative: the value of 'co_await r.resolve()' is the complete result; and
// r itself is complete after a co_await of it on every path.
result<void> after_resolve() {
  result<int> r = compute();
  auto done = co_await r.resolve();
  check_value(std::move(done));
  concurrencpp::assert_throws([&done] { done.get(); });
  result<int> s = compute();
  co_await s.resolve();
  use(s.get());
  co_return;
}

// Negative: behind a readiness test.
result<void> behind_tests() {
  result<int> r = compute();
  if (r.status() == result_status::value)
    use(r.get());
  if (r.is_ready()) {
    use(r.get());
    check_value(std::move(r));
  }
  read_if_ready(r);
  read_after_exit(r);
  check_ready(compute());
  co_return;
}

// Negative: a readiness assertion before the read.
result<void> asserted() {
  result<int> r = compute();
  concurrencpp::assert_true(r.is_ready());
  use(r.get());
  co_return;
}

// Negative: a loop that waits until the result is ready.
result<void> polled() {
  result<int> r = compute();
  while (!r.is_ready())
    co_await std::suspend_always{};
  use(r.get());
  co_return;
}

// A wait() blocks (reported); the result is complete after it, so a get()
// that it precedes on every path returns at once (not reported again).
result<void> waited() {
  result<int> r = compute();
  r.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'concurrencpp::result::wait' in coroutine 'waited' may deadlock
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: 'co_await' the work instead
  use(r.get());
  check_value(std::move(r));
  co_return;
}
// ... also in a helper: the wait is what it reaches.
void wait_then_read(result<int> &r) {
  r.wait();
  use(r.get());
}
result<void> waited_in_helper() {
  result<int> r = compute();
  wait_then_read(r);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'wait_then_read' in coroutine 'waited_in_helper' may deadlock: 'wait_then_read' is a bridge that blocks on 'concurrencpp::result::wait'
  co_return;
}

// Positive: a wait on one path only, a timed wait, a wait for another result.
result<void> waited_not_always(bool b) {
  result<int> r = compute();
  if (b)
    r.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: blocking call to 'concurrencpp::result::wait' in coroutine 'waited_not_always' may deadlock
  // CHECK-MESSAGES: :[[@LINE-2]]:5: note: 'co_await' the work instead
  use(r.get());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: blocking call to 'concurrencpp::result::get' in coroutine 'waited_not_always' may deadlock
  // CHECK-MESSAGES: :[[@LINE-2]]:7: note: 'co_await' the work instead
  r.wait_for(5);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'concurrencpp::result::wait_for' in coroutine 'waited_not_always' may deadlock
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: 'co_await' the work instead
  use(r.get());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: blocking call to 'concurrencpp::result::get' in coroutine 'waited_not_always' may deadlock
  // CHECK-MESSAGES: :[[@LINE-2]]:7: note: 'co_await' the work instead
  result<int> other = compute();
  other.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'concurrencpp::result::wait' in coroutine 'waited_not_always' may deadlock
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: 'co_await' the work instead
  use(r.get());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: blocking call to 'concurrencpp::result::get' in coroutine 'waited_not_always' may deadlock
  // CHECK-MESSAGES: :[[@LINE-2]]:7: note: 'co_await' the work instead
  co_return;
}

// Templates: checked per instantiation.
template <class T> result<void> generic(std::vector<result<T>> &rs) {
  auto done = co_await concurrencpp::when_all(rs);
  check_value(std::move(done[0]));
  result<T> p = compute();
  use(p.get());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: blocking call to 'concurrencpp::result::get' in coroutine 'generic' may deadlock
  // CHECK-MESSAGES: :[[@LINE-2]]:7: note: 'co_await' the work instead
  co_return;
}
template result<void> generic<int>(std::vector<result<int>> &);
