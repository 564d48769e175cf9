//===--- BodyValues.cpp ---------------------------------------------------===//

#include "BodyValues.h"
#include "Coroutines.h"
#include "clang/AST/Attr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseMap.h"

namespace clang::tidy::coro {
namespace {

/// The statement-level expressions and the local variables of one function's
/// own context, with how often each variable is referenced.
class UsageCollector : public ContextVisitor<UsageCollector> {
public:
  std::vector<const Expr *> Discarded;
  std::vector<const VarDecl *> Locals;
  llvm::DenseMap<const VarDecl *, unsigned> Uses;

  bool VisitStmt(Stmt *S) {
    for (const Stmt *C : statementPositions(*S))
      if (const auto *E = llvm::dyn_cast<Expr>(C))
        Discarded.push_back(E);
    return true;
  }
  bool VisitVarDecl(VarDecl *VD) {
    if (VD->isLocalVarDecl() && !VD->isStaticLocal() &&
        !llvm::isa<ParmVarDecl>(VD))
      Locals.push_back(VD);
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    if (const auto *VD = llvm::dyn_cast<VarDecl>(DRE->getDecl()))
      ++Uses[VD];
    return true;
  }
  bool TraverseLambdaExpr(LambdaExpr *LE) {
    for (const LambdaCapture &C : LE->captures())
      if (C.capturesVariable())
        if (const auto *VD = llvm::dyn_cast<VarDecl>(C.getCapturedVar()))
          ++Uses[VD];
    // In a template the implicit captures of [&] / [=] are known only in
    // the instantiations: a reference in the body is the capture.
    if (LE->getCaptureDefault() != LCD_None &&
        LE->getCallOperator()->isDependentContext())
      countReferences(LE->getBody());
    return ContextVisitor<UsageCollector>::TraverseLambdaExpr(LE);
  }

private:
  void countReferences(const Stmt *S) {
    llvm::SmallVector<const Stmt *, 16> Work{S};
    while (!Work.empty()) {
      const Stmt *Cur = Work.pop_back_val();
      if (!Cur)
        continue;
      if (const auto *DRE = llvm::dyn_cast<DeclRefExpr>(Cur))
        if (const auto *VD = llvm::dyn_cast<VarDecl>(DRE->getDecl()))
          ++Uses[VD];
      for (const Stmt *Child : Cur->children())
        Work.push_back(Child);
    }
  }
};

DiscardedValue peelVoidCast(const Expr &Statement) {
  const Expr *Value = Statement.IgnoreImplicit()->IgnoreParens();
  if (const auto *Cast = llvm::dyn_cast<ExplicitCastExpr>(Value);
      Cast && Cast->getType()->isVoidType())
    return {Cast->getSubExpr()->IgnoreImplicit()->IgnoreParens(), true};
  return {Value, false};
}

} // namespace

BodyValues::BodyValues(const FunctionDecl &FD)
    : Coroutine(coroutineBody(FD)),
      Body(Coroutine ? Coroutine->getBody() : FD.getBody()) {
  UsageCollector C;
  C.TraverseStmt(const_cast<Stmt *>(Body));
  for (const Expr *E : C.Discarded)
    Discarded.push_back(peelVoidCast(*E));
  for (const VarDecl *VD : C.Locals)
    if (VD->hasInit() && !VD->getName().empty() && !VD->hasAttr<UnusedAttr>())
      Locals.push_back({VD, ignoreWrappers(VD->getInit()), C.Uses.lookup(VD)});
}

} // namespace clang::tidy::coro
