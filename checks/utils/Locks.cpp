//===--- Locks.cpp --------------------------------------------------------===//

#include "Locks.h"
#include "Awaitables.h"
#include "Coroutines.h"
#include "Profiles.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclTemplate.h"
#include <array>
#include <map>

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

namespace {

/// The profiles' entries of the kinds this file reads, read once per project
/// profile (clangd runs checks on several threads).
struct LockNames {
  std::map<EntryKind, NameList> Lists;
  std::map<EntryKind, std::vector<std::string>> Simple;
  LockNames() {
    for (EntryKind K :
         {EntryKind::ThreadGuardType, EntryKind::AsyncLockType,
          EntryKind::ThreadLockFunction, EntryKind::ThreadUnlockFunction,
          EntryKind::ThreadTryLockFunction, EntryKind::LockMethod,
          EntryKind::UnlockMethod, EntryKind::TryLockMethod,
          EntryKind::SuggestedAsyncMutex}) {
      Lists[K];
      Simple[K];
      for (const auto &Entry : profileEntries(K)) {
        Lists[K].add(Entry.first);
        Simple[K].push_back(Entry.first);
      }
    }
  }
};

const LockNames &lockNames() {
  return forProfileTables<LockNames>();
}

const NameList &lockList(EntryKind K) { return lockNames().Lists.at(K); }

/// Whether a method entry of kind \p K (a simple name) is \p Name.
bool isMethodNamed(EntryKind K, llvm::StringRef Name) {
  return llvm::is_contained(lockNames().Simple.at(K), Name);
}

/// Whether a constructor or destructor body calls lock() (or unlock()) on a
/// member that refers to a mutex (a reference or pointer member).
bool locksMember(const Stmt *S, bool Unlock) {
  if (!S)
    return false;
  if (const auto *CE = llvm::dyn_cast<CallExpr>(S)) {
    const Expr *Target = nullptr;
    auto [Object, Name] = memberCall(*CE);
    if (!Name.empty() &&
        (Unlock ? isUnlockMethod(Name) : isLockMethod(Name)) &&
        returnsPlainValue(*CE))
      Target = Object;
    else if (const FunctionDecl *F = CE->getDirectCallee();
             F && CE->getNumArgs() >= 1 &&
             lockList(Unlock ? EntryKind::ThreadUnlockFunction : EntryKind::ThreadLockFunction)
                 .matches(*F))
      Target = CE->getArg(0);
    if (Target) {
      Target = Target->IgnoreParenImpCasts();
      if (const auto *U = llvm::dyn_cast<UnaryOperator>(Target))
        Target = U->getSubExpr()->IgnoreParenImpCasts();
      if (const auto *ME = llvm::dyn_cast<MemberExpr>(Target))
        if (const auto *FD = llvm::dyn_cast<FieldDecl>(ME->getMemberDecl()))
          if (FD->getType()->isReferenceType() || FD->getType()->isPointerType())
            return true;
    }
  }
  return llvm::any_of(S->children(),
                      [&](const Stmt *C) { return locksMember(C, Unlock); });
}

} // namespace

llvm::StringRef suggestedAsyncMutex(llvm::StringRef TaskNamespace) {
  for (const std::string &Name :
       lockNames().Simple.at(EntryKind::SuggestedAsyncMutex))
    if (llvm::StringRef(Name).ltrim(':').split("::").first == TaskNamespace)
      return Name;
  return {};
}

/// The class of \p T, including the pattern of a dependent specialization
/// (std::lock_guard<M> in a template).
const CXXRecordDecl *classOf(QualType T) {
  if (const CXXRecordDecl *RD = recordOf(T))
    return RD;
  if (const auto *TST =
          T.getNonReferenceType()->getAs<TemplateSpecializationType>())
    if (const TemplateDecl *TD = TST->getTemplateName().getAsTemplateDecl())
      return llvm::dyn_cast_or_null<CXXRecordDecl>(TD->getTemplatedDecl());
  return nullptr;
}

/// The type arguments of \p T's specialization: the mutex of a guard.
llvm::SmallVector<QualType, 2> typeArguments(QualType T) {
  llvm::SmallVector<QualType, 2> Out;
  auto Add = [&](const TemplateArgument &A, auto &Self) -> void {
    if (A.getKind() == TemplateArgument::Type)
      Out.push_back(A.getAsType());
    else if (A.getKind() == TemplateArgument::Pack)
      for (const TemplateArgument &P : A.pack_elements())
        Self(P, Self);
  };
  T = T.getNonReferenceType();
  if (const auto *Spec = llvm::dyn_cast_or_null<ClassTemplateSpecializationDecl>(
          T->getAsCXXRecordDecl())) {
    for (const TemplateArgument &A : Spec->getTemplateArgs().asArray())
      Add(A, Add);
  } else if (const auto *TST = T->getAs<TemplateSpecializationType>()) {
    for (const TemplateArgument &A : TST->template_arguments())
      Add(A, Add);
  }
  return Out;
}

/// The object a member call is made on and the method's simple name, for
/// resolved and dependent calls alike.
std::pair<const Expr *, llvm::StringRef> memberCall(const CallExpr &CE) {
  const Expr *Callee = CE.getCallee()->IgnoreParenImpCasts();
  if (const auto *ME = llvm::dyn_cast<MemberExpr>(Callee)) {
    const ValueDecl *D = ME->getMemberDecl();
    if (D->getDeclName().isIdentifier())
      return {ME->getBase(), D->getName()};
  } else if (const auto *DME =
                 llvm::dyn_cast<CXXDependentScopeMemberExpr>(Callee)) {
    if (DME->getMember().isIdentifier())
      return {DME->isImplicitAccess() ? nullptr : DME->getBase(),
              DME->getMember().getAsIdentifierInfo()->getName()};
  } else if (const auto *UME = llvm::dyn_cast<UnresolvedMemberExpr>(Callee)) {
    if (UME->getName().isIdentifier())
      return {UME->isImplicitAccess() ? nullptr : UME->getBase(),
              UME->getName().getAsIdentifierInfo()->getName()};
  }
  return {nullptr, {}};
}

/// The mutex a try-lock call (m.try_lock(), pthread_mutex_trylock(&m))
/// tries, or null.
const Expr *tryLockTarget(const CallExpr &CE) {
  auto [Object, Name] = memberCall(CE);
  if (!Name.empty())
    return Object && isMethodNamed(EntryKind::TryLockMethod, Name) ? Object : nullptr;
  const FunctionDecl *Callee = CE.getDirectCallee();
  if (Callee && CE.getNumArgs() >= 1 &&
      lockList(EntryKind::ThreadTryLockFunction).matches(*Callee))
    return CE.getArg(0);
  return nullptr;
}

/// Whether \p CE's result is not something to await: a lock() of a thread
/// mutex returns void (a dependent call is judged by its name alone).
bool returnsPlainValue(const CallExpr &CE) {
  if (CE.isTypeDependent())
    return true;
  QualType T = CE.getType();
  return T->isVoidType() || T->isBooleanType() || T->isIntegerType();
}

bool isLockMethod(llvm::StringRef Name) {
  return isMethodNamed(EntryKind::LockMethod, Name);
}
bool isUnlockMethod(llvm::StringRef Name) {
  return isMethodNamed(EntryKind::UnlockMethod, Name);
}
bool isTryLockMethod(llvm::StringRef Name) {
  return isMethodNamed(EntryKind::TryLockMethod, Name);
}
bool isLockFunction(const FunctionDecl &FD) {
  return lockList(EntryKind::ThreadLockFunction).matches(FD);
}
bool isUnlockFunction(const FunctionDecl &FD) {
  return lockList(EntryKind::ThreadUnlockFunction).matches(FD);
}

bool isLockable(const CXXRecordDecl &RD) {
  auto HasMember = [&](EntryKind K) {
    return llvm::any_of(lockNames().Simple.at(K), [&](const std::string &N) {
      return hasMemberNamed(RD, N);
    });
  };
  return HasMember(EntryKind::LockMethod) && HasMember(EntryKind::UnlockMethod);
}

LockClass LockClassifier::classify(const CXXRecordDecl &RD) {
  auto [It, Inserted] = Cache.try_emplace(&RD, LockClass::Unknown);
  if (!Inserted)
    return It->second == LockClass::Unknown ? LockClass::Other : It->second;
  LockClass Result = LockClass::Other;
  if (lockList(EntryKind::ThreadGuardType).matches(RD) || ThreadGuardTypes.matches(RD) ||
      RD.hasAttr<ScopedLockableAttr>()) {
    Result = LockClass::ThreadGuard;
  } else if (lockList(EntryKind::AsyncLockType).matches(RD)) {
    Result = LockClass::AsyncMutex;
  } else if (const CXXRecordDecl *Def = RD.getDefinition()) {
    // An async mutex: something called *lock* returns an awaitable.
    for (const Decl *D : Def->decls()) {
      const auto *ND = llvm::dyn_cast<NamedDecl>(D);
      if (const auto *FTD = llvm::dyn_cast_or_null<FunctionTemplateDecl>(ND))
        ND = FTD->getTemplatedDecl();
      const auto *MD = llvm::dyn_cast_or_null<CXXMethodDecl>(ND);
      if (MD && MD->getDeclName().isIdentifier() &&
          MD->getName().lower().find("lock") != std::string::npos &&
          structuralAwaitables().classify(MD->getReturnType())) {
        Result = LockClass::AsyncMutex;
        break;
      }
    }
    // A guard by structure: a constructor locks a referenced mutex and the
    // destructor unlocks it.
    if (Result == LockClass::Other && Def->getDestructor() &&
        locksMember(Def->getDestructor()->getBody(), /*Unlock=*/true) &&
        llvm::any_of(Def->ctors(), [](const CXXConstructorDecl *C) {
          return !C->isCopyOrMoveConstructor() &&
                 locksMember(C->getBody(), /*Unlock=*/false);
        }))
      Result = LockClass::ThreadGuard;
  }
  Cache[&RD] = Result;
  return Result;
}

bool LockClassifier::isAsyncMutex(const Expr *Object) {
  if (!Object || Object->isTypeDependent())
    return false;
  QualType T = Object->getType();
  if (T->isPointerType())
    T = T->getPointeeType();
  const CXXRecordDecl *RD = classOf(T);
  return RD && classify(*RD) == LockClass::AsyncMutex;
}

} // namespace clang::tidy::coro
