//===--- TaskFate.cpp -----------------------------------------------------===//

#include "TaskFate.h"
#include "Coroutines.h"
#include "clang/AST/ParentMapContext.h"

namespace clang::tidy::coro {
namespace {

/// Whether \p Node is (part of) the operand of a co_await, co_yield or
/// co_return in its full-expression: the full-expression's temporaries then
/// outlive the task's run. Every parent is followed: the operand of a
/// co_await is also reachable through the awaiter it builds.
bool awaitedInFullExpression(const DynTypedNode &Node, ASTContext &Ctx) {
  llvm::SmallVector<DynTypedNode, 8> Work{Node};
  for (unsigned Steps = 0; !Work.empty() && Steps < 256; ++Steps) {
    DynTypedNode Cur = Work.pop_back_val();
    for (const DynTypedNode &P : Ctx.getParents(Cur)) {
      const auto *S = P.get<Stmt>();
      if (!S)
        continue;
      if (llvm::isa<CoawaitExpr, DependentCoawaitExpr, CoyieldExpr,
                    CoreturnStmt>(S))
        return true;
      if (llvm::isa<Expr>(S))
        Work.push_back(P);
    }
  }
  return false;
}

} // namespace

/// The function (or lambda call operator) whose body holds \p Node.
const FunctionDecl *enclosingFunction(DynTypedNode Node, ASTContext &Ctx) {
  for (unsigned Depth = 0; Depth < 256; ++Depth) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return nullptr;
    Node = Parents[0];
    if (const auto *FD = Node.get<FunctionDecl>())
      return FD;
    if (const auto *LE = Node.get<LambdaExpr>())
      return LE->getCallOperator();
  }
  return nullptr;
}

const CompoundStmt *scopeOf(const VarDecl &VD, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(VD);
  for (unsigned Depth = 0; Depth < 64; ++Depth) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return nullptr;
    Node = Parents[0];
    if (const auto *Block = Node.get<CompoundStmt>())
      return Block;
    if (Node.get<FunctionDecl>() || Node.get<LambdaExpr>())
      return nullptr;
  }
  return nullptr;
}

void TaskFate::record(Kind NewK, const NamedDecl *NewTarget, SourceLocation At) {
  if (K != Safe)
    return;
  K = NewK;
  Target = NewTarget;
  Where = At;
}

void TaskFate::storeInto(const Expr *LHS, SourceLocation At) {
  LHS = LHS->IgnoreParenImpCasts();
  // results[i] = task: the element lives as long as the container.
  for (;;) {
    if (const auto *Sub = llvm::dyn_cast<ArraySubscriptExpr>(LHS))
      LHS = Sub->getBase()->IgnoreParenImpCasts();
    else if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(LHS);
             Op && Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2)
      LHS = Op->getArg(0)->IgnoreParenImpCasts();
    else
      break;
  }
  if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(LHS))
    if (const auto *VD = llvm::dyn_cast<VarDecl>(Ref->getDecl())) {
      if (VD->hasLocalStorage() && !VD->getType()->isReferenceType()) {
        record(StoredLocal, VD, At);
        if (!Holder)
          Holder = VD;
      } else {
        record(Stored, VD, At);
      }
      return;
    }
  if (const auto *Member = llvm::dyn_cast<MemberExpr>(LHS))
    return record(Stored, Member->getMemberDecl(), At);
  record(Stored, nullptr, At);
}

TaskFate TaskFates::of(const Expr &Task, ASTContext &Ctx) const {
  TaskFate F;
  DynTypedNode Node = DynTypedNode::create(Task);
  const Stmt *Cur = &Task;
  if (awaitedInFullExpression(Node, Ctx))
    return F;
  for (unsigned Depth = 0; Depth < 32; ++Depth) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return F;
    Node = Parents[0];
    // A member initialiser's expression also has the constructor as a
    // parent: the initialiser is the one that says where the task goes.
    for (const DynTypedNode &P : Parents)
      if (P.get<CXXCtorInitializer>())
        Node = P;
    // The object of a member call: obj.start() is CXXMemberCallExpr over
    // MemberExpr over obj.
    if (const auto *Member = Node.get<MemberExpr>()) {
      DynTypedNodeList Up = Ctx.getParents(Node);
      const auto *MemberCall =
          Up.empty() ? nullptr : Up[0].get<CXXMemberCallExpr>();
      if (!MemberCall || MemberCall->getCallee() != Member)
        return F;
      Node = Up[0];
    }
    if (const auto *VD = Node.get<VarDecl>()) {
      if (VD->hasLocalStorage()) {
        F.record(TaskFate::StoredLocal, VD, VD->getLocation());
        if (!F.Holder && !VD->getType()->isReferenceType())
          F.Holder = VD;
      } else {
        F.record(TaskFate::Stored, VD, VD->getLocation());
      }
      return F;
    }
    if (const auto *Init = Node.get<CXXCtorInitializer>()) {
      F.record(TaskFate::Stored, Init->getMember(), Init->getSourceLocation());
      return F;
    }
    const auto *P = Node.get<Stmt>();
    if (!P || throughParent(*P, Cur, Node, F, Ctx) == Step::Stop)
      return F;
    Cur = P;
  }
  return F;
}

/// One step up, from \p Cur to its parent \p P.
TaskFates::Step TaskFates::throughParent(const Stmt &Parent, const Stmt *Cur,
                                         const DynTypedNode &Node, TaskFate &F,
                                         ASTContext &Ctx) const {
  const Stmt *P = &Parent;
  // Awaited (or yielded, or co_returned) in the same full-expression: the
  // arguments' temporaries outlive the task's run.
  if (llvm::isa<CoawaitExpr, DependentCoawaitExpr, CoyieldExpr,
                CoreturnStmt>(P)) {
    F = TaskFate{};
    return Step::Stop;
  }
  if (const auto *Ret = llvm::dyn_cast<ReturnStmt>(P)) {
    const FunctionDecl *Fn = enclosingFunction(Node, Ctx);
    if (Fn && !isCoroutine(*Fn))
      F.record(TaskFate::Returned, Fn, Ret->getBeginLoc());
    return Step::Stop;
  }
  const auto *PE = llvm::dyn_cast<Expr>(P);
  if (!PE) {
    if (llvm::is_contained(statementPositions(*P), Cur))
      F.record(TaskFate::Discarded, nullptr, Cur->getBeginLoc());
    return Step::Stop;
  }
  if (const auto *Cast = llvm::dyn_cast<ExplicitCastExpr>(PE);
      Cast && Cast->getType()->isVoidType()) {
    F.record(TaskFate::Discarded, nullptr, Cast->getBeginLoc());
    return Step::Stop;
  }
  if (llvm::isa<ParenExpr, ImplicitCastExpr, ExplicitCastExpr,
                MaterializeTemporaryExpr, CXXBindTemporaryExpr,
                ExprWithCleanups, ConstantExpr, InitListExpr,
                CXXStdInitializerListExpr, CXXConstructExpr>(PE))
    return Step::Up;
  if (const auto *Binary = llvm::dyn_cast<BinaryOperator>(PE)) {
    if (Binary->getOpcode() == BO_Assign && Binary->getRHS() == Cur)
      F.storeInto(Binary->getLHS(), Binary->getOperatorLoc());
    return Step::Stop;
  }
  if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(PE);
      Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
      Op->getArg(1) == Cur) {
    F.storeInto(Op->getArg(0), Op->getOperatorLoc());
    return Step::Stop;
  }
  if (const auto *Call = llvm::dyn_cast<CallExpr>(PE))
    return throughCall(*Call, Cur, F);
  return Step::Stop;
}

/// The task as an argument of, or the object of, \p Call.
TaskFates::Step TaskFates::throughCall(const CallExpr &Call, const Stmt *Cur,
                                       TaskFate &F) const {
  const auto *Member = llvm::dyn_cast<CXXMemberCallExpr>(&Call);
  const bool IsObject = Member && !llvm::is_contained(Call.arguments(), Cur);
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || (!IsObject && Call.getCallee() == Cur))
    return Step::Stop;
  if (IsObject) {
    if (Detaching.matches(*Callee))
      F.record(TaskFate::Detached, Callee, Member->getExprLoc());
    else if (!PassesThrough(Call))
      return Step::Stop;
  } else if (Escaping.matches(*Callee)) {
    F.record(TaskFate::Handed, Callee, Call.getBeginLoc());
    if (Member && !F.HandedTo)
      F.HandedTo = Member->getImplicitObjectArgument();
  } else if (!PassesThrough(Call)) {
    return Step::Stop;
  }
  return Step::Up;
}

} // namespace clang::tidy::coro
