//===--- UnhandledExceptionCheck.h - coro-unhandled-exception ---*- C++ -*-===//

#ifndef COROLINT_CHECKS_UNHANDLEDEXCEPTIONCHECK_H
#define COROLINT_CHECKS_UNHANDLEDEXCEPTIONCHECK_H

#include "utils/Awaitables.h"
#include "utils/NameList.h"
#include "clang-tidy/ClangTidyCheck.h"

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
  void checkCall(const CallExpr &Call);
  void checkFunction(const FunctionDecl &FD);
  void checkPromise(const CXXMethodDecl &UnhandledException);
  /// Reports \p Launched (started by \p Launcher at \p Launch) when it can
  /// throw and catches nothing.
  void checkDetachedLaunch(const Expr &Launch, llvm::StringRef Launcher,
                           const Expr &Launched);
  void checkCatch(const CXXCatchStmt &Catch, const FunctionDecl &Coroutine);
  void checkCompletionHandler(const CallExpr &Call);
  /// The call to an ExceptionHoldingFunctions entry that \p E's value comes
  /// from (through co_await and synchronous waits), or null.
  const CallExpr *holdingCall(const Expr *E) const;

  const std::string DetachingFunctionsOpt, DetachedTokensOpt,
      ExceptionHoldingFunctionsOpt, CatchAllTypesOpt;
  const NameList DetachingFunctions, DetachedTokens, ExceptionHoldingFunctions,
      CatchAllTypes, SyncWaitFunctions;
};

} // namespace clang::tidy::coro

#endif
