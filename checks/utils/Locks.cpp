//===--- Locks.cpp --------------------------------------------------------===//

#include "Locks.h"
#include "Awaitables.h"
#include "Coroutines.h"

namespace clang::tidy::coro {

bool LockShapes::isLockType(QualType T) const {
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  const CXXRecordDecl *RD = recordOf(T);
  return RD && (LockTypes.matches(*RD) || hasMemberNamed(*RD, "unlock"));
}

bool LockShapes::isLockLocal(const VarDecl &VD) const {
  if (isLockType(VD.getType()))
    return true;
  const Expr *E = VD.getInit() ? ignoreWrappers(VD.getInit()) : nullptr;
  if (const auto *Await = llvm::dyn_cast_or_null<CoawaitExpr>(E))
    E = ignoreWrappers(Await->getOperand());
  if (!E)
    return false;
  if (const auto *MC = llvm::dyn_cast<CXXMemberCallExpr>(E))
    if (isLockType(MC->getImplicitObjectArgument()->getType()))
      return true;
  auto AnyLockArg = [this](auto Args) {
    return llvm::any_of(Args, [this](const Expr *A) { return isLockType(A->getType()); });
  };
  if (const auto *CE = llvm::dyn_cast<CXXConstructExpr>(E))
    return AnyLockArg(CE->arguments());
  if (const auto *Call = llvm::dyn_cast<CallExpr>(E))
    return AnyLockArg(Call->arguments());
  return false;
}

bool LockShapes::isLockCall(const CXXMemberCallExpr &MC) const {
  const CXXMethodDecl *MD = MC.getMethodDecl();
  if (!MD || !MD->getDeclName().isIdentifier())
    return false;
  std::string Name = MD->getName().lower();
  llvm::StringRef N(Name);
  return N.contains("lock") && !N.contains("unlock") && !N.starts_with("try") &&
         isLockType(MC.getImplicitObjectArgument()->getType());
}

} // namespace clang::tidy::coro
