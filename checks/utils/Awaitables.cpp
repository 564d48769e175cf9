//===--- Awaitables.cpp ---------------------------------------------------===//

#include "Awaitables.h"
#include "DeclNames.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::coro {

const CXXRecordDecl *recordOf(QualType T) {
  T = T.getNonReferenceType().getCanonicalType();
  const auto *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return nullptr;
  if (const auto *Spec = llvm::dyn_cast<ClassTemplateSpecializationDecl>(RD))
    if (!Spec->hasDefinition())
      if (ClassTemplateDecl *TD = Spec->getSpecializedTemplate())
        RD = TD->getTemplatedDecl();
  if (const CXXRecordDecl *Def = RD->getDefinition())
    return Def;
  return nullptr;
}

static bool hasMember(const CXXRecordDecl &RD,
                      llvm::function_ref<bool(const NamedDecl &)> Pred,
                      unsigned Depth = 0) {
  if (Depth > 8)
    return false;
  for (const Decl *D : RD.decls())
    if (const auto *ND = llvm::dyn_cast<NamedDecl>(D))
      if (Pred(*ND))
        return true;
  if (!RD.hasDefinition())
    return false;
  for (const CXXBaseSpecifier &B : RD.bases())
    if (const CXXRecordDecl *Base = recordOf(B.getType()))
      if (hasMember(*Base, Pred, Depth + 1))
        return true;
  return false;
}

bool hasMemberNamed(const CXXRecordDecl &RD, llvm::StringRef Name) {
  return hasMember(RD, [&](const NamedDecl &ND) {
    const NamedDecl *Inner = &ND;
    if (const auto *FTD = llvm::dyn_cast<FunctionTemplateDecl>(&ND))
      Inner = FTD->getTemplatedDecl();
    return isNamed(*Inner, Name);
  });
}

static bool hasCoawaitOperator(const CXXRecordDecl &RD) {
  return hasMember(RD, [](const NamedDecl &ND) {
    const NamedDecl *Inner = &ND;
    if (const auto *FTD = llvm::dyn_cast<FunctionTemplateDecl>(&ND))
      Inner = FTD->getTemplatedDecl();
    return Inner->getDeclName().getCXXOverloadedOperator() == OO_Coawait;
  });
}

/// The promise_type member (a nested class or an alias), if any: declared
/// in the class or inherited (async_simple's Lazy has LazyBase's).
static const CXXRecordDecl *promiseOf(const CXXRecordDecl &RD,
                                      unsigned Depth = 0) {
  for (const Decl *D : RD.decls()) {
    const auto *ND = llvm::dyn_cast<NamedDecl>(D);
    if (!ND || !isNamed(*ND, "promise_type"))
      continue;
    if (const auto *Nested = llvm::dyn_cast<CXXRecordDecl>(ND)) {
      if (Nested->getDefinition())
        return Nested->getDefinition();
      // A member class of a specialization is instantiated lazily: read the
      // template's member class instead.
      if (const CXXRecordDecl *Pattern = Nested->getInstantiatedFromMemberClass())
        return Pattern->getDefinition() ? Pattern->getDefinition() : Pattern;
      return Nested;
    }
    if (const auto *Alias = llvm::dyn_cast<TypedefNameDecl>(ND))
      if (const CXXRecordDecl *P = recordOf(Alias->getUnderlyingType()))
        return P;
    return nullptr;
  }
  if (Depth < 4 && RD.hasDefinition())
    for (const CXXBaseSpecifier &B : RD.bases())
      if (const CXXRecordDecl *Base = recordOf(B.getType()))
        if (const CXXRecordDecl *P = promiseOf(*Base, Depth + 1))
          return P;
  return nullptr;
}

/// The promise's initial_suspend, declared in it or in a base (a promise
/// base class shared by task<T> specialisations is common).
static const CXXMethodDecl *initialSuspendOf(const CXXRecordDecl &Promise,
                                             unsigned Depth = 0) {
  for (const Decl *D : Promise.decls())
    if (const auto *MD = llvm::dyn_cast<CXXMethodDecl>(D);
        MD && isNamed(*MD, "initial_suspend"))
      return MD;
  if (Depth < 8 && Promise.hasDefinition())
    for (const CXXBaseSpecifier &B : Promise.bases())
      if (const CXXRecordDecl *Base = recordOf(B.getType()))
        if (const CXXMethodDecl *MD = initialSuspendOf(*Base, Depth + 1))
          return MD;
  return nullptr;
}

StartPolicy promisePolicy(const CXXRecordDecl &Promise) {
  if (const CXXMethodDecl *MD = initialSuspendOf(Promise)) {
    QualType R = MD->getReturnType();
    const CXXRecordDecl *Awaiter = recordOf(R);
    if (!Awaiter)
      return StartPolicy::Unknown;
    if (Awaiter->getName() == "suspend_always")
      return StartPolicy::Lazy;
    if (Awaiter->getName() == "suspend_never")
      return StartPolicy::Eager;
    // A custom awaiter: "return true;" / "return false;" in await_ready.
    for (const Decl *AD : Awaiter->decls())
      if (const auto *Ready = llvm::dyn_cast<CXXMethodDecl>(AD))
        if (isNamed(*Ready, "await_ready") && Ready->hasBody())
          if (const auto *Body = llvm::dyn_cast<CompoundStmt>(Ready->getBody());
              Body && Body->size() == 1)
            if (const auto *Ret = llvm::dyn_cast<ReturnStmt>(Body->body_front()))
              if (const auto *B = llvm::dyn_cast_or_null<CXXBoolLiteralExpr>(
                      Ret->getRetValue() ? Ret->getRetValue()->IgnoreImplicit()
                                         : nullptr))
                return B->getValue() ? StartPolicy::Eager : StartPolicy::Lazy;
    return StartPolicy::Unknown;
  }
  return StartPolicy::Unknown;
}

AwaitableClassifier::AwaitableClassifier(llvm::StringRef TaskTypes,
                                         llvm::StringRef AwaitableTypes,
                                         llvm::StringRef EagerTypes,
                                         llvm::StringRef EagerAttachedTypes)
    : Tasks(TaskTypes), Awaitables(AwaitableTypes), Eager(EagerTypes),
      Attached(EagerAttachedTypes) {}

const AwaitableClassifier &structuralAwaitables() {
  static const AwaitableClassifier Structural("", "", "", "");
  return Structural;
}

AwaitableKind AwaitableClassifier::classify(QualType T) const {
  if (T.isNull() || T->isDependentType())
    return {};
  const CXXRecordDecl *RD = recordOf(T);
  if (!RD)
    return {};
  if (Attached.matches(*RD))
    return {true, StartPolicy::EagerAttached};
  if (Eager.matches(*RD))
    return {true, StartPolicy::Eager};
  const bool Listed = Tasks.matches(*RD);
  const bool Structural =
      hasCoawaitOperator(*RD) ||
      (hasMemberNamed(*RD, "await_ready") &&
       hasMemberNamed(*RD, "await_suspend") &&
       hasMemberNamed(*RD, "await_resume"));
  if (!Listed && !Structural && !Awaitables.matches(*RD)) {
    // A lazy coroutine type that is awaitable only inside its own kind of
    // coroutine, through the promise's await_transform (folly::coro::Task):
    // a task all the same. Not a generator (iterated with begin(), or
    // pulled with next() or a call: folly::coro::AsyncGenerator, Seastar's
    // coroutine::experimental::generator), and not an eager type nobody
    // awaits (a home-grown fire-and-forget).
    const CXXRecordDecl *Promise = promiseOf(*RD);
    auto IsCallOperator = [](const NamedDecl &ND) {
      const NamedDecl *Inner = &ND;
      if (const auto *FTD = llvm::dyn_cast<FunctionTemplateDecl>(&ND))
        Inner = FTD->getTemplatedDecl();
      return Inner->getDeclName().getCXXOverloadedOperator() == OO_Call;
    };
    if (Promise && !hasMemberNamed(*RD, "begin") &&
        !hasMemberNamed(*RD, "next") && !hasMember(*RD, IsCallOperator) &&
        promisePolicy(*Promise) == StartPolicy::Lazy)
      return {true, StartPolicy::Lazy};
    return {};
  }
  const CXXRecordDecl *Promise = promiseOf(*RD);
  if (!Promise)
    return {true, Listed ? StartPolicy::Unknown : StartPolicy::NotATask};
  return {true, promisePolicy(*Promise)};
}

} // namespace clang::tidy::coro
