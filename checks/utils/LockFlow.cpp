//===--- LockFlow.cpp -----------------------------------------------------===//

#include "LockFlow.h"
#include "Coroutines.h"
#include "Suspensions.h"
#include "clang/Lex/Lexer.h"
#include <deque>

namespace clang::tidy::coro {
namespace {

const VarDecl *refVar(const Expr *E) {
  if (!E)
    return nullptr;
  const auto *DRE = llvm::dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  return DRE ? llvm::dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
}

std::string pointerKey(const void *P) {
  return std::to_string(reinterpret_cast<uintptr_t>(P));
}

LockState joinStates(const LockState &A, const LockState &B) {
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

/// The locals, calls and suspensions of a body, and where each statement
/// and declaration stands.
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

} // namespace

std::string LockFlow::text(const Expr *E) const {
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
  if (!RD || Classes.classify(*RD) != LockClass::ThreadGuard)
    return std::nullopt;
  for (QualType Arg : typeArguments(VD.getType()))
    if (const CXXRecordDecl *M = classOf(Arg))
      if (Classes.classify(*M) == LockClass::AsyncMutex)
        return std::nullopt;
  Lock L;
  L.Guard = &VD;
  const Expr *Init = VD.getInit();
  // Its lock is awaited: an async lock in a guard's shape.
  if (suspendsIn(Init))
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
    if (Classes.classify(*M) == LockClass::AsyncMutex)
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
    if (const Expr *Target = tryLockTarget(*CE); Target && !Classes.isAsyncMutex(Target))
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
        if (isUnlockMethod(Name))
          Ops.push_back({LockOp::GuardUnlock, It->second});
        else if (isLockMethod(Name))
          Ops.push_back({LockOp::GuardLock, It->second});
        else if (Name == "release")
          Ops.push_back({LockOp::GuardRelease, It->second});
        return Ops;
      }
    }
    bool IsLock = isLockMethod(Name);
    bool IsUnlock = isUnlockMethod(Name);
    if ((!IsLock && !IsUnlock) || !returnsPlainValue(CE))
      return Ops;
    // The object must be a lockable: a class with both halves (or one whose
    // type is not known yet, in a template).
    if (Object && !Object->isTypeDependent()) {
      QualType T = Object->getType();
      if (T->isPointerType())
        T = T->getPointeeType();
      const CXXRecordDecl *RD = classOf(T);
      if (!RD || Classes.classify(*RD) == LockClass::AsyncMutex)
        return Ops;
      if (!isLockable(*RD))
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
  bool IsLock = isLockFunction(*Callee);
  bool IsUnlock = !IsLock && isUnlockFunction(*Callee);
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
      if (isTryLockMethod(Name))
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

/// A guard's declaration: it takes its lock, or not, or adopts one, or
/// takes over the state of the guard it is moved from.
void LockFlow::declareGuards(const DeclStmt &DS, FlowState &S) {
  for (const Decl *D : DS.decls()) {
    const auto *VD = llvm::dyn_cast<VarDecl>(D);
    auto It = VD ? GuardIndex.find(VD) : GuardIndex.end();
    if (It == GuardIndex.end())
      continue;
    const Lock &L = Locks[It->second];
    LockState &G = S[It->second];
    switch (L.Init) {
    case Lock::Held:
      G.take(&DS);
      break;
    case Lock::NotHeld:
      G.drop();
      break;
    case Lock::Adopt:
      G.take(&DS);
      if (auto K = KeyIndex.find(L.Key); K != KeyIndex.end()) {
        if (S[K->second].May)
          G.Site = S[K->second].Site;
        S[K->second].drop();
      }
      break;
    case Lock::MovedFrom: {
      auto From = GuardIndex.find(L.From);
      if (From == GuardIndex.end()) {
        G.take(&DS); // a guard handed in from elsewhere
        break;
      }
      auto M = Moved.find(From->second);
      G = M != Moved.end() ? M->second : S[From->second];
      break;
    }
    }
  }
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
      declareGuards(*DS, S);
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
          Joined[L] = joinStates(Joined[L], Out[L]);
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


} // namespace clang::tidy::coro
