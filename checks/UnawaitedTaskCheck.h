//===--- UnawaitedTaskCheck.h - coro-unawaited-task -------------*- C++ -*-===//

#ifndef COROLINT_CHECKS_UNAWAITEDTASKCHECK_H
#define COROLINT_CHECKS_UNAWAITEDTASKCHECK_H

#include "utils/BodyValues.h"
#include "utils/Exceptions.h"
#include "utils/NameList.h"
#include "utils/SharedOptions.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang/Analysis/CFG.h"
#include <memory>

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
  /// A discarded task or awaitable (doc: "A discarded task or awaitable").
  void checkDiscarded(const DiscardedValue &D, bool InCoroutine,
                      ASTContext &Ctx);
  /// A named local never awaited, or not awaited on every path. \p Graph is
  /// \p FD's CFG, built on first need; false when it cannot be built.
  bool checkLocal(const InitialisedLocal &L, const FunctionDecl &FD,
                  const Stmt *Body, ASTContext &Ctx,
                  std::unique_ptr<CFG> &Graph);
  /// A coroutine lambda whose task a conversion to a callable discards.
  void checkConversion(const LambdaExpr &Lambda, QualType Target);
  /// What is lost when a local initialised by a call to \p Callee is never
  /// awaited: a lock or units not acquired (LockFunctions,
  /// PermitFunctions), else what \p Policy says.
  std::string localConsequence(const FunctionDecl *Callee,
                               StartPolicy Policy) const;
  /// Where an exception can leave the coroutine \p Task starts (the
  /// escape analysis of coro-unhandled-exception); empty when it cannot, or
  /// when its body is not visible: what an eager void task that runs on
  /// unobserved would lose.
  EscapePoint lostException(const Expr &Task) const;

  const AwaitableTypeOptions Types;
  const NameList ConsumingFunctions, LockFunctions, PermitFunctions,
      ExceptionHolding;
  const bool AllowVoidCast;
};

} // namespace clang::tidy::coro

#endif
