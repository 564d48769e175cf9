// RUN: %check_corolint %s coro-blocking-call %t -- -- %coro_mock_flags

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <iostream>
#include <mutex>
#include <semaphore>
#include <string>
#include <thread>
#include "asio.h"
#include "cppcoro.h"
#include "folly.h"
#include "libcoro.h"

using namespace std::chrono_literals;

// Sleeping, waiting and joining in a cppcoro coroutine.
cppcoro::task<int> refresh(std::future<int> &f, std::condition_variable &cv,
                           std::mutex &m, std::thread &t) {
  std::this_thread::sleep_for(10ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'std::this_thread::sleep_for' in coroutine 'refresh' stalls every coroutine on this thread [coro-blocking-call]
  int v = f.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: blocking call to 'std::future::get' in coroutine 'refresh'
  std::unique_lock<std::mutex> lock(m);
  cv.wait(lock);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'std::condition_variable::wait'
  t.join();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'std::thread::join'
  ::sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'sleep' in coroutine 'refresh'
  co_return v;
}

// A short std::mutex critical section is accepted practice: not flagged.
cppcoro::task<> counter(std::mutex &m, int &n) {
  {
    std::lock_guard<std::mutex> g(m);
    ++n;
  }
  m.lock();
  m.unlock();
  co_return;
}

// try_* never blocks.
cppcoro::task<> tries(std::mutex &m, std::binary_semaphore &s) {
  if (m.try_lock())
    m.unlock();
  if (s.try_acquire())
    s.release();
  s.acquire();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'std::counting_semaphore::acquire'
  co_return;
}

// Blocking I/O and processes in a folly coroutine.
folly::coro::Task<> io(int fd, char *buf) {
  ::read(fd, buf, 10);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'read' in coroutine 'io'
  std::system("ls");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'std::system'
  int x;
  std::cin >> x;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'operator>> on std::cin'
  std::string line;
  std::getline(std::cin, line);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'std::getline on std::cin'
  // A single metadata query is not reported by default (FilesystemMetadata).
  if (std::filesystem::exists("/tmp"))
    co_return;
  std::filesystem::path p("/tmp");
  (void)p.filename();
  co_return;
}

// Runtimes' blocking bridges: deadlock, not just a stall.
cppcoro::task<int> answer();
cppcoro::task<int> bridges(asio::io_context &ctx) {
  int a = cppcoro::sync_wait(answer());
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: blocking call to 'cppcoro::sync_wait' in coroutine 'bridges' may deadlock: 'cppcoro::sync_wait' waits for work that needs this thread
  int b = folly::coro::blockingWait(answer());
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: blocking call to 'folly::coro::blockingWait' in coroutine 'bridges' may deadlock
  ctx.run();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'asio::io_context::run' in coroutine 'bridges' may deadlock
  int c = coro::sync_wait(answer());
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: blocking call to 'coro::sync_wait' in coroutine 'bridges' may deadlock
  co_return a + b + c;
}

// Outside coroutines the same calls are right: main runs the loop.
int main() {
  std::this_thread::sleep_for(10ms);
  return cppcoro::sync_wait(answer());
}

// Namesakes in other namespaces are not the blocking functions.
namespace my {
void sleep(int);
struct future { int get(); };
} // namespace my
cppcoro::task<> namesakes(my::future f) {
  my::sleep(1);
  (void)f.get();
  co_return;
}

// A non-coroutine lambda is its own context: it runs elsewhere.
cppcoro::task<> offloaded(cppcoro::static_thread_pool &pool) {
  std::thread worker([] { std::this_thread::sleep_for(1s); });
  worker.detach();
  auto later = [] { ::sleep(1); };
  asio::io_context ctx;
  asio::post(ctx, [] { ::sleep(1); });
  co_await pool.schedule();
  co_return;
}

// A coroutine lambda is a coroutine; the enclosing function is not.
void spawner() {
  auto job = []() -> cppcoro::task<> {
    std::this_thread::sleep_for(1s);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: blocking call to 'std::this_thread::sleep_for' in coroutine lambda stalls every coroutine on this thread
    co_return;
  };
  (void)job;
}

// Templates: reported once, at the pattern's location.
template <class Future>
cppcoro::task<int> await_future(Future &f) {
  co_return f.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: blocking call to 'std::future::get' in coroutine 'await_future'
}
template cppcoro::task<int> await_future(std::future<int> &);
template cppcoro::task<int> await_future(my::future &);

// Macros: reported at the expansion.
#define NAP() std::this_thread::sleep_for(1ms)
cppcoro::task<> macro_user() {
  NAP();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'std::this_thread::sleep_for'
  co_return;
}

// Methods are named with their class.
struct Session {
  asio::awaitable<void> run(std::future<void> &done) {
    done.wait();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: blocking call to 'std::future::wait' in coroutine 'Session::run'
    co_return;
  }
};

// The annotation marks any library's function as blocking, or not.
[[clang::annotate("corolint::blocking")]] void flush_to_disk();
[[clang::annotate("corolint::nonblocking")]] long read_nonblocking(int fd) {
  char b;
  return ::read(fd, &b, 1);
}
coro::task<> annotated(int fd) {
  flush_to_disk();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'flush_to_disk' in coroutine 'annotated'
  read_nonblocking(fd);
  co_return;
}

// NOLINT works as in clang-tidy.
coro::task<> suppressed() {
  ::sleep(1); // NOLINT(coro-blocking-call)
  co_return;
}
