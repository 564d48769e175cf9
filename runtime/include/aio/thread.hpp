// aio/thread.hpp - to_thread: blocking work on a thread pool (asyncio.to_thread).
#pragma once
#include "aio/loop.hpp"
#include <functional>
#include <type_traits>

namespace aio {
namespace detail {

/// Runs \p job on aio's shared thread pool (started on first use).
void submit_to_pool(std::function<void()> job);

template <class R> struct thread_job {
  std::optional<stored_t<R>> value;
  std::exception_ptr error;
  std::coroutine_handle<> handle;
  task_context *ctx = nullptr;
  bool abandoned = false; // the awaiting task was cancelled
};

template <class R, class F> struct thread_awaiter : suspension {
  std::shared_ptr<thread_job<R>> job;
  F fn;
  thread_awaiter(std::shared_ptr<thread_job<R>> j, F f) : job(std::move(j)), fn(std::move(f)) {}
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) {
    job->handle = h;
    if (!begin(h))
      return;
    job->ctx = ctx;
    event_loop &loop = event_loop::get();
    loop.hold();
    submit_to_pool([job = job, fn = std::move(fn), &loop]() mutable {
      try {
        if constexpr (std::is_void_v<R>) {
          fn();
          job->value.emplace();
        } else if constexpr (std::is_reference_v<R>) {
          job->value.emplace(std::addressof(fn()));
        } else {
          job->value.emplace(fn());
        }
      } catch (...) {
        job->error = std::current_exception();
      }
      loop.post([job, &loop] {
        loop.release();
        if (!job->abandoned)
          loop.schedule(job->handle, job->ctx);
      });
    });
  }
  void await_resume() { end(); }
  void cancel() noexcept override {
    // The thread cannot be interrupted: stop waiting for it.
    job->abandoned = true;
    event_loop::get().schedule(job->handle, ctx);
  }
};

} // namespace detail

/// Runs \p fn on a thread pool and resumes the calling task on its loop with
/// the result (or exception). The way to call blocking code from a
/// coroutine. Cancelling the awaiting task stops the wait, not the thread.
template <class F>
task<std::invoke_result_t<F>> to_thread(F fn) {
  using R = std::invoke_result_t<F>;
  auto job = std::make_shared<detail::thread_job<R>>();
  co_await detail::thread_awaiter<R, F>(job, std::move(fn));
  if (job->error)
    std::rethrow_exception(job->error);
  if constexpr (std::is_void_v<R>)
    co_return;
  else if constexpr (std::is_reference_v<R>)
    co_return **job->value;
  else
    co_return std::move(*job->value);
}

} // namespace aio
