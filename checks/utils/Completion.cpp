//===--- Completion.cpp ---------------------------------------------------===//

#include "Completion.h"
#include "Awaitables.h"
#include "Coroutines.h"
#include "DeclNames.h"
#include "NameList.h"
#include "Profiles.h"
#include "Suspensions.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::coro {
namespace {

/// Reads of a result that return at once when it is complete.
constexpr llvm::StringLiteral ReadNames[] = {
    "get",        "wait",      "value",     "result",   "get_value",
    "getValue",   "get_result", "getResult", "wait_for", "wait_until"};
/// Boolean readiness tests: true means complete.
constexpr llvm::StringLiteral ReadyTests[] = {
    "is_ready",  "isReady",  "ready",       "available",     "done",
    "is_done",   "isDone",   "failed",      "has_value",     "hasValue",
    "has_exception", "hasException", "has_result", "hasResult"};
/// State queries compared with an enumerator: status() == result_status::value.
constexpr llvm::StringLiteral StateTests[] = {
    "status", "state", "get_status", "getStatus", "wait_for", "wait_until"};
/// Words in the enumerators of a state that is not complete yet.
constexpr llvm::StringLiteral PendingWords[] = {
    "idle",    "pending", "timeout", "deferred", "running",
    "waiting", "empty",   "notready", "not_ready", "unset"};
/// Words in the names of functions and macros that assert (stop the test or
/// the program when their condition does not hold).
constexpr llvm::StringLiteral AssertWords[] = {"assert", "require", "check",
                                               "expect", "verify", "ensure"};
/// Accessors that lead from a container or wrapper to the values in it.
constexpr llvm::StringLiteral Accessors[] = {"begin", "end",  "cbegin", "cend",
                                             "front", "back", "at",     "data"};

bool nameIn(const NamedDecl &D, llvm::ArrayRef<llvm::StringLiteral> Names) {
  const IdentifierInfo *II = D.getIdentifier();
  return II && llvm::is_contained(Names, II->getName());
}

bool mentionsAny(llvm::StringRef Name, llvm::ArrayRef<llvm::StringLiteral> Words) {
  const std::string Lower = Name.lower();
  return llvm::any_of(Words, [&](llvm::StringRef W) {
    return llvm::StringRef(Lower).contains(W);
  });
}

const Expr *strip(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *EWC = llvm::dyn_cast<ExprWithCleanups>(E))
      E = EWC->getSubExpr();
    else if (const auto *MTE = llvm::dyn_cast<MaterializeTemporaryExpr>(E))
      E = MTE->getSubExpr();
    else if (const auto *BTE = llvm::dyn_cast<CXXBindTemporaryExpr>(E))
      E = BTE->getSubExpr();
    else
      return E;
  }
  return E;
}

/// One step from a value towards the value it was taken from: the object of
/// an accessor or member, the container of an element, the argument of
/// std::move/std::get, the source of a copy or conversion. With \p AnyMethod,
/// through any member call (the object of 'co_await r.resolve()').
const Expr *source(const Expr *E, bool AnyMethod) {
  if (const auto *ME = llvm::dyn_cast<MemberExpr>(E))
    return ME->getBase();
  if (const auto *ASE = llvm::dyn_cast<ArraySubscriptExpr>(E))
    return ASE->getBase();
  if (const auto *UO = llvm::dyn_cast<UnaryOperator>(E))
    return UO->getOpcode() == UO_Deref ? UO->getSubExpr() : nullptr;
  if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(E)) {
    const OverloadedOperatorKind K = Op->getOperator();
    if ((K == OO_Subscript || K == OO_Star || K == OO_Arrow) &&
        Op->getNumArgs() >= 1)
      return Op->getArg(0);
    return nullptr;
  }
  if (const auto *MC = llvm::dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *M = MC->getMethodDecl();
    if (M && (AnyMethod || nameIn(*M, Accessors) ||
              llvm::isa<CXXConversionDecl>(M)))
      return MC->getImplicitObjectArgument();
    return nullptr;
  }
  if (const auto *CE = llvm::dyn_cast<CallExpr>(E)) {
    const FunctionDecl *FD = CE->getDirectCallee();
    if (FD && CE->getNumArgs() >= 1 && isInStd(*FD) &&
        (isNamed(*FD, "move") || isNamed(*FD, "forward") ||
         isNamed(*FD, "get") || isNamed(*FD, "as_const")))
      return CE->getArg(0);
    return nullptr;
  }
  if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(E))
    return Construct->getNumArgs() == 1 ? Construct->getArg(0) : nullptr;
  if (const auto *Cast = llvm::dyn_cast<CastExpr>(E))
    return Cast->getSubExpr();
  return nullptr;
}

/// The variable \p E is taken from, or null.
const VarDecl *rootVariable(const Expr *E, bool AnyMethod) {
  for (unsigned Depth = 0; E && Depth < 16; ++Depth) {
    E = strip(E);
    if (const auto *DRE = llvm::dyn_cast<DeclRefExpr>(E)) {
      if (const auto *BD = llvm::dyn_cast<BindingDecl>(DRE->getDecl()))
        return llvm::dyn_cast_or_null<VarDecl>(BD->getDecomposedDecl());
      return llvm::dyn_cast<VarDecl>(DRE->getDecl());
    }
    E = source(E, AnyMethod);
  }
  return nullptr;
}

bool isAwait(const Expr *E) {
  return llvm::isa<CoawaitExpr, DependentCoawaitExpr>(E);
}

/// A member call named in \p Names on an object taken from \p V.
bool isTestOn(const Expr *E, const VarDecl *V,
              llvm::ArrayRef<llvm::StringLiteral> Names) {
  const auto *MC = llvm::dyn_cast<CXXMemberCallExpr>(strip(E));
  if (!MC || !MC->getMethodDecl() || !nameIn(*MC->getMethodDecl(), Names))
    return false;
  return rootVariable(MC->getImplicitObjectArgument(), false) == V;
}

const EnumConstantDecl *enumerator(const Expr *E) {
  const auto *DRE = llvm::dyn_cast<DeclRefExpr>(strip(E));
  return DRE ? llvm::dyn_cast<EnumConstantDecl>(DRE->getDecl()) : nullptr;
}

/// Whether 'A == B' (or 'A != B' when !IsEq) being \p WhenTrue means \p V is
/// complete: one side queries V's state, the other names a state.
bool comparisonImpliesReady(const Expr *A, const Expr *B, bool IsEq,
                            const VarDecl *V, bool WhenTrue) {
  const EnumConstantDecl *State = enumerator(B);
  if (!State) {
    std::swap(A, B);
    State = enumerator(B);
  }
  if (!State || !isTestOn(A, V, StateTests))
    return false;
  const bool ReadyState = !mentionsAny(State->getName(), PendingWords);
  // status() == value and status() != idle hold only when complete;
  // status() == idle and status() != value fail only when complete.
  return WhenTrue == (IsEq == ReadyState);
}

/// Whether \p E evaluating to \p WhenTrue means \p V is complete.
bool impliesReady(const Expr *E, const VarDecl *V, bool WhenTrue) {
  E = strip(E);
  if (!E)
    return false;
  if (const auto *UO = llvm::dyn_cast<UnaryOperator>(E))
    return UO->getOpcode() == UO_LNot &&
           impliesReady(UO->getSubExpr(), V, !WhenTrue);
  if (const auto *BO = llvm::dyn_cast<BinaryOperator>(E)) {
    switch (BO->getOpcode()) {
    case BO_LAnd:
      return WhenTrue && (impliesReady(BO->getLHS(), V, true) ||
                          impliesReady(BO->getRHS(), V, true));
    case BO_LOr:
      return !WhenTrue && (impliesReady(BO->getLHS(), V, false) ||
                           impliesReady(BO->getRHS(), V, false));
    case BO_EQ:
    case BO_NE:
      return comparisonImpliesReady(BO->getLHS(), BO->getRHS(),
                                    BO->getOpcode() == BO_EQ, V, WhenTrue);
    default:
      return false;
    }
  }
  if (const auto *RBO = llvm::dyn_cast<CXXRewrittenBinaryOperator>(E)) {
    const auto Form = RBO->getDecomposedForm();
    if (Form.Opcode == BO_EQ || Form.Opcode == BO_NE)
      return comparisonImpliesReady(Form.LHS, Form.RHS, Form.Opcode == BO_EQ,
                                    V, WhenTrue);
    return false;
  }
  if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(E)) {
    if ((Op->getOperator() == OO_EqualEqual ||
         Op->getOperator() == OO_ExclaimEqual) &&
        Op->getNumArgs() == 2)
      return comparisonImpliesReady(Op->getArg(0), Op->getArg(1),
                                    Op->getOperator() == OO_EqualEqual, V,
                                    WhenTrue);
    return false;
  }
  return WhenTrue && isTestOn(E, V, ReadyTests);
}

/// Whether any expression under \p S (not inside lambdas) satisfies \p Pred.
template <typename Pred> bool anyUnder(const Stmt *S, const Pred &P) {
  if (!S)
    return false;
  if (const auto *E = llvm::dyn_cast<Expr>(S); E && P(E))
    return true;
  if (llvm::isa<LambdaExpr>(S))
    return false;
  for (const Stmt *C : S->children())
    if (anyUnder(C, P))
      return true;
  return false;
}

/// The outermost macro \p Loc was expanded from, or "".
llvm::StringRef outermostMacro(SourceLocation Loc, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  llvm::StringRef Name;
  for (unsigned Depth = 0; Loc.isMacroID() && Depth < 32; ++Depth) {
    Name = Lexer::getImmediateMacroName(Loc, SM, Ctx.getLangOpts());
    Loc = SM.getImmediateMacroCallerLoc(Loc);
  }
  return Name;
}

/// Whether the assertion statement \p S (a call or macro whose name says it
/// asserts) asserts that \p V is complete.
bool assertsReady(const Stmt *S, const VarDecl *V, const ASTContext &Ctx) {
  llvm::StringRef Macro = outermostMacro(S->getBeginLoc(), Ctx);
  const auto *Call = llvm::dyn_cast_or_null<CallExpr>(
      llvm::isa<Expr>(S) ? strip(llvm::cast<Expr>(S)) : nullptr);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  const bool CallAsserts = Callee && Callee->getIdentifier() &&
                           mentionsAny(Callee->getName(), AssertWords);
  if (!CallAsserts && (Macro.empty() || !mentionsAny(Macro, AssertWords)))
    return false;
  const bool Negated = mentionsAny(CallAsserts ? Callee->getName() : Macro,
                                   {"false", "not", "_ne"});
  // assert_true(r.is_ready()), ASSERT_TRUE(r.isReady()), assert(...).
  if (anyUnder(S, [&](const Expr *E) { return impliesReady(E, V, !Negated); }))
    return true;
  // assert_equal(r.status(), status::value), ASSERT_EQ(...): the compared
  // values are the arguments of a call in the expansion.
  return anyUnder(S, [&](const Expr *E) {
    const auto *C = llvm::dyn_cast<CallExpr>(E);
    if (!C || C->getNumArgs() < 2)
      return false;
    for (unsigned I = 0; I + 1 < C->getNumArgs(); ++I)
      if (comparisonImpliesReady(C->getArg(I), C->getArg(I + 1), !Negated, V,
                                 true))
        return true;
    return false;
  });
}

/// Whether evaluating \p Outer always evaluates \p Inner (not in a branch,
/// a loop body, the right of && or ||, or a lambda).
bool alwaysEvaluated(const Stmt *Inner, const Stmt *Outer, ASTContext &Ctx) {
  const Stmt *Child = Inner;
  for (unsigned Depth = 0; Child != Outer && Depth < 64; ++Depth) {
    const auto Parents = Ctx.getParents(*Child);
    if (Parents.empty())
      return false;
    const Stmt *Parent = Parents[0].get<Stmt>();
    if (!Parent)
      return false;
    if (const auto *If = llvm::dyn_cast<IfStmt>(Parent);
        If && Child != If->getCond())
      return false;
    if (llvm::isa<WhileStmt, ForStmt, CXXForRangeStmt, SwitchStmt,
                  LambdaExpr>(Parent))
      return false;
    if (const auto *Do = llvm::dyn_cast<DoStmt>(Parent);
        Do && Child != Do->getBody())
      return false;
    if (const auto *CO = llvm::dyn_cast<AbstractConditionalOperator>(Parent);
        CO && Child != CO->getCond())
      return false;
    if (const auto *BO = llvm::dyn_cast<BinaryOperator>(Parent);
        BO && BO->isLogicalOp() && Child == BO->getRHS())
      return false;
    Child = Parent;
  }
  return Child == Outer;
}

/// Whether \p E waits for \p V to complete: a member call named wait with no
/// arguments on an object taken from V (std::future::wait, a result's
/// wait()). A timed wait (wait_for, wait(duration)) may return before.
bool isWaitOn(const Expr *E, const VarDecl *V) {
  const auto *MC = llvm::dyn_cast<CXXMemberCallExpr>(E);
  if (!MC || MC->getNumArgs() != 0 || !MC->getMethodDecl() ||
      !isNamed(*MC->getMethodDecl(), "wait"))
    return false;
  return rootVariable(MC->getImplicitObjectArgument(), false) == V;
}

/// Whether the statement \p S, run before the use, leaves \p V complete: it
/// co_awaits V (or a member call on it) or waits for it (V.wait())
/// unconditionally, asserts that V is complete, leaves only when a readiness
/// test holds (an early exit, a wait loop).
bool establishes(const Stmt *S, const VarDecl *V, ASTContext &Ctx) {
  if (const auto *If = llvm::dyn_cast<IfStmt>(S)) {
    if (cannotFallThrough(If->getThen()) &&
        impliesReady(If->getCond(), V, false))
      return true;
    if (If->getElse() && cannotFallThrough(If->getElse()) &&
        impliesReady(If->getCond(), V, true))
      return true;
  }
  if (const auto *While = llvm::dyn_cast<WhileStmt>(S))
    if (impliesReady(While->getCond(), V, false))
      return true;
  if (const auto *Do = llvm::dyn_cast<DoStmt>(S))
    if (impliesReady(Do->getCond(), V, false))
      return true;
  if (assertsReady(S, V, Ctx))
    return true;
  return anyUnder(S, [&](const Expr *E) {
    if (isWaitOn(E, V))
      return alwaysEvaluated(E, S, Ctx);
    if (!isAwait(E))
      return false;
    const Expr *Operand = llvm::isa<CoawaitExpr>(E)
                              ? llvm::cast<CoawaitExpr>(E)->getOperand()
                              : llvm::cast<DependentCoawaitExpr>(E)->getOperand();
    return rootVariable(Operand, true) == V && alwaysEvaluated(E, S, Ctx);
  });
}

/// Whether, on every path to \p Use, something before it made \p V complete:
/// a statement before it in an enclosing block (establishes()), or an
/// enclosing condition that holds only when V is complete.
bool establishedBefore(const VarDecl *V, const Stmt *Use, ASTContext &Ctx) {
  DynTypedNode Child = DynTypedNode::create(*Use);
  for (unsigned Depth = 0; Depth < 64; ++Depth) {
    const auto Parents = Ctx.getParents(Child);
    if (Parents.empty())
      return false;
    const DynTypedNode Parent = Parents[0];
    const Stmt *C = Child.get<Stmt>();
    if (const auto *D = Parent.get<Decl>()) {
      // Out of a lambda's body into the function that defines it; stop at
      // any other function.
      const auto *FD = llvm::dyn_cast<FunctionDecl>(D);
      if (FD && !(llvm::isa<CXXMethodDecl>(FD) &&
                  llvm::cast<CXXMethodDecl>(FD)->getParent()->isLambda()))
        return false;
      Child = Parent;
      continue;
    }
    const Stmt *P = Parent.get<Stmt>();
    if (!P)
      return false;
    if (const auto *CS = llvm::dyn_cast<CompoundStmt>(P)) {
      for (const Stmt *S : CS->body()) {
        if (S == C)
          break;
        if (establishes(S, V, Ctx))
          return true;
      }
    } else if (const auto *If = llvm::dyn_cast<IfStmt>(P)) {
      if (C == If->getThen() && impliesReady(If->getCond(), V, true))
        return true;
      if (C == If->getElse() && impliesReady(If->getCond(), V, false))
        return true;
    } else if (const auto *While = llvm::dyn_cast<WhileStmt>(P)) {
      if (C == While->getBody() && impliesReady(While->getCond(), V, true))
        return true;
    } else if (const auto *For = llvm::dyn_cast<ForStmt>(P)) {
      if (C == For->getBody() && For->getCond() &&
          impliesReady(For->getCond(), V, true))
        return true;
    } else if (const auto *CO = llvm::dyn_cast<ConditionalOperator>(P)) {
      if (C == CO->getTrueExpr() && impliesReady(CO->getCond(), V, true))
        return true;
      if (C == CO->getFalseExpr() && impliesReady(CO->getCond(), V, false))
        return true;
    } else if (const auto *BO = llvm::dyn_cast<BinaryOperator>(P)) {
      if (BO->getOpcode() == BO_LAnd && C == BO->getRHS() &&
          impliesReady(BO->getLHS(), V, true))
        return true;
      if (BO->getOpcode() == BO_LOr && C == BO->getRHS() &&
          impliesReady(BO->getLHS(), V, false))
        return true;
    }
    Child = Parent;
  }
  return false;
}

/// The profiles' ReadyFactory entries, read once per project profile.
struct ReadyFactories {
  NameList Names{profileNames(EntryKind::ReadyFactory)};
};

/// Whether a call of \p FD returns a value complete already: a profile's
/// ReadyFactory (make_ready_future), or an eager coroutine whose body never
/// suspends (it runs to co_return before the call returns).
bool returnsComplete(const FunctionDecl &FD) {
  if (forProfileTables<ReadyFactories>().Names.matches(FD))
    return true;
  const FunctionDecl *Def = definitionWithBody(&FD);
  const CoroutineBodyStmt *Body = Def ? coroutineBody(*Def) : nullptr;
  if (!Body || !Body->getPromiseDecl())
    return false;
  const CXXRecordDecl *Promise = recordOf(Body->getPromiseDecl()->getType());
  if (!Promise)
    return false;
  const StartPolicy Policy = promisePolicy(*Promise);
  return (Policy == StartPolicy::Eager ||
          Policy == StartPolicy::EagerAttached) &&
         !suspendsIn(Body->getBody());
}

/// Whether the value of \p E is complete at \p Use: it was produced by a
/// co_await, or taken from a variable that was (through its initialiser),
/// that is a parameter in \p Params, or that something before \p Use made
/// complete.
bool completeValue(const Expr *E, const Stmt *Use, const FunctionDecl *F,
                   CompleteParams Params, ASTContext &Ctx, unsigned Depth = 0) {
  for (unsigned Steps = 0; E && Steps < 16; ++Steps) {
    E = strip(E);
    if (isAwait(E))
      return true;
    if (const auto *CE = llvm::dyn_cast<CallExpr>(E))
      if (const FunctionDecl *FD = CE->getDirectCallee();
          FD && returnsComplete(*FD))
        return true;
    if (const auto *DRE = llvm::dyn_cast<DeclRefExpr>(E)) {
      const VarDecl *V = rootVariable(DRE, false);
      if (!V)
        return false;
      if (const auto *PVD = llvm::dyn_cast<ParmVarDecl>(V)) {
        const unsigned I = PVD->getFunctionScopeIndex();
        if (F && PVD->getDeclContext() == F && I < 64 && (Params >> I) & 1)
          return true;
      }
      if (establishedBefore(V, Use, Ctx))
        return true;
      if (V->isLocalVarDecl() && V->getInit() && Depth < 4)
        return completeValue(V->getInit(), Use, F, Params, Ctx, Depth + 1);
      return false;
    }
    E = source(E, false);
  }
  return false;
}

} // namespace

bool cannotFallThrough(const Stmt *S) {
  if (!S)
    return false;
  if (const auto *CS = llvm::dyn_cast<CompoundStmt>(S))
    return !CS->body_empty() && cannotFallThrough(CS->body_back());
  if (llvm::isa<ReturnStmt, CoreturnStmt, BreakStmt, ContinueStmt, GotoStmt,
                CXXThrowExpr>(S))
    return true;
  if (const auto *E = llvm::dyn_cast<Expr>(S)) {
    E = strip(E);
    if (llvm::isa<CXXThrowExpr>(E))
      return true;
    if (const auto *C = llvm::dyn_cast<CallExpr>(E))
      if (const FunctionDecl *FD = C->getDirectCallee())
        return FD->isNoReturn();
  }
  return false;
}

bool readsCompleteResult(const Expr &Call, const FunctionDecl *Function,
                         CompleteParams Params, ASTContext &Ctx) {
  const auto *MC = llvm::dyn_cast<CXXMemberCallExpr>(&Call);
  return MC && MC->getMethodDecl() && nameIn(*MC->getMethodDecl(), ReadNames) &&
         callsOnCompleteObject(Call, Function, Params, Ctx);
}

bool callsOnCompleteObject(const Expr &Call, const FunctionDecl *Function,
                           CompleteParams Params, ASTContext &Ctx) {
  const auto *MC = llvm::dyn_cast<CXXMemberCallExpr>(&Call);
  const Expr *Object = MC ? MC->getImplicitObjectArgument() : nullptr;
  return Object && completeValue(Object, &Call, Function, Params, Ctx);
}

bool awaitsCompleteValue(const Expr &Await, ASTContext &Ctx) {
  const Expr *Operand = awaitOperand(&Await);
  return Operand && completeValue(Operand, &Await, nullptr, 0, Ctx);
}

CompleteParams completeArguments(const Expr &Call, const FunctionDecl &Callee,
                                 const FunctionDecl *Caller,
                                 CompleteParams CallerParams, ASTContext &Ctx) {
  llvm::ArrayRef<const Expr *> Args;
  llvm::SmallVector<const Expr *, 8> Storage;
  if (const auto *CE = llvm::dyn_cast<CallExpr>(&Call)) {
    unsigned First = 0;
    // obj(args...): the object is argument 0 of the operator call.
    if (llvm::isa<CXXOperatorCallExpr>(CE) && llvm::isa<CXXMethodDecl>(Callee))
      First = 1;
    for (unsigned I = First; I < CE->getNumArgs(); ++I)
      Storage.push_back(CE->getArg(I));
  } else if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(&Call)) {
    for (const Expr *A : Construct->arguments())
      Storage.push_back(A);
  }
  Args = Storage;
  CompleteParams Result = 0;
  const unsigned N =
      std::min<unsigned>({static_cast<unsigned>(Args.size()),
                          Callee.getNumParams(), 64});
  for (unsigned I = 0; I < N; ++I)
    if (!llvm::isa<CXXDefaultArgExpr>(Args[I]) &&
        completeValue(Args[I], &Call, Caller, CallerParams, Ctx))
      Result |= CompleteParams(1) << I;
  return Result;
}

} // namespace clang::tidy::coro
