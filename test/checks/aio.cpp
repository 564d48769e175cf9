// The three checks on code written against the real aio headers and the real
// standard library: what the runtime's users write, right and wrong.
// RUN: %check_corolint %s 'coro-*' %t -- --fix-notes -- %aio_flags
// The same with corolint's <corolint/annotations.h> on the include path, which
// aio/config.hpp then takes its annotations from (above: its own spelling).
// RUN: %check_corolint %s 'coro-*' %t -- --fix-notes -- %aio_flags -I %S/../../include

#include <aio/aio.hpp>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>

using namespace std::chrono_literals;

aio::task<std::string> fetch(std::string url) {
  co_await aio::sleep(1ms);
  co_return url;
}
aio::task<void> refresh() {
  co_await fetch("a");
}

aio::task<void> mistakes(aio::mutex &m) {
  std::this_thread::sleep_for(10ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'std::this_thread::sleep_for' in coroutine 'mistakes' stalls every coroutine on this thread [coro-blocking-call]
  // CHECK-FIXES: {{^}}  co_await aio::sleep(10ms);{{$}}
  fetch("b");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'fetch' is never awaited: a lazy task that is dropped never runs [coro-unawaited-task]
  // CHECK-FIXES: {{^}}  co_await fetch("b");{{$}}
  aio::sleep(5ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: awaitable returned by 'aio::sleep' is never awaited: an awaitable does nothing until it is awaited [coro-unawaited-task]
  auto lock = m.lock();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'lock' is never awaited: the lock is not acquired [coro-unawaited-task]
  aio::spawn(refresh());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: coroutine 'refresh' is started detached by 'aio::spawn' and can throw, but nothing receives its exceptions: they are lost [coro-unhandled-exception]
  aio::run(refresh());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'aio::run' in coroutine 'mistakes' may deadlock
  try {
    co_await aio::wait_for(fetch("c"), 1s);
  } catch (...) {
  }
  // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: empty 'catch (...)' in coroutine 'mistakes' swallows every error, including cancellation [coro-unhandled-exception]
  // CHECK-FIXES: {{^}}  } catch (...) {{[{]}}{{$}}
  // CHECK-FIXES-NEXT: {{^}}    throw;{{$}}
}

std::mutex table_mutex;
int table_size;
aio::task<void> shared_table() {
  std::lock_guard<std::mutex> lock(table_mutex);
  ++table_size;
  co_await fetch("d");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::lock_guard<std::mutex>' 'lock' (line [[@LINE-3]]) is held across this co_await: other coroutines needing 'table_mutex' stall, and if the coroutine resumes on another thread the unlock is undefined [coro-lock-across-suspend]
}
// CHECK-FIXES: {{^}}aio::task<void> shared_table() {{[{]$}}
// CHECK-FIXES-NEXT: {{^}}  {{[{]$}}
// CHECK-FIXES-NEXT: {{^}}  std::lock_guard<std::mutex> lock(table_mutex);{{$}}
// CHECK-FIXES-NEXT: {{^}}  ++table_size;{{$}}
// CHECK-FIXES-NEXT: {{^}}  }{{$}}
// CHECK-FIXES-NEXT: {{^}}  co_await fetch("d");{{$}}

// The right way: nothing to report.
aio::task<int> blocking_work() {
  co_return co_await aio::to_thread([] {
    std::this_thread::sleep_for(10ms); // on a worker thread, not the loop
    return 42;
  });
}
aio::task<void> correct(aio::mutex &m) {
  co_await aio::sleep(10ms);
  auto guard = co_await m.lock();
  auto handle = aio::spawn(refresh());
  auto [a, b] = co_await aio::gather(fetch("a"), fetch("b"));
  co_await handle;
  aio::task_group group;
  group.spawn(refresh());
  co_await group.wait();
  try {
    co_await aio::wait_for(fetch("c"), 1s);
  } catch (const aio::timeout_error &) {
    co_return;
  }
  co_await blocking_work();
}

// aio's annotation macros, from <corolint/annotations.h> or spelled by aio:
// AIO_BLOCKING adds a function to the blocking set, AIO_NONBLOCKING exempts
// one (and what it calls) from it.
AIO_BLOCKING void flush_to_disk();
AIO_NONBLOCKING inline void short_pause() { std::this_thread::sleep_for(1ms); }
aio::task<> annotated() {
  flush_to_disk();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'flush_to_disk' in coroutine 'annotated' stalls every coroutine on this thread [coro-blocking-call]
  short_pause();
  co_return;
}

int main() {
  aio::mutex m;
  aio::run(correct(m));
}
