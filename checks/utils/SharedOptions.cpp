//===--- SharedOptions.cpp ------------------------------------------------===//

#include "SharedOptions.h"

namespace clang::tidy::coro {
namespace {

constexpr llvm::StringLiteral DefaultEagerTypes =
    "seastar::future;concurrencpp::result;std::future";
constexpr llvm::StringLiteral DefaultEagerAttachedTypes =
    "boost::cobalt::promise";
// A runtime's way of running async work to completion from synchronous code.
// From inside a coroutine it waits for work that may need this very thread.
constexpr llvm::StringLiteral DefaultBridgeFunctions =
    "aio::run;cppcoro::sync_wait;folly::coro::blockingWait;"
    "folly::coro::blocking_wait_fn::operator();::coro::sync_wait;"
    "asio::io_context::run;asio::io_context::run_one;"
    "asio::io_context::run_for;asio::io_context::run_until;"
    "boost::asio::io_context::run;boost::asio::io_context::run_one;"
    "boost::asio::io_context::run_for;boost::asio::io_context::run_until;"
    "async_simple::coro::syncAwait;concurrencpp::result::get;"
    "boost::cobalt::run";

} // namespace

AwaitableTypeOptions::AwaitableTypeOptions(
    const ClangTidyCheck::OptionsView &Options)
    : TaskTypes(Options.getLocalOrGlobal("TaskTypes", "")),
      AwaitableTypes(Options.getLocalOrGlobal("AwaitableTypes", "")),
      EagerTypes(Options.getLocalOrGlobal("EagerTypes", DefaultEagerTypes)),
      EagerAttachedTypes(Options.getLocalOrGlobal("EagerAttachedTypes",
                                                  DefaultEagerAttachedTypes)),
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
                                       DefaultBridgeFunctions)) {}

void BridgeFunctionsOption::store(ClangTidyCheck::OptionsView &Options,
                                  ClangTidyOptions::OptionMap &Opts) const {
  Options.store(Opts, "BridgeFunctions", Bridges.raw());
}

} // namespace clang::tidy::coro
