//===--- UnawaitedTaskCheck.h - coro-unawaited-task -------------*- C++ -*-===//

#ifndef COROLINT_CHECKS_UNAWAITEDTASKCHECK_H
#define COROLINT_CHECKS_UNAWAITEDTASKCHECK_H

#include "utils/Awaitables.h"
#include "utils/NameList.h"
#include "clang-tidy/ClangTidyCheck.h"

namespace clang::tidy::coro {

/// Finds tasks and awaitables that are created and never awaited: discarded
/// results, named locals never used, and coroutine lambdas whose task a
/// conversion to a void-returning callable throws away.
///
/// For the user-facing documentation see:
/// docs/checks/coro-unawaited-task.md
class UnawaitedTaskCheck : public ClangTidyCheck {
public:
  UnawaitedTaskCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }

private:
  void checkFunction(const FunctionDecl &FD, ASTContext &Ctx);
  void checkConversion(const LambdaExpr &Lambda, QualType Target);

  const std::string TaskTypes, AwaitableTypes, EagerTypes, EagerAttachedTypes;
  const std::string ConsumingFunctionsOpt;
  const bool AllowVoidCast;
  const AwaitableClassifier Classifier;
  const NameList ConsumingFunctions;
};

} // namespace clang::tidy::coro

#endif
