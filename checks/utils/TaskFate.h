//===--- TaskFate.h - where a task goes after the call that creates it ----===//
//
// The second half of "does this reference dangle?": does the task outlive
// the full-expression that creates it? Awaited (co_await, co_yield,
// co_return) in the same full-expression it does not; stored, returned,
// handed to a spawn API or a container, started detached, or (an eager task)
// discarded, it does. Also the scopes the answer is compared with.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_UTILS_TASKFATE_H
#define COROLINT_CHECKS_UTILS_TASKFATE_H

#include "NameList.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMapContext.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang::tidy::coro {

/// What happens to a task after the call that creates it.
struct TaskFate {
  enum Kind {
    Safe,        // awaited in the same full-expression, or not known to escape
    StoredLocal, // initialises or is assigned to a local variable
    Stored,      // stored in a member, a global, or another object
    Returned,    // returned from a function that is not a coroutine
    Handed,      // handed to a spawn API or a container
    Detached,    // started detached by a member of the task
    Discarded,   // dropped at statement level (harmless for a lazy task)
  } K = Safe;
  /// The local variable that ends up holding the task (or its handle).
  const VarDecl *Holder = nullptr;
  /// The variable or member it is stored in, the API it is handed to, or
  /// the function it is returned from.
  const NamedDecl *Target = nullptr;
  /// For a member API (scope.add(...)): the object it is called on.
  const Expr *HandedTo = nullptr;
  SourceLocation Where;

  /// Records the first thing that happens to the task; later ones are
  /// ignored.
  void record(Kind K, const NamedDecl *Target, SourceLocation At);
  /// Records an assignment of the task to \p LHS.
  void storeInto(const Expr *LHS, SourceLocation At);
};

/// Follows a task up the expression that creates it.
class TaskFates {
public:
  /// \p Escaping: functions whose task argument outlives the call;
  /// \p Detaching: members of a task that start it detached;
  /// \p PassesThrough: whether a call wraps its task argument into the task
  /// it returns (co_withExecutor, a task's via()).
  TaskFates(const NameList &Escaping, const NameList &Detaching,
            llvm::function_ref<bool(const CallExpr &)> PassesThrough)
      : Escaping(Escaping), Detaching(Detaching), PassesThrough(PassesThrough) {}

  TaskFate of(const Expr &Task, ASTContext &Ctx) const;

private:
  enum class Step { Stop, Up };
  Step throughParent(const Stmt &P, const Stmt *Cur, const DynTypedNode &Node,
                     TaskFate &F, ASTContext &Ctx) const;
  Step throughCall(const CallExpr &Call, const Stmt *Cur, TaskFate &F) const;

  const NameList &Escaping;
  const NameList &Detaching;
  llvm::function_ref<bool(const CallExpr &)> PassesThrough;
};

/// The function (or lambda call operator) whose body holds \p Node.
const FunctionDecl *enclosingFunction(DynTypedNode Node, ASTContext &Ctx);

/// The innermost block that holds \p VD's declaration, or null for a
/// parameter (whose scope is the whole function).
const CompoundStmt *scopeOf(const VarDecl &VD, ASTContext &Ctx);

} // namespace clang::tidy::coro

#endif
