//===--- Locks.h - which code takes a lock --------------------------------===//
//
// Recognising locks, guards and permits. Coarsely (LockShapes): a type the
// profile or an option lists, or one with the shape of a lockable
// (BasicLockable: it has unlock()); a local that holds one for its scope; a
// call that acquires one without a guard. Precisely, for thread locks
// (LockClassifier and the functions after it): guards, async mutexes, and
// the lock, unlock and try-lock calls of std, Boost, Abseil, Qt and POSIX.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_UTILS_LOCKS_H
#define COROLINT_CHECKS_UTILS_LOCKS_H

#include "NameList.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseMap.h"

namespace clang::tidy::coro {

/// Lock, guard and permit recognition by \p LockTypes and by shape.
class LockShapes {
public:
  explicit LockShapes(const NameList &LockTypes) : LockTypes(LockTypes) {}

  /// A lock, guard or permit type (through references and pointers):
  /// listed, or BasicLockable (has unlock()).
  bool isLockType(QualType T) const;
  /// A local that holds a lock or permit for its scope: of a lock type, or
  /// initialised by a call on, or with an argument of, a lock type.
  bool isLockLocal(const VarDecl &VD) const;
  /// m.lock(), co_await m.co_lock(): acquiring a lockable without a guard.
  bool isLockCall(const CXXMemberCallExpr &MC) const;

private:
  const NameList &LockTypes;
};

/// What a class is to the thread-lock analysis.
enum class LockClass { Unknown, Other, ThreadGuard, AsyncMutex };

/// Tells thread-lock guards (listed, \p ThreadGuardTypes, annotated
/// scoped_lockable, or a class whose constructor locks a referenced mutex
/// and whose destructor unlocks it) from async mutexes (listed, or with a
/// *lock* member returning an awaitable). Cached; clear() per translation
/// unit.
class LockClassifier {
public:
  explicit LockClassifier(const NameList &ThreadGuardTypes)
      : ThreadGuardTypes(ThreadGuardTypes) {}
  LockClass classify(const CXXRecordDecl &RD);
  /// Whether \p Object (through a pointer) is an async mutex.
  bool isAsyncMutex(const Expr *Object);
  void clear() { Cache.clear(); }

private:
  const NameList &ThreadGuardTypes;
  llvm::DenseMap<const CXXRecordDecl *, LockClass> Cache;
};

/// The class of \p T, including the pattern of a dependent specialization
/// (std::lock_guard<M> in a template).
const CXXRecordDecl *classOf(QualType T);

/// The type arguments of \p T's specialization: the mutex of a guard.
llvm::SmallVector<QualType, 2> typeArguments(QualType T);

/// The object a member call is made on and the method's simple name, for
/// resolved and dependent calls alike; {null, ""} for other calls.
std::pair<const Expr *, llvm::StringRef> memberCall(const CallExpr &CE);

/// What the profile says a thread-lock member name or function does.
bool isLockMethod(llvm::StringRef Name);
bool isUnlockMethod(llvm::StringRef Name);
bool isTryLockMethod(llvm::StringRef Name);
bool isLockFunction(const FunctionDecl &FD);
bool isUnlockFunction(const FunctionDecl &FD);
/// Whether \p RD has both halves of a lockable (a lock and an unlock member).
bool isLockable(const CXXRecordDecl &RD);

/// The mutex a try-lock call (m.try_lock(), pthread_mutex_trylock(&m))
/// tries, or null.
const Expr *tryLockTarget(const CallExpr &CE);

/// Whether \p CE's result is not something to await: a lock() of a thread
/// mutex returns void (a dependent call is judged by its name alone).
bool returnsPlainValue(const CallExpr &CE);

/// The async mutex to suggest to a coroutine of the runtime whose outermost
/// namespace is \p TaskNamespace, or empty.
llvm::StringRef suggestedAsyncMutex(llvm::StringRef TaskNamespace);

} // namespace clang::tidy::coro

#endif
