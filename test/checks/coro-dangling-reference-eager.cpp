// Eager tasks (seastar futures, C++/WinRT fire_and_forget, Boost.Cobalt
// promises) run until their first suspension at once: a reference is only in
// danger where the body uses it after a suspension point.
// RUN: %check_corolint %s coro-dangling-reference %t -- --fix-notes -- %coro_mock_flags
// The code with every fix applied still compiles:
// RUN: clang++ -fsyntax-only %coro_mock_flags %t.cpp

#include <chrono>
#include <thread>
#include <string>
#include <string_view>
#include <vector>
#include "asio.h"
#include "cobalt.h"
#include "libcoro.h"
#include "seastar_coroutine.h"
#include "winrt.h"

using namespace std::chrono_literals;

seastar::future<> use_before(const std::string &key) {
  (void)key.c_str();
  co_await seastar::sleep(1ms);
}
seastar::future<> use_after(const std::string &key) {
  co_await seastar::sleep(1ms);
  (void)key.c_str();
}
seastar::future<> use_in_loop(const std::string &key, int n) {
  for (int i = 0; i < n; ++i) {
    (void)key.c_str();
    co_await seastar::sleep(1ms);
  }
}
std::string name();

seastar::future<> callers() {
  (void)use_before("k");
  (void)use_after("k");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: temporary 'std::string' bound to parameter 'key' of coroutine 'use_after' is destroyed at the end of this statement, but the eager task keeps running after this statement discards it [coro-dangling-reference]
  (void)use_in_loop(name(), 3);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: temporary 'std::string' bound to parameter 'key' of coroutine 'use_in_loop' is destroyed at the end of this statement, but the eager task keeps running after this statement discards it
  auto f = use_after(std::string("x"));
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: temporary 'std::string' bound to parameter 'key' of coroutine 'use_after' is destroyed at the end of this statement, but the task is stored in 'f'
  auto g = use_after(std::string("y"));
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: temporary 'std::string' bound to parameter 'key' of coroutine 'use_after' is destroyed at the end of this statement, but the task is stored in 'g' and awaited later
  // Two fixes in one function declare two names.
  // CHECK-FIXES: {{^}}  auto key = std::string("x");{{$}}
  // CHECK-FIXES: {{^}}  auto f = use_after(key);{{$}}
  // CHECK-FIXES: {{^}}  auto key_arg = std::string("y");{{$}}
  // CHECK-FIXES: {{^}}  auto g = use_after(key_arg);{{$}}
  co_await std::move(g);
  auto h = use_before(std::string("z"));
  co_await std::move(h);
  co_await use_after("awaited");
  std::string kept = "kept";
  co_await use_after(kept);
  (void)f;
}

// A seastar lambda coroutine run on the spot, and one whose captures are only
// read before it suspends.
seastar::future<> lambdas(int x) {
  (void)[x]() -> seastar::future<> {
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: capturing coroutine lambda is destroyed at the end of this statement with its captures, but the eager task keeps running after this statement discards it
    co_await seastar::sleep(1ms);
    (void)x;
  }();
  (void)[x]() -> seastar::future<> {
    (void)x;
    co_await seastar::sleep(1ms);
  }();
  co_await [x]() -> seastar::future<> {
    co_await seastar::sleep(1ms);
    (void)x;
  }();
}

// C++/WinRT: fire_and_forget is called and never awaited.
winrt::fire_and_forget notify(const std::string &message) {
  co_await winrt::resume_background();
  (void)message.c_str();
}
winrt::fire_and_forget log_now(const std::string &message) {
  (void)message.c_str();
  co_return;
}
void on_click() {
  notify("clicked");
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: temporary 'std::string' bound to parameter 'message' of coroutine 'notify' is destroyed at the end of this statement, but the eager task keeps running after this statement discards it
  log_now("clicked");
}

// Boost.Cobalt's promise is eager too; its lazy task is not reported when
// discarded (it never runs).
boost::cobalt::promise<int> eager_promise(const std::string &key) {
  co_await std::suspend_always{};
  (void)key.c_str();
  co_return 1;
}
boost::cobalt::task<int> lazy_task(const std::string &key) {
  (void)key.c_str();
  co_return 1;
}
void cobalt_callers() {
  (void)eager_promise("k");
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: temporary 'std::string' bound to parameter 'key' of coroutine 'eager_promise' is destroyed at the end of this statement, but the eager task keeps running after this statement discards it
  (void)lazy_task("k");
}

// asio: co_spawn runs the awaitable later, detached. (asio::awaitable has
// no promise_type of its own: asio specialises std::coroutine_traits, so
// only the profile's TaskType entry says it is a task.)
asio::awaitable<void> session(const std::string &peer) {
  (void)peer.c_str();
  co_return;
}
asio::awaitable<void> greet(std::string_view who) {
  (void)who;
  co_return;
}
void accept(asio::io_context &io) {
  asio::co_spawn(io, session(name()), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: temporary 'std::string' bound to parameter 'peer' of coroutine 'session' is destroyed at the end of this statement, but the task is handed to 'asio::co_spawn', which keeps it beyond this statement
  std::string local = name();
  asio::co_spawn(io, greet(local), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: 'local' bound to parameter 'who' of coroutine 'greet' is destroyed when 'accept' returns, but the task is handed to 'asio::co_spawn', which keeps it beyond this statement
  asio::co_spawn(io, [peer = name()]() -> asio::awaitable<void> {
    (void)peer.c_str();
    co_return;
  }, asio::detached);
}
// libcoro: spawn_detached keeps the task beyond the statement.
coro::task<void> note_line(const std::string &line) {
  (void)line.c_str();
  co_return;
}
void spawn_notes(coro::thread_pool &pool) {
  pool.spawn_detached(note_line(name()));
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: temporary 'std::string' bound to parameter 'line' of coroutine 'note_line' is destroyed at the end of this statement, but the task is handed to 'coro::thread_pool::spawn_detached', which keeps it beyond this statement
}
// Joined before the local dies: the pool drained by shutdown(), or, in a
// coroutine, an await of an object that exists already (a latch or event the
// spawned work signals).
void spawn_and_drain(coro::thread_pool &pool) {
  std::string local = name();
  pool.spawn_detached(note_line(local));
  pool.shutdown();
}
struct event_like {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
};
coro::task<void> spawn_then_wait(coro::thread_pool &pool, event_like &done) {
  std::string local = name();
  pool.spawn_detached(note_line(local));
  co_await done;
}
coro::task<void> spawn_then_return(coro::thread_pool &pool) {
  std::string local = name();
  pool.spawn_detached(note_line(local));
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: 'local' bound to parameter 'line' of coroutine 'note_line' is destroyed when coroutine 'spawn_then_return' finishes
  co_return;
}

// The runtime run to completion in the local's scope after the spawn (asio's
// examples: co_spawn(ctx, listen(acceptor), detached); ctx.run();): the
// work is done before the local dies. Run before the spawn, it is not.
int serve(asio::io_context &io) {
  std::string local = name();
  asio::co_spawn(io, greet(local), asio::detached);
  io.run();
  return 0;
}
// Waited for by other means before the local dies: a latch (or future, a
// semaphore, a thread join), a spin until a counter drops. A sleep is not a
// wait for the work.
struct latch_like {
  void count_down();
  void wait();
};
int serve_latched(asio::io_context &io, latch_like &done) {
  std::string local = name();
  asio::co_spawn(io, greet(local), asio::detached);
  done.wait();
  return 0;
}
int serve_spinning(asio::io_context &io, const int &pending) {
  std::string local = name();
  asio::co_spawn(io, greet(local), asio::detached);
  while (pending) {
  }
  return 0;
}
void sleep_a_bit();
int serve_polling(asio::io_context &io, const int &pending) {
  std::string local = name();
  asio::co_spawn(io, greet(local), asio::detached);
  while (pending != 0) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return 0;
}
int serve_sleeping(asio::io_context &io) {
  std::string local = name();
  asio::co_spawn(io, greet(local), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: 'local' bound to parameter 'who' of coroutine 'greet' is destroyed when 'serve_sleeping' returns
  sleep_a_bit();
  return 0;
}
int serve_wrong(asio::io_context &io) {
  io.run();
  std::string local = name();
  asio::co_spawn(io, greet(local), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: 'local' bound to parameter 'who' of coroutine 'greet' is destroyed when 'serve_wrong' returns
  return 0;
}

// A task assigned to an element of a local container lives as long as the
// container: a local of the same scope outlives it (results are joined).
seastar::future<> add_to(int &counter) {
  co_await seastar::sleep(1ms);
  ++counter;
}
void join_all(std::vector<seastar::future<>> &results);
void subscript_holder() {
  int counter = 0;
  std::vector<seastar::future<>> results;
  results[0] = add_to(counter);
  results[1] = add_to(counter);
  join_all(results);
}
std::vector<seastar::future<>> *outer_results();
void subscript_elsewhere() {
  int counter = 0;
  (*outer_results())[0] = add_to(counter);
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: 'counter' bound to parameter 'counter' of coroutine 'add_to' is destroyed when 'subscript_elsewhere' returns, but the task is stored in another object
}

// A reference member of an object passed by value refers to the caller's
// object, not to the copy.
struct scheduler_ref {
  explicit scheduler_ref(int &s) : target(s) {}
  int &target;
};
seastar::future<> run_on(int &target) {
  co_await seastar::sleep(1ms);
  ++target;
}
seastar::future<> via(scheduler_ref ref) { return run_on(ref.target); }

// An await of a value complete where it is awaited resumes at once: it is no
// suspension point (a test helper awaiting a result it asserted ready, a
// future made ready).
void check_ready(bool);
seastar::future<> after_ready_await(seastar::future<int> ready, const std::string &expected) {
  check_ready(ready.available());
  co_await std::move(ready);
  co_await seastar::make_ready_future<>();
  (void)expected.c_str();
}
seastar::future<> after_real_await(seastar::future<int> pending, const std::string &expected) {
  co_await std::move(pending);
  (void)expected.c_str();
}
seastar::future<int> pending_value();
seastar::future<> ready_callers(seastar::future<int> a, seastar::future<int> b) {
  (void)after_ready_await(std::move(a), "value");
  (void)after_real_await(std::move(b), "value");
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: temporary 'std::string' bound to parameter 'expected' of coroutine 'after_real_await' is destroyed at the end of this statement
  co_return;
}

// seastar::coroutine::lambda holds only a pointer to the closure: a temporary
// closure dies with the statement, so the wrapper is safe only when its task
// is awaited in that statement.
seastar::future<> later();
seastar::future<> borrowed_and_stored(std::string s) {
  auto f = seastar::coroutine::lambda([&s]() -> seastar::future<> {
  // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: capturing coroutine lambda is destroyed at the end of this statement with its captures, but the task is stored in 'f' and used later (line [[@LINE+4]])
    co_await later();
    (void)s.c_str();
  })();
  return f;
}
seastar::future<> borrowed_and_awaited(std::string s) {
  co_await seastar::coroutine::lambda([&s]() -> seastar::future<> {
    co_await later();
    (void)s.c_str();
  })();
}
// The wrapper kept in a named local: the closure is gone before the call.
seastar::future<> borrowed_wrapper_local(std::string s) {
  auto w = seastar::coroutine::lambda([&s]() -> seastar::future<> {
    (void)s.c_str();
    co_return;
  });
  co_await w();
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: capturing coroutine lambda held by 'w' was destroyed at the end of the statement that declared 'w' (line [[@LINE-5]]): 'seastar::coroutine::lambda' keeps only a pointer to it
  // CHECK-MESSAGES: :[[@LINE-6]]:39: note: the lambda is a temporary of this statement; declare it as a named local before 'w'
  // CHECK-MESSAGES: :[[@LINE-6]]:11: note: the capture is used here
}
// A capture the body never uses cannot be read from the dead closure.
seastar::future<> borrowed_unused_capture(std::string s) {
  auto w = seastar::coroutine::lambda([&s]() -> seastar::future<> {
    co_await later();
  });
  co_await w();
}
// Made from a named lambda, the wrapper borrows a closure that lives on.
seastar::future<> borrowed_named_lambda(std::string s) {
  auto body = [&s]() -> seastar::future<> {
    co_await later();
    (void)s.c_str();
  };
  auto w = seastar::coroutine::lambda(std::move(body));
  co_await w();
}
