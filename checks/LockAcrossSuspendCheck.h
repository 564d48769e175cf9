//===--- LockAcrossSuspendCheck.h - coro-lock-across-suspend ----*- C++ -*-===//

#ifndef COROLINT_CHECKS_LOCKACROSSSUSPENDCHECK_H
#define COROLINT_CHECKS_LOCKACROSSSUSPENDCHECK_H

#include "utils/NameList.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseMap.h"

namespace clang::tidy::coro {

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
  void onEndOfTranslationUnit() override { Cache.clear(); }
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }

  /// What a class is to this check, cached per translation unit.
  enum class LockClass { Unknown, Other, ThreadGuard, AsyncMutex };
  LockClass classify(const CXXRecordDecl &RD);

private:
  const NameList ThreadGuardTypes;
  const NameList AllowedAwaitables;
  llvm::DenseMap<const CXXRecordDecl *, LockClass> Cache;
};

} // namespace clang::tidy::coro

#endif
