//===--- UnhandledExceptionCheck.h - coro-unhandled-exception ---*- C++ -*-===//

#ifndef COROLINT_CHECKS_UNHANDLEDEXCEPTIONCHECK_H
#define COROLINT_CHECKS_UNHANDLEDEXCEPTIONCHECK_H

#include "utils/BodyValues.h"
#include "utils/LaunchWrappers.h"
#include "utils/NameList.h"
#include "utils/SharedOptions.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/Support/Regex.h"
#include <optional>

namespace clang::tidy::coro {

/// Finds errors of async work that nobody will ever see: coroutines started
/// detached that can throw and catch nothing, promise types whose
/// unhandled_exception() drops the exception, empty catch-all handlers in
/// coroutines, discarded when_all_ready-style results, and completion
/// handlers that ignore the std::exception_ptr they are given.
///
/// For the user-facing documentation see:
/// docs/checks/coro-unhandled-exception.md
class UnhandledExceptionCheck : public ClangTidyCheck {
public:
  UnhandledExceptionCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }

private:
  // The rules, in the order of the doc page.
  /// 1. A launch with a detached token, or by a detaching API that returns
  /// nothing to observe.
  std::optional<LaunchSite> startedDetached(const CallExpr &Call) const;
  /// 1. A spawning API's handle discarded: spawn(work()); and an eager
  /// future discarded with a cast to void or after continuations that pass
  /// its failure on, unless a continuation in the chain handles it.
  std::optional<LaunchSite> spawnHandleDropped(const Expr &Discarded,
                                               bool VoidCast) const;
  /// 1. The launch \p Call by \p Callee, with the work it hands over.
  LaunchSite siteOf(const CallExpr &Call, const FunctionDecl *Callee) const;
  /// 1. The two above over the own context of \p FD: what makes it a
  /// wrapper (LaunchWrappers).
  llvm::SmallVector<LaunchSite, 2> launchesIn(const FunctionDecl &FD) const;
  /// 1. Whether \p FD's meaning comes from a profile or an option, not from
  /// its body (no wrapper inference for it).
  bool isDescribed(const FunctionDecl &FD) const;
  /// 1. A call of a project's own function that launches its argument
  /// detached (start_in_background(gate, fn)).
  void wrapperLaunch(const CallExpr &Call);
  /// 1. Reports each piece of work of a launch found in \p In (null: look
  /// it up).
  void reportSite(const LaunchSite &Site, const FunctionDecl *In);
  /// 1. A coroutine whose return type nobody can await (fire_and_forget).
  void detachedByType(const FunctionDecl &Coroutine);
  /// 1. Whether the completion callback a launch is given (a
  /// HandlerArgument) reads the outcome it receives.
  bool handlerReadsOutcome(const CallExpr &Call) const;
  /// 1. Reports \p Launched (started by \p Launcher at \p Launch) when it
  /// can throw and catches nothing; \p How says how it was detached,
  /// "is started detached by 'co_spawn'".
  /// \p Through: the wrapper's calls down to the launch, for notes. A
  /// launch whose work is a parameter of the function \p In it is in is
  /// that function's callers' to report (LaunchWrappers).
  void reportIfCanThrow(const Expr &Launch, const std::string &How,
                        const Expr &Launched, WorkShape Shape,
                        const FunctionDecl *In,
                        llvm::ArrayRef<WrapperStep> Through = {});
  /// The completion callback's argument index of launch \p Callee, or -1.
  int handlerArgument(const FunctionDecl *Callee) const;
  /// 2. promise_type::unhandled_exception() that discards the exception.
  void promiseDiscardsException(const CXXMethodDecl &UnhandledException);
  /// 3. Empty catch-all handlers in the coroutine \p Coroutine.
  void emptyCatchAllInCoroutine(const Stmt &Body,
                                const FunctionDecl &Coroutine);
  void emptyCatchAll(const CXXCatchStmt &Catch, const FunctionDecl &Coroutine);
  /// 4. Results that hold exceptions, discarded or never inspected.
  void heldExceptionsDiscarded(const Expr &Discarded);
  void heldExceptionsNeverInspected(const InitialisedLocal &L);
  /// 5. A completion handler that ignores the std::exception_ptr.
  void handlerIgnoresExceptionPtr(const CallExpr &Call);

  /// The call to an ExceptionHoldingFunctions entry that \p E's value comes
  /// from (through co_await and synchronous waits), or null; also null for
  /// a call in a file that TestFileRegex matches.
  const CallExpr *holdingCall(const Expr *E) const;
  /// How to see the exceptions that \p Holding's results hold: its library's
  /// rethrowing combinator, or checking each result.
  std::string rethrowAdvice(const FunctionDecl &Holding) const;
  /// Whether \p Loc is in a file that TestFileRegex matches.
  bool inTestFile(SourceLocation Loc, const SourceManager &SM) const;

  const NameList DetachingFunctions, DetachedTokens, DetachedTypes,
      ErrorHandlers, ExceptionHoldingFunctions, CatchAllTypes;
  /// The built-in launches that take a completion callback, and which
  /// argument it is.
  std::vector<std::pair<NameList, int>> HandlerArguments;
  /// The built-in launches that run a plain callable and catch its errors.
  NameList CallableLaunches;
  /// DetachedLaunch members whose object keeps the errors when constructed
  /// with a flag (ObjectFlag): the launch's names and the parameter's name.
  std::vector<std::pair<NameList, std::string>> ObjectFlags;
  bool onlyProducedBySafeMembers(const CXXRecordDecl &Task,
                                 ASTContext &Ctx) const;
  /// Whether \p Call's object was constructed with its ObjectFlag true.
  bool objectKeepsErrors(const CallExpr &Call) const;
  /// The built-in exception-holding combinators that have a rethrowing
  /// counterpart, and its name.
  std::vector<std::pair<NameList, std::string>> Rethrowing;
  /// Test code, where rule 4 is not reported (empty: none).
  const std::string TestFileRegexText;
  const llvm::Regex TestFileRegex;
  const AwaitableTypeOptions Types;
  const BridgeFunctionsOption Bridges;
  /// The project's own functions that launch a parameter detached.
  LaunchWrappers Wrappers;
  /// The translation unit being checked, for the parent map.
  ASTContext *Context = nullptr;
};

} // namespace clang::tidy::coro

#endif
