// coro-lock-across-suspend on code written against the real aio headers: an
// aio::mutex guard and semaphore permits are async locks (never reported); a
// std::mutex held across an aio await is, and the note names aio::mutex.
// RUN: %check_corolint %s coro-lock-across-suspend %t -- -- %aio_flags

#include <aio/aio.hpp>
#include <chrono>
#include <map>
#include <mutex>
#include <string>

using namespace std::chrono_literals;

aio::task<int> fetch(std::string key) { co_return static_cast<int>(key.size()); }

aio::mutex amu;
aio::semaphore permits{4};
std::mutex tmu;
std::map<std::string, int> table;

// The guard comes out of an await: the lock is asynchronous.
aio::task<void> async_guard(std::string key) {
  auto g = co_await amu.lock();
  int v = co_await fetch(key);
  co_await aio::sleep(1ms);
  table[key] = v;
}

// A guard moved out of the await into a named guard later on.
aio::task<void> async_guard_assigned(std::string key) {
  aio::mutex::guard g = co_await amu.lock();
  table[key] = co_await fetch(key);
  g.unlock();
  co_await aio::sleep(1ms);
}

// Semaphore permits taken and given back around awaits.
aio::task<void> permits_held(std::string key) {
  co_await permits.acquire();
  int v = co_await fetch(key);
  permits.release();
  table[key] = v;
}

// The thread lock is the finding; the suggestion is aio's own mutex.
aio::task<void> thread_lock(std::string key) {
  std::lock_guard<std::mutex> lk(tmu);
  table[key] = co_await fetch(key);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'std::lock_guard<std::mutex>' 'lk' (line [[@LINE-2]]) is held across this co_await: other coroutines needing 'tmu' stall, and if the coroutine resumes on another thread the unlock is undefined [coro-lock-across-suspend]
  // CHECK-MESSAGES: :[[@LINE-3]]:31: note: 'lk' takes the lock here
  // CHECK-MESSAGES: :[[@LINE-3]]:16: note: hold an async mutex such as 'aio::mutex' (its lock is awaited) across suspensions, or release the lock before this co_await
}

// A thread lock released before the await, then the async one: quiet.
aio::task<void> narrowed(std::string key) {
  int cached;
  {
    std::lock_guard<std::mutex> lk(tmu);
    cached = table[key];
  }
  auto g = co_await amu.lock();
  table[key] = cached + co_await fetch(key);
}

int main() {
  aio::run(async_guard("a"));
  aio::run(async_guard_assigned("b"));
  aio::run(permits_held("c"));
  aio::run(narrowed("d"));
}
