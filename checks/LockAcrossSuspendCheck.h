//===--- LockAcrossSuspendCheck.h - coro-lock-across-suspend ----*- C++ -*-===//

#ifndef COROLINT_CHECKS_LOCKACROSSSUSPENDCHECK_H
#define COROLINT_CHECKS_LOCKACROSSSUSPENDCHECK_H

#include "utils/Locks.h"
#include "utils/NameList.h"
#include "clang-tidy/ClangTidyCheck.h"

namespace clang::tidy::coro {

class LockFlow;
struct HeldLock;

/// Finds thread locks (RAII guards and explicit lock() calls) held, on some
/// path through a coroutine's body, at a co_await or co_yield.
///
/// For the user-facing documentation see:
/// docs/checks/coro-lock-across-suspend.md
class LockAcrossSuspendCheck : public ClangTidyCheck {
public:
  LockAcrossSuspendCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override { Classes.clear(); }
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }

private:
  void reportLock(const LockFlow &Flow, const HeldLock &First,
                  llvm::ArrayRef<const Stmt *> Others, llvm::StringRef Suggested,
                  const ASTContext &Ctx);

  const NameList ThreadGuardTypes;
  const NameList AllowedAwaitables;
  LockClassifier Classes;
};

} // namespace clang::tidy::coro

#endif
