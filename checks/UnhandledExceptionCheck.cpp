//===--- UnhandledExceptionCheck.cpp - coro-unhandled-exception -----------===//

#include "UnhandledExceptionCheck.h"
#include "utils/BodyValues.h"
#include "utils/Coroutines.h"
#include "utils/DeclNames.h"
#include "utils/Exceptions.h"
#include "utils/ProfileSelection.h"
#include "utils/Profiles.h"
#include "utils/SourceEdits.h"
#include "utils/TaskFate.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::coro {
namespace {

/// The catch handlers of one function's own context.
class CatchCollector : public ContextVisitor<CatchCollector> {
public:
  std::vector<const CXXCatchStmt *> Catches;
  bool VisitCXXCatchStmt(CXXCatchStmt *S) {
    Catches.push_back(S);
    return true;
  }
};

/// Whether a body does anything with the exception it is handed: calls
/// (std::current_exception, a logger, std::terminate), throws, or constructs
/// something non-trivially.
class DoesSomething : public RecursiveASTVisitor<DoesSomething> {
public:
  bool Found = false;
  bool VisitCallExpr(CallExpr *) { return !(Found = true); }
  bool VisitCXXThrowExpr(CXXThrowExpr *) { return !(Found = true); }
  bool VisitCXXConstructExpr(CXXConstructExpr *E) {
    if (!E->getConstructor()->isTrivial())
      Found = true;
    return !Found;
  }
};

bool isEmptyBlock(const Stmt *S) {
  const auto *Block = llvm::dyn_cast_or_null<CompoundStmt>(S);
  return Block && llvm::all_of(Block->body(), [](const Stmt *C) {
           return llvm::isa<NullStmt>(C);
         });
}

bool returnsClass(const FunctionDecl &FD) {
  return FD.getReturnType()->getAsCXXRecordDecl() != nullptr;
}

/// The return statements of one function's own context.
class ReturnCollector : public ContextVisitor<ReturnCollector> {
public:
  std::vector<const ReturnStmt *> Returns;
  bool VisitReturnStmt(ReturnStmt *S) {
    Returns.push_back(S);
    return true;
  }
};

/// The coroutine \p E starts, also through the adaptors that bind a task to
/// an executor and return another awaitable: std::move(t).scheduleOn(ex),
/// co_withExecutor(ex, t), lazy.via(ex).
const FunctionDecl *adaptedCoroutine(const Expr *E,
                                     const AwaitableClassifier &Types,
                                     unsigned Depth = 0) {
  if (const FunctionDecl *C = startedCoroutine(E))
    return C;
  const auto *Call = llvm::dyn_cast_or_null<CallExpr>(ignoreWrappers(E));
  if (Depth >= 3 || !Call || !Types.classify(Call->getType()))
    return nullptr;
  if (const auto *Member = llvm::dyn_cast<CXXMemberCallExpr>(Call))
    if (const FunctionDecl *C = adaptedCoroutine(
            Member->getImplicitObjectArgument(), Types, Depth + 1))
      return C;
  for (const Expr *Arg : Call->arguments())
    if (const FunctionDecl *C = adaptedCoroutine(Arg, Types, Depth + 1))
      return C;
  return nullptr;
}

/// What a launch runs, and the first point its exceptions can escape.
struct LaunchedWork {
  const FunctionDecl *Fn = nullptr;
  EscapePoint Escape;
};

LaunchedWork escapeOf(const FunctionDecl *Coroutine, const NameList &Holding) {
  return {Coroutine,
          firstEscapePoint(*coroutineBody(*Coroutine)->getBody(), Holding)};
}

/// The work \p E hands to a launch: a coroutine it starts, or (when
/// \p Callables) a plain callable the launch runs, a lambda or a function,
/// with the coroutine such a callable returns ([this] { return flush(); }).
/// With \p ResultOnly, only that coroutine: the callable was called before
/// the launch, where what it throws reaches the caller.
LaunchedWork launchedWork(const Expr *E, const AwaitableClassifier &Types,
                          bool Callables, const NameList &Holding,
                          bool ResultOnly = false) {
  if (const FunctionDecl *C = adaptedCoroutine(E, Types))
    return escapeOf(C, Holding);
  if (!Callables && !ResultOnly)
    return {};
  E = ignoreWrappers(E);
  const FunctionDecl *Fn = nullptr;
  if (const LambdaExpr *LE = lambdaThrough(E))
    Fn = LE->getCallOperator();
  else if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E))
    if (const auto *FD = llvm::dyn_cast<FunctionDecl>(Ref->getDecl());
        FD && !llvm::isa<CXXMethodDecl>(FD))
      Fn = definitionWithBody(FD);
  if (!Fn || !Fn->hasBody() || isCoroutine(*Fn))
    return {};
  if (Callables)
    if (EscapePoint Escape = firstEscapePoint(*Fn->getBody(), Holding))
      return {Fn, std::move(Escape)};
  ReturnCollector Returns;
  Returns.TraverseStmt(Fn->getBody());
  for (const ReturnStmt *R : Returns.Returns)
    if (const FunctionDecl *C = adaptedCoroutine(R->getRetValue(), Types))
      if (LaunchedWork W = escapeOf(C, Holding); W.Escape)
        return W;
  return {};
}

std::string describeWork(const FunctionDecl &Fn) {
  if (isCoroutine(Fn))
    return describeCoroutine(Fn);
  if (isLambdaCallOperator(Fn))
    return "lambda";
  return "function '" + plainQualifiedName(Fn) + "'";
}

/// The coroutine definitions of a translation unit that return \p Task.
class CoroutinesReturning : public RecursiveASTVisitor<CoroutinesReturning> {
public:
  explicit CoroutinesReturning(const CXXRecordDecl &Task) : Task(Task) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitLambdaExpr() const { return true; }
  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (!FD->doesThisDeclarationHaveABody() || !coroutineBody(*FD))
      return true;
    const CXXRecordDecl *R = FD->getReturnType()->getAsCXXRecordDecl();
    if (R && R->getCanonicalDecl() == Task.getCanonicalDecl())
      Found.push_back(FD);
    return true;
  }
  llvm::SmallVector<const FunctionDecl *, 4> Found;

private:
  const CXXRecordDecl &Task;
};

} // namespace

UnhandledExceptionCheck::UnhandledExceptionCheck(StringRef Name,
                                                 ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      DetachingFunctions(
          Options.get("DetachingFunctions",
                      profileNames(EntryKind::DetachedLaunch))),
      DetachedTokens(Options.get(
          "DetachedTokens", profileNames(EntryKind::DetachedToken))),
      DetachedTypes(Options.get("DetachedTypes",
                                profileNames(EntryKind::DetachedType))),
      ErrorHandlers(Options.get("ErrorHandlers",
                                profileNames(EntryKind::ErrorHandler))),
      ExceptionHoldingFunctions(Options.getLocalOrGlobal(
          "ExceptionHoldingFunctions",
          profileNames(EntryKind::ExceptionHolding))),
      CatchAllTypes(Options.get(
          "CatchAllTypes", profileNames(EntryKind::CatchAllType))),
      TestFileRegexText(Options.get("TestFileRegex", "")),
      TestFileRegex(TestFileRegexText), Types(Options), Bridges(Options),
      Wrappers([this](const FunctionDecl &FD) { return launchesIn(FD); },
               [this](const FunctionDecl &FD) { return isDescribed(FD); },
               Types.classifier(), ErrorHandlers) {
  setProfilesOption(Options.getLocalOrGlobal("Profiles", ""));

  for (const auto &[Name, E] : profileEntries(EntryKind::DetachedLaunch)) {
    if (E->HandlerArgument >= 0)
      HandlerArguments.emplace_back(NameList(Name), E->HandlerArgument);
    if (E->CatchesCallable)
      CallableLaunches.add(Name);
    if (!E->ObjectFlag.empty())
      ObjectFlags.emplace_back(NameList(Name), E->ObjectFlag.str());
  }
  for (const auto &[Name, E] : profileEntries(EntryKind::ExceptionHolding))
    if (!E->Replacement.empty())
      Rethrowing.emplace_back(NameList(Name), E->Replacement.str());
  if (std::string Error;
      !TestFileRegexText.empty() && !TestFileRegex.isValid(Error))
    configurationDiag("invalid regular expression '%0' in option "
                      "'%1.TestFileRegex': %2")
        << TestFileRegexText << Name << Error;
}

void UnhandledExceptionCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "DetachingFunctions", DetachingFunctions.raw());
  Options.store(Opts, "DetachedTokens", DetachedTokens.raw());
  Options.store(Opts, "DetachedTypes", DetachedTypes.raw());
  Options.store(Opts, "ErrorHandlers", ErrorHandlers.raw());
  Options.store(Opts, "ExceptionHoldingFunctions",
                ExceptionHoldingFunctions.raw());
  Options.store(Opts, "CatchAllTypes", CatchAllTypes.raw());
  Options.store(Opts, "TestFileRegex", TestFileRegexText);
  Types.store(Options, Opts);
  Bridges.store(Options, Opts);
}

void UnhandledExceptionCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(callExpr(unless(isExpansionInSystemHeader())).bind("call"),
                     this);
  Finder->addMatcher(functionDecl(isDefinition(), hasBody(stmt()),
                                  unless(isExpansionInSystemHeader()))
                         .bind("function"),
                     this);
}

void UnhandledExceptionCheck::check(const MatchFinder::MatchResult &Result) {
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call")) {
    // In a template, judge the instantiations: their calls are resolved.
    if (Call->isInstantiationDependent())
      return;
    Context = Result.Context;
    if (std::optional<LaunchSite> Site = startedDetached(*Call))
      reportSite(*Site, nullptr);
    else
      wrapperLaunch(*Call);
    handlerIgnoresExceptionPtr(*Call);
    return;
  }
  const auto *FD = Result.Nodes.getNodeAs<FunctionDecl>("function");
  if (const auto *MD = llvm::dyn_cast<CXXMethodDecl>(FD);
      MD && isNamed(*MD, "unhandled_exception"))
    promiseDiscardsException(*MD);
  Context = Result.Context;
  const BodyValues Values(*FD);
  for (const DiscardedValue &D : Values.discarded()) {
    const Expr *Inner = ignoreWrappers(D.Value);
    if (std::optional<LaunchSite> Site = spawnHandleDropped(*Inner, D.VoidCast))
      reportSite(*Site, FD);
    // (void)co_await when_all_ready(...): discarded on purpose, as (void)r
    // is an inspection of a local.
    if (!D.VoidCast)
      heldExceptionsDiscarded(*Inner);
  }
  for (const InitialisedLocal &L : Values.initialisedLocals())
    heldExceptionsNeverInspected(L);
  if (Values.isCoroutine()) {
    emptyCatchAllInCoroutine(*Values.body(), *FD);
    detachedByType(*FD);
  }
}

// Rule 1: a coroutine started detached.

std::optional<LaunchSite>
UnhandledExceptionCheck::startedDetached(const CallExpr &Call) const {
  const FunctionDecl *Callee = Call.getDirectCallee();
  // co_spawn(ex, work(), detached) and other detached completion tokens.
  bool Detached = llvm::any_of(Call.arguments(), [&](const Expr *Arg) {
    const CXXRecordDecl *RD = recordOf(Arg->getType());
    return RD && DetachedTokens.matches(*RD);
  });
  // Detaching APIs that return nothing to observe (void, a status), unless
  // the completion callback they are given reads the outcome.
  if (!Detached && Callee && !returnsClass(*Callee) &&
      DetachingFunctions.matches(*Callee) && !handlerReadsOutcome(Call) &&
      !objectKeepsErrors(Call))
    Detached = true;
  if (!Detached)
    return std::nullopt;
  return siteOf(Call, Callee);
}

LaunchSite UnhandledExceptionCheck::siteOf(const CallExpr &Call,
                                           const FunctionDecl *Callee) const {
  LaunchSite Site;
  Site.Call = &Call;
  Site.By = "'" +
            (Callee ? plainQualifiedName(*Callee) : std::string("this call")) +
            "'";
  const bool Callables = Callee && CallableLaunches.matches(*Callee);
  const int Handler = handlerArgument(Callee);
  for (unsigned I = 0, N = Call.getNumArgs(); I != N; ++I)
    if (static_cast<int>(I) != Handler)
      Site.Works.push_back({Call.getArg(I), Callables});
  if (const auto *Member = llvm::dyn_cast<CXXMemberCallExpr>(&Call))
    Site.Works.push_back({Member->getImplicitObjectArgument(), false});
  return Site;
}

void UnhandledExceptionCheck::reportSite(const LaunchSite &Site,
                                         const FunctionDecl *In) {
  const std::string How =
      Site.By.empty() ? "is started detached (its future is discarded)"
                      : "is started detached by " + Site.By;
  for (const LaunchSite::Work &W : Site.Works)
    reportIfCanThrow(*Site.Call, How, *W.Arg,
                     W.Callable ? WorkShape::Callable : WorkShape::Result, In);
}

llvm::SmallVector<LaunchSite, 2>
UnhandledExceptionCheck::launchesIn(const FunctionDecl &FD) const {
  llvm::SmallVector<LaunchSite, 2> Sites;
  const BodyValues Values(FD);
  for (const CallExpr *Call : ownCalls(*Values.body()))
    if (std::optional<LaunchSite> Site = startedDetached(*Call))
      Sites.push_back(std::move(*Site));
  for (const DiscardedValue &D : Values.discarded())
    if (std::optional<LaunchSite> Site =
            spawnHandleDropped(*ignoreWrappers(D.Value), D.VoidCast))
      Sites.push_back(std::move(*Site));
  return Sites;
}

bool UnhandledExceptionCheck::isDescribed(const FunctionDecl &FD) const {
  // A library's functions are what its profile says, not what their bodies
  // look like: seastar::async keeps the future its internals drop.
  return DetachingFunctions.matches(FD) ||
         profileOfName(plainQualifiedName(FD)).first != nullptr;
}

void UnhandledExceptionCheck::wrapperLaunch(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || Call.getNumArgs() == 0)
    return;
  const FunctionDecl *Def = nullptr;
  if (!Callee->hasBody(Def) || !Def)
    return;
  const unsigned Offset =
      llvm::isa<CXXOperatorCallExpr>(Call) && llvm::isa<CXXMethodDecl>(Callee)
          ? 1
          : 0;
  for (const WrappedLaunch &W : Wrappers.of(*Def)) {
    const unsigned Arg = W.Param + Offset;
    if (Arg >= Call.getNumArgs() ||
        llvm::isa<CXXDefaultArgExpr>(Call.getArg(Arg)))
      continue;
    const std::string How =
        "is started detached by '" + plainQualifiedName(*Callee) +
        "' (through " + (W.By.empty() ? "a discarded future" : W.By) + ")";
    reportIfCanThrow(Call, How, *Call.getArg(Arg), W.Shape, nullptr, W.Steps);
  }
}

int UnhandledExceptionCheck::handlerArgument(const FunctionDecl *Callee) const {
  if (Callee)
    for (const auto &[Names, Index] : HandlerArguments)
      if (Names.matches(*Callee))
        return Index;
  return -1;
}

bool UnhandledExceptionCheck::objectKeepsErrors(const CallExpr &Call) const {
  const auto *Member = llvm::dyn_cast<CXXMemberCallExpr>(&Call);
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Member || !Callee)
    return false;
  auto Flag = llvm::find_if(ObjectFlags, [&](const auto &F) {
    return F.first.matches(*Callee);
  });
  if (Flag == ObjectFlags.end())
    return false;
  // The object: a variable, or a data member with a default initialiser.
  const Expr *Object =
      Member->getImplicitObjectArgument()->IgnoreParenImpCasts();
  if (const auto *Deref = llvm::dyn_cast<UnaryOperator>(Object);
      Deref && Deref->getOpcode() == UO_Deref)
    Object = Deref->getSubExpr()->IgnoreParenImpCasts();
  const Expr *Init = nullptr;
  if (const auto *DRE = llvm::dyn_cast<DeclRefExpr>(Object)) {
    if (const auto *V = llvm::dyn_cast<VarDecl>(DRE->getDecl());
        V && !V->getType()->isReferenceType() &&
        !V->getType()->isPointerType())
      Init = V->getInit();
  } else if (const auto *ME = llvm::dyn_cast<MemberExpr>(Object)) {
    if (const auto *FD = llvm::dyn_cast<FieldDecl>(ME->getMemberDecl());
        FD && !FD->getType()->isReferenceType())
      Init = FD->getInClassInitializer();
  }
  const auto *Construct = llvm::dyn_cast_or_null<CXXConstructExpr>(
      Init ? Init->IgnoreImplicit() : nullptr);
  if (!Construct || !Construct->getConstructor())
    return false;
  const CXXConstructorDecl *Ctor = Construct->getConstructor();
  for (unsigned I = 0, N = std::min(Ctor->getNumParams(),
                                    Construct->getNumArgs());
       I < N; ++I) {
    if (Ctor->getParamDecl(I)->getName() != Flag->second)
      continue;
    const Expr *Arg = Construct->getArg(I);
    if (const auto *Default = llvm::dyn_cast<CXXDefaultArgExpr>(Arg))
      Arg = Default->getExpr();
    bool Value = false;
    return Arg && !Arg->isValueDependent() &&
           Arg->EvaluateAsBooleanCondition(Value, Ctor->getASTContext()) &&
           Value;
  }
  return false;
}

bool UnhandledExceptionCheck::handlerReadsOutcome(const CallExpr &Call) const {
  const int Index = handlerArgument(Call.getDirectCallee());
  if (Index < 0 || static_cast<unsigned>(Index) >= Call.getNumArgs())
    return false;
  const LambdaExpr *Handler = lambdaThrough(Call.getArg(Index));
  // A function object or pointer: its body is not here to judge.
  if (!Handler || !Handler->getCallOperator())
    return true;
  return llvm::any_of(Handler->getCallOperator()->parameters(),
                      [](const ParmVarDecl *P) { return P->isReferenced(); });
}

std::optional<LaunchSite>
UnhandledExceptionCheck::spawnHandleDropped(const Expr &Discarded,
                                            bool VoidCast) const {
  // A chain of continuations on an eager future: f().then(...).finally(...)
  // passes the failure on; one handler in it (handle_exception) handles it.
  const Expr *E = &Discarded;
  bool Peeled = false;
  while (const auto *Member = llvm::dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    if (!Method || DetachingFunctions.matches(*Method))
      break;
    if (ErrorHandlers.matches(*Method))
      return std::nullopt;
    const Expr *Object = Member->getImplicitObjectArgument();
    if (!Types.classifier().classify(Object->getType()) ||
        !Types.classifier().classify(Member->getType()))
      break;
    E = ignoreWrappers(Object);
    Peeled = true;
  }
  const auto *Call = llvm::dyn_cast<CallExpr>(E);
  if (!Call)
    return std::nullopt;
  // spawn(work()); with the handle that would report the error dropped.
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (Callee && returnsClass(*Callee) && DetachingFunctions.matches(*Callee))
    return siteOf(*Call, Callee);
  // (void)eager_coroutine(); or eager_coroutine().then(...); : it runs on,
  // and its future, the only thing that would report its failure, is gone.
  // (A plain eager_coroutine(); is coro-unawaited-task's.)
  if ((VoidCast || Peeled) &&
      Types.classifier().classify(Call->getType()).Policy == StartPolicy::Eager)
    return LaunchSite{Call, "", {{Call, false}}};
  return std::nullopt;
}

void UnhandledExceptionCheck::detachedByType(const FunctionDecl &Coroutine) {
  // fire_and_forget f() { ... }: every call runs detached.
  if (Coroutine.isTemplateInstantiation())
    return;
  const CXXRecordDecl *RD = recordOf(Coroutine.getReturnType());
  if (!RD || !DetachedTypes.matches(*RD))
    return;
  EscapePoint Escape = firstEscapePoint(*coroutineBody(Coroutine)->getBody(),
                                        ExceptionHoldingFunctions);
  if (!Escape)
    return;
  diag(Coroutine.getLocation(),
       "%0 returns '%1', which nobody can await, and can throw: its "
       "exceptions are lost or terminate the program")
      << describeCoroutine(Coroutine) << plainQualifiedName(*RD);
  diag(Escape.Where->getBeginLoc(),
       "%0, outside any try block; catch and handle errors inside the "
       "coroutine",
       DiagnosticIDs::Note)
      << Escape.What;
}

void UnhandledExceptionCheck::reportIfCanThrow(
    const Expr &Launch, const std::string &How, const Expr &Launched,
    WorkShape Shape, const FunctionDecl *In,
    llvm::ArrayRef<WrapperStep> Through) {
  LaunchedWork Work = launchedWork(
      &Launched, Types.classifier(), Shape == WorkShape::Callable,
      ExceptionHoldingFunctions, /*ResultOnly=*/!Through.empty());
  if (!Work.Escape)
    return;
  // The work is the enclosing function's parameter: that function is a
  // wrapper, and its callers' calls are reported, with the work they hand
  // it (the one mistake is reported once, where the work is known).
  if (!In && Context)
    In = enclosingFunction(DynTypedNode::create(Launch), *Context);
  if (In && forwardedParameter(Launched, *In, Types.classifier(), ErrorHandlers))
    return;
  diag(Launch.getBeginLoc(),
       "%0 %1 and can throw, but nothing receives its exceptions: they are "
       "lost")
      << describeWork(*Work.Fn) << How << Launch.getSourceRange();
  for (size_t I = 0; I < Through.size(); ++I) {
    const bool Last = I + 1 == Through.size();
    diag(Through[I].At->getBeginLoc(),
         Last ? "'%0' starts it detached here"
              : "'%0' hands it to '%1' here",
         DiagnosticIDs::Note)
        << plainQualifiedName(*Through[I].In)
        << (Last ? "" : plainQualifiedName(*Through[I + 1].In));
  }
  diag(Work.Escape.Where->getBeginLoc(),
       "%0, outside any try block; catch and handle errors inside the "
       "coroutine, or keep its result and await it",
       DiagnosticIDs::Note)
      << Work.Escape.What;
}

// Rule 2: a promise_type::unhandled_exception() that discards the exception.

/// Whether every coroutine of the translation unit that returns \p Task is
/// a member of \p Task whose body cannot throw, and there is one: a
/// self-contained helper (folly's detect_promise_return_object_eager_
/// conversion_, whose static go() only co_returns), whose empty
/// unhandled_exception loses nothing.
bool UnhandledExceptionCheck::onlyProducedBySafeMembers(
    const CXXRecordDecl &Task, ASTContext &Ctx) const {
  CoroutinesReturning Finder(Task);
  Finder.TraverseDecl(Ctx.getTranslationUnitDecl());
  return !Finder.Found.empty() &&
         llvm::all_of(Finder.Found, [&](const FunctionDecl *FD) {
           const auto *M = llvm::dyn_cast<CXXMethodDecl>(FD);
           return M && M->getParent()->getCanonicalDecl() ==
                           Task.getCanonicalDecl() &&
                  !firstEscapePoint(*coroutineBody(*FD)->getBody(),
                                    ExceptionHoldingFunctions);
         });
}

void UnhandledExceptionCheck::promiseDiscardsException(const CXXMethodDecl &MD) {
  // Judge the template, not each instantiation of it.
  if (MD.isTemplateInstantiation() || !MD.doesThisDeclarationHaveABody())
    return;
  const CXXRecordDecl *Promise = MD.getParent();
  const bool IsPromise = isNamed(*Promise, "promise_type") ||
                         (hasMemberNamed(*Promise, "initial_suspend") &&
                          hasMemberNamed(*Promise, "get_return_object"));
  if (!IsPromise)
    return;
  DoesSomething Visitor;
  Visitor.TraverseStmt(MD.getBody());
  if (Visitor.Found)
    return;
  std::string Users = "every coroutine using this promise";
  if (const auto *Task = llvm::dyn_cast<CXXRecordDecl>(Promise->getDeclContext())) {
    Users = "every coroutine returning '" + Task->getName().str() + "'";
    if (onlyProducedBySafeMembers(*Task, MD.getASTContext()))
      return;
  }
  diag(MD.getLocation(),
       "'unhandled_exception' discards the exception: errors thrown in %0 "
       "vanish; store std::current_exception(), rethrow, or terminate")
      << Users;
}

// Rule 3: an empty catch-all handler in a coroutine.

void UnhandledExceptionCheck::emptyCatchAllInCoroutine(
    const Stmt &Body, const FunctionDecl &Coroutine) {
  CatchCollector Catches;
  Catches.TraverseStmt(const_cast<Stmt *>(&Body));
  for (const CXXCatchStmt *Catch : Catches.Catches)
    emptyCatchAll(*Catch, Coroutine);
}

void UnhandledExceptionCheck::emptyCatchAll(const CXXCatchStmt &Catch,
                                            const FunctionDecl &Coroutine) {
  if (!isEmptyBlock(Catch.getHandlerBlock()))
    return;
  std::string Caught = "...";
  if (const VarDecl *Var = Catch.getExceptionDecl()) {
    const CXXRecordDecl *RD = recordOf(Var->getType());
    if (!RD || !CatchAllTypes.matches(*RD))
      return;
    Caught = Var->getType().getNonReferenceType().getUnqualifiedType().getAsString(
        Coroutine.getASTContext().getPrintingPolicy());
  }
  const auto *Block = llvm::cast<CompoundStmt>(Catch.getHandlerBlock());
  diag(Catch.getCatchLoc(),
       "empty 'catch (%0)' in %1 swallows every error, including "
       "cancellation")
      << Caught << describeCoroutine(Coroutine);
  SourceLocation AfterBrace = Block->getLBracLoc().getLocWithOffset(1);
  if (AfterBrace.isMacroID() || Block->getRBracLoc().isMacroID())
    return;
  diag(AfterBrace, "rethrow to let errors and cancellation propagate",
       DiagnosticIDs::Note)
      << FixItHint::CreateInsertion(
             AfterBrace,
             statementForEmptyBlock(
                 *Block, functionBlock(Coroutine),
                 "throw;", Coroutine.getASTContext().getSourceManager()));
}

// Rule 4: results that hold exceptions, discarded or never inspected.

void UnhandledExceptionCheck::heldExceptionsDiscarded(const Expr &Discarded) {
  // co_await when_all_ready(...); with the results dropped.
  if (const CallExpr *Holding = holdingCall(&Discarded)) {
    const FunctionDecl &Callee = *Holding->getDirectCallee();
    diag(Discarded.getBeginLoc(),
         "the results of '%0' are discarded: the exceptions they hold are "
         "never seen; %1")
        << plainQualifiedName(Callee) << rethrowAdvice(Callee)
        << Discarded.getSourceRange();
  }
}

void UnhandledExceptionCheck::heldExceptionsNeverInspected(
    const InitialisedLocal &L) {
  if (L.Uses != 0)
    return;
  if (const CallExpr *Holding = holdingCall(L.Init)) {
    const FunctionDecl &Callee = *Holding->getDirectCallee();
    diag(L.Var->getLocation(),
         "'%0' is never inspected: the exceptions that the results of '%1' "
         "hold are never seen; %2")
        << L.Var->getName() << plainQualifiedName(Callee)
        << rethrowAdvice(Callee);
  }
}

std::string
UnhandledExceptionCheck::rethrowAdvice(const FunctionDecl &Holding) const {
  for (const auto &[Names, Alternative] : Rethrowing)
    if (Names.matches(Holding))
      return "use '" + Alternative + "', which rethrows, or check each result";
  return "check each result";
}

bool UnhandledExceptionCheck::inTestFile(SourceLocation Loc,
                                         const SourceManager &SM) const {
  if (TestFileRegexText.empty() || !TestFileRegex.isValid())
    return false;
  return TestFileRegex.match(SM.getFilename(SM.getExpansionLoc(Loc)));
}

const CallExpr *UnhandledExceptionCheck::holdingCall(const Expr *E) const {
  E = ignoreWrappers(E);
  if (const auto *Await = llvm::dyn_cast_or_null<CoawaitExpr>(E))
    E = ignoreWrappers(Await->getOperand());
  else if (const auto *Dependent =
               llvm::dyn_cast_or_null<DependentCoawaitExpr>(E))
    E = ignoreWrappers(Dependent->getOperand());
  else if (const auto *Wait = llvm::dyn_cast_or_null<CallExpr>(E);
           Wait && Wait->getNumArgs() >= 1 && Wait->getDirectCallee() &&
           Bridges.list().matches(*Wait->getDirectCallee()))
    E = ignoreWrappers(Wait->getArg(Wait->getNumArgs() - 1));
  else
    return nullptr;
  const auto *Call = llvm::dyn_cast_or_null<CallExpr>(E);
  if (!Call || !Call->getDirectCallee() ||
      !ExceptionHoldingFunctions.matches(*Call->getDirectCallee()))
    return nullptr;
  // In test code the tasks report their failures to the test framework.
  if (inTestFile(Call->getBeginLoc(),
                 Call->getDirectCallee()->getASTContext().getSourceManager()))
    return nullptr;
  return Call;
}

// Rule 5: a completion handler that ignores the std::exception_ptr.

void UnhandledExceptionCheck::handlerIgnoresExceptionPtr(const CallExpr &Call) {
  // Every call comes here: first the cheap, rare part, a lambda argument
  // with a std::exception_ptr parameter it never reads.
  llvm::SmallVector<const ParmVarDecl *, 2> Ignored;
  for (const Expr *Arg : Call.arguments())
    if (const LambdaExpr *Handler = lambdaThrough(Arg);
        Handler && Handler->getCallOperator())
      for (const ParmVarDecl *P : Handler->getCallOperator()->parameters())
        if (isExceptionPtr(P->getType()) && !P->isReferenced())
          Ignored.push_back(P);
  if (Ignored.empty())
    return;
  // Only a call that also starts async work: its handler is the only one
  // told how that work ended.
  const FunctionDecl *Started = nullptr;
  bool StartsWork = false;
  for (const Expr *Arg : Call.arguments()) {
    if (const FunctionDecl *Coroutine = startedCoroutine(Arg)) {
      Started = Coroutine;
      StartsWork = true;
    } else if (Types.classifier().classify(Arg->getType()).Awaitable) {
      StartsWork = true;
    }
  }
  if (!StartsWork)
    return;
  for (const ParmVarDecl *P : Ignored)
    diag(P->getBeginLoc(),
         "completion handler ignores the 'std::exception_ptr' it is given: "
         "errors of %0 are lost")
        << (Started ? describeCoroutine(*Started) : "the awaited work")
        << P->getSourceRange();
}

} // namespace clang::tidy::coro
