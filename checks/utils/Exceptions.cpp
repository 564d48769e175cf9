//===--- Exceptions.cpp ---------------------------------------------------===//

#include "Exceptions.h"
#include "Coroutines.h"
#include "NameList.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::coro {
namespace {

bool cannotThrow(const FunctionDecl &FD) {
  if (FD.getBuiltinID() != 0)
    return true;
  const auto *Proto = FD.getType()->getAs<FunctionProtoType>();
  return Proto && Proto->isNothrow();
}

class EscapeFinder : public ContextVisitor<EscapeFinder> {
  using Base = ContextVisitor<EscapeFinder>;

public:
  EscapePoint Found;

  bool TraverseCXXTryStmt(CXXTryStmt *S) {
    // The try block is covered; its handlers run unprotected, but only an
    // explicit (re)throw there lets the error out.
    for (unsigned I = 0, N = S->getNumHandlers(); I != N; ++I) {
      ++InHandler;
      bool Continue = TraverseStmt(S->getHandler(I)->getHandlerBlock());
      --InHandler;
      if (!Continue)
        return false;
    }
    return true;
  }

  bool VisitCXXThrowExpr(CXXThrowExpr *E) {
    return record(E, E->getSubExpr() ? "the exception thrown here escapes"
                                     : "the rethrow here escapes");
  }
  bool VisitCoawaitExpr(CoawaitExpr *E) {
    return InHandler || record(E, "'co_await' can throw here");
  }
  bool VisitDependentCoawaitExpr(DependentCoawaitExpr *E) {
    return InHandler || record(E, "'co_await' can throw here");
  }
  bool VisitCoyieldExpr(CoyieldExpr *E) {
    return InHandler || record(E, "'co_yield' can throw here");
  }
  bool VisitCallExpr(CallExpr *E) {
    if (InHandler)
      return true;
    const FunctionDecl *Callee = E->getDirectCallee();
    if (Callee && cannotThrow(*Callee))
      return true;
    if (!Callee)
      return record(E, "this call can throw");
    return record(E, "the call to '" + plainQualifiedName(*Callee) +
                         "' can throw");
  }

private:
  bool record(const Stmt *S, std::string What) {
    Found = {S, std::move(What)};
    return false; // the first one is enough
  }
  unsigned InHandler = 0;
};

} // namespace

EscapePoint firstEscapePoint(const Stmt &Body) {
  EscapeFinder F;
  F.TraverseStmt(const_cast<Stmt *>(&Body));
  return F.Found;
}

bool isExceptionPtr(QualType T) {
  const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  return RD && RD->getDeclName().isIdentifier() &&
         RD->getName() == "exception_ptr" &&
         outermostNamespace(RD->getDeclContext()) == "std";
}

} // namespace clang::tidy::coro
