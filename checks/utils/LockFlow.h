//===--- LockFlow.h - which thread locks are held at each suspension ------===//
//
// A forward data-flow over the CFG of a coroutine's body. The state is, for
// each thread lock the body takes (a guard variable, or a mutex locked by an
// explicit call), whether it is held on some path (May) and on every path
// (Must) reaching a point. Guards are taken at their declaration and released
// by their destructor, unlock(), release() or a move; explicit locks by the
// matching unlock call. try_lock and owns_lock() tests decide the lock on the
// two edges of the branch they control. The result: every co_await and
// co_yield reached with a lock that may be held, with that lock's state.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_UTILS_LOCKFLOW_H
#define COROLINT_CHECKS_UTILS_LOCKFLOW_H

#include "Locks.h"
#include "NameList.h"
#include "clang/AST/ASTContext.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"
#include <optional>
#include <vector>

namespace clang::tidy::coro {

struct LockState {
  bool May = false, Must = false;
  /// Where the lock was taken on this path.
  const Stmt *Site = nullptr;
  /// The last branch taken while the lock's state was the same on every
  /// path: the branch that names a path-dependent lock.
  const CFGBlock *Branch = nullptr;
  unsigned Edge = 0;
  bool operator==(const LockState &O) const {
    return May == O.May && Must == O.Must && Site == O.Site &&
           Branch == O.Branch && Edge == O.Edge;
  }
  void take(const Stmt *At) {
    May = Must = true;
    Site = At;
  }
  void drop() {
    May = Must = false;
    Site = nullptr;
  }
};
using FlowState = llvm::SmallVector<LockState, 4>;

/// One thread lock of the body.
struct Lock {
  const VarDecl *Guard = nullptr; // null: a mutex locked explicitly
  std::string Key;                // the mutex, normalised
  std::string Mutex;              // the mutex as written
  enum InitKind { Held, NotHeld, Adopt, MovedFrom } Init = Held;
  const VarDecl *From = nullptr; // MovedFrom
};

struct LockOp {
  enum Kind { Acquire, Release, GuardLock, GuardUnlock, GuardRelease, GuardMove } K;
  unsigned Index;
};

/// What a branch condition tests: a try_lock (the lock is taken on the
/// success edge) or a guard's ownership (the guard holds nothing on the
/// failure edge).
struct LockTest {
  unsigned Index;
  bool Acquires;
  bool SuccessOnTrue;
  const Stmt *At;
};

/// A lock that may be held at a suspension, with its state there.
struct HeldLock {
  unsigned Index;
  const Stmt *Suspension;
  LockState State;
};

/// Whether \p S mentions \p VD (a lambda capturing it does).
bool mentions(const Stmt *S, const VarDecl &VD);

/// The lock data-flow of one coroutine body.
class LockFlow {
public:
  /// \p AllowedAwaitables: awaiting these is no suspension to report.
  LockFlow(LockClassifier &Classes, const NameList &AllowedAwaitables,
           ASTContext &Ctx)
      : Classes(Classes), AllowedAwaitables(AllowedAwaitables), Ctx(Ctx) {}

  /// Collects the locks of \p Body; false when the body takes none or never
  /// suspends (then no CFG is built).
  bool prescan(const Stmt *Body);
  /// Runs the data-flow and collects what reaches a suspension.
  void run(const CFG &Graph);

  std::vector<Lock> Locks;
  std::vector<HeldLock> Findings;
  llvm::DenseMap<const VarDecl *, const DeclStmt *> DeclOf;
  llvm::DenseMap<const Stmt *, std::pair<const CompoundStmt *, unsigned>> Parent;

  /// \p E as written (the mutex of \p &m), cut at 40 characters.
  std::string text(const Expr *E) const;

private:
  std::optional<Lock> guardOf(const VarDecl &VD);
  bool handsOver(const Expr *Operand, const Lock &L) const;
  std::string objectKey(const Expr *E) const;
  std::optional<unsigned> lockFor(const Expr *Object, bool Create);
  llvm::SmallVector<LockOp, 2> classify(const CallExpr &CE, bool Create);
  std::optional<LockTest> test(const CFGBlock &B);
  void declareGuards(const DeclStmt &DS, FlowState &S);
  void transfer(const CFGBlock &B, FlowState &S, bool Report);
  void edge(const CFGBlock &B, unsigned Succ, FlowState &S);

  LockClassifier &Classes;
  const NameList &AllowedAwaitables;
  ASTContext &Ctx;
  llvm::DenseMap<const VarDecl *, unsigned> GuardIndex;
  llvm::StringMap<unsigned> KeyIndex;
  llvm::DenseSet<const Expr *> Awaited;
  /// A guard's state when it was moved from, for the declaration it
  /// initialises.
  llvm::DenseMap<unsigned, LockState> Moved;
};

} // namespace clang::tidy::coro

#endif
