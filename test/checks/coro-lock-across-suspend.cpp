// RUN: %check_corolint %s coro-lock-across-suspend %t -- -- %coro_mock_flags
// Thread locks held at a suspension point, per guard kind and per position of
// the co_await; then everything that must stay quiet.

#include <mutex>
#include "cppcoro.h"
#include "threadlocks.h"

cppcoro::task<int> fetch();
cppcoro::task<bool> ready();
void use(int);
void work();
int combine(int, int);

std::mutex mu;
std::shared_mutex smu;
std::condition_variable cv;

// --- each guard kind, each position of the suspension -----------------------

cppcoro::task<> in_initialiser() {
  std::lock_guard<std::mutex> lk(mu);
  int v = co_await fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'std::lock_guard<std::mutex>' 'lk' (line [[@LINE-2]]) is held across this co_await: other coroutines needing 'mu' stall, and if the coroutine resumes on another thread the unlock is undefined [coro-lock-across-suspend]
  use(v);
}

cppcoro::task<> in_condition() {
  std::unique_lock<std::mutex> lk(mu);
  if (co_await ready())
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'std::unique_lock<std::mutex>' 'lk' (line [[@LINE-2]]) is held across this co_await
    work();
}

cppcoro::task<> in_argument(std::mutex &a, std::mutex &b) {
  std::scoped_lock lk(a, b);
  use(combine(1, co_await fetch()));
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'std::scoped_lock<std::mutex, std::mutex>' 'lk' (line [[@LINE-2]]) is held across this co_await: other coroutines needing 'a' stall
}

cppcoro::task<int> in_return() {
  std::shared_lock<std::shared_mutex> lk(smu);
  co_return co_await fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'std::shared_lock<std::shared_mutex>' 'lk' (line [[@LINE-2]]) is held across this co_await: other coroutines needing 'smu' stall
}

cppcoro::task<> statement() {
  std::lock_guard lk(mu); // deduced
  co_await fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::lock_guard<std::mutex>' 'lk' (line [[@LINE-2]]) is held across this co_await
}

// co_yield suspends too.
struct generator {
  struct promise_type {
    generator get_return_object();
    std::suspend_always initial_suspend() noexcept;
    std::suspend_always final_suspend() noexcept;
    std::suspend_always yield_value(int);
    void return_void();
    void unhandled_exception();
  };
};
generator yields() {
  std::lock_guard<std::mutex> lk(mu);
  co_yield 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::lock_guard<std::mutex>' 'lk' (line [[@LINE-2]]) is held across this co_yield
}

// `for co_await` (the Coroutines TS form clang still accepts, deprecated):
// the loop awaits begin() and each ++.
struct async_stream {
  struct iterator {
    int operator*() const;
    bool operator!=(const iterator &) const;
    cppcoro::task<iterator &> operator++();
  };
  cppcoro::task<iterator> begin();
  iterator end();
};
#pragma clang diagnostic ignored "-Wdeprecated-coroutine"
cppcoro::task<> for_co_await(async_stream &s) {
  std::lock_guard<std::mutex> lk(mu);
  for co_await (int v : s)
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'std::lock_guard<std::mutex>' 'lk' (line [[@LINE-2]]) is held across this co_await
    use(v);
}

cppcoro::task<> for_co_await_unlocked(async_stream &s) {
  std::unique_lock<std::mutex> lk(mu);
  work();
  lk.unlock();
  for co_await (int v : s)
    use(v);
}

// One warning per lock: later suspensions are notes.
cppcoro::task<> twice() {
  std::lock_guard<std::mutex> lk(mu);
  co_await fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::lock_guard<std::mutex>' 'lk'
  co_await fetch();
}

// Other libraries' guards.
boost::mutex bmu;
absl::Mutex amu;
folly::Synchronized<int> sync;
QMutex qmu;

cppcoro::task<> boost_guard() {
  boost::lock_guard<boost::mutex> lk(bmu);
  co_await fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::lock_guard<boost::mutex>' 'lk' (line [[@LINE-2]]) is held across this co_await: other coroutines needing 'bmu' stall
}

cppcoro::task<> absl_guard() {
  absl::MutexLock lk(&amu);
  co_await fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'absl::MutexLock' 'lk' (line [[@LINE-2]]) is held across this co_await: other coroutines needing 'amu' stall
}

cppcoro::task<> folly_locked_ptr() {
  auto locked = sync.wlock();
  *locked += co_await fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'folly::LockedPtr<int>' 'locked' (line [[@LINE-2]]) is held across this co_await: other coroutines needing 'sync' stall
}

cppcoro::task<> qt_guard() {
  QMutexLocker locker(&qmu);
  co_await fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'QMutexLocker' 'locker' (line [[@LINE-2]]) is held across this co_await: other coroutines needing 'qmu' stall
}

// A guard recognised by its shape: the constructor locks a referenced
// mutex, the destructor unlocks it.
class SpinGuard {
public:
  explicit SpinGuard(folly::SpinLock &l) : l_(l) { l_.lock(); }
  ~SpinGuard() { l_.unlock(); }

private:
  folly::SpinLock &l_;
};
folly::SpinLock spin;

cppcoro::task<> user_guard() {
  SpinGuard g(spin);
  co_await fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'SpinGuard' 'g' (line [[@LINE-2]]) is held across this co_await: other coroutines needing 'spin' stall
}

// --- explicit lock() and pthread ---------------------------------------------

cppcoro::task<> explicit_lock() {
  mu.lock();
  co_await fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'mu' (locked on line [[@LINE-2]]) is held across this co_await: other coroutines needing it stall, and if the coroutine resumes on another thread the unlock is undefined
  mu.unlock();
}

cppcoro::task<> explicit_shared() {
  smu.lock_shared();
  co_await fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'smu' (locked on line [[@LINE-2]]) is held across this co_await
  smu.unlock_shared();
}

pthread_mutex_t pmu;
pthread_rwlock_t rw;
cppcoro::task<> posix() {
  pthread_mutex_lock(&pmu);
  co_await fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pmu' (locked on line [[@LINE-2]]) is held across this co_await
  pthread_mutex_unlock(&pmu);
  pthread_rwlock_wrlock(&rw);
  co_await fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'rw' (locked on line [[@LINE-2]]) is held across this co_await
  pthread_rwlock_unlock(&rw);
}

cppcoro::task<> spinlock_member() {
  spin.lock();
  co_await fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'spin' (locked on line [[@LINE-2]]) is held across this co_await
  spin.unlock();
}

struct Service {
  std::mutex m_;
  absl::Mutex am_;
  cppcoro::task<> member() {
    m_.lock();
    co_await fetch();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'm_' (locked on line [[@LINE-2]]) is held across this co_await
    m_.unlock();
  }
  cppcoro::task<> absl_style() {
    am_.Lock();
    co_await fetch();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'am_' (locked on line [[@LINE-2]]) is held across this co_await
    am_.Unlock();
  }
  cppcoro::task<> unlocked_first() {
    m_.lock();
    work();
    m_.unlock();
    co_await fetch();
  }
};

// A deferred lock taken later; a relock after unlock.
cppcoro::task<> deferred() {
  std::unique_lock<std::mutex> lk(mu, std::defer_lock);
  co_await fetch(); // not yet locked
  lk.lock();
  co_await fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::unique_lock<std::mutex>' 'lk' (line [[@LINE-4]]) is held across this co_await
}

// Waiting on a condition variable keeps the lock.
cppcoro::task<> after_wait() {
  std::unique_lock<std::mutex> lk(mu);
  cv.wait(lk);
  co_await fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::unique_lock<std::mutex>' 'lk' (line [[@LINE-3]])
}

// Adopted and multi-locked mutexes.
cppcoro::task<> adopted(std::mutex &a, std::mutex &b) {
  std::lock(a, b);
  std::lock_guard<std::mutex> la(a, std::adopt_lock);
  std::lock_guard<std::mutex> lb(b, std::adopt_lock);
  co_await fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::lock_guard<std::mutex>' 'la' (line [[@LINE-3]]) is held across this co_await
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: 'std::lock_guard<std::mutex>' 'lb' (line [[@LINE-3]]) is held across this co_await
}

// release() ends the guard's ownership but not the lock.
cppcoro::task<> released_not_unlocked() {
  std::unique_lock<std::mutex> lk(mu);
  std::mutex *m = lk.release();
  co_await fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'mu' (locked on line [[@LINE-3]]) is held across this co_await
  m->unlock();
}

// --- released before the suspension ------------------------------------------

cppcoro::task<> unlocked() {
  std::unique_lock<std::mutex> lk(mu);
  work();
  lk.unlock();
  co_await fetch();
}

cppcoro::task<> released_then_unlocked() {
  std::unique_lock<std::mutex> lk(mu);
  lk.release()->unlock();
  co_await fetch();
}

void consume(std::unique_lock<std::mutex>);
cppcoro::task<> moved_away() {
  std::unique_lock<std::mutex> lk(mu);
  consume(std::move(lk));
  co_await fetch();
}

cppcoro::task<> moved_into_inner_scope() {
  std::unique_lock<std::mutex> lk(mu);
  {
    std::unique_lock<std::mutex> inner(std::move(lk));
    work();
  }
  co_await fetch();
}

cppcoro::task<> moved_and_held() {
  std::unique_lock<std::mutex> lk(mu);
  auto other = std::move(lk);
  co_await fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::unique_lock<std::mutex>' 'other' (line [[@LINE-2]]) is held across this co_await
}

cppcoro::task<> inner_scope() {
  {
    std::lock_guard<std::mutex> lk(mu);
    work();
  }
  co_await fetch();
}

cppcoro::task<> never_locked() {
  std::unique_lock<std::mutex> lk(mu, std::defer_lock);
  co_await fetch();
  std::unique_lock<std::mutex> empty;
  co_await fetch();
}

// An awaiter handed the lock releases it when it suspends, the way a
// condition variable does.
struct unlock_on_suspend {
  explicit unlock_on_suspend(std::unique_lock<std::mutex> &lk);
  bool await_ready() noexcept;
  void await_suspend(std::coroutine_handle<>);
  void await_resume();
};
struct release_on_suspend {
  explicit release_on_suspend(std::mutex &m);
  bool await_ready() noexcept;
  void await_suspend(std::coroutine_handle<>);
  void await_resume();
};
cppcoro::task<> guard_handed_to_awaiter() {
  std::unique_lock<std::mutex> lk(mu);
  co_await unlock_on_suspend(lk);
}
cppcoro::task<> mutex_handed_to_awaiter() {
  mu.lock();
  co_await release_on_suspend(mu);
}

// --- branches: one path unlocks, the other is reported (the path is named
// in a note: coro-lock-across-suspend-notes.cpp) ---------------------------

cppcoro::task<> one_branch_unlocks(bool fast) {
  std::unique_lock<std::mutex> lk(mu);
  if (fast)
    lk.unlock();
  co_await fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::unique_lock<std::mutex>' 'lk' (line [[@LINE-4]]) is held across this co_await
}

cppcoro::task<> both_branches_unlock(bool fast) {
  std::unique_lock<std::mutex> lk(mu);
  if (fast) {
    lk.unlock();
    work();
  } else {
    work();
    lk.unlock();
  }
  co_await fetch();
}

cppcoro::task<> early_return(bool stop) {
  std::lock_guard<std::mutex> lk(mu);
  if (stop)
    co_return; // the lock is held only up to co_return
  work();
}

// --- loops ---------------------------------------------------------------------

// A lock taken at the end of one iteration and held at the next one's
// co_await: coro-lock-across-suspend-notes.cpp.

cppcoro::task<> released_each_iteration(int n) {
  for (int i = 0; i < n; ++i) {
    {
      std::lock_guard<std::mutex> lk(mu);
      work();
    }
    co_await fetch();
  }
}

cppcoro::task<> guard_per_iteration(int n) {
  for (int i = 0; i < n; ++i) {
    std::lock_guard<std::mutex> lk(mu);
    co_await fetch();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::lock_guard<std::mutex>' 'lk' (line [[@LINE-2]]) is held across this co_await
  }
}

// --- try_lock ------------------------------------------------------------------

cppcoro::task<> try_lock_failed() {
  if (!mu.try_lock()) {
    co_await fetch(); // not locked on this path
    co_return;
  }
  work();
  mu.unlock();
}

cppcoro::task<> try_lock_succeeded() {
  if (mu.try_lock()) {
    co_await fetch();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'mu' (locked on line [[@LINE-2]]) is held across this co_await
    mu.unlock();
  }
}

cppcoro::task<> try_lock_spin() {
  while (!mu.try_lock())
    co_await fetch(); // retry later: nothing held
  work();
  mu.unlock();
}

cppcoro::task<> try_to_lock_guard() {
  std::unique_lock<std::mutex> lk(mu, std::try_to_lock);
  if (!lk) {
    co_await fetch(); // failed: nothing held
    co_return;
  }
  work();
}

cppcoro::task<> try_to_lock_owns() {
  std::unique_lock<std::mutex> lk(mu, std::try_to_lock);
  if (!lk.owns_lock())
    co_await fetch();
}

cppcoro::task<> posix_trylock() {
  if (pthread_mutex_trylock(&pmu) != 0) {
    co_await fetch();
    co_return;
  }
  pthread_mutex_unlock(&pmu);
}

// --- async locks: their lock is awaited ------------------------------------------

cppcoro::async_mutex amutex;
cppcoro::task<> cppcoro_mutex() {
  co_await amutex.lock_async();
  co_await fetch();
  amutex.unlock();
}

coro::mutex cmutex;
cppcoro::task<> libcoro_mutex() {
  auto lk = co_await cmutex.lock();
  co_await fetch();
}

folly::coro::Mutex fmutex;
cppcoro::task<> folly_mutex() {
  co_await fmutex.co_lock();
  std::unique_lock<folly::coro::Mutex> lk(fmutex, std::adopt_lock);
  co_await fetch();
}

cppcoro::task<> folly_scoped() {
  std::unique_lock<folly::coro::Mutex> lk = co_await fmutex.co_scoped_lock();
  co_await fetch();
}

cppcoro::task<> folly_try_lock() {
  if (fmutex.try_lock()) {
    co_await fetch(); // an async mutex: holding it across a suspension is fine
    fmutex.unlock();
  }
}

async_simple::coro::Mutex asmutex;
cppcoro::task<> async_simple_mutex() {
  co_await asmutex.coLock();
  co_await fetch();
  asmutex.unlock();
}

// --- other contexts --------------------------------------------------------------

// A lambda's body is its own context, coroutine or not.
cppcoro::task<> outer_lock_inner_await() {
  std::lock_guard<std::mutex> lk(mu);
  auto inner = []() -> cppcoro::task<> { co_await fetch(); };
  work();
}

cppcoro::task<> outer_await_inner_lock() {
  auto inner = []() -> cppcoro::task<> {
    std::lock_guard<std::mutex> lk(mu);
    co_await fetch();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::lock_guard<std::mutex>' 'lk' (line [[@LINE-2]]) is held across this co_await
  };
  co_await inner();
}

cppcoro::task<> lock_in_plain_lambda() {
  auto critical = [] {
    std::lock_guard<std::mutex> lk(mu);
    work();
  };
  critical();
  co_await fetch();
}

void not_a_coroutine() {
  std::lock_guard<std::mutex> lk(mu);
  work();
}

// Templates: analysed once, as written.
template <class M> cppcoro::task<> generic(M &m) {
  std::lock_guard<M> lk(m);
  co_await fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::lock_guard<M>' 'lk' (line [[@LINE-2]]) is held across this co_await: other coroutines needing 'm' stall
}
template <class M> cppcoro::task<> generic_explicit(M &m) {
  m.lock();
  co_await fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'm' (locked on line [[@LINE-2]]) is held across this co_await
  m.unlock();
}
template <class T> struct Holder {
  std::mutex m;
  cppcoro::task<T> get() {
    std::lock_guard<std::mutex> lk(m);
    co_return co_await fetch();
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'std::lock_guard<std::mutex>' 'lk' (line [[@LINE-2]]) is held across this co_await
  }
};
cppcoro::task<> instantiate() {
  co_await generic(mu);
  co_await generic(smu);
  co_await generic_explicit(mu);
  Holder<int> h;
  co_await h.get();
  Holder<long> h2;
  co_await h2.get();
}

// Macros and NOLINT.
#define LOCKED(m) std::lock_guard<std::mutex> guard_##m(m)
cppcoro::task<> in_macro() {
  LOCKED(mu);
  co_await fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::lock_guard<std::mutex>' 'guard_mu' (line [[@LINE-2]]) is held across this co_await
}

cppcoro::task<> suppressed() {
  std::lock_guard<std::mutex> lk(mu);
  co_await fetch(); // NOLINT(coro-lock-across-suspend)
}
