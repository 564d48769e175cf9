//===--- AwaitDependence.cpp ----------------------------------------------===//

#include "AwaitDependence.h"
#include "Coroutines.h"
#include "Suspensions.h"

namespace clang::tidy::coro {
namespace {

/// Collects the LoopBodyFacts of one loop body.
class LoopBodyScan : public ContextVisitor<LoopBodyScan> {
  using Base = ContextVisitor<LoopBodyScan>;

public:
  LoopBodyScan(const LockShapes &Locks, const NameList &OnPurpose)
      : Locks(Locks), OnPurpose(OnPurpose) {}
  LoopBodyFacts Facts;

  bool VisitStmt(Stmt *S) {
    for (const Stmt *C : statementPositions(*S))
      if (const auto *E = llvm::dyn_cast<Expr>(C))
        Facts.Discarded.insert(ignoreWrappers(E));
    return true;
  }
  bool VisitCoawaitExpr(CoawaitExpr *E) {
    if (!E->isImplicit())
      addAwait(E);
    return true;
  }
  bool VisitDependentCoawaitExpr(DependentCoawaitExpr *E) {
    addAwait(E);
    return true;
  }
  bool VisitCoyieldExpr(CoyieldExpr *) {
    Facts.OtherSuspension = true;
    return true;
  }
  bool VisitVarDecl(VarDecl *VD) {
    Facts.Declared.push_back(VD);
    if (Locks.isLockLocal(*VD))
      Facts.TakesLock = true;
    return true;
  }
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *MC) {
    if (Locks.isLockCall(*MC))
      Facts.TakesLock = true;
    return true;
  }
  bool VisitCallExpr(CallExpr *Call) {
    if (const FunctionDecl *Callee = Call->getDirectCallee();
        Callee && OnPurpose.matches(*Callee))
      Facts.CallsOnPurpose = true;
    return true;
  }
  bool VisitBreakStmt(BreakStmt *S) {
    if (NestedLoops == 0 && Switches == 0)
      Facts.Jumps.push_back({S, Conditions});
    return true;
  }
  bool VisitReturnStmt(ReturnStmt *S) { return jump(S); }
  bool VisitCoreturnStmt(CoreturnStmt *S) { return jump(S); }
  bool VisitGotoStmt(GotoStmt *S) { return jump(S); }
  bool VisitCXXThrowExpr(CXXThrowExpr *S) { return jump(S); }

  bool TraverseIfStmt(IfStmt *S) {
    return withCondition(S->getCond(), [&] { return Base::TraverseIfStmt(S); });
  }
  bool TraverseSwitchStmt(SwitchStmt *S) {
    ++Switches;
    bool R = withCondition(S->getCond(), [&] { return Base::TraverseSwitchStmt(S); });
    --Switches;
    return R;
  }
  bool TraverseConditionalOperator(ConditionalOperator *S) {
    return withCondition(S->getCond(),
                         [&] { return Base::TraverseConditionalOperator(S); });
  }
  bool TraverseCXXTryStmt(CXXTryStmt *S) {
    ++Tries;
    bool R = Base::TraverseStmt(S->getTryBlock());
    --Tries;
    for (unsigned I = 0; R && I < S->getNumHandlers(); ++I)
      R = Base::TraverseStmt(S->getHandler(I));
    return R;
  }
#define NESTED_LOOP(CLASS, COND)                                               \
  bool Traverse##CLASS(CLASS *S) {                                             \
    ++NestedLoops;                                                             \
    bool R = withCondition(COND, [&] { return Base::Traverse##CLASS(S); });    \
    --NestedLoops;                                                             \
    return R;                                                                  \
  }
  NESTED_LOOP(ForStmt, S->getCond())
  NESTED_LOOP(WhileStmt, S->getCond())
  NESTED_LOOP(DoStmt, S->getCond())
  NESTED_LOOP(CXXForRangeStmt, nullptr)
#undef NESTED_LOOP

private:
  const LockShapes &Locks;
  const NameList &OnPurpose;
  unsigned NestedLoops = 0, Switches = 0, Tries = 0;
  llvm::SmallVector<const Expr *, 4> Conditions;

  void addAwait(const Expr *E) {
    if (NestedLoops)
      Facts.OtherSuspension = true;
    Facts.Awaits.push_back(E);
    if (Tries)
      Facts.InTry.insert(E);
  }
  bool jump(const Stmt *S) {
    Facts.Jumps.push_back({S, Conditions});
    return true;
  }
  template <typename F> bool withCondition(const Expr *Cond, F Body) {
    if (Cond)
      Conditions.push_back(Cond);
    bool R = Body();
    if (Cond)
      Conditions.pop_back();
    return R;
  }
};

} // namespace

const Stmt *loopBody(const Stmt &Loop) {
  if (const auto *F = llvm::dyn_cast<ForStmt>(&Loop))
    return F->getBody();
  if (const auto *R = llvm::dyn_cast<CXXForRangeStmt>(&Loop))
    return R->getBody();
  if (const auto *W = llvm::dyn_cast<WhileStmt>(&Loop))
    return W->getBody();
  if (const auto *D = llvm::dyn_cast<DoStmt>(&Loop))
    return D->getBody();
  return nullptr;
}


std::optional<LoopHeader> loopHeader(const Stmt &Loop) {
  LoopHeader H;
  if (const auto *F = llvm::dyn_cast<ForStmt>(&Loop)) {
    if (suspendsIn(F->getCond()) || suspendsIn(F->getInc()) ||
        suspendsIn(F->getConditionVariableDeclStmt()))
      return std::nullopt;
    for (const Stmt *S : {static_cast<const Stmt *>(F->getCond()),
                          static_cast<const Stmt *>(F->getInc()),
                          static_cast<const Stmt *>(F->getConditionVariableDeclStmt())})
      for (const Decl *K : readsOf(S))
        H.Reads.insert(K);
    H.Element = writesOf(F->getInc());
  } else if (const auto *R = llvm::dyn_cast<CXXForRangeStmt>(&Loop)) {
    H.LoopVar = R->getLoopVariable();
    H.RangeInit = R->getRangeInit();
    if (R->getCoawaitLoc().isValid() || suspendsIn(H.RangeInit))
      return std::nullopt;
    H.Reads = readsOf(H.RangeInit);
    H.Element.insert(H.LoopVar);
  } else {
    const Expr *Cond = llvm::isa<WhileStmt>(Loop)
                           ? llvm::cast<WhileStmt>(Loop).getCond()
                           : llvm::cast<DoStmt>(Loop).getCond();
    if (suspendsIn(Cond))
      return std::nullopt;
    H.Reads = readsOf(Cond);
  }
  return H;
}

LoopBodyFacts scanLoopBody(const Stmt &Body, const LockShapes &Locks,
                           const NameList &OnPurpose) {
  LoopBodyScan Scan(Locks, OnPurpose);
  Scan.TraverseStmt(const_cast<Stmt *>(&Body));
  return std::move(Scan.Facts);
}

KeySet carriedState(const Stmt &Body, const Expr *Skip, const KeySet &Declared) {
  KeySet Carried;
  for (const Decl *K : writesOf(&Body, Skip))
    if (!Declared.contains(K))
      Carried.insert(K);
  return Carried;
}

bool leftOnCarriedState(const LoopBodyFacts &Body, const Expr &Await,
                        const KeySet &Carried, const SourceManager &SM) {
  for (const Jump &J : Body.Jumps) {
    if (!SM.isBeforeInTranslationUnit(J.S->getBeginLoc(), Await.getBeginLoc()))
      return true;
    for (const Expr *Cond : J.Conditions)
      if (intersects(readsOf(Cond), Carried))
        return true;
  }
  return false;
}

KeySet readsThroughLocals(const Expr *E, llvm::ArrayRef<const VarDecl *> Locals) {
  KeySet Reads = readsOf(E);
  for (bool Grew = true; Grew;) {
    Grew = false;
    for (const VarDecl *VD : Locals)
      if (Reads.contains(VD) && VD->getInit())
        for (const Decl *K : readsOf(VD->getInit()))
          Grew |= Reads.insert(K).second;
  }
  return Reads;
}

bool actsOnSharedObject(const CallExpr &Call, const KeySet &Element,
                        const KeySet &Declared, bool ResultDiscarded) {
  auto Shared = [&](const Expr *E) {
    const Decl *K = baseKey(E);
    if (!K)
      return false;
    // The element's own object (conns[i], or a body local) is not shared.
    return !Element.contains(K) && !Declared.contains(K) &&
           !intersects(readsOf(E), Element);
  };
  const FunctionDecl *Callee = Call.getDirectCallee();
  unsigned FirstArg = 0;
  if (const auto *MC = llvm::dyn_cast<CXXMemberCallExpr>(&Call)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (ResultDiscarded && MD && !MD->isConst() && !MD->isStatic() &&
        Shared(MC->getImplicitObjectArgument()))
      return true;
  } else if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(&Call)) {
    const auto *MD = llvm::dyn_cast_or_null<CXXMethodDecl>(Callee);
    if (MD && !MD->isStatic()) {
      FirstArg = 1;
      if (ResultDiscarded && !MD->isConst() && Op->getNumArgs() > 0 &&
          Shared(Op->getArg(0)))
        return true;
    }
  }
  if (!Callee)
    return false;
  for (unsigned I = FirstArg; I < Call.getNumArgs(); ++I) {
    unsigned P = I - FirstArg;
    if (P >= Callee->getNumParams())
      break;
    QualType T = Callee->getParamDecl(P)->getType();
    if ((isNonConstLValueRef(T) ||
         (T->isPointerType() && !T->getPointeeType().isConstQualified())) &&
        Shared(Call.getArg(I)))
      return true;
  }
  return false;
}

AwaitStatement awaitStatement(const Stmt &S) {
  AwaitStatement A;
  const Expr *Await = nullptr;
  if (const auto *DS = llvm::dyn_cast<DeclStmt>(&S)) {
    if (DS->isSingleDecl())
      if (const auto *VD = llvm::dyn_cast<VarDecl>(DS->getSingleDecl());
          VD && VD->getInit()) {
        Await = ignoreWrappers(VD->getInit());
        A.Declares = VD;
      }
  } else if (const auto *E = llvm::dyn_cast<Expr>(&S)) {
    Await = ignoreWrappers(E);
    if (const auto *BO = llvm::dyn_cast<BinaryOperator>(Await);
        BO && BO->getOpcode() == BO_Assign)
      Await = ignoreWrappers(BO->getRHS());
    else if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(Await);
             Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
      Await = ignoreWrappers(Op->getArg(1));
  }
  const auto *Coawait = llvm::dyn_cast_or_null<CoawaitExpr>(Await);
  if (!Coawait || Coawait->isImplicit())
    return A;
  A.Await = Await;
  A.Call = awaitedCall(Await);
  if (A.Call && !A.Call->isPRValue())
    A.Call = nullptr;
  A.ResultDiscarded =
      Await->getType()->isVoidType() ||
      ignoreWrappers(llvm::dyn_cast<Expr>(&S)) == Await;
  return A;
}

} // namespace clang::tidy::coro
