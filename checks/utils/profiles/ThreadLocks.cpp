//===--- ThreadLocks.cpp - the thread-locks profile -----------------------===//
//
// Thread locks of the standard library, POSIX, Boost, Abseil, folly and Qt:
// the guards, lock functions and lock methods coro-lock-across-suspend
// follows (a project's own guards are recognised by structure, or named in
// ThreadGuardTypes). Always active: a thread lock can appear in any code.
//
//===----------------------------------------------------------------------===//

#include "Builtin.h"

namespace clang::tidy::coro::profiles {
namespace {

using K = EntryKind;
constexpr ProfileEntry Entries[] = {
    // the standard library
    {K::ThreadGuardType, "::std::lock_guard"},
    {K::ThreadGuardType, "::std::unique_lock"},
    {K::ThreadGuardType, "::std::scoped_lock"},
    {K::ThreadGuardType, "::std::shared_lock"},
    {K::ThreadLockFunction, "::std::lock"},
    {K::LockMethod, "lock"},
    {K::LockMethod, "lock_shared"},
    {K::UnlockMethod, "unlock"},
    {K::UnlockMethod, "unlock_shared"},
    {K::TryLockMethod, "try_lock"},
    {K::TryLockMethod, "try_lock_shared"},
    {K::TryLockMethod, "try_lock_for"},
    {K::TryLockMethod, "try_lock_until"},
    {K::TryLockMethod, "try_lock_shared_for"},
    {K::TryLockMethod, "try_lock_shared_until"},
    // Boost.Thread and Boost.Interprocess
    {K::ThreadGuardType, "::boost::lock_guard"},
    {K::ThreadGuardType, "::boost::unique_lock"},
    {K::ThreadGuardType, "::boost::shared_lock"},
    {K::ThreadGuardType, "::boost::upgrade_lock"},
    {K::ThreadGuardType, "::boost::interprocess::scoped_lock"},
    {K::ThreadGuardType, "::boost::interprocess::sharable_lock"},
    {K::LockMethod, "lock_upgrade"},
    {K::UnlockMethod, "unlock_upgrade"},
    // Abseil
    {K::ThreadGuardType, "::absl::MutexLock"},
    {K::ThreadGuardType, "::absl::ReaderMutexLock"},
    {K::ThreadGuardType, "::absl::WriterMutexLock"},
    {K::ThreadGuardType, "::absl::ReleasableMutexLock"},
    {K::LockMethod, "Lock"},
    {K::LockMethod, "ReaderLock"},
    {K::LockMethod, "WriterLock"},
    {K::UnlockMethod, "Unlock"},
    {K::UnlockMethod, "ReaderUnlock"},
    {K::UnlockMethod, "WriterUnlock"},
    {K::TryLockMethod, "TryLock"},
    {K::TryLockMethod, "ReaderTryLock"},
    {K::TryLockMethod, "WriterTryLock"},
    // folly (Synchronized, SharedMutex)
    {K::ThreadGuardType, "::folly::LockedPtr"},
    {K::ThreadGuardType, "::folly::SharedMutexImpl::ReadHolder"},
    {K::ThreadGuardType, "::folly::SharedMutexImpl::WriteHolder"},
    {K::ThreadGuardType, "::folly::SharedMutexImpl::UpgradeHolder"},
    // Qt
    {K::ThreadGuardType, "::QMutexLocker"},
    {K::ThreadGuardType, "::QReadLocker"},
    {K::ThreadGuardType, "::QWriteLocker"},
    {K::LockMethod, "lockForRead"},
    {K::LockMethod, "lockForWrite"},
    {K::TryLockMethod, "tryLock"},
    // POSIX threads
    {K::ThreadLockFunction, "::pthread_mutex_lock"},
    {K::ThreadLockFunction, "::pthread_rwlock_rdlock"},
    {K::ThreadLockFunction, "::pthread_rwlock_wrlock"},
    {K::ThreadLockFunction, "::pthread_spin_lock"},
    {K::ThreadUnlockFunction, "::pthread_mutex_unlock"},
    {K::ThreadUnlockFunction, "::pthread_rwlock_unlock"},
    {K::ThreadUnlockFunction, "::pthread_spin_unlock"},
    {K::ThreadTryLockFunction, "::pthread_mutex_trylock"},
    {K::ThreadTryLockFunction, "::pthread_rwlock_tryrdlock"},
    {K::ThreadTryLockFunction, "::pthread_rwlock_trywrlock"},
    {K::ThreadTryLockFunction, "::pthread_spin_trylock"},
};

} // namespace

const LibraryProfile &threadLocks() {
  static const LibraryProfile P{"thread-locks",
                                "thread locks: std, POSIX, Boost, Abseil, folly, Qt",
                                "docs/profiles.md",
                                {},
                                {},
                                {},
                                Entries};
  return P;
}

} // namespace clang::tidy::coro::profiles
