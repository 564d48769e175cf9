//===--- SharedOptions.cpp ------------------------------------------------===//

#include "SharedOptions.h"
#include "Profiles.h"

namespace clang::tidy::coro {

AwaitableTypeOptions::AwaitableTypeOptions(
    const ClangTidyCheck::OptionsView &Options)
    : TaskTypes(Options.getLocalOrGlobal("TaskTypes",
                                         profileNames(EntryKind::TaskType))),
      AwaitableTypes(Options.getLocalOrGlobal(
          "AwaitableTypes", profileNames(EntryKind::AwaitableType))),
      EagerTypes(Options.getLocalOrGlobal(
          "EagerTypes", profileNames(EntryKind::EagerType))),
      EagerAttachedTypes(Options.getLocalOrGlobal(
          "EagerAttachedTypes", profileNames(EntryKind::EagerAttachedType))),
      Classifier(TaskTypes.raw(), AwaitableTypes.raw(), EagerTypes.raw(),
                 EagerAttachedTypes.raw()) {}

void AwaitableTypeOptions::store(ClangTidyCheck::OptionsView &Options,
                                 ClangTidyOptions::OptionMap &Opts) const {
  Options.store(Opts, "TaskTypes", TaskTypes.raw());
  Options.store(Opts, "AwaitableTypes", AwaitableTypes.raw());
  Options.store(Opts, "EagerTypes", EagerTypes.raw());
  Options.store(Opts, "EagerAttachedTypes", EagerAttachedTypes.raw());
}

BridgeFunctionsOption::BridgeFunctionsOption(
    const ClangTidyCheck::OptionsView &Options)
    : Bridges(Options.getLocalOrGlobal("BridgeFunctions",
                                       profileNames(EntryKind::Bridge))) {}

void BridgeFunctionsOption::store(ClangTidyCheck::OptionsView &Options,
                                  ClangTidyOptions::OptionMap &Opts) const {
  Options.store(Opts, "BridgeFunctions", Bridges.raw());
}

} // namespace clang::tidy::coro
