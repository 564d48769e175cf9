//===--- ExpectedThrow.cpp ------------------------------------------------===//

#include "ExpectedThrow.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::coro {
namespace {

bool saysThrow(llvm::StringRef Name) {
  return llvm::StringRef(Name.lower()).contains("throw");
}

/// Whether \p Loc comes from a macro (at any level of expansion) whose name
/// says it asserts a throw.
bool inThrowMacro(SourceLocation Loc, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  for (unsigned Depth = 0; Loc.isMacroID() && Depth < 32; ++Depth) {
    if (saysThrow(Lexer::getImmediateMacroName(Loc, SM, Ctx.getLangOpts())))
      return true;
    Loc = SM.getImmediateMacroCallerLoc(Loc);
  }
  return false;
}

/// The name of the function \p Call calls, also when it is not resolved yet
/// (in a template).
llvm::StringRef calleeName(const CallExpr &Call) {
  if (const FunctionDecl *FD = Call.getDirectCallee())
    return FD->getIdentifier() ? FD->getName() : "";
  const Expr *Callee = Call.getCallee()->IgnoreParenImpCasts();
  if (const auto *OE = llvm::dyn_cast<OverloadExpr>(Callee))
    return OE->getName().isIdentifier() ? OE->getName().getAsIdentifierInfo()->getName() : "";
  if (const auto *ME = llvm::dyn_cast<CXXDependentScopeMemberExpr>(Callee))
    return ME->getMember().isIdentifier() ? ME->getMember().getAsIdentifierInfo()->getName() : "";
  return "";
}

/// Whether the lambda \p LE is an argument of a call to a function whose
/// name says it asserts a throw (through the conversions that wrap it).
bool handedToThrowAssertion(const LambdaExpr &LE, ASTContext &Ctx) {
  DynTypedNode N = DynTypedNode::create(LE);
  for (unsigned Depth = 0; Depth < 6; ++Depth) {
    const auto Parents = Ctx.getParents(N);
    if (Parents.empty())
      return false;
    N = Parents[0];
    if (const auto *Call = N.get<CallExpr>())
      return !llvm::isa<CXXOperatorCallExpr>(Call) && saysThrow(calleeName(*Call));
    const Expr *E = N.get<Expr>();
    if (!E || !llvm::isa<ImplicitCastExpr, MaterializeTemporaryExpr,
                         CXXBindTemporaryExpr, CXXConstructExpr,
                         ExprWithCleanups, ParenExpr>(E))
      return false;
  }
  return false;
}

const LambdaExpr *lambdaOf(const FunctionDecl &FD, ASTContext &Ctx) {
  const auto *MD = llvm::dyn_cast<CXXMethodDecl>(&FD);
  if (!MD || !MD->getParent()->isLambda())
    return nullptr;
  DynTypedNode N = DynTypedNode::create(*MD);
  for (unsigned Depth = 0; Depth < 4; ++Depth) {
    const auto Parents = Ctx.getParents(N);
    if (Parents.empty())
      return nullptr;
    N = Parents[0];
    if (const auto *LE = N.get<LambdaExpr>())
      return LE;
  }
  return nullptr;
}

} // namespace

bool isExpectedToThrow(const FunctionDecl &FD, ASTContext &Ctx) {
  const LambdaExpr *LE = lambdaOf(FD, Ctx);
  return LE && handedToThrowAssertion(*LE, Ctx);
}

bool isExpectedToThrow(const Stmt &S, ASTContext &Ctx) {
  DynTypedNode Child = DynTypedNode::create(S);
  for (unsigned Depth = 0; Depth < 64; ++Depth) {
    const auto Parents = Ctx.getParents(Child);
    if (Parents.empty())
      return false;
    const DynTypedNode Parent = Parents[0];
    if (const auto *Try = Parent.get<CXXTryStmt>()) {
      if (Child.get<Stmt>() == Try->getTryBlock() &&
          inThrowMacro(Try->getBeginLoc(), Ctx))
        return true;
    } else if (const auto *LE = Parent.get<LambdaExpr>()) {
      if (handedToThrowAssertion(*LE, Ctx))
        return true;
    } else if (const auto *FD = Parent.get<FunctionDecl>()) {
      // Out of a lambda's body to the expression that defines it; stop at
      // any other function.
      const auto *MD = llvm::dyn_cast<CXXMethodDecl>(FD);
      if (!MD || !MD->getParent()->isLambda())
        return false;
      const LambdaExpr *Outer = lambdaOf(*FD, Ctx);
      if (!Outer)
        return false;
      if (handedToThrowAssertion(*Outer, Ctx))
        return true;
      Child = DynTypedNode::create(*Outer);
      continue;
    }
    Child = Parent;
  }
  return false;
}

bool isThrowAssertionGuard(const Stmt &S, const ASTContext &Ctx) {
  const auto *If = llvm::dyn_cast<IfStmt>(&S);
  if (!If || !inThrowMacro(If->getBeginLoc(), Ctx))
    return false;
  // The guard wraps the statement the macro was given: a statement in its
  // then branch was spelled in the macro's argument.
  const SourceManager &SM = Ctx.getSourceManager();
  llvm::SmallVector<const Stmt *, 16> Work{If->getThen()};
  while (!Work.empty()) {
    const Stmt *Cur = Work.pop_back_val();
    if (!Cur)
      continue;
    if (SM.isMacroArgExpansion(Cur->getBeginLoc()))
      return true;
    for (const Stmt *Child : Cur->children())
      Work.push_back(Child);
  }
  return false;
}

} // namespace clang::tidy::coro
