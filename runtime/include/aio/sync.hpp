// aio/sync.hpp - event, mutex, semaphore and bounded queue for tasks.
//
// All of them suspend the waiting task instead of blocking the thread, and
// all waits are cancellation points. Single loop, single thread: no atomics.
#pragma once
#include "aio/loop.hpp"
#include <algorithm>
#include <cstddef>
#include <deque>
#include <list>
#include <optional>

namespace aio {

namespace detail {
/// A suspension that waits in a primitive's FIFO list until it is granted
/// what it waits for (or cancelled).
struct list_waiter : suspension {
  std::list<list_waiter *> *list = nullptr;
  std::list<list_waiter *>::iterator pos;
  std::coroutine_handle<> handle;
  bool granted = false;
  void enqueue(std::coroutine_handle<> h, std::list<list_waiter *> &l) {
    handle = h;
    if (begin(h)) {
      list = &l;
      pos = l.insert(l.end(), this);
    }
  }
  void grant() {
    granted = true;
    list->erase(pos);
    list = nullptr;
    event_loop::get().schedule(handle, ctx);
  }
  void finish() {
    if (!ctx)
      return;
    if (granted) { // what was granted is kept; a cancel waits for the next suspension
      if (ctx->waiting_on == this)
        ctx->waiting_on = nullptr;
      return;
    }
    end();
  }
  void cancel() noexcept override {
    if (list) {
      list->erase(pos);
      list = nullptr;
    }
    event_loop::get().schedule(handle, ctx);
  }
};
} // namespace detail

/// asyncio.Event: wait() until set().
class event {
public:
  void set() {
    is_set_ = true;
    while (!waiters_.empty())
      waiters_.front()->grant();
  }
  void clear() noexcept { is_set_ = false; }
  bool is_set() const noexcept { return is_set_; }

  struct wait_awaiter : detail::list_waiter {
    event *e;
    explicit wait_awaiter(event *e) : e(e) {}
    bool await_ready() const noexcept { return e->is_set_; }
    void await_suspend(std::coroutine_handle<> h) { enqueue(h, e->waiters_); }
    void await_resume() { finish(); }
  };
  [[nodiscard]] wait_awaiter wait() { return wait_awaiter(this); }

private:
  bool is_set_ = false;
  std::list<detail::list_waiter *> waiters_;
};

/// asyncio.Semaphore: acquire() suspends while no permit is free.
class semaphore {
public:
  explicit semaphore(std::size_t permits) : free_(permits) {}
  semaphore(const semaphore &) = delete;

  struct acquire_awaiter : detail::list_waiter {
    semaphore *s;
    explicit acquire_awaiter(semaphore *s) : s(s) {}
    bool await_ready() noexcept {
      if (s->free_ > 0 && s->waiters_.empty()) {
        --s->free_;
        return true;
      }
      return false;
    }
    void await_suspend(std::coroutine_handle<> h) { enqueue(h, s->waiters_); }
    void await_resume() { finish(); }
  };
  [[nodiscard]] acquire_awaiter acquire() { return acquire_awaiter(this); }
  bool try_acquire() noexcept {
    if (free_ == 0 || !waiters_.empty())
      return false;
    --free_;
    return true;
  }
  void release() {
    if (!waiters_.empty())
      waiters_.front()->grant(); // the permit passes straight to the waiter
    else
      ++free_;
  }
  std::size_t available() const noexcept { return free_; }

private:
  std::size_t free_;
  std::list<detail::list_waiter *> waiters_;
};

/// asyncio.Lock: `auto guard = co_await m.lock();` holds it until the guard
/// goes out of scope.
class mutex {
public:
  class [[nodiscard]] guard {
  public:
    explicit guard(mutex *m) : m(m) {}
    guard(guard &&o) noexcept : m(std::exchange(o.m, nullptr)) {}
    guard &operator=(guard &&o) noexcept {
      if (this != &o) {
        unlock();
        m = std::exchange(o.m, nullptr);
      }
      return *this;
    }
    ~guard() { unlock(); }
    void unlock() {
      if (m)
        std::exchange(m, nullptr)->sem_.release();
    }
  private:
    mutex *m;
  };

  struct lock_awaiter {
    semaphore::acquire_awaiter inner;
    mutex *m;
    bool await_ready() noexcept { return inner.await_ready(); }
    void await_suspend(std::coroutine_handle<> h) { inner.await_suspend(h); }
    guard await_resume() {
      inner.await_resume();
      return guard(m);
    }
  };
  [[nodiscard]] lock_awaiter lock() { return {semaphore::acquire_awaiter(&sem_), this}; }
  bool locked() const noexcept { return sem_.available() == 0; }

private:
  semaphore sem_{1};
};

/// asyncio.Queue with a bound: push() suspends while full, pop() while empty.
template <class T> class queue {
public:
  explicit queue(std::size_t capacity) : capacity_(std::max<std::size_t>(capacity, 1)) {}
  queue(const queue &) = delete;

  struct push_awaiter : detail::list_waiter {
    queue *q;
    std::optional<T> item;
    push_awaiter(queue *q, T v) : q(q), item(std::move(v)) {}
    bool await_ready() { return q->try_push_from(item); }
    void await_suspend(std::coroutine_handle<> h) { enqueue(h, q->pushers_); }
    void await_resume() { finish(); }
  };
  struct pop_awaiter : detail::list_waiter {
    queue *q;
    std::optional<T> item;
    explicit pop_awaiter(queue *q) : q(q) {}
    bool await_ready() {
      item = q->try_pop();
      return item.has_value();
    }
    void await_suspend(std::coroutine_handle<> h) { enqueue(h, q->poppers_); }
    T await_resume() {
      finish();
      return std::move(*item);
    }
  };

  [[nodiscard]] push_awaiter push(T v) { return push_awaiter(this, std::move(v)); }
  [[nodiscard]] pop_awaiter pop() { return pop_awaiter(this); }

  bool try_push(T v) {
    std::optional<T> o(std::move(v));
    return try_push_from(o);
  }
  std::optional<T> try_pop() {
    if (items_.empty())
      return std::nullopt;
    T v = std::move(items_.front());
    items_.pop_front();
    if (!pushers_.empty()) { // room now: admit the first waiting pusher
      auto *p = static_cast<push_awaiter *>(pushers_.front());
      items_.push_back(std::move(*p->item));
      p->grant();
    }
    return v;
  }
  std::size_t size() const noexcept { return items_.size(); }
  std::size_t capacity() const noexcept { return capacity_; }

private:
  bool try_push_from(std::optional<T> &v) {
    if (!poppers_.empty()) { // hand over directly
      auto *p = static_cast<pop_awaiter *>(poppers_.front());
      p->item = std::move(*v);
      p->grant();
      return true;
    }
    if (items_.size() < capacity_ && pushers_.empty()) {
      items_.push_back(std::move(*v));
      return true;
    }
    return false;
  }
  std::size_t capacity_;
  std::deque<T> items_;
  std::list<detail::list_waiter *> pushers_, poppers_;
};

} // namespace aio
