//===--- UnhandledExceptionCheck.cpp - coro-unhandled-exception -----------===//

#include "UnhandledExceptionCheck.h"
#include "utils/BlockingCalls.h"
#include "utils/Coroutines.h"
#include "utils/Exceptions.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::coro {
namespace {

// APIs that start a coroutine and keep nothing that could report its error.
// One that returns a handle (aio::spawn) detaches only when the handle is
// dropped; one that returns void or a status detaches always.
constexpr llvm::StringLiteral DefaultDetachingFunctions =
    "aio::spawn;folly::coro::AsyncScope::add;"
    "folly::coro::AsyncScope::addWithSourceLoc;::coro::thread_pool::spawn;"
    "::coro::io_scheduler::spawn;::coro::task_container::start;"
    "async_simple::coro::Lazy::detach;concurrencpp::executor::post";
// Completion tokens that mean "nobody receives the result".
constexpr llvm::StringLiteral DefaultDetachedTokens =
    "asio::detached_t;boost::asio::detached_t";
// Combinators whose result holds each child's exception until inspected.
constexpr llvm::StringLiteral DefaultExceptionHoldingFunctions =
    "cppcoro::when_all_ready;folly::coro::collectAllTry;"
    "folly::coro::collectAllTryRange;folly::coro::collectAllTryWindowed;"
    "async_simple::coro::collectAll;async_simple::coro::collectAllPara;"
    "async_simple::coro::collectAllWindowed;"
    "async_simple::coro::collectAllWindowedPara;concurrencpp::when_all;"
    "boost::cobalt::gather";
// Types whose empty handler catches (nearly) everything, cancellation too.
constexpr llvm::StringLiteral DefaultCatchAllTypes = "std::exception";

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
      DetachingFunctionsOpt(
          Options.get("DetachingFunctions", DefaultDetachingFunctions)),
      DetachedTokensOpt(Options.get("DetachedTokens", DefaultDetachedTokens)),
      ExceptionHoldingFunctionsOpt(Options.get(
          "ExceptionHoldingFunctions", DefaultExceptionHoldingFunctions)),
      CatchAllTypesOpt(Options.get("CatchAllTypes", DefaultCatchAllTypes)),
      DetachingFunctions(DetachingFunctionsOpt),
      DetachedTokens(DetachedTokensOpt),
      ExceptionHoldingFunctions(ExceptionHoldingFunctionsOpt),
      CatchAllTypes(CatchAllTypesOpt), SyncWaitFunctions(bridgeFunctions()) {}

void UnhandledExceptionCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "DetachingFunctions", DetachingFunctionsOpt);
  Options.store(Opts, "DetachedTokens", DetachedTokensOpt);
  Options.store(Opts, "ExceptionHoldingFunctions", ExceptionHoldingFunctionsOpt);
  Options.store(Opts, "CatchAllTypes", CatchAllTypesOpt);
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
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call"))
    return checkCall(*Call);
  if (const auto *FD = Result.Nodes.getNodeAs<FunctionDecl>("function")) {
    if (const auto *MD = llvm::dyn_cast<CXXMethodDecl>(FD);
        MD && MD->getDeclName().isIdentifier() &&
        MD->getName() == "unhandled_exception")
      checkPromise(*MD);
    checkFunction(*FD);
  }
}

void UnhandledExceptionCheck::checkCall(const CallExpr &Call) {
  // In a template, judge the instantiations: their calls are resolved.
  if (Call.isInstantiationDependent())
    return;
  const FunctionDecl *Callee = Call.getDirectCallee();
  std::string Launcher = Callee ? plainQualifiedName(*Callee) : "this call";

  // 1. co_spawn(ex, work(), detached) and other detached completion tokens.
  bool Detached = llvm::any_of(Call.arguments(), [&](const Expr *Arg) {
    const CXXRecordDecl *RD = recordOf(Arg->getType());
    return RD && DetachedTokens.matches(*RD);
  });
  // 1. Detaching APIs that return nothing to observe (void, a status).
  if (!Detached && Callee && !returnsClass(*Callee) &&
      DetachingFunctions.matches(*Callee))
    Detached = true;
  if (Detached) {
    for (const Expr *Arg : Call.arguments())
      checkDetachedLaunch(Call, Launcher, *Arg);
    if (const auto *Member = llvm::dyn_cast<CXXMemberCallExpr>(&Call))
      checkDetachedLaunch(Call, Launcher, *Member->getImplicitObjectArgument());
  }
  // 5. A completion handler that ignores the exception_ptr.
  checkCompletionHandler(Call);
}

void UnhandledExceptionCheck::checkDetachedLaunch(const Expr &Launch,
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

void UnhandledExceptionCheck::checkCompletionHandler(const CallExpr &Call) {
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
    } else if (structuralAwaitables().classify(Arg->getType()).Awaitable) {
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

const CallExpr *UnhandledExceptionCheck::holdingCall(const Expr *E) const {
  E = ignoreWrappers(E);
  if (const auto *Await = llvm::dyn_cast_or_null<CoawaitExpr>(E))
    E = ignoreWrappers(Await->getOperand());
  else if (const auto *Dependent =
               llvm::dyn_cast_or_null<DependentCoawaitExpr>(E))
    E = ignoreWrappers(Dependent->getOperand());
  else if (const auto *Wait = llvm::dyn_cast_or_null<CallExpr>(E);
           Wait && Wait->getNumArgs() >= 1 && Wait->getDirectCallee() &&
           SyncWaitFunctions.matches(*Wait->getDirectCallee()))
    E = ignoreWrappers(Wait->getArg(Wait->getNumArgs() - 1));
  else
    return nullptr;
  const auto *Call = llvm::dyn_cast_or_null<CallExpr>(E);
  if (!Call || !Call->getDirectCallee() ||
      !ExceptionHoldingFunctions.matches(*Call->getDirectCallee()))
    return nullptr;
  return Call;
}

void UnhandledExceptionCheck::checkFunction(const FunctionDecl &FD) {
  const CoroutineBodyStmt *CoroBody = coroutineBody(FD);
  const Stmt *Body = CoroBody ? CoroBody->getBody() : FD.getBody();
  UsageCollector Usage;
  Usage.TraverseStmt(const_cast<Stmt *>(Body));

  for (const Expr *E : Usage.Discarded) {
    const Expr *Inner = ignoreWrappers(E);
    if (const auto *Cast = llvm::dyn_cast<ExplicitCastExpr>(Inner);
        Cast && Cast->getType()->isVoidType())
      Inner = ignoreWrappers(Cast->getSubExpr());
    // 1. spawn(work()); with the handle that would report the error dropped.
    if (const auto *Call = llvm::dyn_cast<CallExpr>(Inner)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (Callee && returnsClass(*Callee) && DetachingFunctions.matches(*Callee))
        for (const Expr *Arg : Call->arguments())
          checkDetachedLaunch(*Call, plainQualifiedName(*Callee), *Arg);
    }
    // 4. co_await when_all_ready(...); with the results dropped.
    if (const CallExpr *Holding = holdingCall(Inner))
      diag(Inner->getBeginLoc(),
           "the results of '%0' are discarded: the exceptions they hold are "
           "never seen")
          << plainQualifiedName(*Holding->getDirectCallee())
          << Inner->getSourceRange();
  }
  for (const VarDecl *VD : Usage.Locals) {
    if (Usage.Uses.lookup(VD) != 0 || !VD->hasInit() || VD->getName().empty() ||
        VD->hasAttr<UnusedAttr>())
      continue;
    if (const CallExpr *Holding = holdingCall(VD->getInit()))
      diag(VD->getLocation(),
           "'%0' is never inspected: the exceptions that the results of '%1' "
           "hold are never seen")
          << VD->getName() << plainQualifiedName(*Holding->getDirectCallee());
  }

  // 3. Empty catch-all handlers in a coroutine.
  if (!CoroBody)
    return;
  CatchCollector Catches;
  Catches.TraverseStmt(const_cast<Stmt *>(Body));
  for (const CXXCatchStmt *Catch : Catches.Catches)
    checkCatch(*Catch, FD);
}

void UnhandledExceptionCheck::checkCatch(const CXXCatchStmt &Catch,
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

void UnhandledExceptionCheck::checkPromise(const CXXMethodDecl &MD) {
  // Judge the template, not each instantiation of it.
  if (MD.isTemplateInstantiation() || !MD.doesThisDeclarationHaveABody())
    return;
  const CXXRecordDecl *Promise = MD.getParent();
  const bool IsPromise =
      (Promise->getDeclName().isIdentifier() &&
       Promise->getName() == "promise_type") ||
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

} // namespace clang::tidy::coro
