//===--- Awaitables.h - is this type a task? an awaitable? ----------------===//
//
// Recognition by structure, for any coroutine library: a type is awaitable
// when co_await on it would be valid (operator co_await, or the three
// await_* members); a task when it is awaitable and a coroutine can return it
// (it has a promise_type). The promise's initial_suspend tells lazy from
// eager. Options add what structure cannot see.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_UTILS_AWAITABLES_H
#define COROLINT_CHECKS_UTILS_AWAITABLES_H

#include "NameList.h"
#include "clang/AST/Type.h"

namespace clang {
class CXXRecordDecl;
namespace tidy::coro {

enum class StartPolicy {
  /// Not a task: an awaitable (timer wait, lock acquisition) that does
  /// nothing until awaited.
  NotATask,
  /// Runs only when awaited or started.
  Lazy,
  /// Already running: dropping it detaches it, losing result and errors.
  Eager,
  /// Already running, and dropping it cancels it.
  EagerAttached,
  /// A task whose promise does not say.
  Unknown,
};

struct AwaitableKind {
  bool Awaitable = false;
  StartPolicy Policy = StartPolicy::NotATask;
  explicit operator bool() const { return Awaitable; }
};

class AwaitableClassifier {
public:
  AwaitableClassifier(llvm::StringRef TaskTypes, llvm::StringRef AwaitableTypes,
                      llvm::StringRef EagerTypes,
                      llvm::StringRef EagerAttachedTypes);
  AwaitableKind classify(QualType T) const;

private:
  NameList Tasks, Awaitables, Eager, Attached;
};

/// The classifier with no names added: structure alone.
const AwaitableClassifier &structuralAwaitables();

/// The class declaration to inspect for \p T: the definition, or the
/// template's pattern for a specialization that was never instantiated.
const CXXRecordDecl *recordOf(QualType T);

/// Lazy or eager, from what \p Promise's initial_suspend returns (Unknown
/// when it does not say): for a coroutine definition, whose promise is known.
StartPolicy promisePolicy(const CXXRecordDecl &Promise);

/// Whether \p RD (or a base) declares a member named \p Name.
bool hasMemberNamed(const CXXRecordDecl &RD, llvm::StringRef Name);

} // namespace tidy::coro
} // namespace clang

#endif
