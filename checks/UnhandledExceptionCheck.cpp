//===--- UnhandledExceptionCheck.cpp - coro-unhandled-exception -----------===//

#include "UnhandledExceptionCheck.h"
#include "utils/BodyValues.h"
#include "utils/Coroutines.h"
#include "utils/DeclNames.h"
#include "utils/Exceptions.h"
#include "utils/Profiles.h"
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

} // namespace

UnhandledExceptionCheck::UnhandledExceptionCheck(StringRef Name,
                                                 ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      DetachingFunctions(
          Options.get("DetachingFunctions",
                      profileNames(EntryKind::DetachedLaunch))),
      DetachedTokens(Options.get(
          "DetachedTokens", profileNames(EntryKind::DetachedToken))),
      ExceptionHoldingFunctions(Options.get(
          "ExceptionHoldingFunctions",
          profileNames(EntryKind::ExceptionHolding))),
      CatchAllTypes(Options.get(
          "CatchAllTypes", profileNames(EntryKind::CatchAllType))),
      Types(Options), Bridges(Options) {}

void UnhandledExceptionCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "DetachingFunctions", DetachingFunctions.raw());
  Options.store(Opts, "DetachedTokens", DetachedTokens.raw());
  Options.store(Opts, "ExceptionHoldingFunctions",
                ExceptionHoldingFunctions.raw());
  Options.store(Opts, "CatchAllTypes", CatchAllTypes.raw());
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
    startedDetached(*Call);
    handlerIgnoresExceptionPtr(*Call);
    return;
  }
  const auto *FD = Result.Nodes.getNodeAs<FunctionDecl>("function");
  if (const auto *MD = llvm::dyn_cast<CXXMethodDecl>(FD);
      MD && isNamed(*MD, "unhandled_exception"))
    promiseDiscardsException(*MD);
  const BodyValues Values(*FD);
  for (const DiscardedValue &D : Values.discarded()) {
    const Expr *Inner = ignoreWrappers(D.Value);
    spawnHandleDropped(*Inner);
    heldExceptionsDiscarded(*Inner);
  }
  for (const InitialisedLocal &L : Values.initialisedLocals())
    heldExceptionsNeverInspected(L);
  if (Values.isCoroutine())
    emptyCatchAllInCoroutine(*Values.body(), *FD);
}

// Rule 1: a coroutine started detached.

void UnhandledExceptionCheck::startedDetached(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  // co_spawn(ex, work(), detached) and other detached completion tokens.
  bool Detached = llvm::any_of(Call.arguments(), [&](const Expr *Arg) {
    const CXXRecordDecl *RD = recordOf(Arg->getType());
    return RD && DetachedTokens.matches(*RD);
  });
  // Detaching APIs that return nothing to observe (void, a status).
  if (!Detached && Callee && !returnsClass(*Callee) &&
      DetachingFunctions.matches(*Callee))
    Detached = true;
  if (!Detached)
    return;
  std::string Launcher = Callee ? plainQualifiedName(*Callee) : "this call";
  for (const Expr *Arg : Call.arguments())
    reportIfCanThrow(Call, Launcher, *Arg);
  if (const auto *Member = llvm::dyn_cast<CXXMemberCallExpr>(&Call))
    reportIfCanThrow(Call, Launcher, *Member->getImplicitObjectArgument());
}

void UnhandledExceptionCheck::spawnHandleDropped(const Expr &Discarded) {
  // spawn(work()); with the handle that would report the error dropped.
  const auto *Call = llvm::dyn_cast<CallExpr>(&Discarded);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (Callee && returnsClass(*Callee) && DetachingFunctions.matches(*Callee))
    for (const Expr *Arg : Call->arguments())
      reportIfCanThrow(*Call, plainQualifiedName(*Callee), *Arg);
}

void UnhandledExceptionCheck::reportIfCanThrow(const Expr &Launch,
                                               llvm::StringRef Launcher,
                                               const Expr &Launched) {
  const FunctionDecl *Coroutine = startedCoroutine(&Launched);
  if (!Coroutine)
    return;
  EscapePoint Escape = firstEscapePoint(*coroutineBody(*Coroutine)->getBody());
  if (!Escape)
    return;
  diag(Launch.getBeginLoc(),
       "%0 is started detached by '%1' and can throw, but nothing receives "
       "its exceptions: they are lost")
      << describeCoroutine(*Coroutine) << Launcher << Launch.getSourceRange();
  diag(Escape.Where->getBeginLoc(),
       "%0, outside any try block; catch and handle errors inside the "
       "coroutine, or keep its result and await it",
       DiagnosticIDs::Note)
      << Escape.What;
}

// Rule 2: a promise_type::unhandled_exception() that discards the exception.

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
  if (const auto *Task = llvm::dyn_cast<CXXRecordDecl>(Promise->getDeclContext()))
    Users = "every coroutine returning '" + Task->getName().str() + "'";
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
             AfterBrace, Block->getRBracLoc() == AfterBrace ? " throw; " : " throw;");
}

// Rule 4: results that hold exceptions, discarded or never inspected.

void UnhandledExceptionCheck::heldExceptionsDiscarded(const Expr &Discarded) {
  // co_await when_all_ready(...); with the results dropped.
  if (const CallExpr *Holding = holdingCall(&Discarded))
    diag(Discarded.getBeginLoc(),
         "the results of '%0' are discarded: the exceptions they hold are "
         "never seen")
        << plainQualifiedName(*Holding->getDirectCallee())
        << Discarded.getSourceRange();
}

void UnhandledExceptionCheck::heldExceptionsNeverInspected(
    const InitialisedLocal &L) {
  if (L.Uses != 0)
    return;
  if (const CallExpr *Holding = holdingCall(L.Init))
    diag(L.Var->getLocation(),
         "'%0' is never inspected: the exceptions that the results of '%1' "
         "hold are never seen")
        << L.Var->getName() << plainQualifiedName(*Holding->getDirectCallee());
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
