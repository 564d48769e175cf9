//===--- Locks.h - which code takes a lock --------------------------------===//
//
// Recognising locks, guards and permits: a type the profile or an option
// lists, or one with the shape of a lockable (BasicLockable: it has
// unlock()); a local that holds one for its scope; a call that acquires one
// without a guard.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_UTILS_LOCKS_H
#define COROLINT_CHECKS_UTILS_LOCKS_H

#include "NameList.h"
#include "clang/AST/ExprCXX.h"

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

} // namespace clang::tidy::coro

#endif
