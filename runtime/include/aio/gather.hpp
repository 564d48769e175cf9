// aio/gather.hpp - gather, wait_for and task_group.
//
// Exception semantics (documented in docs/aio.md): gather runs all tasks
// concurrently; when one fails, the others are cancelled and awaited, then
// the first failure is rethrown. The awaiter is never left with tasks still
// running behind its back. wait_for cancels the task when the timeout expires
// and raises timeout_error. task_group is asyncio.TaskGroup.
#pragma once
#include "aio/loop.hpp"
#include <tuple>
#include <vector>

namespace aio {

/// What gather returns for a task<T>: T, or std::monostate for task<void>.
template <class T>
using gather_result_t = std::conditional_t<std::is_void_v<T>, std::monostate, T>;

namespace detail {

/// Completion bookkeeping shared by a set of child tasks and their awaiter.
struct group_state {
  std::size_t remaining = 0;
  std::exception_ptr first_error;
  std::vector<std::function<void()>> cancellers;
  // The awaiter, while suspended.
  std::coroutine_handle<> waiter;
  task_context *waiter_ctx = nullptr;
  bool stop_on_error = true;
  std::uint64_t timer = 0;
  bool timed_out = false;

  void wake() {
    if (!waiter)
      return;
    auto &loop = event_loop::get();
    if (timer)
      loop.cancel_timer(std::exchange(timer, 0));
    loop.schedule(std::exchange(waiter, {}), waiter_ctx);
  }
  bool ready() const { return remaining == 0 || (stop_on_error && first_error); }
  void child_done(std::exception_ptr e) {
    --remaining;
    if (e && !first_error && !is_cancellation(e))
      first_error = e;
    if (ready())
      wake();
  }
  void cancel_all() {
    for (auto &c : cancellers)
      c();
  }
  static bool is_cancellation(std::exception_ptr e) {
    try {
      std::rethrow_exception(e);
    } catch (const cancelled_error &) {
      return true;
    } catch (...) {
      return false;
    }
  }
};

/// Suspends until the group is ready (or the deadline passes); a
/// cancellation point.
struct group_awaiter : suspension {
  group_awaiter(std::shared_ptr<group_state> g, std::optional<clock::time_point> deadline)
      : g(std::move(g)), deadline(deadline) {}
  std::shared_ptr<group_state> g;
  std::optional<clock::time_point> deadline;
  bool await_ready() const noexcept { return g->ready(); }
  void await_suspend(std::coroutine_handle<> h) {
    if (!begin(h))
      return;
    g->waiter = h;
    g->waiter_ctx = ctx;
    if (deadline)
      g->timer = event_loop::get().add_timer(*deadline, [g = g] {
        g->timer = 0;
        g->timed_out = true;
        g->wake();
      });
  }
  void await_resume() { end(); }
  void cancel() noexcept override { g->wake(); }
};

/// Waits until every child has finished; not a cancellation point (the
/// children are being cancelled already, and must be waited for).
struct drain_awaiter {
  std::shared_ptr<group_state> g;
  bool await_ready() const noexcept { return g->remaining == 0; }
  void await_suspend(std::coroutine_handle<> h) {
    g->stop_on_error = false;
    g->waiter = h;
    g->waiter_ctx = event_loop::get().running();
  }
  void await_resume() const noexcept {}
};

template <class T>
join_handle<T> spawn_child(task<T> t, const std::shared_ptr<group_state> &g) {
  join_handle<T> h = aio::spawn(std::move(t));
  ++g->remaining;
  g->cancellers.push_back([st = std::weak_ptr(h.state())] {
    if (auto s = st.lock(); s && !s->done)
      s->context.request_cancel();
  });
  h.state()->on_done.push_back([g, st = h.state().get()] {
    g->child_done(st->error);
    // Once one child failed, the awaiter rethrows that failure and the
    // others' errors are cancellations: none goes unretrieved.
    st->retrieved = st->retrieved || g->first_error != nullptr;
  });
  return h;
}

template <class T> gather_result_t<T> take_result(join_handle<T> &h) {
  if constexpr (std::is_void_v<T>) {
    h.state()->take();
    return {};
  } else {
    return h.state()->take();
  }
}

/// Waits until every child of \p g has finished. When one fails, or the
/// awaiting task is cancelled, cancels the others, waits for them, and
/// rethrows that failure (gather's semantics).
inline task<void> join_or_fail(std::shared_ptr<group_state> g) {
  std::exception_ptr failure;
  try {
    co_await group_awaiter(g, std::nullopt);
  } catch (...) {
    failure = std::current_exception(); // we were cancelled
  }
  if (failure || g->first_error) {
    g->cancel_all();
    co_await drain_awaiter{g};
    // The group is released before the exception leaves (GCC 12 + ASan
    // reports this path; see docs/aio.md, "Compilers").
    std::exception_ptr first = failure ? failure : g->first_error;
    g.reset();
    std::rethrow_exception(first);
  }
}

} // namespace detail

/// Runs the tasks concurrently and returns all their results as a tuple
/// (asyncio.gather). See the file comment for what happens on failure.
template <class... T>
task<std::tuple<gather_result_t<T>...>> gather(task<T>... tasks) {
  auto g = std::make_shared<detail::group_state>();
  std::tuple<join_handle<T>...> handles{detail::spawn_child(std::move(tasks), g)...};
  co_await detail::join_or_fail(std::move(g));
  co_return std::apply(
      [](auto &...h) { return std::tuple<gather_result_t<T>...>{detail::take_result(h)...}; },
      handles);
}

/// The range form: one result per task, in order.
template <class T>
task<std::vector<gather_result_t<T>>> gather(std::vector<task<T>> tasks) {
  auto g = std::make_shared<detail::group_state>();
  std::vector<join_handle<T>> handles;
  handles.reserve(tasks.size());
  for (auto &t : tasks)
    handles.push_back(detail::spawn_child(std::move(t), g));
  co_await detail::join_or_fail(std::move(g));
  std::vector<gather_result_t<T>> results;
  results.reserve(handles.size());
  for (auto &h : handles)
    results.push_back(detail::take_result(h));
  co_return results;
}

/// Awaits \p t, cancelling it and raising timeout_error if it takes longer
/// than \p timeout (asyncio.wait_for).
template <class T, class Rep, class Period>
task<T> wait_for(task<T> t, std::chrono::duration<Rep, Period> timeout) {
  auto g = std::make_shared<detail::group_state>();
  join_handle<T> h = detail::spawn_child(std::move(t), g);
  g->stop_on_error = false;
  std::exception_ptr failure;
  try {
    co_await detail::group_awaiter(
        g, clock::now() + std::chrono::duration_cast<clock::duration>(timeout));
  } catch (...) {
    failure = std::current_exception();
  }
  if (failure || g->timed_out) {
    g->cancel_all();
    co_await detail::drain_awaiter{g};
    h.state()->retrieved = true; // reported as timeout_error or rethrown
    if (failure)
      std::rethrow_exception(failure);
    bool cancelled = h.state()->error && detail::group_state::is_cancellation(h.state()->error);
    if (cancelled)
      throw timeout_error();
  }
  co_return h.state()->take(); // finished (or raced the timeout and won)
}

/// asyncio.TaskGroup: tasks spawned into the group run concurrently; when
/// one fails, the others are cancelled; wait() waits for all of them and
/// rethrows the first failure. A group destroyed before wait() cancels what
/// is still running.
class task_group {
public:
  task_group() : g(std::make_shared<detail::group_state>()) { g->stop_on_error = false; }
  task_group(const task_group &) = delete;
  ~task_group() { g->cancel_all(); }

  template <class T> join_handle<T> spawn(task<T> t) {
    join_handle<T> h = detail::spawn_child(std::move(t), g);
    h.state()->on_done.push_back([g = g, st = h.state().get()] {
      st->retrieved = true; // the group reports it
      if (st->error && g->first_error == st->error)
        g->cancel_all();
    });
    if (g->first_error)
      h.cancel();
    return h;
  }

  /// Waits for every task; rethrows the first failure. Cancelling the task
  /// that waits cancels the group.
  task<void> wait() {
    std::exception_ptr failure;
    try {
      co_await detail::group_awaiter(g, std::nullopt);
    } catch (...) {
      failure = std::current_exception();
    }
    if (failure) {
      g->cancel_all();
      co_await detail::drain_awaiter{g};
      std::rethrow_exception(failure);
    }
    if (std::exception_ptr first = g->first_error)
      std::rethrow_exception(first);
  }

  std::size_t running() const noexcept { return g->remaining; }

private:
  std::shared_ptr<detail::group_state> g;
};

} // namespace aio
