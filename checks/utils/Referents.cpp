//===--- Referents.cpp ----------------------------------------------------===//

#include "Referents.h"
#include "Completion.h"
#include "Coroutines.h"
#include "DeclNames.h"
#include "clang/AST/RecursiveASTVisitor.h"

namespace clang::tidy::coro {

bool isStdFunction(const FunctionDecl *FD, llvm::StringRef Name) {
  return FD && isInStd(*FD) && isNamed(*FD, Name);
}

/// What \p Arg, passed to a parameter of type \p ParamType, refers to: the

Referent referentOf(const Expr *Arg, QualType ParamType) {
  const bool ByValue = !ParamType->isReferenceType();
  QualType ValueType = ParamType.getNonReferenceType().getUnqualifiedType();
  const Expr *E = Arg;
  for (unsigned Depth = 0; E && Depth < 12; ++Depth) {
    E = E->IgnoreParens();
    if (const auto *Cleanups = llvm::dyn_cast<ExprWithCleanups>(E)) {
      E = Cleanups->getSubExpr();
    } else if (const auto *Default = llvm::dyn_cast<CXXDefaultArgExpr>(E)) {
      E = Default->getExpr();
    } else if (const auto *Cast = llvm::dyn_cast<ImplicitCastExpr>(E)) {
      // Reading a value (a pointer, a view) copies it: it no longer refers
      // to the variable it was read from.
      if (Cast->getCastKind() == CK_LValueToRValue)
        return {};
      E = Cast->getSubExpr();
    } else if (const auto *Cast = llvm::dyn_cast<ExplicitCastExpr>(E)) {
      E = Cast->getSubExpr();
    } else if (const auto *Bind = llvm::dyn_cast<CXXBindTemporaryExpr>(E)) {
      E = Bind->getSubExpr();
    } else if (const auto *MTE = llvm::dyn_cast<MaterializeTemporaryExpr>(E)) {
      const CXXRecordDecl *RD = MTE->getType()->getAsCXXRecordDecl();
      // A captureless lambda holds nothing that could dangle.
      if (RD && RD->isLambda() && RD->hasDefinition() && RD->isEmpty())
        return {};
      // A view or pointer bound by value is the copy: what it views matters.
      if (ByValue &&
          MTE->getType().getUnqualifiedType().getCanonicalType() ==
              ValueType.getCanonicalType()) {
        E = MTE->getSubExpr();
        continue;
      }
      return {Referent::Temporary, MTE, nullptr};
    } else if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E)) {
      const auto *VD = llvm::dyn_cast<VarDecl>(Ref->getDecl());
      if (!VD || !VD->hasLocalStorage() || VD->getType()->isReferenceType() ||
          Ref->refersToEnclosingVariableOrCapture())
        return {};
      // A view or pointer variable passed by value is copied.
      if (ByValue && VD->getType().getUnqualifiedType().getCanonicalType() ==
                         ValueType.getCanonicalType())
        return {};
      return {Referent::Local, Ref, VD};
    } else if (const auto *Member = llvm::dyn_cast<MemberExpr>(E)) {
      if (Member->isArrow() || !llvm::isa<FieldDecl>(Member->getMemberDecl()))
        return {};
      // A reference member refers elsewhere: not to the object holding it.
      QualType FieldType = Member->getMemberDecl()->getType();
      if (FieldType->isReferenceType())
        return {};
      // So does a view or pointer member copied by value (p.name, a
      // string_view of a local struct): it views what it was set from.
      const CXXRecordDecl *FieldRD = FieldType->getAsCXXRecordDecl();
      if (ByValue &&
          (FieldType.getUnqualifiedType().getCanonicalType() ==
               ValueType.getCanonicalType() ||
           (FieldRD && FieldRD->hasAttr<PointerAttr>())))
        return {};
      E = Member->getBase();
    } else if (const auto *Unary = llvm::dyn_cast<UnaryOperator>(E)) {
      if (Unary->getOpcode() != UO_AddrOf || !ParamType->isPointerType())
        return {};
      E = Unary->getSubExpr();
    } else if (const auto *Call = llvm::dyn_cast<CallExpr>(E)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if ((isStdFunction(Callee, "move") || isStdFunction(Callee, "forward")) &&
          Call->getNumArgs() == 1) {
        E = Call->getArg(0);
        continue;
      }
      // string -> string_view: the string's conversion operator.
      if (const auto *Member = llvm::dyn_cast<CXXMemberCallExpr>(Call);
          Member && ByValue &&
          llvm::isa_and_nonnull<CXXConversionDecl>(Member->getMethodDecl())) {
        E = Member->getImplicitObjectArgument();
        continue;
      }
      return {};
    } else if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(E)) {
      // Constructing the view from what it views (span(vec), string_view(s)).
      if (!ByValue || Construct->getNumArgs() == 0 ||
          ParamType->isPointerType())
        return {};
      E = Construct->getArg(0);
    } else {
      return {};
    }
  }
  return {};
}

/// Whether \p E names one of \p Lambda's captures (or its captured 'this').
bool isCaptureUse(const LambdaExpr &Lambda, const Expr *E) {
  if (llvm::isa<CXXThisExpr>(E))
    return llvm::any_of(Lambda.captures(), [](const LambdaCapture &C) {
             return C.capturesThis();
           });
  const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E);
  if (!Ref)
    return false;
  return llvm::any_of(Lambda.captures(), [&](const LambdaCapture &C) {
    return C.capturesVariable() && C.getCapturedVar() == Ref->getDecl();
  });
}

/// The lambda a temporary closure was created from.
const LambdaExpr *closureLambda(const Expr *E) {
  if (const auto *MTE = llvm::dyn_cast_or_null<MaterializeTemporaryExpr>(E))
    E = MTE->getSubExpr();
  return E ? lambdaThrough(E) : nullptr;
}

namespace {

/// Collects BodyUses.
class BodyScan : public RecursiveASTVisitor<BodyScan> {
  using Base = RecursiveASTVisitor<BodyScan>;

public:
  explicit BodyScan(ASTContext *Ctx) : Ctx(Ctx) {}
  BodyUses Out;

  bool TraverseLambdaExpr(LambdaExpr *LE) {
    ++LambdaDepth;
    bool R = Base::TraverseLambdaExpr(LE);
    --LambdaDepth;
    return R;
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    Out.Uses.push_back(E);
    return true;
  }
  bool VisitCXXThisExpr(CXXThisExpr *E) {
    Out.Uses.push_back(E);
    return true;
  }
  bool VisitCoawaitExpr(CoawaitExpr *E) {
    if (Ctx && !LambdaDepth && awaitsCompleteValue(*E, *Ctx))
      return true;
    return suspension(E);
  }
  bool VisitDependentCoawaitExpr(DependentCoawaitExpr *E) { return suspension(E); }
  bool VisitCoyieldExpr(CoyieldExpr *E) { return suspension(E); }
  bool VisitForStmt(ForStmt *S) { return loop(S); }
  bool VisitWhileStmt(WhileStmt *S) { return loop(S); }
  bool VisitDoStmt(DoStmt *S) { return loop(S); }
  bool VisitCXXForRangeStmt(CXXForRangeStmt *S) {
    // co_await inside a range-for's range runs once, before the loop.
    return loop(S);
  }

private:
  bool suspension(const Stmt *S) {
    if (!LambdaDepth)
      Out.Suspensions.push_back(S);
    return true;
  }
  bool loop(const Stmt *S) {
    if (!LambdaDepth)
      Out.Loops.push_back(S);
    return true;
  }
  ASTContext *Ctx;
  unsigned LambdaDepth = 0;
};

} // namespace

BodyUses bodyUses(const Stmt *Body, ASTContext *Ctx) {
  BodyScan Scan(Ctx);
  Scan.TraverseStmt(const_cast<Stmt *>(Body));
  return std::move(Scan.Out);
}

bool contains(const SourceManager &SM, SourceRange Outer, SourceLocation L) {
  return !SM.isBeforeInTranslationUnit(L, Outer.getBegin()) &&
         !SM.isBeforeInTranslationUnit(Outer.getEnd(), L);
}

const Expr *firstDanglingUse(const BodyUses &Scan, bool Eager,
                             const SourceManager &SM,
                             llvm::function_ref<bool(const Expr *)> Matches) {
  for (const Expr *U : Scan.Uses) {
    if (!Matches(U))
      continue;
    if (!Eager)
      return U;
    SourceLocation L = U->getBeginLoc();
    for (const Stmt *S : Scan.Suspensions)
      if (SM.isBeforeInTranslationUnit(S->getEndLoc(), L))
        return U;
    for (const Stmt *Loop : Scan.Loops)
      if (contains(SM, Loop->getSourceRange(), L) &&
          llvm::any_of(Scan.Suspensions, [&](const Stmt *S) {
            return contains(SM, Loop->getSourceRange(), S->getBeginLoc());
          }))
        return U;
  }
  return nullptr;
}

} // namespace clang::tidy::coro
