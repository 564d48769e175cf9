// The event loop: ready queue, timer heap, epoll reactor, cross-thread posts.
#include "aio/loop.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <queue>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>
#include <unordered_map>

namespace aio {
namespace detail {
namespace {

thread_local event_loop *current_loop = nullptr;
std::atomic<bool> debug_everywhere{false};

bool env_debug() {
  const char *v = std::getenv("AIO_DEBUG");
  return v && *v && std::strcmp(v, "0") != 0;
}

std::mutex sink_mutex;
debug_sink &sink() {
  static debug_sink s;
  return s;
}

void emit(std::string_view message) {
  std::lock_guard<std::mutex> lock(sink_mutex);
  if (sink())
    sink()(message);
  else
    std::fprintf(stderr, "aio: warning: %.*s\n", int(message.size()), message.data());
}

} // namespace

void task_context::request_cancel() noexcept {
  cancel_pending = true;
  if (waiter *w = std::exchange(waiting_on, nullptr))
    w->cancel();
}

void task_context::deliver_cancel() {
  if (cancel_pending) {
    cancel_pending = false;
    throw cancelled_error{};
  }
}

struct event_loop::impl {
  int epfd = -1, evfd = -1;
  std::deque<std::pair<std::coroutine_handle<>, task_context *>> ready;

  struct timer {
    clock::time_point when;
    std::uint64_t id;
    bool operator>(const timer &o) const {
      return when != o.when ? when > o.when : id > o.id;
    }
  };
  std::priority_queue<timer, std::vector<timer>, std::greater<>> heap;
  std::unordered_map<std::uint64_t, std::function<void()>> timers;
  std::uint64_t next_timer = 0;

  struct fd_watch {
    std::coroutine_handle<> reader, writer;
    task_context *rctx = nullptr, *wctx = nullptr;
    std::uint32_t registered = 0;
  };
  std::unordered_map<int, fd_watch> fds;

  std::mutex post_mutex;
  std::vector<std::function<void()>> posted;
  std::size_t outstanding_posts = 0; // guarded by post_mutex

  void update(int fd, fd_watch &w) {
    std::uint32_t want = (w.reader ? EPOLLIN : 0u) | (w.writer ? EPOLLOUT : 0u);
    if (want == w.registered)
      return;
    epoll_event ev{};
    ev.events = want;
    ev.data.fd = fd;
    int op = !w.registered ? EPOLL_CTL_ADD : want ? EPOLL_CTL_MOD : EPOLL_CTL_DEL;
    if (::epoll_ctl(epfd, op, fd, &ev) != 0 && op != EPOLL_CTL_DEL)
      throw socket_error(errno, "aio: epoll_ctl");
    w.registered = want;
  }
};

event_loop::event_loop(const run_options &options)
    : options_(options), impl_(std::make_unique<impl>()), previous_(current_loop) {
  if (env_debug())
    options_.debug = true;
  if (options_.debug)
    debug_everywhere = true;
  impl_->epfd = ::epoll_create1(EPOLL_CLOEXEC);
  impl_->evfd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (impl_->epfd < 0 || impl_->evfd < 0)
    throw socket_error(errno, "aio: cannot create the event loop");
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.fd = impl_->evfd;
  ::epoll_ctl(impl_->epfd, EPOLL_CTL_ADD, impl_->evfd, &ev);
  current_loop = this;
}

event_loop::~event_loop() {
  // A worker thread's post() may still be running: wait for it (post()
  // touches nothing of the loop after it unlocks).
  { std::lock_guard<std::mutex> lock(impl_->post_mutex); }
  current_loop = previous_;
  ::close(impl_->evfd);
  ::close(impl_->epfd);
}

event_loop *event_loop::current() noexcept { return current_loop; }

event_loop &event_loop::get() {
  if (!current_loop)
    throw usage_error("aio: no running event loop in this thread; start one with aio::run");
  return *current_loop;
}

void event_loop::schedule(std::coroutine_handle<> h, task_context *ctx) {
  if (ctx)
    ctx->waiting_on = nullptr; // it is being woken: no longer waiting
  impl_->ready.emplace_back(h, ctx);
}

std::uint64_t event_loop::add_timer(clock::time_point when, std::function<void()> fire) {
  std::uint64_t id = ++impl_->next_timer;
  impl_->timers.emplace(id, std::move(fire));
  impl_->heap.push({when, id});
  return id;
}

void event_loop::cancel_timer(std::uint64_t id) noexcept { impl_->timers.erase(id); }

void event_loop::watch(int fd, bool write, std::coroutine_handle<> h, task_context *ctx) {
  impl::fd_watch &w = impl_->fds[fd];
  if (write ? bool(w.writer) : bool(w.reader))
    throw usage_error("aio: two tasks wait on the same socket in the same direction");
  (write ? w.writer : w.reader) = h;
  (write ? w.wctx : w.rctx) = ctx;
  impl_->update(fd, w);
}

void event_loop::unwatch(int fd, bool write) noexcept {
  auto it = impl_->fds.find(fd);
  if (it == impl_->fds.end())
    return;
  (write ? it->second.writer : it->second.reader) = {};
  try {
    impl_->update(fd, it->second);
  } catch (...) {
  }
  if (!it->second.registered)
    impl_->fds.erase(it);
}

void event_loop::forget_fd(int fd) noexcept {
  auto it = impl_->fds.find(fd);
  if (it == impl_->fds.end())
    return;
  if (it->second.registered)
    ::epoll_ctl(impl_->epfd, EPOLL_CTL_DEL, fd, nullptr);
  impl_->fds.erase(it);
}

void event_loop::post(std::function<void()> fn) {
  // The wake-up is written under the lock: once fn is visible the loop may
  // run it, finish, and be destroyed, so nothing of the loop may be touched
  // after the unlock (TSan found the write racing ~event_loop).
  std::lock_guard<std::mutex> lock(impl_->post_mutex);
  impl_->posted.push_back(std::move(fn));
  std::uint64_t one = 1;
  [[maybe_unused]] auto n = ::write(impl_->evfd, &one, sizeof one);
}

void event_loop::hold() {
  std::lock_guard<std::mutex> lock(impl_->post_mutex);
  ++impl_->outstanding_posts;
}

void event_loop::release() {
  std::lock_guard<std::mutex> lock(impl_->post_mutex);
  --impl_->outstanding_posts;
}

bool event_loop::held() const {
  std::lock_guard<std::mutex> lock(impl_->post_mutex);
  return impl_->outstanding_posts > 0;
}

void event_loop::warn(std::string_view message) const { emit(message); }

void event_loop::add_live(const void *key, std::function<void()> canceller,
                          std::coroutine_handle<> driver) {
  live_.emplace(key, live_task{std::move(canceller), driver});
}

void event_loop::remove_live(const void *key) noexcept {
  live_.erase(key);
}

void event_loop::cancel_all() {
  std::vector<std::function<void()>> cancels;
  for (auto &[key, t] : live_)
    cancels.push_back(t.cancel);
  for (auto &c : cancels)
    c();
}

void event_loop::resume(std::coroutine_handle<> h, task_context *ctx) {
  task_context *prev = std::exchange(running_, ctx);
  if (options_.debug) {
    auto start = clock::now();
    h.resume();
    auto took = std::chrono::duration_cast<std::chrono::milliseconds>(clock::now() - start);
    if (took > options_.slow_step_threshold)
      warn("task '" + (ctx ? ctx->name : std::string("?")) + "' held the event loop for " +
           std::to_string(took.count()) + " ms in one step (a blocking call in a coroutine?)");
  } else {
    h.resume();
  }
  running_ = prev;
}

bool event_loop::run_ready() {
  bool progressed = false;
  // Run what is ready now; what they schedule runs in the next round.
  for (std::size_t n = impl_->ready.size(); n > 0 && !impl_->ready.empty(); --n) {
    auto [h, ctx] = impl_->ready.front();
    impl_->ready.pop_front();
    resume(h, ctx);
    progressed = true;
  }
  return progressed;
}

bool event_loop::step(bool may_block, bool progressed) {
  while (!impl_->heap.empty() && !impl_->timers.count(impl_->heap.top().id))
    impl_->heap.pop(); // cancelled timers

  bool external;
  {
    std::lock_guard<std::mutex> lock(impl_->post_mutex);
    external = impl_->outstanding_posts > 0 || !impl_->posted.empty();
  }
  int timeout = 0;
  if (impl_->ready.empty() && may_block) {
    if (!impl_->heap.empty()) {
      auto wait = impl_->heap.top().when - clock::now();
      auto ms = std::chrono::ceil<std::chrono::milliseconds>(wait).count();
      timeout = ms > 0 ? int(std::min<long long>(ms, 60'000)) : 0;
    } else if (!impl_->fds.empty() || external) {
      timeout = -1;
    } else if (!progressed) {
      return false; // nothing can ever wake anything
    }
  }
  epoll_event events[64];
  int n = ::epoll_wait(impl_->epfd, events, 64, timeout);
  for (int i = 0; i < n; ++i) {
    int fd = events[i].data.fd;
    if (fd == impl_->evfd) {
      std::uint64_t count;
      [[maybe_unused]] auto r = ::read(impl_->evfd, &count, sizeof count);
      std::vector<std::function<void()>> work;
      {
        std::lock_guard<std::mutex> lock(impl_->post_mutex);
        work.swap(impl_->posted);
      }
      for (auto &fn : work)
        fn();
      continue;
    }
    auto it = impl_->fds.find(fd);
    if (it == impl_->fds.end())
      continue;
    impl::fd_watch &w = it->second;
    std::uint32_t ev = events[i].events;
    bool err = ev & (EPOLLERR | EPOLLHUP);
    if ((ev & EPOLLIN || err) && w.reader) {
      schedule(std::exchange(w.reader, {}), w.rctx);
    }
    if ((ev & EPOLLOUT || err) && w.writer) {
      schedule(std::exchange(w.writer, {}), w.wctx);
    }
    impl_->update(fd, w);
    if (!w.registered)
      impl_->fds.erase(it);
  }
  auto now = clock::now();
  while (!impl_->heap.empty() && impl_->heap.top().when <= now) {
    auto id = impl_->heap.top().id;
    impl_->heap.pop();
    auto it = impl_->timers.find(id);
    if (it == impl_->timers.end())
      continue;
    auto fire = std::move(it->second);
    impl_->timers.erase(it);
    fire();
  }
  return true;
}

void event_loop::run_until(const std::function<bool()> &done) {
  while (!done()) {
    bool progressed = run_ready();
    if (done())
      return;
    if (!step(true, progressed))
      throw usage_error("aio: the main task waits for something that nothing "
                        "can complete (deadlock)");
  }
}

void run_loop_until_done(event_loop &loop, const std::function<bool()> &done) {
  std::exception_ptr failure;
  try {
    loop.run_until(done);
  } catch (...) {
    failure = std::current_exception();
  }
  // asyncio.run's shutdown: cancel what is left and let it finish.
  loop.cancel_all();
  try {
    loop.run_until([&] { return loop.live_.empty() && !loop.held(); });
  } catch (const usage_error &) {
    // Tasks that wait forever despite cancellation: destroy their frames.
  }
  for (auto &[key, t] : std::exchange(loop.live_, {}))
    t.driver.destroy();
  if (failure)
    std::rethrow_exception(failure);
}

void warn_if_running_loop() {
  if (current_loop)
    throw usage_error("aio::run cannot be called from a running event loop; "
                      "co_await the task instead");
}

void report_never_awaited(const void *frame) noexcept {
  if (!debug_everywhere && !env_debug())
    return;
  char buf[160];
  std::snprintf(buf, sizeof buf,
                "a task was destroyed without ever being awaited (coroutine frame %p)", frame);
  emit(buf);
}

void report_unretrieved_exception(const std::string &name, std::exception_ptr e) noexcept {
  if (!debug_everywhere && !env_debug())
    return;
  std::string what = "unknown exception";
  try {
    std::rethrow_exception(e);
  } catch (const std::exception &ex) {
    what = ex.what();
  } catch (...) {
  }
  emit("exception of task '" + name + "' was never retrieved: " + what);
}

} // namespace detail

debug_sink set_debug_sink(debug_sink s) {
  std::lock_guard<std::mutex> lock(detail::sink_mutex);
  return std::exchange(detail::sink(), std::move(s));
}

} // namespace aio
