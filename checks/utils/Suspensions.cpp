//===--- Suspensions.cpp --------------------------------------------------===//

#include "Suspensions.h"
#include "Coroutines.h"

namespace clang::tidy::coro {
namespace {

/// Whether a suspension (co_await, co_yield) is in \p S, own context.
class SuspensionFinder : public ContextVisitor<SuspensionFinder> {
public:
  bool Found = false;
  bool VisitCoawaitExpr(CoawaitExpr *E) { return !(Found = !E->isImplicit()); }
  bool VisitDependentCoawaitExpr(DependentCoawaitExpr *) { return !(Found = true); }
  bool VisitCoyieldExpr(CoyieldExpr *) { return !(Found = true); }
};

} // namespace

bool isSuspension(const Stmt *S) {
  return llvm::isa<CoawaitExpr, CoyieldExpr, DependentCoawaitExpr>(S);
}

bool suspendsIn(const Stmt *S) {
  if (!S)
    return false;
  SuspensionFinder F;
  F.TraverseStmt(const_cast<Stmt *>(S));
  return F.Found;
}

const Expr *awaitOperand(const Expr *Await) {
  if (const auto *A = llvm::dyn_cast<CoawaitExpr>(Await))
    return A->getOperand();
  if (const auto *D = llvm::dyn_cast<DependentCoawaitExpr>(Await))
    return D->getOperand();
  if (const auto *Y = llvm::dyn_cast<CoyieldExpr>(Await))
    return Y->getOperand();
  return nullptr;
}

const CallExpr *awaitedCall(const Expr *Await) {
  const Expr *Op = awaitOperand(Await);
  return Op ? llvm::dyn_cast<CallExpr>(ignoreWrappers(Op)) : nullptr;
}

} // namespace clang::tidy::coro
