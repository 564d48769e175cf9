//===--- SequentialAwaitCheck.h - coro-sequential-await ---------*- C++ -*-===//

#ifndef COROLINT_CHECKS_SEQUENTIALAWAITCHECK_H
#define COROLINT_CHECKS_SEQUENTIALAWAITCHECK_H

#include "utils/NameList.h"
#include "utils/SharedOptions.h"
#include "clang-tidy/ClangTidyCheck.h"
#include <vector>

namespace clang::tidy::coro {

/// Finds independent work awaited one at a time: a loop that awaits one call
/// per element when the calls do not depend on each other, lazy tasks
/// collected first and then awaited one by one, and (optionally) a run of
/// consecutive awaits of independent calls.
///
/// For the user-facing documentation see:
/// docs/checks/coro-sequential-await.md
class SequentialAwaitCheck : public ClangTidyCheck {
public:
  SequentialAwaitCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }

  /// What the profile and the options say about the library of a task type.
  struct Library {
    std::string Range;   ///< combinator for a range of tasks
    std::string Tuple;   ///< combinator for a fixed number of tasks
    std::string Bounded; ///< the bounded form, if the library has one
    bool Aio = false;    ///< the mechanical rewrite applies
  };

private:
  const AwaitableTypeOptions Types;
  const std::string CombinatorsOpt;
  const NameList SequentialOnPurpose;
  const unsigned MinConsecutive;
  /// User entries "TaskType=combinator", in order.
  std::vector<std::pair<NameList, std::string>> UserCombinators;
};

} // namespace clang::tidy::coro

#endif
