//===--- UnawaitedTaskCheck.cpp - coro-unawaited-task ---------------------===//

#include "UnawaitedTaskCheck.h"
#include "utils/Awaitables.h"
#include "utils/BodyValues.h"
#include "utils/Coroutines.h"
#include "utils/DeclNames.h"
#include "utils/Exceptions.h"
#include "utils/ExpectedThrow.h"
#include "utils/OptionValues.h"
#include "utils/ProfileSelection.h"
#include "utils/Profiles.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Analysis/CFG.h"
#include <optional>
#include <set>

using namespace clang::ast_matchers;

namespace clang::tidy::coro {
namespace {

std::string consequence(StartPolicy P) {
  switch (P) {
  case StartPolicy::Lazy:
    return "a lazy task that is dropped never runs";
  case StartPolicy::Eager:
    return "it keeps running detached and its result and errors are lost";
  case StartPolicy::EagerAttached:
    return "dropping it cancels the work it started";
  case StartPolicy::Unknown:
    return "it may never run, and its result and errors are lost";
  case StartPolicy::NotATask:
    return "an awaitable does nothing until it is awaited";
  }
  return "";
}

const FunctionDecl *calleeOfExpr(const Expr *E) {
  const auto *CE = llvm::dyn_cast_or_null<CallExpr>(ignoreWrappers(E));
  return CE ? CE->getDirectCallee() : nullptr;
}

/// Whether \p S refers to \p VD: a reference in it, or a lambda in it that
/// captures it. (The whole subtree is searched: the CFG does not list the
/// operands of every expression, co_await's among them, as elements.)
bool refersTo(const Stmt *S, const VarDecl &VD) {
  llvm::SmallVector<const Stmt *, 16> Work{S};
  while (!Work.empty()) {
    const Stmt *Cur = Work.pop_back_val();
    if (!Cur)
      continue;
    if (const auto *DRE = llvm::dyn_cast<DeclRefExpr>(Cur)) {
      if (DRE->getDecl() == &VD)
        return true;
      continue;
    }
    if (const auto *LE = llvm::dyn_cast<LambdaExpr>(Cur)) {
      if (llvm::any_of(LE->captures(), [&](const LambdaCapture &C) {
            return C.capturesVariable() && C.getCapturedVar() == &VD;
          }))
        return true;
      for (const Expr *Init : LE->capture_inits())
        Work.push_back(Init);
      // In a template the implicit captures of [&] / [=] are known only
      // in instantiations: a reference in the body is the capture.
      if (LE->getCaptureDefault() != LCD_None &&
          LE->getCallOperator()->isDependentContext())
        Work.push_back(LE->getBody());
      continue;
    }
    for (const Stmt *Child : Cur->children())
      Work.push_back(Child);
  }
  return false;
}

/// The value of the integer constant expression \p E, if it is one.
std::optional<llvm::APSInt> constantValue(const Expr *E, const ASTContext &Ctx) {
  Expr::EvalResult R;
  if (E && !E->isValueDependent() && E->EvaluateAsInt(R, Ctx))
    return R.Val.getInt();
  return std::nullopt;
}

/// Whether the loop \p Loop certainly runs its body at least once when it is
/// entered: 'for (int i = 0; i < 10; i++)' (a counter starting at a constant
/// and compared with a constant that lets it in), a range-for over a
/// non-empty braced list or array. (A do/while body and a constant-true
/// condition are already before any exit in the CFG.)
bool certainlyRunsOnce(const Stmt *Loop, const ASTContext &Ctx) {
  if (const auto *RF = llvm::dyn_cast_or_null<CXXForRangeStmt>(Loop)) {
    const Expr *Range = RF->getRangeInit();
    if (!Range)
      return false;
    Range = Range->IgnoreImplicit();
    if (const auto *IL = llvm::dyn_cast<InitListExpr>(Range))
      return IL->getNumInits() > 0;
    if (const auto *Std = llvm::dyn_cast<CXXStdInitializerListExpr>(Range))
      if (const auto *IL = llvm::dyn_cast<InitListExpr>(
              Std->getSubExpr()->IgnoreImplicit()))
        return IL->getNumInits() > 0;
    if (const auto *CAT = Ctx.getAsConstantArrayType(Range->getType()))
      return CAT->getSize().getZExtValue() > 0;
    return false;
  }
  const auto *For = llvm::dyn_cast_or_null<ForStmt>(Loop);
  if (!For || !For->getInit() || !For->getCond())
    return false;
  // The counter and its first value.
  const VarDecl *Counter = nullptr;
  std::optional<llvm::APSInt> First;
  if (const auto *DS = llvm::dyn_cast<DeclStmt>(For->getInit())) {
    if (!DS->isSingleDecl())
      return false;
    Counter = llvm::dyn_cast<VarDecl>(DS->getSingleDecl());
    if (Counter)
      First = constantValue(Counter->getInit(), Ctx);
  } else if (const auto *InitExpr = llvm::dyn_cast<Expr>(For->getInit())) {
    const auto *Assign =
        llvm::dyn_cast<BinaryOperator>(InitExpr->IgnoreParenImpCasts());
    if (!Assign || Assign->getOpcode() != BO_Assign)
      return false;
    if (const auto *DRE = llvm::dyn_cast<DeclRefExpr>(
            Assign->getLHS()->IgnoreParenImpCasts()))
      Counter = llvm::dyn_cast<VarDecl>(DRE->getDecl());
    First = constantValue(Assign->getRHS(), Ctx);
  }
  if (!Counter || !First)
    return false;
  const auto *Cond =
      llvm::dyn_cast<BinaryOperator>(For->getCond()->IgnoreParenImpCasts());
  if (!Cond || !Cond->isComparisonOp())
    return false;
  auto IsCounter = [&](const Expr *E) {
    const auto *DRE = llvm::dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    return DRE && DRE->getDecl() == Counter;
  };
  BinaryOperatorKind Op = Cond->getOpcode();
  std::optional<llvm::APSInt> Bound;
  if (IsCounter(Cond->getLHS())) {
    Bound = constantValue(Cond->getRHS(), Ctx);
  } else if (IsCounter(Cond->getRHS())) {
    Bound = constantValue(Cond->getLHS(), Ctx);
    Op = BinaryOperator::reverseComparisonOp(Op);
  }
  if (!Bound)
    return false;
  const llvm::APSInt A = *First, B = *Bound;
  switch (Op) {
  case BO_LT: return llvm::APSInt::compareValues(A, B) < 0;
  case BO_LE: return llvm::APSInt::compareValues(A, B) <= 0;
  case BO_GT: return llvm::APSInt::compareValues(A, B) > 0;
  case BO_GE: return llvm::APSInt::compareValues(A, B) >= 0;
  case BO_NE: return llvm::APSInt::compareValues(A, B) != 0;
  default: return false;
  }
}

/// A statement at which \p VD goes out of scope (its implicit destructor
/// runs) on some path from its declaration that never refers to it, or
/// null. Exceptional paths are not part of the CFG and are not considered.
struct DroppingPath {
  /// Where the local goes out of scope on that path.
  const Stmt *Exit = nullptr;
  /// The first loop whose body the path skips, if any.
  const Stmt *SkippedLoop = nullptr;
};

DroppingPath pathDroppingLocal(const CFG &Graph, const VarDecl &VD,
                               const ASTContext &Ctx) {
  // Where the declaration is.
  const CFGBlock *Start = nullptr;
  unsigned StartIndex = 0;
  for (const CFGBlock *B : Graph) {
    for (unsigned I = 0; I < B->size() && !Start; ++I)
      if (auto S = (*B)[I].getAs<CFGStmt>())
        if (const auto *DS = llvm::dyn_cast<DeclStmt>(S->getStmt()))
          if (llvm::is_contained(DS->decls(), &VD)) {
            Start = B;
            StartIndex = I + 1;
          }
    if (Start)
      break;
  }
  if (!Start)
    return {};
  // A block is visited once entered from before a loop, once entered by a
  // loop's back edge: a loop that certainly runs is left only after its body
  // ran, so its condition's exit is followed only after the back edge.
  struct Item {
    const CFGBlock *Block;
    unsigned First;
    bool ByBackEdge;
    const Stmt *SkippedLoop;
  };
  std::set<std::pair<const CFGBlock *, bool>> Seen;
  llvm::SmallVector<Item, 16> Work;
  Work.push_back({Start, StartIndex, false, nullptr});
  while (!Work.empty()) {
    auto [B, First, ByBackEdge, SkippedLoop] = Work.pop_back_val();
    bool Used = false;
    for (unsigned I = First; I < B->size() && !Used; ++I) {
      const CFGElement &E = (*B)[I];
      if (auto S = E.getAs<CFGStmt>()) {
        Used = refersTo(S->getStmt(), VD);
      } else if (auto D = E.getAs<CFGAutomaticObjDtor>()) {
        if (D->getVarDecl() == &VD)
          return {D->getTriggerStmt(), SkippedLoop};
      }
    }
    if (Used)
      continue;
    const Stmt *Loop = B->getTerminatorStmt();
    if (!llvm::isa_and_nonnull<ForStmt, WhileStmt, CXXForRangeStmt>(Loop) ||
        ByBackEdge || B->succ_size() != 2)
      Loop = nullptr;
    const bool SkipExit = (Loop && certainlyRunsOnce(Loop, Ctx)) ||
                          (B->getTerminatorStmt() &&
                           isThrowAssertionGuard(*B->getTerminatorStmt(), Ctx));
    const bool LeavesByBackEdge = B->getLoopTarget() != nullptr;
    unsigned Index = 0;
    for (const CFGBlock *Succ : B->succs()) {
      // The second successor of a loop's condition leaves the loop.
      if (Index++ == 1 && SkipExit)
        continue;
      const Stmt *Skipped =
          SkippedLoop ? SkippedLoop : (Index == 2 && Loop ? Loop : nullptr);
      if (Succ && Seen.insert({Succ, LeavesByBackEdge}).second)
        Work.push_back({Succ, 0, LeavesByBackEdge, Skipped});
    }
  }
  return {};
}

/// Whether awaiting a value of type \p T gives nothing (future<>, task<void>):
/// its await_resume returns void, or, not instantiated, its first template
/// argument is void or absent.
bool resultIsVoid(QualType T) {
  const CXXRecordDecl *RD = recordOf(T);
  if (!RD)
    return false;
  for (const Decl *D : RD->decls())
    if (const auto *MD = llvm::dyn_cast<CXXMethodDecl>(D);
        MD && isNamed(*MD, "await_resume"))
      return MD->getReturnType()->isVoidType();
  const auto *Spec = llvm::dyn_cast<ClassTemplateSpecializationDecl>(
      T.getNonReferenceType()->getAsCXXRecordDecl());
  if (!Spec)
    return false;
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  if (Args.size() == 0)
    return true;
  if (Args[0].getKind() == TemplateArgument::Pack)
    return Args[0].pack_size() == 0;
  return Args[0].getKind() == TemplateArgument::Type &&
         Args[0].getAsType()->isVoidType();
}

/// Whether \p E takes the reading end of a promise (std::promise::get_future,
/// folly::Promise::getSemiFuture, seastar::promise::get_future): the future
/// starts nothing, so dropping it loses no work (whoever holds the promise
/// still fulfils it). Not a coroutine's promise_type.
bool readsPromiseEnd(const Expr *E) {
  const auto *MC = llvm::dyn_cast_or_null<CXXMemberCallExpr>(
      E ? E->IgnoreImplicit()->IgnoreParenImpCasts() : nullptr);
  const CXXMethodDecl *M = MC ? MC->getMethodDecl() : nullptr;
  if (!M || !M->getIdentifier())
    return false;
  static constexpr llvm::StringLiteral Readers[] = {
      "get_future", "getFuture", "get_semi_future", "getSemiFuture",
      "get_shared_future", "get_result"};
  if (!llvm::is_contained(Readers, M->getName()))
    return false;
  const CXXRecordDecl *RD = M->getParent();
  if (!RD || !RD->getIdentifier() ||
      !llvm::StringRef(RD->getName().lower()).contains("promise") ||
      RD->getName() == "promise_type")
    return false;
  // A coroutine's promise (get_return_object) is not a promise of a value.
  return !hasMemberNamed(*RD, "get_return_object");
}

std::string describeProducer(const Expr *E) {
  if (const FunctionDecl *FD = calleeOfExpr(E))
    return "returned by '" + plainQualifiedName(*FD) + "'";
  return "created here";
}

} // namespace

UnawaitedTaskCheck::UnawaitedTaskCheck(StringRef Name,
                                       ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Types(Options),
      ConsumingFunctions(Options.get("ConsumingFunctions",
                                     profileNames(EntryKind::Consuming))),
      LockFunctions(
          Options.get("LockFunctions", profileNames(EntryKind::AsyncLock))),
      PermitFunctions(
          Options.get("PermitFunctions", profileNames(EntryKind::AsyncPermit))),
      // Shared with coro-unhandled-exception: where an eager task's
      // exception can escape.
      ExceptionHolding(
          Options.getLocalOrGlobal("ExceptionHoldingFunctions",
                                   profileNames(EntryKind::ExceptionHolding))),
      AllowVoidCast(parseBool(Options.get("AllowVoidCast", "true"))) {
  setProfilesOption(Options.getLocalOrGlobal("Profiles", ""));
}

void UnawaitedTaskCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Types.store(Options, Opts);
  Options.store(Opts, "ConsumingFunctions", ConsumingFunctions.raw());
  Options.store(Opts, "LockFunctions", LockFunctions.raw());
  Options.store(Opts, "PermitFunctions", PermitFunctions.raw());
  Options.store(Opts, "ExceptionHoldingFunctions", ExceptionHolding.raw());
  Options.store(Opts, "AllowVoidCast", AllowVoidCast ? "true" : "false");
}

void UnawaitedTaskCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(functionDecl(isDefinition(), hasBody(stmt()),
                                  unless(isExpansionInSystemHeader()))
                         .bind("function"),
                     this);
  // A lambda converted to a callable type (std::function<void()> ...).
  Finder->addMatcher(cxxConstructExpr(argumentCountIs(1),
                                      hasArgument(0, expr().bind("arg")),
                                      unless(isExpansionInSystemHeader()))
                         .bind("conversion"),
                     this);
}

void UnawaitedTaskCheck::check(const MatchFinder::MatchResult &Result) {
  if (const auto *FD = Result.Nodes.getNodeAs<FunctionDecl>("function"))
    return checkFunction(*FD, *Result.Context);
  const auto *Conversion = Result.Nodes.getNodeAs<CXXConstructExpr>("conversion");
  const auto *Arg = Result.Nodes.getNodeAs<Expr>("arg");
  if (const auto *LE = llvm::dyn_cast<LambdaExpr>(Arg->IgnoreImplicit()->IgnoreParens()))
    checkConversion(*LE, Conversion->getType());
}

void UnawaitedTaskCheck::checkFunction(const FunctionDecl &FD, ASTContext &Ctx) {
  // A lambda a test hands to assert_throws(...) is expected to throw before
  // it returns anything: what it would have returned does not matter.
  if (isExpectedToThrow(FD, Ctx))
    return;
  const BodyValues Values(FD);
  for (const DiscardedValue &D : Values.discarded())
    checkDiscarded(D, Values.isCoroutine(), Ctx);
  std::unique_ptr<CFG> Graph; // built on demand, once per function
  for (const InitialisedLocal &L : Values.initialisedLocals())
    if (!checkLocal(L, FD, Values.body(), Ctx, Graph))
      return;
}

void UnawaitedTaskCheck::checkDiscarded(const DiscardedValue &D,
                                        bool InCoroutine, ASTContext &Ctx) {
  const Expr *Inner = D.Value;
  if (!D.VoidCast && llvm::isa<CoawaitExpr, CoyieldExpr, DependentCoawaitExpr>(Inner))
    return;
  if (D.VoidCast && AllowVoidCast)
    return;
  // Only a new value is dropped: a reference to a task that lives on
  // (vector::emplace_back's result) is not.
  if (!Inner->isPRValue())
    return;
  AwaitableKind Kind = Types.classifier().classify(Inner->getType());
  if (!Kind)
    return;
  if (const FunctionDecl *Callee = calleeOfExpr(Inner))
    if (ConsumingFunctions.matches(*Callee))
      return;
  // EXPECT_THROW(make_task(bad), E): expected to throw before it returns.
  if (isExpectedToThrow(*Inner, Ctx))
    return;
  if (readsPromiseEnd(Inner))
    return;
  // Start policy: an eager task dropped from a plain function keeps running
  // (QCoro's documented way to start async work from synchronous code). Only
  // a lost result, or an exception that can escape the coroutine, is lost.
  EscapePoint Escape;
  if (Kind.Policy == StartPolicy::Eager && !InCoroutine &&
      resultIsVoid(Inner->getType())) {
    Escape = lostException(*Inner);
    if (!Escape)
      return;
  }
  const char *What = Kind.Policy == StartPolicy::NotATask ? "awaitable" : "task";
  SourceLocation Loc = Inner->getBeginLoc();
  diag(Loc, "%0 %1 is %2: %3")
      << What << describeProducer(Inner)
      << (D.VoidCast ? "discarded by a cast to void" : "never awaited")
      << consequence(Kind.Policy) << Inner->getSourceRange();
  if (InCoroutine && !D.VoidCast && !Loc.isMacroID())
    diag(Loc, "insert 'co_await' to run it here", DiagnosticIDs::Note)
        << FixItHint::CreateInsertion(Loc, "co_await ");
  if (Escape)
    diag(Escape.Where->getBeginLoc(), "%0: the exception would be lost",
         DiagnosticIDs::Note)
        << Escape.What;
}

bool UnawaitedTaskCheck::checkLocal(const InitialisedLocal &L,
                                    const FunctionDecl &FD, const Stmt *Body,
                                    ASTContext &Ctx,
                                    std::unique_ptr<CFG> &Graph) {
  const VarDecl &VD = *L.Var;
  // Only a local that starts holding work: initialised by a call (fetch(),
  // m.lock()), not default-constructed (an empty task to assign later) or
  // copied/moved from elsewhere.
  const auto *Init = llvm::dyn_cast<CallExpr>(L.Init);
  if (VD.getType()->isReferenceType() || !Init)
    return true;
  AwaitableKind Kind = Types.classifier().classify(VD.getType());
  if (!Kind)
    return true;
  const FunctionDecl *Callee = Init->getDirectCallee();
  if (Callee && ConsumingFunctions.matches(*Callee))
    return true;
  // The reading end of a promise: nothing was started.
  if (readsPromiseEnd(Init))
    return true;
  // An eager void task kept in a plain function's local is judged as one
  // dropped there (checkDiscarded): it runs on; only an exception that can
  // escape the coroutine is lost.
  if (Kind.Policy == StartPolicy::Eager && !isCoroutine(FD) &&
      resultIsVoid(VD.getType()) && !lostException(*Init))
    return true;
  const std::string Consequence = localConsequence(Callee, Kind.Policy);
  if (L.Uses == 0) {
    diag(VD.getLocation(), "'%0' is never awaited: %1")
        << VD.getName() << Consequence;
    return true;
  }
  // Used somewhere: is it dropped on some path to the end of its scope?
  if (!Graph) {
    CFG::BuildOptions Options;
    Options.AddImplicitDtors = true;
    Options.setAllAlwaysAdd();
    Graph = CFG::buildCFG(&FD, const_cast<Stmt *>(Body), &Ctx, Options);
    if (!Graph)
      return false;
  }
  const DroppingPath Path = pathDroppingLocal(*Graph, VD, Ctx);
  if (const Stmt *Exit = Path.Exit) {
    diag(VD.getLocation(), "'%0' is not awaited on every path: %1")
        << VD.getName() << Consequence;
    // The end of a scope, or the return that leaves it.
    const auto *Scope = llvm::dyn_cast<CompoundStmt>(Exit);
    diag(Scope ? Scope->getRBracLoc() : Exit->getBeginLoc(),
         "on this path '%0' goes out of scope without being used",
         DiagnosticIDs::Note)
        << VD.getName();
    // When that path is the one on which a loop runs no iteration, say so:
    // it may be one the author knows cannot happen.
    if (Path.SkippedLoop)
      diag(Path.SkippedLoop->getBeginLoc(),
           "this path skips the loop: its body may run no iteration",
           DiagnosticIDs::Note);
  }
  return true;
}

EscapePoint UnawaitedTaskCheck::lostException(const Expr &Task) const {
  const FunctionDecl *Coroutine = startedCoroutine(&Task);
  if (!Coroutine)
    return {};
  return firstEscapePoint(*coroutineBody(*Coroutine)->getBody(),
                          ExceptionHolding);
}

std::string UnawaitedTaskCheck::localConsequence(const FunctionDecl *Callee,
                                                 StartPolicy Policy) const {
  if (Callee && LockFunctions.matches(*Callee))
    return "the lock is not acquired";
  if (Callee && PermitFunctions.matches(*Callee))
    return "the units are not acquired";
  return consequence(Policy);
}

void UnawaitedTaskCheck::checkConversion(const LambdaExpr &Lambda, QualType Target) {
  const CXXMethodDecl *Op = Lambda.getCallOperator();
  if (!Op)
    return;
  AwaitableKind Kind = Types.classifier().classify(Op->getReturnType());
  if (!Kind || Kind.Policy == StartPolicy::NotATask)
    return;
  const CXXRecordDecl *Callable = recordOf(Target);
  if (!Callable || Callable->isLambda())
    return;
  // The wrapper's call operator must return void: it discards the task.
  bool ReturnsVoid = false, HasCall = false;
  for (const Decl *D : Callable->decls())
    if (const auto *MD = llvm::dyn_cast<CXXMethodDecl>(D))
      if (MD->getOverloadedOperator() == OO_Call) {
        HasCall = true;
        ReturnsVoid = MD->getReturnType()->isVoidType();
      }
  if (!HasCall || !ReturnsVoid)
    return;
  diag(Lambda.getBeginLoc(),
       "coroutine lambda returns %0, which the conversion to %1 discards: "
       "every call drops a task; %2")
      << Op->getReturnType() << Target << consequence(Kind.Policy);
}

} // namespace clang::tidy::coro
