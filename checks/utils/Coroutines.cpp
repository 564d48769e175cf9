//===--- Coroutines.cpp ---------------------------------------------------===//

#include "Coroutines.h"
#include "DeclNames.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::coro {

const CoroutineBodyStmt *coroutineBody(const FunctionDecl &FD) {
  if (!FD.doesThisDeclarationHaveABody())
    return nullptr;
  return llvm::dyn_cast_or_null<CoroutineBodyStmt>(FD.getBody());
}

llvm::StringRef taskNamespace(const FunctionDecl &FD) {
  const auto *RD = FD.getReturnType()->getAsRecordDecl();
  if (!RD)
    if (const auto *TST =
            FD.getReturnType()->getAs<TemplateSpecializationType>())
      if (const TemplateDecl *TD =
              TST->getTemplateName().getAsTemplateDecl())
        RD = llvm::dyn_cast_or_null<RecordDecl>(TD->getTemplatedDecl());
  return RD ? outermostNamespace(RD->getDeclContext()) : llvm::StringRef();
}

bool isLambdaCallOperator(const FunctionDecl &FD) {
  const auto *MD = llvm::dyn_cast<CXXMethodDecl>(&FD);
  return MD && MD->getParent()->isLambda();
}

std::string describeCoroutine(const FunctionDecl &FD) {
  if (isLambdaCallOperator(FD))
    return "coroutine lambda";
  // Drop namespaces but keep the class: 'Session::run', not 'app::net::Session::run'.
  std::string Name = nameComponents(FD).back();
  if (const auto *MD = llvm::dyn_cast<CXXMethodDecl>(&FD))
    Name = MD->getParent()->getName().str() + "::" + Name;
  return "coroutine '" + Name + "'";
}

llvm::SmallVector<const Stmt *, 4> statementPositions(const Stmt &S) {
  llvm::SmallVector<const Stmt *, 4> Out;
  auto Add = [&](const Stmt *C) {
    if (C)
      Out.push_back(C);
  };
  if (const auto *CS = llvm::dyn_cast<CompoundStmt>(&S))
    for (const Stmt *C : CS->body())
      Add(C);
  else if (const auto *If = llvm::dyn_cast<IfStmt>(&S)) {
    Add(If->getThen());
    Add(If->getElse());
  } else if (const auto *For = llvm::dyn_cast<ForStmt>(&S)) {
    Add(For->getBody());
    Add(For->getInc());
  } else if (const auto *While = llvm::dyn_cast<WhileStmt>(&S))
    Add(While->getBody());
  else if (const auto *Do = llvm::dyn_cast<DoStmt>(&S))
    Add(Do->getBody());
  else if (const auto *Range = llvm::dyn_cast<CXXForRangeStmt>(&S))
    Add(Range->getBody());
  else if (const auto *Case = llvm::dyn_cast<SwitchCase>(&S))
    Add(Case->getSubStmt());
  else if (const auto *Label = llvm::dyn_cast<LabelStmt>(&S))
    Add(Label->getSubStmt());
  return Out;
}

const LambdaExpr *lambdaThrough(const Expr *E) {
  while (E) {
    E = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *LE = llvm::dyn_cast<LambdaExpr>(E))
      return LE;
    if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(E);
        Construct && Construct->getNumArgs() == 1)
      E = Construct->getArg(0);
    else
      return nullptr;
  }
  return nullptr;
}

const Expr *ignoreWrappers(const Expr *E) {
  while (E) {
    const Expr *Next = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *Cleanups = llvm::dyn_cast<ExprWithCleanups>(Next))
      Next = Cleanups->getSubExpr();
    else if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(Next);
             Construct && Construct->getNumArgs() == 1 &&
             (Construct->getConstructor()->isMoveConstructor() ||
              Construct->getConstructor()->isCopyConstructor()))
      Next = Construct->getArg(0);
    else if (const auto *Call = llvm::dyn_cast<CallExpr>(Next);
             Call && Call->getNumArgs() == 1 && Call->getDirectCallee() &&
             isNamed(*Call->getDirectCallee(), "move") &&
             isInStd(*Call->getDirectCallee()))
      Next = Call->getArg(0);
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

const FunctionDecl *definitionWithBody(const FunctionDecl *FD) {
  if (!FD)
    return nullptr;
  const FunctionDecl *Def = nullptr;
  if (FD->hasBody(Def) && Def)
    return Def;
  if (const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern())
    if (Pattern->hasBody(Def) && Def)
      return Def;
  return nullptr;
}

const FunctionDecl *startedCoroutine(const Expr *E) {
  for (unsigned Depth = 0; E && Depth < 4; ++Depth) {
    E = ignoreWrappers(E);
    if (const LambdaExpr *LE = lambdaThrough(E)) {
      const FunctionDecl *Op = LE->getCallOperator();
      return Op && coroutineBody(*Op) ? Op : nullptr;
    }
    if (const auto *Call = llvm::dyn_cast<CallExpr>(E)) {
      const FunctionDecl *Def = definitionWithBody(Call->getDirectCallee());
      return Def && coroutineBody(*Def) ? Def : nullptr;
    }
    const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E);
    const auto *VD = Ref ? llvm::dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    // A variable holding a coroutine lambda: auto handler = [&]() -> task<> {...};
    const CXXRecordDecl *Closure =
        VD ? VD->getType().getNonReferenceType()->getAsCXXRecordDecl() : nullptr;
    if (!Closure || !Closure->isLambda())
      return nullptr;
    E = VD->getInit();
  }
  return nullptr;
}

ast_matchers::internal::BindableMatcher<Decl> coroutineDefinition() {
  using namespace ast_matchers;
  return functionDecl(isDefinition(), hasBody(coroutineBodyStmt()),
                      unless(isExpansionInSystemHeader()));
}

} // namespace clang::tidy::coro
