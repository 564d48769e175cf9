//===--- Referents.h - what an argument bound to a reference refers to ----===//
//
// The first half of "does this reference dangle?": the temporary or local
// that an argument passed to a reference, pointer or view parameter refers
// to (looking through moves, member access, address-of, conversions to a
// view), which uses in a lambda's body are its captures, and which use of it
// in a coroutine's body can run when it may already be gone.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_UTILS_REFERENTS_H
#define COROLINT_CHECKS_UTILS_REFERENTS_H

#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <vector>

namespace clang::tidy::coro {

/// A temporary or a local that an argument refers to.
struct Referent {
  enum Kind { None, Temporary, Local } K = None;
  const Expr *E = nullptr;       ///< the MaterializeTemporaryExpr or DeclRefExpr
  const VarDecl *Var = nullptr;  ///< Local only
};

/// What \p Arg, passed to a parameter of type \p ParamType, refers to: the
/// temporary it binds (or a view or pointer into it), or the local it names.
/// None for what is copied (a pointer or view variable passed by value), a
/// captureless lambda, a reference variable, a capture.
Referent referentOf(const Expr *Arg, QualType ParamType);

/// The lambda a temporary closure was created from.
const LambdaExpr *closureLambda(const Expr *E);

/// Whether \p E names one of \p Lambda's captures (or its captured 'this').
bool isCaptureUse(const LambdaExpr &Lambda, const Expr *E);

/// Whether \p FD is std::<Name> (std::move, std::forward).
bool isStdFunction(const FunctionDecl *FD, llvm::StringRef Name);

/// The uses (DeclRefExpr, CXXThisExpr), suspension points and loops of one
/// coroutine body. Nested lambdas' uses count (they run on the coroutine's
/// behalf); their suspension points are their own.
struct BodyUses {
  std::vector<const Expr *> Uses;
  std::vector<const Stmt *> Suspensions, Loops;
};
/// With \p Ctx, an await of a value complete where it is awaited (a result
/// the body asserted ready, a future made ready: Completion.h) is not taken
/// for a suspension point: it resumes at once.
BodyUses bodyUses(const Stmt *Body, ASTContext *Ctx = nullptr);

/// The first use in \p Body that \p Matches and that can run after the
/// coroutine first suspends (\p Eager: it ran up to there when created) or
/// at all (lazy: it runs only when awaited).
const Expr *firstDanglingUse(const BodyUses &Body, bool Eager,
                             const SourceManager &SM,
                             llvm::function_ref<bool(const Expr *)> Matches);

/// Whether \p L is inside \p Outer.
bool contains(const SourceManager &SM, SourceRange Outer, SourceLocation L);

} // namespace clang::tidy::coro

#endif
