//===--- ReadsWrites.cpp --------------------------------------------------===//

#include "ReadsWrites.h"
#include "DeclNames.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

namespace clang::tidy::coro {
namespace {

/// The class a type names. In a class template the type of `this` is the
/// injected specialization (`conn<T>`, a dependent template specialization,
/// not a record type): the template's pattern, or the partial specialization
/// it is, stands for it, as it is the parent of the members declared there.
/// The same for a dependent base (`base<T>`), where the primary template
/// stands for whichever specialization it will be.
const CXXRecordDecl *classOf(QualType T) {
  if (T.isNull())
    return nullptr;
  if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl())
    return RD;
  const auto *TST = T->getAs<TemplateSpecializationType>();
  const auto *Template = TST ? llvm::dyn_cast_or_null<ClassTemplateDecl>(
                                   TST->getTemplateName().getAsTemplateDecl())
                             : nullptr;
  if (!Template)
    return nullptr;
  if (const auto *Partial =
          const_cast<ClassTemplateDecl *>(Template)->findPartialSpecialization(T))
    return Partial;
  return Template->getTemplatedDecl();
}

/// The key of *this: never null for a `this` of a member function, in a
/// template or not (a null key in a set would crash every question on it).
const Decl *thisKey(const CXXThisExpr &This) {
  return classOf(This.getType()->getPointeeType());
}

/// The class a qualified dependent name belongs to: `base` for
/// `base<T>::x` (a member of a dependent base, reached through this), null
/// for `T::x` (T's state is nobody's).
const Decl *qualifierKey(const DependentScopeDeclRefExpr &E) {
  const NestedNameSpecifier *NNS = E.getQualifier();
  return NNS && NNS->getAsType() ? classOf(QualType(NNS->getAsType(), 0))
                                 : nullptr;
}

/// Whether \p Derived is, or derives from, \p Base: dependent bases
/// (`base<T>`) included, as classOf resolves them.
bool isSameOrDerived(const CXXRecordDecl *Derived, const CXXRecordDecl *Base,
                     unsigned Depth = 0) {
  if (!Derived || !Base || Depth > 16)
    return false;
  if (Derived->getCanonicalDecl() == Base->getCanonicalDecl())
    return true;
  if (!Derived->hasDefinition())
    return false;
  for (const CXXBaseSpecifier &B : Derived->getDefinition()->bases())
    if (isSameOrDerived(classOf(B.getType()), Base, Depth + 1))
      return true;
  return false;
}

/// The class whose state a key is part of: a field's class, or the class
/// itself for *this; null for a variable.
const CXXRecordDecl *ownerClass(const Decl *K) {
  if (const auto *FD = llvm::dyn_cast<FieldDecl>(K))
    return llvm::dyn_cast<CXXRecordDecl>(FD->getParent());
  return llvm::dyn_cast<CXXRecordDecl>(K);
}

/// Whether two keys can name the same state: the same key, *this and a
/// field of it (or of a base of it), *this seen as a class and as its base
/// (`this->x` in a derived template, `base<T>::x`). Two different fields do
/// not overlap.
bool overlaps(const Decl *A, const Decl *B) {
  if (A == B)
    return true;
  if (llvm::isa<FieldDecl>(A) && llvm::isa<FieldDecl>(B))
    return false;
  const CXXRecordDecl *OA = ownerClass(A), *OB = ownerClass(B);
  return OA && OB && (isSameOrDerived(OA, OB) || isSameOrDerived(OB, OA));
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
    if (const Decl *K = thisKey(*This))
      Out.insert(K);
    return true;
  }
  // base<T>::x in a template: state of *this seen as its dependent base.
  bool VisitDependentScopeDeclRefExpr(DependentScopeDeclRefExpr *E) {
    if (const Decl *K = qualifierKey(*E))
      Out.insert(K);
    return true;
  }
  // An overloaded member named without this-> (a call with dependent
  // arguments): it reads *this as much as this->f(...) does.
  bool VisitUnresolvedMemberExpr(UnresolvedMemberExpr *E) {
    if (!E->getBase() && E->getNamingClass())
      Out.insert(E->getNamingClass());
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
    if (!FD && Call->isTypeDependent()) {
      // A call in a template that names no function yet (this->reset(),
      // swap(a, b) with dependent arguments): whether it is const, or takes
      // its arguments by reference, is unknown until instantiation, so it
      // may write its object and every argument.
      const Expr *Callee = Call->getCallee()->IgnoreParenImpCasts();
      if (llvm::isa<CXXDependentScopeMemberExpr, UnresolvedMemberExpr>(Callee))
        add(Callee);
      for (const Expr *Arg : Call->arguments())
        add(Arg);
      return true;
    }
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
    } else if (const auto *DME = llvm::dyn_cast<CXXDependentScopeMemberExpr>(E)) {
      // this->x, obj.x in a template: which member is unknown, the object
      // is not. Without a base (not even an implicit this) no class is known.
      E = DME->getBase();
    } else if (const auto *UME = llvm::dyn_cast<UnresolvedMemberExpr>(E)) {
      if (!UME->getBase())
        return UME->getNamingClass();
      E = UME->getBase();
    } else if (const auto *DRE = llvm::dyn_cast<DependentScopeDeclRefExpr>(E)) {
      return qualifierKey(*DRE);
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
    } else if (const auto *Call = llvm::dyn_cast<CallExpr>(E);
               Call && !Call->getDirectCallee() &&
               llvm::isa<CXXDependentScopeMemberExpr, UnresolvedMemberExpr>(
                   Call->getCallee()->IgnoreParenImpCasts())) {
      // this->items.back() in a template: like results.back() above.
      E = Call->getCallee();
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
    if (!ownerClass(D))
      continue;
    for (const Decl *Other : B)
      if (overlaps(D, Other))
        return true;
  }
  return false;
}

} // namespace clang::tidy::coro
