//===--- Coroutines.cpp ---------------------------------------------------===//

#include "Coroutines.h"
#include "NameList.h"
#include "clang/AST/DeclCXX.h"

namespace clang::tidy::coro {

const CoroutineBodyStmt *coroutineBody(const FunctionDecl &FD) {
  if (!FD.doesThisDeclarationHaveABody())
    return nullptr;
  return llvm::dyn_cast_or_null<CoroutineBodyStmt>(FD.getBody());
}

bool isLambdaCallOperator(const FunctionDecl &FD) {
  const auto *MD = llvm::dyn_cast<CXXMethodDecl>(&FD);
  return MD && MD->getParent()->isLambda();
}

std::string describeCoroutine(const FunctionDecl &FD) {
  if (isLambdaCallOperator(FD))
    return "coroutine lambda";
  std::string Name = plainQualifiedName(FD);
  // Drop namespaces but keep the class: 'Session::run', not 'app::net::Session::run'.
  llvm::SmallVector<std::string, 4> Parts = nameComponents(FD);
  if (const auto *MD = llvm::dyn_cast<CXXMethodDecl>(&FD))
    Name = MD->getParent()->getName().str() + "::" + Parts.back();
  else
    Name = Parts.back();
  return "coroutine '" + Name + "'";
}

ast_matchers::internal::BindableMatcher<Decl> coroutineDefinition() {
  using namespace ast_matchers;
  return functionDecl(isDefinition(), hasBody(coroutineBodyStmt()),
                      unless(isExpansionInSystemHeader()));
}

} // namespace clang::tidy::coro
