//===--- CoroTidyModule.cpp - the coro clang-tidy module ------------------===//

#include "BlockingCallCheck.h"
#include "DanglingReferenceCheck.h"
#include "LockAcrossSuspendCheck.h"
#include "SequentialAwaitCheck.h"
#include "UnawaitedTaskCheck.h"
#include "UnhandledExceptionCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"

namespace clang::tidy::coro {

class CoroModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &CheckFactories) override {
    CheckFactories.registerCheck<BlockingCallCheck>("coro-blocking-call");
    CheckFactories.registerCheck<DanglingReferenceCheck>(
        "coro-dangling-reference");
    CheckFactories.registerCheck<LockAcrossSuspendCheck>(
        "coro-lock-across-suspend");
    CheckFactories.registerCheck<SequentialAwaitCheck>(
        "coro-sequential-await");
    CheckFactories.registerCheck<UnawaitedTaskCheck>("coro-unawaited-task");
    CheckFactories.registerCheck<UnhandledExceptionCheck>(
        "coro-unhandled-exception");
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
