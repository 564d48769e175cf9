//===--- ReadsWrites.cpp --------------------------------------------------===//

#include "ReadsWrites.h"
#include "DeclNames.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

namespace clang::tidy::coro {
namespace {

const Decl *thisKey(const CXXThisExpr &This) {
  return This.getType()->getPointeeCXXRecordDecl();
}

/// What a subtree reads: variables, fields of this, and *this.
class ReadCollector : public RecursiveASTVisitor<ReadCollector> {
public:
  KeySet &Out;
  explicit ReadCollector(KeySet &Out) : Out(Out) {}
  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    if (llvm::isa<VarDecl, BindingDecl>(DRE->getDecl()))
      Out.insert(keyOf(DRE->getDecl()));
    return true;
  }
  bool TraverseMemberExpr(MemberExpr *ME) {
    if (llvm::isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()) &&
        llvm::isa<FieldDecl>(ME->getMemberDecl())) {
      Out.insert(ME->getMemberDecl());
      return true;
    }
    return RecursiveASTVisitor::TraverseMemberExpr(ME);
  }
  bool VisitCXXThisExpr(CXXThisExpr *This) {
    Out.insert(thisKey(*This));
    return true;
  }
};

/// A non-const member that only gives access to part of the object
/// (v[i], v.at(i), v.front(), v.begin(), opt.value()): the write, if any,
/// is the assignment to what it returns, which is seen on its own.
bool isAccessor(const CXXMethodDecl &MD) {
  QualType R = MD.getReturnType();
  if (R->isLValueReferenceType() || R->isPointerType())
    return true;
  if (!MD.getDeclName().isIdentifier())
    return false;
  return llvm::is_contained({"begin", "end", "rbegin", "rend", "find",
                             "lower_bound", "upper_bound", "equal_range"},
                            MD.getName());
}

/// What a subtree writes: assignments, increments, non-const member calls,
/// arguments bound to non-const references. \p Skip (the awaited call) does
/// not count as writing its own object and reference arguments: that is
/// judged separately.
class WriteCollector : public RecursiveASTVisitor<WriteCollector> {
public:
  KeySet Out;
  const Expr *Skip = nullptr;

  void add(const Expr *E) {
    if (const Decl *K = baseKey(E))
      Out.insert(K);
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->isAssignmentOp())
      add(BO->getLHS());
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->isIncrementDecrementOp())
      add(UO->getSubExpr());
    return true;
  }
  bool VisitCallExpr(CallExpr *Call) {
    // std::move only casts: the move is made by what receives it.
    if (Call == Skip || isStdMove(*Call))
      return true;
    unsigned FirstArg = 0;
    const auto *FD = Call->getDirectCallee();
    if (const auto *MC = llvm::dyn_cast<CXXMemberCallExpr>(Call)) {
      if (const CXXMethodDecl *MD = MC->getMethodDecl();
          MD && !MD->isConst() && !MD->isStatic() && !isAccessor(*MD))
        add(MC->getImplicitObjectArgument());
    } else if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(Call)) {
      const auto *MD = llvm::dyn_cast_or_null<CXXMethodDecl>(FD);
      if (MD && !MD->isStatic()) {
        FirstArg = 1;
        if (!MD->isConst() && !isAccessor(*MD) && Op->getNumArgs() > 0)
          add(Op->getArg(0));
      }
      if (Op->isAssignmentOp() || Op->getOperator() == OO_PlusPlus ||
          Op->getOperator() == OO_MinusMinus)
        if (Op->getNumArgs() > 0)
          add(Op->getArg(0));
    }
    if (!FD)
      return true;
    for (unsigned I = FirstArg; I < Call->getNumArgs(); ++I) {
      unsigned P = I - FirstArg;
      if (P >= FD->getNumParams())
        break;
      QualType T = FD->getParamDecl(P)->getType();
      if (isNonConstLValueRef(T) || T->isRValueReferenceType())
        add(Call->getArg(I));
      else if (T->isPointerType() && !T->getPointeeType().isConstQualified())
        if (const auto *UO = llvm::dyn_cast<UnaryOperator>(
                Call->getArg(I)->IgnoreParenImpCasts());
            UO && UO->getOpcode() == UO_AddrOf)
          add(UO->getSubExpr());
    }
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
    const CXXConstructorDecl *Ctor = CE->getConstructor();
    for (unsigned I = 0; I < CE->getNumArgs() && I < Ctor->getNumParams(); ++I)
      if (QualType T = Ctor->getParamDecl(I)->getType();
          isNonConstLValueRef(T) || T->isRValueReferenceType())
        add(CE->getArg(I));
    return true;
  }
};

} // namespace

const Decl *keyOf(const ValueDecl *D) {
  if (const auto *B = llvm::dyn_cast<BindingDecl>(D))
    if (const ValueDecl *Whole = B->getDecomposedDecl())
      return Whole;
  return D;
}

bool isStdMove(const CallExpr &Call) {
  const FunctionDecl *FD = Call.getDirectCallee();
  return FD && Call.getNumArgs() == 1 && isInStd(*FD) &&
         (isNamed(*FD, "move") || isNamed(*FD, "forward"));
}

/// The variable whose state an lvalue expression designates: `results` for
/// `results[i]`, `results.back()`, `*results.begin()`; `field` for this->field.
const Decl *baseKey(const Expr *E) {
  for (unsigned Depth = 0; E && Depth < 16; ++Depth) {
    E = E->IgnoreParenImpCasts();
    if (const auto *DRE = llvm::dyn_cast<DeclRefExpr>(E))
      return llvm::isa<VarDecl, BindingDecl>(DRE->getDecl()) ? keyOf(DRE->getDecl())
                                                             : nullptr;
    if (const auto *This = llvm::dyn_cast<CXXThisExpr>(E))
      return thisKey(*This);
    if (const auto *ME = llvm::dyn_cast<MemberExpr>(E)) {
      const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
      if (llvm::isa<CXXThisExpr>(Base) && llvm::isa<FieldDecl>(ME->getMemberDecl()))
        return ME->getMemberDecl();
      E = Base;
    } else if (const auto *AS = llvm::dyn_cast<ArraySubscriptExpr>(E)) {
      E = AS->getBase();
    } else if (const auto *UO = llvm::dyn_cast<UnaryOperator>(E)) {
      if (UO->getOpcode() != UO_Deref && UO->getOpcode() != UO_AddrOf)
        return nullptr;
      E = UO->getSubExpr();
    } else if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(E)) {
      OverloadedOperatorKind K = Op->getOperator();
      if (Op->getNumArgs() == 0 ||
          (K != OO_Subscript && K != OO_Star && K != OO_Arrow))
        return nullptr;
      E = Op->getArg(0);
    } else if (const auto *MC = llvm::dyn_cast<CXXMemberCallExpr>(E)) {
      E = MC->getImplicitObjectArgument();
    } else if (const auto *Call = llvm::dyn_cast<CallExpr>(E);
               Call && isStdMove(*Call)) {
      E = Call->getArg(0);
    } else {
      return nullptr;
    }
  }
  return nullptr;
}

KeySet readsOf(const Stmt *S) {
  KeySet Out;
  if (S)
    ReadCollector(Out).TraverseStmt(const_cast<Stmt *>(S));
  return Out;
}
KeySet writesOf(const Stmt *S, const Expr *Skip) {
  WriteCollector W;
  W.Skip = Skip;
  if (S)
    W.TraverseStmt(const_cast<Stmt *>(S));
  return W.Out;
}

bool isNonConstLValueRef(QualType T) {
  return T->isLValueReferenceType() && !T.getNonReferenceType().isConstQualified();
}

bool intersects(const KeySet &A, const KeySet &B) {
  for (const Decl *D : A) {
    if (B.contains(D))
      return true;
    // *this and a field of it overlap.
    if (const auto *FD = llvm::dyn_cast<FieldDecl>(D))
      if (B.contains(FD->getParent()))
        return true;
    if (const auto *RD = llvm::dyn_cast<CXXRecordDecl>(D))
      for (const Decl *Other : B)
        if (const auto *FD = llvm::dyn_cast<FieldDecl>(Other);
            FD && FD->getParent() == RD)
          return true;
  }
  return false;
}

} // namespace clang::tidy::coro
