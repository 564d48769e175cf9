//===--- LockAcrossSuspendCheck.cpp - coro-lock-across-suspend ------------===//
//
// A forward data-flow over the CFG of the coroutine's body. The state is, for
// each thread lock the body takes (a guard variable, or a mutex locked by an
// explicit call), whether it is held on some path (May) and on every path
// (Must) reaching a point. Guards are taken at their declaration and released
// by their destructor, unlock(), release() or a move; explicit locks by the
// matching unlock call. try_lock and owns_lock() tests decide the lock on the
// two edges of the branch they control. Each co_await and co_yield reached
// with a lock that may be held is reported once per lock; when the lock is
// held on some paths only, the branch that keeps it is named.
//
//===----------------------------------------------------------------------===//

#include "LockAcrossSuspendCheck.h"
#include "utils/Awaitables.h"
#include "utils/Coroutines.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Analysis/CFG.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"
#include <array>
#include <deque>
#include <optional>

using namespace clang::ast_matchers;

namespace clang::tidy::coro {
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

llvm::StringRef suggestedMutex(llvm::StringRef TaskNamespace) {
  for (const ProfileName &P : Profile)
    if (P.R == Role::Suggestion && P.Library == TaskNamespace)
      return P.Name;
  return {};
}

bool isSuspension(const Stmt *S) {
  return llvm::isa<CoawaitExpr, CoyieldExpr, DependentCoawaitExpr>(S);
}

/// Whether \p S contains a co_await or co_yield of its own context.
bool containsSuspension(const Stmt *S) {
  if (!S)
    return false;
  if (isSuspension(S))
    return true;
  if (llvm::isa<LambdaExpr>(S))
    return false;
  return llvm::any_of(S->children(), containsSuspension);
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

const VarDecl *refVar(const Expr *E) {
  if (!E)
    return nullptr;
  const auto *DRE = llvm::dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  return DRE ? llvm::dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
}

std::string pointerKey(const void *P) {
  return std::to_string(reinterpret_cast<uintptr_t>(P));
}

bool mentions(const Stmt *S, const VarDecl &VD);

struct LockState {
  bool May = false, Must = false;
  /// Where the lock was taken on this path.
  const Stmt *Site = nullptr;
  /// The last branch taken while the lock's state was the same on every
  /// path: the branch that names a path-dependent lock.
  const CFGBlock *Branch = nullptr;
  unsigned Edge = 0;
  bool operator==(const LockState &O) const {
    return May == O.May && Must == O.Must && Site == O.Site &&
           Branch == O.Branch && Edge == O.Edge;
  }
  void take(const Stmt *At) {
    May = Must = true;
    Site = At;
  }
  void drop() {
    May = Must = false;
    Site = nullptr;
  }
};
using FlowState = llvm::SmallVector<LockState, 4>;

LockState join(const LockState &A, const LockState &B) {
  if (!A.May && !B.May)
    return A.Branch ? A : B;
  if (A.May != B.May) {
    LockState R = A.May ? A : B;
    R.Must = false;
    return R;
  }
  LockState R = !A.Must ? A : !B.Must ? B : A;
  R.Must = A.Must && B.Must;
  if (!R.Site)
    R.Site = A.Site ? A.Site : B.Site;
  return R;
}

/// One thread lock of the body.
struct Lock {
  const VarDecl *Guard = nullptr; // null: a mutex locked explicitly
  std::string Key;                // the mutex, normalised
  std::string Mutex;              // the mutex as written
  enum InitKind { Held, NotHeld, Adopt, MovedFrom } Init = Held;
  const VarDecl *From = nullptr; // MovedFrom
};

struct LockOp {
  enum Kind { Acquire, Release, GuardLock, GuardUnlock, GuardRelease, GuardMove } K;
  unsigned Index;
};

/// What a branch condition tests: a try_lock (the lock is taken on the
/// success edge) or a guard's ownership (the guard holds nothing on the
/// failure edge).
struct LockTest {
  unsigned Index;
  bool Acquires;
  bool SuccessOnTrue;
  const Stmt *At;
};

struct Finding {
  unsigned Index;
  const Stmt *Suspension;
  LockState State;
};

class LockFlow {
public:
  LockFlow(LockAcrossSuspendCheck &Check, const NameList &AllowedAwaitables,
           ASTContext &Ctx)
      : Check(Check), AllowedAwaitables(AllowedAwaitables), Ctx(Ctx) {}

  /// Collects the locks of \p Body; false when the body takes none or never
  /// suspends (then no CFG is built).
  bool prescan(const Stmt *Body);
  /// Runs the data-flow and collects what reaches a suspension.
  void run(const CFG &Graph);

  std::vector<Lock> Locks;
  std::vector<Finding> Findings;
  llvm::DenseMap<const VarDecl *, const DeclStmt *> DeclOf;
  llvm::DenseMap<const Stmt *, std::pair<const CompoundStmt *, unsigned>> Parent;

  std::string text(const Expr *E) const {
    if (!E)
      return "";
    E = E->IgnoreParenImpCasts();
    if (const auto *U = llvm::dyn_cast<UnaryOperator>(E);
        U && U->getOpcode() == UO_AddrOf)
      E = U->getSubExpr()->IgnoreParenImpCasts();
    const SourceManager &SM = Ctx.getSourceManager();
    // A macro argument: where it is spelled.
    CharSourceRange R = CharSourceRange::getTokenRange(
        SM.getSpellingLoc(E->getBeginLoc()), SM.getSpellingLoc(E->getEndLoc()));
    std::string T = Lexer::getSourceText(R, SM, Ctx.getLangOpts()).str();
    if (T.size() > 40)
      T = T.substr(0, 37) + "...";
    return T;
  }

private:
  std::optional<Lock> guardOf(const VarDecl &VD);
  bool isAsyncMutex(const Expr *Object) const;
  bool handsOver(const Expr *Operand, const Lock &L) const;
  std::string objectKey(const Expr *E) const;
  std::optional<unsigned> lockFor(const Expr *Object, bool Create);
  llvm::SmallVector<LockOp, 2> classify(const CallExpr &CE, bool Create);
  std::optional<LockTest> test(const CFGBlock &B);
  void transfer(const CFGBlock &B, FlowState &S, bool Report);
  void edge(const CFGBlock &B, unsigned Succ, FlowState &S);

  LockAcrossSuspendCheck &Check;
  const NameList &AllowedAwaitables;
  ASTContext &Ctx;
  llvm::DenseMap<const VarDecl *, unsigned> GuardIndex;
  llvm::StringMap<unsigned> KeyIndex;
  llvm::DenseSet<const Expr *> Awaited;
  /// A guard's state when it was moved from, for the declaration it
  /// initialises.
  llvm::DenseMap<unsigned, LockState> Moved;
};

class Prescan : public ContextVisitor<Prescan> {
public:
  std::vector<const VarDecl *> Vars;
  std::vector<const CallExpr *> Calls;
  std::vector<const Expr *> Suspensions;
  llvm::DenseMap<const VarDecl *, const DeclStmt *> DeclOf;
  llvm::DenseMap<const Stmt *, std::pair<const CompoundStmt *, unsigned>> Parent;

  bool VisitVarDecl(VarDecl *VD) {
    if (VD->isLocalVarDecl() && !VD->isStaticLocal())
      Vars.push_back(VD);
    return true;
  }
  bool VisitDeclStmt(DeclStmt *DS) {
    for (const Decl *D : DS->decls())
      if (const auto *VD = llvm::dyn_cast<VarDecl>(D))
        DeclOf[VD] = DS;
    return true;
  }
  bool VisitCompoundStmt(CompoundStmt *CS) {
    unsigned I = 0;
    for (const Stmt *C : CS->body())
      Parent[C] = {CS, I++};
    return true;
  }
  bool VisitCallExpr(CallExpr *CE) {
    Calls.push_back(CE);
    return true;
  }
  bool VisitCoawaitExpr(CoawaitExpr *E) { return add(E, E->getOperand()); }
  bool VisitDependentCoawaitExpr(DependentCoawaitExpr *E) {
    return add(E, E->getOperand());
  }
  bool VisitCoyieldExpr(CoyieldExpr *E) { return add(E, E->getOperand()); }

private:
  bool add(const Expr *E, const Expr *Operand) {
    Suspensions.push_back(E);
    Operands.push_back(Operand);
    return true;
  }

public:
  std::vector<const Expr *> Operands;
};

std::string LockFlow::objectKey(const Expr *E) const {
  if (!E)
    return "";
  E = E->IgnoreParenImpCasts();
  if (const auto *U = llvm::dyn_cast<UnaryOperator>(E))
    if (U->getOpcode() == UO_AddrOf || U->getOpcode() == UO_Deref)
      return objectKey(U->getSubExpr());
  if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(E))
    if ((Op->getOperator() == OO_Arrow || Op->getOperator() == OO_Star) &&
        Op->getNumArgs() == 1)
      return objectKey(Op->getArg(0));
  if (const auto *DRE = llvm::dyn_cast<DeclRefExpr>(E))
    return "d" + pointerKey(DRE->getDecl());
  if (llvm::isa<CXXThisExpr>(E))
    return "this";
  if (const auto *ME = llvm::dyn_cast<MemberExpr>(E)) {
    std::string Base = objectKey(ME->getBase());
    return Base.empty() ? "" : Base + ".m" + pointerKey(ME->getMemberDecl());
  }
  if (const auto *DME = llvm::dyn_cast<CXXDependentScopeMemberExpr>(E)) {
    std::string Base = DME->isImplicitAccess() ? "this" : objectKey(DME->getBase());
    return Base.empty() ? "" : Base + "." + DME->getMember().getAsString();
  }
  if (const auto *CE = llvm::dyn_cast<CallExpr>(E)) {
    auto [Object, Name] = memberCall(*CE);
    // lk.release()->unlock(): the guard's mutex.
    if (const VarDecl *G = refVar(Object); G && Name == "release")
      if (auto It = GuardIndex.find(G); It != GuardIndex.end())
        return Locks[It->second].Key;
    const FunctionDecl *Callee = CE->getDirectCallee();
    if (!Callee || CE->getNumArgs() != 0)
      return "";
    std::string Base = Object ? objectKey(Object) : "";
    return Base + ".c" + pointerKey(Callee->getCanonicalDecl());
  }
  return "";
}

bool LockFlow::isAsyncMutex(const Expr *Object) const {
  if (!Object || Object->isTypeDependent())
    return false;
  QualType T = Object->getType();
  if (T->isPointerType())
    T = T->getPointeeType();
  const CXXRecordDecl *RD = classOf(T);
  return RD &&
         Check.classify(*RD) == LockAcrossSuspendCheck::LockClass::AsyncMutex;
}

/// Whether the awaited expression is handed the lock (co_await
/// waiter(lock), co_await cv.wait(lk)): its awaiter releases it when it
/// suspends, the way a condition variable does.
bool LockFlow::handsOver(const Expr *Operand, const Lock &L) const {
  if (!Operand)
    return false;
  if (L.Guard)
    return mentions(Operand, *L.Guard);
  llvm::SmallVector<const Stmt *, 16> Work{Operand};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S || llvm::isa<LambdaExpr>(S))
      continue;
    if (const auto *E = llvm::dyn_cast<Expr>(S);
        E && (llvm::isa<DeclRefExpr, MemberExpr>(E->IgnoreParenImpCasts())) &&
        objectKey(E) == L.Key)
      return true;
    for (const Stmt *C : S->children())
      Work.push_back(C);
  }
  return false;
}

std::optional<unsigned> LockFlow::lockFor(const Expr *Object, bool Create) {
  std::string Key = objectKey(Object);
  if (Key.empty())
    return std::nullopt;
  auto It = KeyIndex.find(Key);
  if (It != KeyIndex.end())
    return It->second;
  if (!Create)
    return std::nullopt;
  Lock L;
  L.Key = Key;
  L.Mutex = text(Object);
  Locks.push_back(L);
  KeyIndex[Key] = Locks.size() - 1;
  return Locks.size() - 1;
}

std::optional<Lock> LockFlow::guardOf(const VarDecl &VD) {
  if (VD.getType()->isReferenceType() || VD.getType()->isPointerType())
    return std::nullopt;
  const CXXRecordDecl *RD = classOf(VD.getType());
  if (!RD || Check.classify(*RD) != LockAcrossSuspendCheck::LockClass::ThreadGuard)
    return std::nullopt;
  for (QualType Arg : typeArguments(VD.getType()))
    if (const CXXRecordDecl *M = classOf(Arg))
      if (Check.classify(*M) == LockAcrossSuspendCheck::LockClass::AsyncMutex)
        return std::nullopt;
  Lock L;
  L.Guard = &VD;
  const Expr *Init = VD.getInit();
  // Its lock is awaited: an async lock in a guard's shape.
  if (containsSuspension(Init))
    return std::nullopt;
  if (!Init) {
    L.Init = Lock::NotHeld;
    return L;
  }
  const Expr *E = ignoreWrappers(Init);
  if (const VarDecl *From = refVar(E)) {
    L.Init = Lock::MovedFrom;
    L.From = From;
    return L;
  }
  llvm::ArrayRef<const Expr *> Args;
  llvm::SmallVector<const Expr *, 4> ArgStore;
  if (const auto *CE = llvm::dyn_cast<CXXConstructExpr>(E))
    ArgStore.append(CE->arg_begin(), CE->arg_end());
  else if (const auto *PL = llvm::dyn_cast<ParenListExpr>(E))
    for (unsigned I = 0; I < PL->getNumExprs(); ++I)
      ArgStore.push_back(PL->getExpr(I));
  else if (const auto *IL = llvm::dyn_cast<InitListExpr>(E))
    ArgStore.append(IL->inits().begin(), IL->inits().end());
  else if (const auto *UC = llvm::dyn_cast<CXXUnresolvedConstructExpr>(E))
    ArgStore.append(UC->arg_begin(), UC->arg_end());
  else if (const auto *Call = llvm::dyn_cast<CallExpr>(E)) {
    // auto locked = sync.wlock();
    auto [Object, Name] = memberCall(*Call);
    L.Mutex = Object ? text(Object) : "";
    L.Key = objectKey(Object);
    return L;
  }
  Args = ArgStore;
  if (Args.empty()) {
    L.Init = Lock::NotHeld;
    return L;
  }
  for (const Expr *A : Args.drop_front()) {
    const CXXRecordDecl *Tag = classOf(A->getType());
    llvm::StringRef Name = Tag && Tag->getIdentifier() ? Tag->getName() : "";
    if (Name == "defer_lock_t")
      L.Init = Lock::NotHeld;
    else if (Name == "adopt_lock_t")
      L.Init = Lock::Adopt;
  }
  const Expr *Mutex = Args.front();
  if (const CXXRecordDecl *M = classOf(Mutex->getType()->isPointerType()
                                           ? Mutex->getType()->getPointeeType()
                                           : Mutex->getType()))
    if (Check.classify(*M) == LockAcrossSuspendCheck::LockClass::AsyncMutex)
      return std::nullopt;
  L.Mutex = text(Mutex);
  L.Key = objectKey(Mutex);
  return L;
}

bool LockFlow::prescan(const Stmt *Body) {
  Prescan P;
  P.TraverseStmt(const_cast<Stmt *>(Body));
  if (P.Suspensions.empty())
    return false;
  for (const Expr *Operand : P.Operands)
    if (Operand)
      if (const auto *CE = llvm::dyn_cast<CallExpr>(ignoreWrappers(Operand)))
        Awaited.insert(CE);
  for (const VarDecl *VD : P.Vars)
    if (std::optional<Lock> L = guardOf(*VD)) {
      GuardIndex[VD] = Locks.size();
      Locks.push_back(*L);
    }
  // A guard's mutex may be handed back by release() and unlocked by hand.
  for (unsigned I = 0, N = Locks.size(); I < N; ++I)
    if (!Locks[I].Key.empty() && !KeyIndex.count(Locks[I].Key)) {
      Lock L;
      L.Key = Locks[I].Key;
      L.Mutex = Locks[I].Mutex;
      Locks.push_back(L);
      KeyIndex[L.Key] = Locks.size() - 1;
    }
  bool Takes = !GuardIndex.empty();
  for (const CallExpr *CE : P.Calls) {
    for (const LockOp &Op : classify(*CE, /*Create=*/true))
      Takes |= Op.K == LockOp::Acquire || Op.K == LockOp::GuardLock;
    if (const Expr *Target = tryLockTarget(*CE); Target && !isAsyncMutex(Target))
      Takes |= lockFor(Target, /*Create=*/true).has_value();
  }
  if (!Takes)
    return false;
  DeclOf = std::move(P.DeclOf);
  Parent = std::move(P.Parent);
  return true;
}

llvm::SmallVector<LockOp, 2> LockFlow::classify(const CallExpr &CE,
                                                bool Create) {
  llvm::SmallVector<LockOp, 2> Ops;
  if (Awaited.contains(&CE))
    return Ops;
  const FunctionDecl *Callee = CE.getDirectCallee();
  auto [Object, Name] = memberCall(CE);
  if (!Name.empty()) {
    if (const VarDecl *G = refVar(Object)) {
      if (auto It = GuardIndex.find(G); It != GuardIndex.end()) {
        if (isMethodNamed(Role::UnlockMethod, Name))
          Ops.push_back({LockOp::GuardUnlock, It->second});
        else if (isMethodNamed(Role::LockMethod, Name))
          Ops.push_back({LockOp::GuardLock, It->second});
        else if (Name == "release")
          Ops.push_back({LockOp::GuardRelease, It->second});
        return Ops;
      }
    }
    bool IsLock = isMethodNamed(Role::LockMethod, Name);
    bool IsUnlock = isMethodNamed(Role::UnlockMethod, Name);
    if ((!IsLock && !IsUnlock) || !returnsPlainValue(CE))
      return Ops;
    // The object must be a lockable: a class with both halves (or one whose
    // type is not known yet, in a template).
    if (Object && !Object->isTypeDependent()) {
      QualType T = Object->getType();
      if (T->isPointerType())
        T = T->getPointeeType();
      const CXXRecordDecl *RD = classOf(T);
      if (!RD || Check.classify(*RD) == LockAcrossSuspendCheck::LockClass::AsyncMutex)
        return Ops;
      bool HasLock = llvm::any_of(Profile, [&](const ProfileName &P) {
        return P.R == Role::LockMethod && hasMemberNamed(*RD, P.Name);
      });
      bool HasUnlock = llvm::any_of(Profile, [&](const ProfileName &P) {
        return P.R == Role::UnlockMethod && hasMemberNamed(*RD, P.Name);
      });
      if (!HasLock || !HasUnlock)
        return Ops;
    }
    if (!Object) // an implicit this->lock() inside the mutex class itself
      return Ops;
    if (std::optional<unsigned> I = lockFor(Object, Create && IsLock))
      Ops.push_back({IsLock ? LockOp::Acquire : LockOp::Release, *I});
    return Ops;
  }
  if (!Callee)
    return Ops;
  if (Callee->isInStdNamespace() && Callee->getDeclName().isIdentifier() &&
      Callee->getName() == "move" && CE.getNumArgs() == 1) {
    if (const VarDecl *G = refVar(CE.getArg(0)))
      if (auto It = GuardIndex.find(G); It != GuardIndex.end())
        Ops.push_back({LockOp::GuardMove, It->second});
    return Ops;
  }
  bool IsLock = profileNames(Role::LockFunction).matches(*Callee);
  bool IsUnlock = !IsLock && profileNames(Role::UnlockFunction).matches(*Callee);
  if (!IsLock && !IsUnlock)
    return Ops;
  // std::lock(a, b, ...) takes them all; the others take their first.
  unsigned N = IsLock && Callee->isInStdNamespace() ? CE.getNumArgs()
                                                    : std::min(1u, CE.getNumArgs());
  for (unsigned I = 0; I < N; ++I)
    if (std::optional<unsigned> Idx = lockFor(CE.getArg(I), Create && IsLock))
      Ops.push_back({IsLock ? LockOp::Acquire : LockOp::Release, *Idx});
  return Ops;
}

std::optional<LockTest> LockFlow::test(const CFGBlock &B) {
  const auto *E = llvm::dyn_cast_or_null<Expr>(B.getTerminatorCondition());
  bool Negated = false;
  for (unsigned Depth = 0; E && Depth < 8; ++Depth) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Cleanups = llvm::dyn_cast<ExprWithCleanups>(E)) {
      E = Cleanups->getSubExpr();
    } else if (const auto *U = llvm::dyn_cast<UnaryOperator>(E);
               U && U->getOpcode() == UO_LNot) {
      Negated = !Negated;
      E = U->getSubExpr();
    } else if (const auto *BO = llvm::dyn_cast<BinaryOperator>(E)) {
      if (BO->isLogicalOp()) {
        // The block that evaluates the right operand.
        E = BO->getRHS();
        continue;
      }
      if (!BO->isEqualityOp())
        return std::nullopt;
      auto IsZero = [&](const Expr *X) {
        X = X->IgnoreParenImpCasts();
        if (const auto *IL = llvm::dyn_cast<IntegerLiteral>(X))
          return IL->getValue() == 0;
        return llvm::isa<CXXNullPtrLiteralExpr, GNUNullExpr>(X);
      };
      if (IsZero(BO->getRHS()))
        E = BO->getLHS();
      else if (IsZero(BO->getLHS()))
        E = BO->getRHS();
      else
        return std::nullopt;
      if (BO->getOpcode() == BO_EQ)
        Negated = !Negated;
    } else if (const auto *MC = llvm::dyn_cast<CXXMemberCallExpr>(E);
               MC && llvm::isa_and_nonnull<CXXConversionDecl>(MC->getMethodDecl())) {
      E = MC->getImplicitObjectArgument();
    } else {
      break;
    }
  }
  if (!E)
    return std::nullopt;
  if (const VarDecl *G = refVar(E))
    if (auto It = GuardIndex.find(G); It != GuardIndex.end())
      return LockTest{It->second, false, !Negated, E};
  const auto *CE = llvm::dyn_cast<CallExpr>(E);
  if (!CE)
    return std::nullopt;
  auto [Object, Name] = memberCall(*CE);
  if (!Name.empty()) {
    const VarDecl *G = refVar(Object);
    auto It = G ? GuardIndex.find(G) : GuardIndex.end();
    if (It != GuardIndex.end()) {
      if (Name == "owns_lock")
        return LockTest{It->second, false, !Negated, CE};
      if (isMethodNamed(Role::TryLockMethod, Name))
        return LockTest{It->second, true, !Negated, CE};
      return std::nullopt;
    }
  }
  if (const Expr *Target = tryLockTarget(*CE))
    if (std::optional<unsigned> I = lockFor(Target, false))
      // pthread's trylock returns 0 on success, a try_lock() true.
      return LockTest{*I, true, Name.empty() ? Negated : !Negated, CE};
  return std::nullopt;
}

void LockFlow::transfer(const CFGBlock &B, FlowState &S, bool Report) {
  for (const CFGElement &Elem : B) {
    if (auto D = Elem.getAs<CFGAutomaticObjDtor>()) {
      if (auto It = GuardIndex.find(D->getVarDecl()); It != GuardIndex.end())
        S[It->second].drop();
      continue;
    }
    auto CS = Elem.getAs<CFGStmt>();
    if (!CS)
      continue;
    const Stmt *St = CS->getStmt();
    if (const auto *DS = llvm::dyn_cast<DeclStmt>(St)) {
      for (const Decl *D : DS->decls()) {
        const auto *VD = llvm::dyn_cast<VarDecl>(D);
        auto It = VD ? GuardIndex.find(VD) : GuardIndex.end();
        if (It == GuardIndex.end())
          continue;
        const Lock &L = Locks[It->second];
        LockState &G = S[It->second];
        switch (L.Init) {
        case Lock::Held:
          G.take(DS);
          break;
        case Lock::NotHeld:
          G.drop();
          break;
        case Lock::Adopt:
          G.take(DS);
          if (auto K = KeyIndex.find(L.Key); K != KeyIndex.end()) {
            if (S[K->second].May)
              G.Site = S[K->second].Site;
            S[K->second].drop();
          }
          break;
        case Lock::MovedFrom: {
          auto From = GuardIndex.find(L.From);
          if (From == GuardIndex.end()) {
            G.take(DS); // a guard handed in from elsewhere
            break;
          }
          auto M = Moved.find(From->second);
          G = M != Moved.end() ? M->second : S[From->second];
          break;
        }
        }
      }
      continue;
    }
    if (isSuspension(St)) {
      if (!Report)
        continue;
      const Expr *Operand = nullptr;
      if (const auto *CSE = llvm::dyn_cast<CoroutineSuspendExpr>(St))
        Operand = CSE->getOperand();
      else if (const auto *DCE = llvm::dyn_cast<DependentCoawaitExpr>(St))
        Operand = DCE->getOperand();
      if (Operand)
        if (const CXXRecordDecl *RD = classOf(Operand->getType()))
          if (AllowedAwaitables.matches(*RD))
            continue;
      for (unsigned I = 0; I < S.size(); ++I)
        if (S[I].May && !handsOver(Operand, Locks[I]))
          Findings.push_back({I, St, S[I]});
      continue;
    }
    const auto *CE = llvm::dyn_cast<CallExpr>(St);
    if (!CE)
      continue;
    for (const LockOp &Op : classify(*CE, /*Create=*/false)) {
      LockState &L = S[Op.Index];
      switch (Op.K) {
      case LockOp::Acquire:
      case LockOp::GuardLock:
        L.take(CE);
        break;
      case LockOp::Release:
      case LockOp::GuardUnlock:
        L.drop();
        break;
      case LockOp::GuardRelease:
        if (auto K = KeyIndex.find(Locks[Op.Index].Key);
            K != KeyIndex.end() && L.May)
          S[K->second] = L;
        S[Op.Index].drop();
        break;
      case LockOp::GuardMove:
        Moved[Op.Index] = L;
        L.drop();
        break;
      }
    }
  }
}

void LockFlow::edge(const CFGBlock &B, unsigned Succ, FlowState &S) {
  if (B.succ_size() < 2 || !B.getTerminatorStmt())
    return;
  for (LockState &L : S)
    if (L.Must || !L.May) {
      L.Branch = &B;
      L.Edge = Succ;
    }
  if (B.succ_size() != 2)
    return;
  std::optional<LockTest> T = test(B);
  if (!T)
    return;
  bool Success = (Succ == 0) == T->SuccessOnTrue;
  LockState &L = S[T->Index];
  if (Success && T->Acquires)
    L.take(T->At);
  else if (!Success)
    L.drop();
}

void LockFlow::run(const CFG &Graph) {
  std::vector<std::optional<FlowState>> In(Graph.getNumBlockIDs());
  std::vector<unsigned> Visits(Graph.getNumBlockIDs());
  const CFGBlock &Entry = Graph.getEntry();
  In[Entry.getBlockID()] = FlowState(Locks.size());
  std::deque<const CFGBlock *> Work{&Entry};
  while (!Work.empty()) {
    const CFGBlock *B = Work.front();
    Work.pop_front();
    FlowState S = *In[B->getBlockID()];
    Moved.clear();
    transfer(*B, S, /*Report=*/false);
    unsigned I = 0;
    for (const CFGBlock::AdjacentBlock &Adj : B->succs()) {
      unsigned Index = I++;
      const CFGBlock *Succ = Adj.getReachableBlock();
      if (!Succ)
        continue;
      FlowState Out = S;
      edge(*B, Index, Out);
      std::optional<FlowState> &Target = In[Succ->getBlockID()];
      if (!Target) {
        Target = Out;
      } else {
        FlowState Joined = *Target;
        for (unsigned L = 0; L < Joined.size(); ++L)
          Joined[L] = join(Joined[L], Out[L]);
        if (Joined == *Target)
          continue;
        Target = Joined;
      }
      // Bounded: the states only grow (May) and shrink (Must); the
      // bookkeeping fields settle within a few rounds.
      if (++Visits[Succ->getBlockID()] < 32)
        Work.push_back(Succ);
    }
  }
  for (const CFGBlock *B : Graph)
    if (In[B->getBlockID()]) {
      FlowState S = *In[B->getBlockID()];
      Moved.clear();
      transfer(*B, S, /*Report=*/true);
    }
}

/// Whether \p FD's code was instantiated from a template: the template
/// itself is analysed instead.
bool isInstantiated(const FunctionDecl &FD) {
  for (const DeclContext *DC = &FD; DC; DC = DC->getParent()) {
    if (const auto *F = llvm::dyn_cast<FunctionDecl>(DC);
        F && F->isTemplateInstantiation())
      return true;
    if (const auto *Spec = llvm::dyn_cast<ClassTemplateSpecializationDecl>(DC);
        Spec && Spec->getSpecializationKind() != TSK_ExplicitSpecialization)
      return true;
  }
  return false;
}

bool mentions(const Stmt *S, const VarDecl &VD) {
  if (!S)
    return false;
  if (const auto *DRE = llvm::dyn_cast<DeclRefExpr>(S))
    return DRE->getDecl() == &VD;
  if (const auto *LE = llvm::dyn_cast<LambdaExpr>(S))
    if (llvm::any_of(LE->captures(), [&](const LambdaCapture &C) {
          return C.capturesVariable() && C.getCapturedVar() == &VD;
        }))
      return true;
  return llvm::any_of(S->children(),
                      [&](const Stmt *C) { return mentions(C, VD); });
}

/// The fix-it that ends a guard's scope before the statement holding the
/// suspension: '{' before the guard, '}' before that statement. Only when
/// both are statements of one block with statements in between, nothing
/// declared in between is used after it, and the guard is not used at or
/// after that statement.
llvm::SmallVector<FixItHint, 2> scopeFix(const LockFlow &Flow, const VarDecl &G,
                                         const Stmt &Suspension,
                                         const SourceManager &SM) {
  auto DS = Flow.DeclOf.find(&G);
  if (DS == Flow.DeclOf.end())
    return {};
  auto P = Flow.Parent.find(DS->second);
  if (P == Flow.Parent.end())
    return {};
  const CompoundStmt *Block = P->second.first;
  llvm::ArrayRef<Stmt *> Body(Block->body_begin(), Block->body_end());
  unsigned First = P->second.second, Held = Body.size();
  for (unsigned I = First + 1; I < Body.size(); ++I)
    if (Body[I]->getSourceRange().fullyContains(Suspension.getSourceRange()) ||
        Body[I]->getSourceRange() == Suspension.getSourceRange()) {
      Held = I;
      break;
    }
  // Nothing between the guard and the suspension: the block would protect
  // nothing, and what the lock is for comes after the suspension.
  if (Held == Body.size() || Held == First + 1)
    return {};
  for (unsigned I = Held; I < Body.size(); ++I)
    if (mentions(Body[I], G))
      return {};
  for (unsigned I = First + 1; I < Held; ++I) {
    if (llvm::isa<LabelStmt, SwitchCase>(Body[I]))
      return {};
    if (const auto *Decl = llvm::dyn_cast<DeclStmt>(Body[I]))
      for (const clang::Decl *D : Decl->decls())
        if (const auto *V = llvm::dyn_cast<VarDecl>(D))
          for (unsigned J = Held; J < Body.size(); ++J)
            if (mentions(Body[J], *V))
              return {};
  }
  SourceLocation Open = DS->second->getBeginLoc();
  SourceLocation Close = Body[Held]->getBeginLoc();
  if (Open.isMacroID() || Close.isMacroID())
    return {};
  auto Indent = [&](SourceLocation L) {
    return std::string(SM.getSpellingColumnNumber(L) - 1, ' ');
  };
  return {FixItHint::CreateInsertion(Open, "{\n" + Indent(Open)),
          FixItHint::CreateInsertion(Close, "}\n" + Indent(Close))};
}

/// "where 'ready' is false", "through 'case 2'": the path out of \p B along
/// successor \p Edge.
std::string describeBranch(const LockFlow &Flow, const CFGBlock &B,
                           unsigned Edge) {
  const Stmt *Term = B.getTerminatorStmt();
  if (llvm::isa<SwitchStmt>(Term)) {
    const CFGBlock *Succ = *(B.succ_begin() + Edge);
    const Stmt *Label = Succ ? Succ->getLabel() : nullptr;
    if (const auto *Case = llvm::dyn_cast_or_null<CaseStmt>(Label))
      return "through 'case " + Flow.text(Case->getLHS()) + "'";
    if (llvm::isa_and_nonnull<DefaultStmt>(Label))
      return "through 'default'";
    return "";
  }
  if (llvm::isa<CXXForRangeStmt>(Term))
    return Edge == 0 ? "into the loop body" : "that leaves the loop";
  const auto *Cond = llvm::dyn_cast_or_null<Expr>(B.getTerminatorCondition());
  if (const auto *BO = llvm::dyn_cast_or_null<BinaryOperator>(
          Cond ? Cond->IgnoreParenImpCasts() : nullptr);
      BO && BO->isLogicalOp() && Term != BO)
    Cond = BO->getRHS();
  if (!Cond || B.succ_size() != 2)
    return "";
  return "where '" + Flow.text(Cond) + "' is " + (Edge == 0 ? "true" : "false");
}

} // namespace

LockAcrossSuspendCheck::LockAcrossSuspendCheck(StringRef Name,
                                               ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      ThreadGuardTypes(Options.get("ThreadGuardTypes", "")),
      AllowedAwaitables(Options.get("AllowedAwaitables", "")) {}

void LockAcrossSuspendCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "ThreadGuardTypes", ThreadGuardTypes.raw());
  Options.store(Opts, "AllowedAwaitables", AllowedAwaitables.raw());
}

void LockAcrossSuspendCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(coroutineDefinition().bind("coroutine"), this);
}

/// Whether a constructor or destructor body calls lock() (or unlock()) on a
/// member that refers to a mutex (a reference or pointer member).
static bool locksMember(const Stmt *S, bool Unlock) {
  if (!S)
    return false;
  if (const auto *CE = llvm::dyn_cast<CallExpr>(S)) {
    const Expr *Target = nullptr;
    auto [Object, Name] = memberCall(*CE);
    if (!Name.empty() &&
        isMethodNamed(Unlock ? Role::UnlockMethod : Role::LockMethod, Name) &&
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

LockAcrossSuspendCheck::LockClass
LockAcrossSuspendCheck::classify(const CXXRecordDecl &RD) {
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

void LockAcrossSuspendCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *FD = Result.Nodes.getNodeAs<FunctionDecl>("coroutine");
  const CoroutineBodyStmt *Coro = coroutineBody(*FD);
  if (!Coro || isInstantiated(*FD))
    return;
  ASTContext &Ctx = *Result.Context;
  const SourceManager &SM = Ctx.getSourceManager();
  LockFlow Flow(*this, AllowedAwaitables, Ctx);
  // The CFG only for coroutines that both take a thread lock and suspend.
  if (!Flow.prescan(Coro->getBody()))
    return;
  CFG::BuildOptions Options;
  Options.AddImplicitDtors = true;
  Options.setAllAlwaysAdd();
  std::unique_ptr<CFG> Graph = CFG::buildCFG(
      FD, Coro->getBody(), &Ctx, Options);
  if (!Graph)
    return;
  Flow.run(*Graph);

  // One warning per lock, at its first suspension in source order; the
  // others are notes.
  std::stable_sort(Flow.Findings.begin(), Flow.Findings.end(),
                   [&](const Finding &A, const Finding &B) {
                     if (A.Index != B.Index)
                       return A.Index < B.Index;
                     return SM.isBeforeInTranslationUnit(
                         A.Suspension->getBeginLoc(), B.Suspension->getBeginLoc());
                   });
  llvm::StringRef Suggested = suggestedMutex(taskNamespace(*FD));
  for (auto I = Flow.Findings.begin(), E = Flow.Findings.end(); I != E;) {
    auto Next = std::find_if(I, E, [&](const Finding &F) {
      return F.Index != I->Index;
    });
    // The same suspension reached in several ways: one note each.
    llvm::SmallVector<const Stmt *, 4> Others;
    for (auto J = I + 1; J != Next; ++J)
      if (J->Suspension != I->Suspension &&
          !llvm::is_contained(Others, J->Suspension))
        Others.push_back(J->Suspension);
    // Path-dependent if any of the ways to the first suspension is.
    Finding First = *I;
    for (auto J = I; J != Next && J->Suspension == I->Suspension; ++J)
      if (!J->State.Must)
        First = *J;
    I = Next;

    const Lock &L = Flow.Locks[First.Index];
    const Stmt *Susp = First.Suspension;
    const char *Kind = llvm::isa<CoyieldExpr>(Susp) ? "co_yield" : "co_await";
    SourceLocation SiteLoc =
        First.State.Site ? First.State.Site->getBeginLoc() : SourceLocation();
    bool AtDeclaration =
        L.Guard && First.State.Site && llvm::isa<DeclStmt>(First.State.Site);
    if (AtDeclaration)
      SiteLoc = L.Guard->getLocation();
    // A guard is named by its declaration, an explicit lock by its call.
    SourceLocation NameLoc = L.Guard ? L.Guard->getLocation() : SiteLoc;
    unsigned Line = NameLoc.isValid() ? SM.getPresumedLineNumber(NameLoc) : 0;
    std::string LineText = Line ? std::to_string(Line) : "?";
    std::string Subject;
    std::string Needing = L.Mutex.empty() ? "it" : "'" + L.Mutex + "'";
    if (L.Guard) {
      // The type with its namespaces and template arguments, whatever the
      // declaration spelled (auto, deduced arguments); as written in a
      // template.
      PrintingPolicy Policy(Ctx.getLangOpts());
      Policy.SuppressUnwrittenScope = true;
      Policy.FullyQualifiedName = true;
      QualType T = L.Guard->getType();
      if (!T->isDependentType())
        T = T.getCanonicalType();
      Subject = "'" + T.getAsString(Policy) + "' '" +
                L.Guard->getName().str() + "' (line " + LineText + ")";
    } else {
      Subject = "'" + L.Mutex + "' (locked on line " + LineText + ")";
      Needing = "it";
    }
    diag(Susp->getBeginLoc(),
         "%0 is held across this %1: other coroutines needing %2 stall, and "
         "if the coroutine resumes on another thread the unlock is undefined")
        << Subject << Kind << Needing;

    bool LoopCarried = SiteLoc.isValid() &&
                       SM.isBeforeInTranslationUnit(Susp->getBeginLoc(), SiteLoc);
    std::string Name = L.Guard ? L.Guard->getName().str() : L.Mutex;
    if (SiteLoc.isValid()) {
      std::string What = !L.Guard        ? "'" + Name + "' is locked here"
                         : AtDeclaration ? "'" + Name + "' takes the lock here"
                                         : "the lock '" + Name +
                                               "' holds is taken here";
      if (LoopCarried)
        What += " and is still held when the next iteration of the loop "
                "reaches the " + std::string(Kind);
      diag(SiteLoc, "%0", DiagnosticIDs::Note) << What;
    }
    if (!First.State.Must && !LoopCarried && First.State.Branch) {
      std::string Path = describeBranch(Flow, *First.State.Branch, First.State.Edge);
      if (!Path.empty())
        diag(First.State.Branch->getTerminatorStmt()->getBeginLoc(),
             "'%0' is held on the path %1", DiagnosticIDs::Note)
            << Name << Path;
    }
    for (const Stmt *Other : llvm::ArrayRef(Others).take_front(4))
      diag(Other->getBeginLoc(), "'%0' is also held across this %1",
           DiagnosticIDs::Note)
          << Name << (llvm::isa<CoyieldExpr>(Other) ? "co_yield" : "co_await");
    std::string Async = Suggested.empty()
                            ? std::string("an async mutex")
                            : "an async mutex such as '" + Suggested.str() + "'";
    diag(Susp->getBeginLoc(),
         "hold %0 (its lock is awaited) across suspensions, or release the "
         "lock before this %1",
         DiagnosticIDs::Note)
        << Async << Kind;
    if (L.Guard && First.State.Must && Others.empty() && !LoopCarried) {
      llvm::SmallVector<FixItHint, 2> Fix = scopeFix(Flow, *L.Guard, *Susp, SM);
      if (!Fix.empty())
        diag(L.Guard->getLocation(),
             "end the scope of '%0' before the %1", DiagnosticIDs::Note)
            << Name << Kind << Fix;
    }
  }
}

} // namespace clang::tidy::coro
