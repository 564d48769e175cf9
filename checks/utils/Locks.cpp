//===--- Locks.cpp --------------------------------------------------------===//

#include "Locks.h"
#include "Awaitables.h"
#include "Coroutines.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclTemplate.h"
#include <array>

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

enum class Role {
  Guard,          // RAII type that holds a thread lock while it lives
  AsyncMutex,     // a mutex whose lock is awaited
  Suggestion,     // the async mutex to suggest, keyed by the task's namespace
  LockFunction,   // free functions taking the mutex as first argument
  UnlockFunction,
  TryLockFunction, // returns 0 when it took the lock
  LockMethod,      // member functions of a lockable, by simple name
  UnlockMethod,
  TryLockMethod, // returns true when it took the lock
};

struct ProfileName {
  llvm::StringLiteral Library;
  Role R;
  llvm::StringLiteral Name;
};

// profile data: moves to the library profiles (issue 16)
constexpr ProfileName Profile[] = {
    {"std", Role::Guard, "::std::lock_guard"},
    {"std", Role::Guard, "::std::unique_lock"},
    {"std", Role::Guard, "::std::scoped_lock"},
    {"std", Role::Guard, "::std::shared_lock"},
    {"std", Role::LockFunction, "::std::lock"},
    {"std", Role::LockMethod, "lock"},
    {"std", Role::LockMethod, "lock_shared"},
    {"std", Role::UnlockMethod, "unlock"},
    {"std", Role::UnlockMethod, "unlock_shared"},
    {"std", Role::TryLockMethod, "try_lock"},
    {"std", Role::TryLockMethod, "try_lock_shared"},
    {"std", Role::TryLockMethod, "try_lock_for"},
    {"std", Role::TryLockMethod, "try_lock_until"},
    {"std", Role::TryLockMethod, "try_lock_shared_for"},
    {"std", Role::TryLockMethod, "try_lock_shared_until"},
    {"boost", Role::Guard, "::boost::lock_guard"},
    {"boost", Role::Guard, "::boost::unique_lock"},
    {"boost", Role::Guard, "::boost::shared_lock"},
    {"boost", Role::Guard, "::boost::upgrade_lock"},
    {"boost", Role::Guard, "::boost::interprocess::scoped_lock"},
    {"boost", Role::Guard, "::boost::interprocess::sharable_lock"},
    {"boost", Role::LockMethod, "lock_upgrade"},
    {"boost", Role::UnlockMethod, "unlock_upgrade"},
    {"boost", Role::AsyncMutex, "::boost::cobalt::channel"},
    {"absl", Role::Guard, "::absl::MutexLock"},
    {"absl", Role::Guard, "::absl::ReaderMutexLock"},
    {"absl", Role::Guard, "::absl::WriterMutexLock"},
    {"absl", Role::Guard, "::absl::ReleasableMutexLock"},
    {"absl", Role::LockMethod, "Lock"},
    {"absl", Role::LockMethod, "ReaderLock"},
    {"absl", Role::LockMethod, "WriterLock"},
    {"absl", Role::UnlockMethod, "Unlock"},
    {"absl", Role::UnlockMethod, "ReaderUnlock"},
    {"absl", Role::UnlockMethod, "WriterUnlock"},
    {"absl", Role::TryLockMethod, "TryLock"},
    {"absl", Role::TryLockMethod, "ReaderTryLock"},
    {"absl", Role::TryLockMethod, "WriterTryLock"},
    {"folly", Role::Guard, "::folly::LockedPtr"},
    {"folly", Role::Guard, "::folly::SharedMutexImpl::ReadHolder"},
    {"folly", Role::Guard, "::folly::SharedMutexImpl::WriteHolder"},
    {"folly", Role::Guard, "::folly::SharedMutexImpl::UpgradeHolder"},
    {"folly", Role::AsyncMutex, "::folly::coro::Mutex"},
    {"folly", Role::AsyncMutex, "::folly::coro::SharedMutexFair"},
    {"folly", Role::Suggestion, "folly::coro::Mutex"},
    {"qt", Role::Guard, "::QMutexLocker"},
    {"qt", Role::Guard, "::QReadLocker"},
    {"qt", Role::Guard, "::QWriteLocker"},
    {"qt", Role::LockMethod, "lockForRead"},
    {"qt", Role::LockMethod, "lockForWrite"},
    {"qt", Role::TryLockMethod, "tryLock"},
    {"posix", Role::LockFunction, "::pthread_mutex_lock"},
    {"posix", Role::LockFunction, "::pthread_rwlock_rdlock"},
    {"posix", Role::LockFunction, "::pthread_rwlock_wrlock"},
    {"posix", Role::LockFunction, "::pthread_spin_lock"},
    {"posix", Role::UnlockFunction, "::pthread_mutex_unlock"},
    {"posix", Role::UnlockFunction, "::pthread_rwlock_unlock"},
    {"posix", Role::UnlockFunction, "::pthread_spin_unlock"},
    {"posix", Role::TryLockFunction, "::pthread_mutex_trylock"},
    {"posix", Role::TryLockFunction, "::pthread_rwlock_tryrdlock"},
    {"posix", Role::TryLockFunction, "::pthread_rwlock_trywrlock"},
    {"posix", Role::TryLockFunction, "::pthread_spin_trylock"},
    {"aio", Role::AsyncMutex, "::aio::mutex"},
    {"aio", Role::Suggestion, "aio::mutex"},
    {"cppcoro", Role::AsyncMutex, "::cppcoro::async_mutex"},
    {"cppcoro", Role::Suggestion, "cppcoro::async_mutex"},
    {"coro", Role::AsyncMutex, "::coro::mutex"},
    {"coro", Role::AsyncMutex, "::coro::shared_mutex"},
    {"coro", Role::Suggestion, "coro::mutex"},
    {"async_simple", Role::AsyncMutex, "::async_simple::coro::Mutex"},
    {"async_simple", Role::AsyncMutex, "::async_simple::coro::SharedMutex"},
    {"async_simple", Role::AsyncMutex, "::async_simple::coro::SpinLock"},
    {"async_simple", Role::Suggestion, "async_simple::coro::Mutex"},
    {"seastar", Role::AsyncMutex, "::seastar::basic_semaphore"},
    {"seastar", Role::AsyncMutex, "::seastar::shared_mutex"},
    {"seastar", Role::AsyncMutex, "::seastar::basic_rwlock"},
    {"seastar", Role::Suggestion, "seastar::semaphore"},
    {"concurrencpp", Role::AsyncMutex, "::concurrencpp::async_lock"},
    {"concurrencpp", Role::Suggestion, "concurrencpp::async_lock"},
};

const NameList &profileNames(Role R) {
  static const auto Lists = [] {
    std::array<NameList, 9> L;
    for (const ProfileName &P : Profile)
      L[static_cast<unsigned>(P.R)].add(P.Name);
    return L;
  }();
  return Lists[static_cast<unsigned>(R)];
}

bool isMethodNamed(Role R, llvm::StringRef Name) {
  return llvm::any_of(Profile, [&](const ProfileName &P) {
    return P.R == R && P.Name == Name;
  });
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
             profileNames(Unlock ? Role::UnlockFunction : Role::LockFunction)
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
  for (const ProfileName &P : Profile)
    if (P.R == Role::Suggestion && P.Library == TaskNamespace)
      return P.Name;
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
    return Object && isMethodNamed(Role::TryLockMethod, Name) ? Object : nullptr;
  const FunctionDecl *Callee = CE.getDirectCallee();
  if (Callee && CE.getNumArgs() >= 1 &&
      profileNames(Role::TryLockFunction).matches(*Callee))
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
  return isMethodNamed(Role::LockMethod, Name);
}
bool isUnlockMethod(llvm::StringRef Name) {
  return isMethodNamed(Role::UnlockMethod, Name);
}
bool isTryLockMethod(llvm::StringRef Name) {
  return isMethodNamed(Role::TryLockMethod, Name);
}
bool isLockFunction(const FunctionDecl &FD) {
  return profileNames(Role::LockFunction).matches(FD);
}
bool isUnlockFunction(const FunctionDecl &FD) {
  return profileNames(Role::UnlockFunction).matches(FD);
}

bool isLockable(const CXXRecordDecl &RD) {
  bool HasLock = llvm::any_of(Profile, [&](const ProfileName &P) {
    return P.R == Role::LockMethod && hasMemberNamed(RD, P.Name);
  });
  bool HasUnlock = llvm::any_of(Profile, [&](const ProfileName &P) {
    return P.R == Role::UnlockMethod && hasMemberNamed(RD, P.Name);
  });
  return HasLock && HasUnlock;
}

LockClass LockClassifier::classify(const CXXRecordDecl &RD) {
  auto [It, Inserted] = Cache.try_emplace(&RD, LockClass::Unknown);
  if (!Inserted)
    return It->second == LockClass::Unknown ? LockClass::Other : It->second;
  LockClass Result = LockClass::Other;
  if (profileNames(Role::Guard).matches(RD) || ThreadGuardTypes.matches(RD) ||
      RD.hasAttr<ScopedLockableAttr>()) {
    Result = LockClass::ThreadGuard;
  } else if (profileNames(Role::AsyncMutex).matches(RD)) {
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
