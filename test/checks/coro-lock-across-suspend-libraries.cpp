// coro-lock-across-suspend on the shapes of Seastar, Boost.Cobalt and folly:
// their own ways of serialising coroutines (semaphore units, a channel, the
// coro mutexes) are awaited and never reported; a thread lock held at one of
// their suspensions is, with the async lock of that library suggested.
// RUN: %check_corolint %s coro-lock-across-suspend %t -- -- %coro_mock_flags

#include <mutex>
#include "cobalt.h"
#include "seastar.h"
#include "seastar_coroutine.h"
#include "threadlocks.h"

void use(int);

// --- Seastar: semaphore units are the coroutine lock ------------------------

seastar::semaphore limit{1};
seastar::future<int> query();

seastar::future<> units_held() {
  auto units = co_await seastar::get_units(limit, 1);
  use(co_await query());
  co_await seastar::sleep(std::chrono::milliseconds(1));
}

seastar::future<> units_returned_early() {
  auto units = co_await seastar::get_units(limit, 1);
  int v = co_await query();
  units.return_all();
  use(v);
  co_await seastar::sleep(std::chrono::milliseconds(1));
}

seastar::future<> wait_and_signal() {
  co_await limit.wait();
  use(co_await query());
  limit.signal();
}

seastar::future<> with_units() {
  co_await seastar::with_semaphore(limit, 1, [] { return query(); });
  co_await seastar::sleep(std::chrono::milliseconds(1));
}

// A permit taken without waiting is not a thread lock either.
seastar::future<> try_wait_permit() {
  if (limit.try_wait()) {
    use(co_await query());
    limit.signal();
  }
}

std::mutex smu;
seastar::future<> seastar_thread_lock() {
  std::lock_guard<std::mutex> lk(smu);
  use(co_await query());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'std::lock_guard<std::mutex>' 'lk' (line [[@LINE-2]]) is held across this co_await: other coroutines needing 'smu' stall
  // CHECK-MESSAGES: :[[@LINE-3]]:31: note: 'lk' takes the lock here
  // CHECK-MESSAGES: :[[@LINE-3]]:7: note: hold an async mutex such as 'seastar::semaphore' (its lock is awaited) across suspensions, or release the lock before this co_await
}

// --- Boost.Cobalt: a channel of capacity 1 serialises ----------------------

boost::cobalt::channel<void> turn{1};
boost::cobalt::task<int> load();

boost::cobalt::task<void> channel_as_lock() {
  co_await turn.write();
  use(co_await load());
  co_await turn.read();
}

boost::cobalt::channel<int> values{4};
boost::cobalt::task<void> channel_pipeline() {
  for (int i = 0; i < 3; ++i)
    co_await values.write(co_await load());
  use(co_await values.read());
}

std::mutex cmu;
boost::cobalt::task<void> cobalt_thread_lock() {
  std::unique_lock<std::mutex> lk(cmu);
  co_await values.write(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::unique_lock<std::mutex>' 'lk' (line [[@LINE-2]]) is held across this co_await: other coroutines needing 'cmu' stall
  // CHECK-MESSAGES: :[[@LINE-3]]:32: note: 'lk' takes the lock here
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: hold an async mutex (its lock is awaited) across suspensions, or release the lock before this co_await
}

// --- folly: SharedMutex is a thread lock; coro::SharedMutex is not -----------
// Current folly has no SharedMutex::WriteHolder/ReadHolder: the guards are the
// standard ones.

folly::SharedMutex fsm;
folly::coro::SharedMutex csm;
folly::coro::Task<int> read_row();

folly::coro::Task<void> shared_mutex_writer() {
  std::unique_lock<folly::SharedMutex> wlock(fsm);
  use(co_await read_row());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'std::unique_lock<folly::SharedMutex>' 'wlock' (line [[@LINE-2]]) is held across this co_await: other coroutines needing 'fsm' stall
  // CHECK-MESSAGES: :[[@LINE-3]]:40: note: 'wlock' takes the lock here
  // CHECK-MESSAGES: :[[@LINE-3]]:7: note: hold an async mutex such as 'folly::coro::Mutex' (its lock is awaited) across suspensions, or release the lock before this co_await
}

folly::coro::Task<void> shared_mutex_reader() {
  std::shared_lock<folly::SharedMutex> rlock(fsm);
  int v = co_await read_row();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'std::shared_lock<folly::SharedMutex>' 'rlock' (line [[@LINE-2]]) is held across this co_await: other coroutines needing 'fsm' stall
  // CHECK-MESSAGES: :[[@LINE-3]]:40: note: 'rlock' takes the lock here
  // CHECK-MESSAGES: :[[@LINE-3]]:11: note: hold an async mutex such as 'folly::coro::Mutex'
  use(v);
}

folly::coro::Task<void> shared_mutex_explicit() {
  fsm.lock_shared();
  use(co_await read_row());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'fsm' (locked on line [[@LINE-2]]) is held across this co_await
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'fsm' is locked here
  // CHECK-MESSAGES: :[[@LINE-3]]:7: note: hold an async mutex such as 'folly::coro::Mutex'
  fsm.unlock_shared();
}

// Narrowed: the shared lock ends before the await.
folly::coro::Task<void> shared_mutex_narrowed() {
  int cached;
  {
    std::shared_lock<folly::SharedMutex> rlock(fsm);
    cached = 1;
  }
  use(cached + co_await read_row());
}

folly::coro::Task<void> coro_shared_mutex() {
  auto wlock = co_await csm.co_scoped_lock();
  use(co_await read_row());
  {
    auto rlock = co_await csm.co_scoped_lock_shared();
    use(co_await read_row());
  }
}

folly::coro::Task<void> coro_shared_mutex_try() {
  if (csm.try_lock_shared()) {
    std::shared_lock<folly::coro::SharedMutex> rlock(csm, std::adopt_lock);
    use(co_await read_row());
  }
}
