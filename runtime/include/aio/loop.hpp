// aio/loop.hpp - the event loop, sleep/yield, spawn and run.
//
// One loop per thread, single-threaded: an epoll reactor, a timer heap and a
// ready queue. Every coroutine runs on behalf of a root task (aio::run's
// main task or a spawned one); the root's context carries its name and its
// cancellation state, so a cancelled task sees aio::cancelled_error at its
// next suspension point.
#pragma once
#include "aio/config.hpp"
#include "aio/errors.hpp"
#include "aio/task.hpp"
#include <chrono>
#include <coroutine>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace aio {

using clock = std::chrono::steady_clock;

struct run_options {
  /// asyncio's debug mode; also on with the environment variable AIO_DEBUG=1.
  bool debug = false;
  /// In debug mode, warn when one step of a task holds the loop longer.
  std::chrono::milliseconds slow_step_threshold{100};
};

/// Where debug-mode warnings go (default: stderr). Returns the previous sink.
using debug_sink = std::function<void(std::string_view)>;
debug_sink set_debug_sink(debug_sink sink);

namespace detail {

/// Something a suspended task waits on, which cancellation can interrupt.
struct waiter {
  virtual void cancel() noexcept = 0;
protected:
  ~waiter() = default;
};

/// Per-root-task state: its name, cancellation and what it waits on now.
struct task_context {
  std::string name;
  bool cancel_pending = false;
  waiter *waiting_on = nullptr;
  void request_cancel() noexcept;
  /// Throws cancelled_error once if a cancellation is pending.
  void deliver_cancel();
};

class event_loop {
public:
  event_loop(const run_options &options);
  ~event_loop();
  event_loop(const event_loop &) = delete;
  event_loop &operator=(const event_loop &) = delete;

  static event_loop *current() noexcept;
  /// The loop of this thread, or usage_error when there is none.
  static event_loop &get();
  /// The context of the task running now (never null inside a task).
  task_context *running() const noexcept { return running_; }

  void schedule(std::coroutine_handle<> h, task_context *ctx);
  /// Calls \p fire on the loop at \p when, unless cancel_timer() first.
  std::uint64_t add_timer(clock::time_point when, std::function<void()> fire);
  void cancel_timer(std::uint64_t id) noexcept;
  /// Resumes \p h when \p fd is readable (or writable). One waiter per
  /// direction per descriptor.
  void watch(int fd, bool write, std::coroutine_handle<> h, task_context *ctx);
  void unwatch(int fd, bool write) noexcept;
  void forget_fd(int fd) noexcept;
  /// Thread-safe: runs \p fn on the loop's thread soon.
  void post(std::function<void()> fn);
  /// Work on another thread will post() back: the loop must wait for it
  /// rather than report a deadlock. Each hold() is matched by a release().
  void hold();
  void release();
  bool held() const;

  /// Runs until \p done() is true. Throws usage_error if nothing can make
  /// progress any more while \p done() is false.
  void run_until(const std::function<bool()> &done);

  bool debug() const noexcept { return options_.debug; }
  void warn(std::string_view message) const;
  /// Spawned tasks still running: cancelled at shutdown, their frames
  /// destroyed if they never finish.
  void add_live(const void *key, std::function<void()> canceller,
                std::coroutine_handle<> driver);
  void remove_live(const void *key) noexcept;
  /// Cancels every task still alive (asyncio.run's shutdown).
  void cancel_all();
  std::size_t live_count() const noexcept { return live_.size(); }
  std::uint64_t next_task_number() noexcept { return ++task_numbers_; }

private:
  struct impl;
  bool run_ready();
  bool step(bool may_block, bool progressed);
  void resume(std::coroutine_handle<> h, task_context *ctx);
  run_options options_;
  std::unique_ptr<impl> impl_;
  task_context *running_ = nullptr;
  struct live_task {
    std::function<void()> cancel;
    std::coroutine_handle<> driver;
  };
  std::unordered_map<const void *, live_task> live_;
  friend void run_loop_until_done(event_loop &, const std::function<bool()> &);
  std::uint64_t task_numbers_ = 0;
  event_loop *previous_;
};

/// Awaiter base for the runtime's suspension points: checks cancellation
/// before suspending and after resuming, and registers itself as what the
/// task waits on.
struct suspension : waiter {
  task_context *ctx = nullptr;
  bool cancelled_while_waiting = false;
  bool begin(std::coroutine_handle<> h) {
    ctx = event_loop::get().running();
    if (ctx && ctx->cancel_pending) {
      event_loop::get().schedule(h, ctx);
      return false;
    }
    if (ctx)
      ctx->waiting_on = this;
    return true;
  }
  void end() {
    if (ctx) {
      if (ctx->waiting_on == this)
        ctx->waiting_on = nullptr;
      ctx->deliver_cancel();
    }
  }
};

} // namespace detail

/// Suspends the calling task for \p d without blocking the loop.
struct sleep_awaiter : detail::suspension {
  clock::time_point deadline;
  std::uint64_t timer = 0;
  std::coroutine_handle<> handle;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) {
    handle = h;
    if (begin(h))
      timer = detail::event_loop::get().add_timer(
          deadline, [this] { detail::event_loop::get().schedule(handle, ctx); });
  }
  void await_resume() { end(); }
  void cancel() noexcept override {
    auto &loop = detail::event_loop::get();
    loop.cancel_timer(timer);
    loop.schedule(handle, ctx);
  }
};

template <class Rep, class Period>
[[nodiscard]] sleep_awaiter sleep(std::chrono::duration<Rep, Period> d) {
  sleep_awaiter a;
  a.deadline = clock::now() + std::chrono::duration_cast<clock::duration>(d);
  return a;
}

/// Lets the other ready tasks run (asyncio.sleep(0)).
[[nodiscard]] inline sleep_awaiter yield() { return sleep(clock::duration::zero()); }

namespace detail {

template <class T>
using stored_t = std::conditional_t<std::is_void_v<T>, std::monostate,
                 std::conditional_t<std::is_reference_v<T>,
                                    std::remove_reference_t<T> *, T>>;

void report_unretrieved_exception(const std::string &name,
                                  std::exception_ptr e) noexcept;

/// The shared state of a spawned task: owned by the task's driver while it
/// runs and by every join_handle.
template <class T> struct spawn_state : std::enable_shared_from_this<spawn_state<T>> {
  explicit spawn_state(task<T> t) : body(std::move(t)) {}
  ~spawn_state() {
    if (error && !retrieved)
      report_unretrieved_exception(context.name, error);
  }
  task<T> body;
  task_context context;
  std::optional<stored_t<T>> value;
  std::exception_ptr error;
  bool done = false, retrieved = false;
  std::vector<std::pair<std::coroutine_handle<>, task_context *>> waiters;
  std::vector<std::function<void()>> on_done;

  void finish() {
    done = true;
    event_loop &loop = event_loop::get();
    loop.remove_live(this);
    for (auto &[h, ctx] : std::exchange(waiters, {}))
      loop.schedule(h, ctx);
    for (auto &fn : std::exchange(on_done, {}))
      fn();
  }
  T take() {
    retrieved = true;
    if (error)
      std::rethrow_exception(error);
    if constexpr (std::is_void_v<T>)
      return;
    else if constexpr (std::is_reference_v<T>)
      return **value;
    else
      return std::move(*value);
  }
};

/// The coroutine that runs a spawned task as a root: started by spawn(),
/// frees itself when done.
struct driver {
  struct promise_type {
    driver get_return_object() noexcept {
      return {std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() noexcept { std::terminate(); }
  };
  std::coroutine_handle<promise_type> h;
};

template <class T> driver drive(std::shared_ptr<spawn_state<T>> st) {
  try {
    if constexpr (std::is_void_v<T>) {
      co_await std::move(st->body);
      st->value.emplace();
    } else if constexpr (std::is_reference_v<T>) {
      st->value.emplace(std::addressof(co_await std::move(st->body)));
    } else {
      st->value.emplace(co_await std::move(st->body));
    }
  } catch (...) {
    st->error = std::current_exception();
  }
  st->finish();
}

inline std::string default_name(event_loop &loop) {
  return "Task-" + std::to_string(loop.next_task_number());
}

} // namespace detail

/// A running task started by spawn(): await it for its value, or cancel it.
/// Dropping the handle does not stop the task (as with asyncio.create_task).
/// Not [[nodiscard]] as a class: a task_group's handles may be dropped (the
/// group reports errors); aio::spawn's may not.
template <class T> class join_handle {
public:
  explicit join_handle(std::shared_ptr<detail::spawn_state<T>> st) : st(std::move(st)) {}

  void cancel() noexcept { st->context.request_cancel(); }
  bool done() const noexcept { return st->done; }
  const std::string &name() const noexcept { return st->context.name; }

  struct awaiter : detail::suspension {
    std::shared_ptr<detail::spawn_state<T>> st;
    std::coroutine_handle<> handle;
    bool await_ready() const noexcept { return st->done; }
    void await_suspend(std::coroutine_handle<> h) {
      handle = h;
      if (begin(h))
        st->waiters.emplace_back(h, ctx);
    }
    T await_resume() {
      if (ctx)
        end();
      return st->take();
    }
    void cancel() noexcept override {
      // Cancelling the awaiter cancels the awaited task too (asyncio).
      st->context.request_cancel();
      std::erase_if(st->waiters, [&](auto &w) { return w.first == handle; });
      detail::event_loop::get().schedule(handle, ctx);
    }
  };
  awaiter operator co_await() const {
    awaiter a;
    a.st = st;
    return a;
  }

  /// For the runtime: the shared state.
  const std::shared_ptr<detail::spawn_state<T>> &state() const noexcept { return st; }

private:
  std::shared_ptr<detail::spawn_state<T>> st;
};

/// Starts \p t now on the running loop (asyncio.create_task).
template <class T>
[[nodiscard("a dropped handle loses the task's exception; keep it and co_await it, or use "
            "a task_group")]] join_handle<T>
spawn(task<T> t, std::string name = {}) {
  detail::event_loop &loop = detail::event_loop::get();
  if (!t.valid())
    throw usage_error("aio::spawn: empty task");
  if (t.handle().promise().started)
    throw usage_error("aio::spawn: the task was already awaited");
  auto st = std::make_shared<detail::spawn_state<T>>(std::move(t));
  st->context.name = name.empty() ? detail::default_name(loop) : std::move(name);
  detail::driver d = detail::drive<T>(st);
  loop.add_live(st.get(), [w = std::weak_ptr<detail::spawn_state<T>>(st)] {
    if (auto s = w.lock())
      s->context.request_cancel();
  }, d.h);
  loop.schedule(d.h, &st->context);
  return join_handle<T>(std::move(st));
}

namespace detail {
void run_loop_until_done(event_loop &loop, const std::function<bool()> &done);
void warn_if_running_loop();
} // namespace detail

/// Runs an event loop until \p main finishes; returns its value or rethrows
/// its exception (asyncio.run). Tasks still running then are cancelled and
/// finished first. Calling it inside a running loop is a usage_error.
template <class T>
AIO_BLOCKING T run(task<T> main, run_options options = {}) {
  detail::warn_if_running_loop();
  detail::event_loop loop(options);
  auto h = spawn(std::move(main), "main");
  detail::run_loop_until_done(loop, [&] { return h.done(); });
  return h.state()->take();
}

} // namespace aio
