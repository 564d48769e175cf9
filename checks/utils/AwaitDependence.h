//===--- AwaitDependence.h - do awaited calls depend on each other? -------===//
//
// The data-dependence half of "is independent work awaited one at a time?":
// what a loop's header reads and which variables change per iteration, what
// its body awaits, declares and writes, which state one iteration carries
// into the next, how the loop can be left, and whether a call acts on one
// object that every iteration (or every statement of a run) shares. Built on
// ReadsWrites; knows nothing of libraries (the caller passes the names).
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_UTILS_AWAITDEPENDENCE_H
#define COROLINT_CHECKS_UTILS_AWAITDEPENDENCE_H

#include "Locks.h"
#include "NameList.h"
#include "ReadsWrites.h"
#include "clang/Basic/SourceManager.h"
#include <optional>
#include <vector>

namespace clang::tidy::coro {

/// The body of a for, range-for, while or do loop.
const Stmt *loopBody(const Stmt &Loop);

/// What a loop's header reads, and which variables change per iteration
/// (what the increment writes; the loop variable of a range-for).
struct LoopHeader {
  KeySet Reads, Element;
  const VarDecl *LoopVar = nullptr; ///< range-for only
  const Expr *RangeInit = nullptr;  ///< range-for only
};

/// The header of \p Loop; none when the header itself suspends (co_await
/// in the condition, `for co_await`).
std::optional<LoopHeader> loopHeader(const Stmt &Loop);

/// A way out of a loop body (break, return, co_return, goto, throw) and the
/// conditions of the ifs, switches and loops around it.
struct Jump {
  const Stmt *S;
  llvm::SmallVector<const Expr *, 4> Conditions;
};

/// What runs in a loop's body, in the coroutine's own context.
struct LoopBodyFacts {
  llvm::SmallVector<const Expr *, 2> Awaits; ///< directly in the body
  llvm::SmallPtrSet<const Expr *, 8> InTry;  ///< awaits inside a try block
  /// Expressions in statement position (their value is dropped).
  llvm::SmallPtrSet<const Expr *, 8> Discarded;
  bool OtherSuspension = false; ///< co_yield, or an await in a nested loop
  bool TakesLock = false;
  bool CallsOnPurpose = false; ///< a function of OnPurpose is called
  std::vector<Jump> Jumps;
  llvm::SmallVector<const VarDecl *, 8> Declared;
};

LoopBodyFacts scanLoopBody(const Stmt &Body, const LockShapes &Locks,
                           const NameList &OnPurpose);

/// The state one iteration writes and the next one sees: what \p Body
/// writes (\p Skip, the awaited call, aside) that is not in \p Declared.
KeySet carriedState(const Stmt &Body, const Expr *Skip, const KeySet &Declared);

/// Whether the loop can be left before \p Await runs, or on a condition
/// that reads \p Carried state (a search, a retry): the iterations are then
/// not independent.
bool leftOnCarriedState(const LoopBodyFacts &Body, const Expr &Await,
                        const KeySet &Carried, const SourceManager &SM);

/// What \p E reads, through the body locals it uses (their initialisers run
/// in the same iteration).
KeySet readsThroughLocals(const Expr *E, llvm::ArrayRef<const VarDecl *> Locals);

/// Whether \p Call acts on one object shared by every iteration: through a
/// non-const reference or pointer parameter (reads into one buffer, writes to
/// one socket), or, when its result is discarded, through a non-const member
/// (appends to one journal, sends on one stream). Order matters there.
/// \p Element and \p Declared are per-iteration state, never shared.
bool actsOnSharedObject(const CallExpr &Call, const KeySet &Element,
                        const KeySet &Declared, bool ResultDiscarded);

/// One statement of a run of awaits: `co_await f(...)`, `auto x = co_await
/// f(...)`, `x = co_await f(...)`.
struct AwaitStatement {
  const Expr *Await = nullptr;    ///< null: the statement is no such await
  const CallExpr *Call = nullptr; ///< the awaited call (a prvalue)
  const VarDecl *Declares = nullptr;
  bool ResultDiscarded = false;
};
AwaitStatement awaitStatement(const Stmt &S);

} // namespace clang::tidy::coro

#endif
