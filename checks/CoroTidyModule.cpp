//===--- CoroTidyModule.cpp - the coro clang-tidy module ------------------===//

#include "BlockingCallCheck.h"
#include "DanglingReferenceCheck.h"
#include "LockAcrossSuspendCheck.h"
#include "SequentialAwaitCheck.h"
#include "UnawaitedTaskCheck.h"
#include "UnhandledExceptionCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"
#include "utils/ProjectProfile.h"

namespace clang::tidy::coro {

class CoroModule : public ClangTidyModule {
  /// Each check is made once per translation unit, after the project
  /// profile its configuration names is selected: the check's option
  /// defaults and tables include that profile's entries.
  template <typename Check>
  static void add(ClangTidyCheckFactories &Factories, llvm::StringRef Name) {
    Factories.registerCheckFactory(
        Name, [](llvm::StringRef Name, ClangTidyContext *Context) {
          selectProjectProfile(*Context);
          return std::make_unique<Check>(Name, Context);
        });
  }

public:
  void addCheckFactories(ClangTidyCheckFactories &CheckFactories) override {
    add<BlockingCallCheck>(CheckFactories, "coro-blocking-call");
    add<DanglingReferenceCheck>(CheckFactories, "coro-dangling-reference");
    add<LockAcrossSuspendCheck>(CheckFactories, "coro-lock-across-suspend");
    add<SequentialAwaitCheck>(CheckFactories, "coro-sequential-await");
    add<UnawaitedTaskCheck>(CheckFactories, "coro-unawaited-task");
    add<UnhandledExceptionCheck>(CheckFactories, "coro-unhandled-exception");
  }
};

} // namespace clang::tidy::coro

namespace clang::tidy {

// Registered with clang-tidy's module registry: picked up by the corolint
// driver, by clang-tidy --load and by corolint-clangd alike.
static ClangTidyModuleRegistry::Add<coro::CoroModule>
    X("coro-module", "Adds checks for misuse of C++20 coroutines.");

// clang-tidy's anchor idiom: corolint-clangd names this symbol. Every binary
// links the checks' object files directly ($<TARGET_OBJECTS:corolintChecks>),
// so the registration above is never dropped by the linker either way.
volatile int CoroModuleAnchorSource = 0;

} // namespace clang::tidy
