//===--- SharedOptions.h - options that several checks read ---------------===//
//
// Some knowledge is not one check's business: what a task is (TaskTypes and
// friends) and which functions are a runtime's blocking bridges (sync_wait,
// aio::run). Every check that needs it reads it here, through
// getLocalOrGlobal: set "coro-unawaited-task.TaskTypes" for one check, or the
// global "TaskTypes" in CheckOptions for all of them. Each reading check
// stores the value back under its own name, so --dump-config shows it.
//
// The built-in defaults come from the library profiles (Profiles.h).
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_UTILS_SHAREDOPTIONS_H
#define COROLINT_CHECKS_UTILS_SHAREDOPTIONS_H

#include "Awaitables.h"
#include "NameList.h"
#include "clang-tidy/ClangTidyCheck.h"

namespace clang::tidy::coro {

/// TaskTypes, AwaitableTypes, EagerTypes and EagerAttachedTypes: what
/// structure cannot tell about a type (see coro-unawaited-task's page).
class AwaitableTypeOptions {
public:
  explicit AwaitableTypeOptions(const ClangTidyCheck::OptionsView &Options);
  void store(ClangTidyCheck::OptionsView &Options,
             ClangTidyOptions::OptionMap &Opts) const;
  const AwaitableClassifier &classifier() const { return Classifier; }

private:
  const NameList TaskTypes, AwaitableTypes, EagerTypes, EagerAttachedTypes;
  const AwaitableClassifier Classifier;
};

/// BridgeFunctions: a runtime's ways of waiting for async work from
/// synchronous code (cppcoro::sync_wait, folly::coro::blockingWait, aio::run).
class BridgeFunctionsOption {
public:
  explicit BridgeFunctionsOption(const ClangTidyCheck::OptionsView &Options);
  void store(ClangTidyCheck::OptionsView &Options,
             ClangTidyOptions::OptionMap &Opts) const;
  const NameList &list() const { return Bridges; }

private:
  const NameList Bridges;
};

} // namespace clang::tidy::coro

#endif
