// Thread locks and async mutexes of several libraries, shaped like the real
// ones (names, the members the checks read), for coro-lock-across-suspend.
#pragma once
#include "async_simple.h"
#include "folly.h"
#include "mock_task.h"
#include <mutex>

extern "C" {
struct pthread_mutex_t { int opaque; };
struct pthread_rwlock_t { int opaque; };
int pthread_mutex_lock(pthread_mutex_t *);
int pthread_mutex_trylock(pthread_mutex_t *);
int pthread_mutex_unlock(pthread_mutex_t *);
int pthread_rwlock_rdlock(pthread_rwlock_t *);
int pthread_rwlock_wrlock(pthread_rwlock_t *);
int pthread_rwlock_unlock(pthread_rwlock_t *);
}

namespace boost {
class mutex { public: void lock(); bool try_lock(); void unlock(); };
template <class M> class lock_guard { public: explicit lock_guard(M &); ~lock_guard(); };
template <class M> class unique_lock {
public:
  explicit unique_lock(M &); ~unique_lock(); void lock(); void unlock();
};
} // namespace boost

namespace absl {
class Mutex {
public:
  void Lock(); void Unlock(); bool TryLock();
  void ReaderLock(); void ReaderUnlock();
};
class MutexLock { public: explicit MutexLock(Mutex *); ~MutexLock(); };
class ReaderMutexLock { public: explicit ReaderMutexLock(Mutex *); ~ReaderMutexLock(); };
class ReleasableMutexLock {
public:
  explicit ReleasableMutexLock(Mutex *); ~ReleasableMutexLock(); void Release();
};
} // namespace absl

namespace folly {
class SharedMutex {
public:
  void lock(); void unlock(); void lock_shared(); void unlock_shared();
};
template <class T> class LockedPtr {
public:
  LockedPtr(LockedPtr &&) noexcept; ~LockedPtr();
  T *operator->() const; T &operator*() const; void unlock();
};
template <class T, class M = SharedMutex> class Synchronized {
public:
  LockedPtr<T> wlock(); LockedPtr<const T> rlock() const;
};
class SpinLock { public: void lock() const; bool try_lock() const; void unlock() const; };
namespace coro {
class Mutex {
public:
  struct LockOperation {
    bool await_ready() noexcept; void await_suspend(std::coroutine_handle<>); void await_resume();
  };
  LockOperation co_lock();
  Task<std::unique_lock<Mutex>> co_scoped_lock();
  bool try_lock(); void unlock();
};
class SharedMutex {
public:
  Task<std::unique_lock<SharedMutex>> co_scoped_lock();
  Task<std::shared_lock<SharedMutex>> co_scoped_lock_shared();
  bool try_lock(); void unlock(); bool try_lock_shared(); void unlock_shared();
};
} // namespace coro
} // namespace folly

class QMutex { public: void lock(); bool tryLock(); void unlock(); };
class QMutexLocker { public: explicit QMutexLocker(QMutex *); ~QMutexLocker(); void unlock(); void relock(); };

namespace coro { // libcoro
class scoped_lock { public: ~scoped_lock(); void unlock(); };
class mutex {
public:
  struct lock_operation {
    bool await_ready() noexcept; void await_suspend(std::coroutine_handle<>); scoped_lock await_resume();
  };
  lock_operation lock();
  bool try_lock(); void unlock();
};
} // namespace coro

namespace async_simple::coro {
class Mutex {
public:
  Lazy<void> coLock(); bool tryLock(); void unlock();
};
} // namespace async_simple::coro
