//===--- Concurrencpp.cpp - the concurrencpp profile ----------------------===//
//
// concurrencpp: https://github.com/David-Haim/concurrencpp#readme
//
//===----------------------------------------------------------------------===//

#include "Builtin.h"

namespace clang::tidy::coro::profiles {
namespace {

using K = EntryKind;
constexpr llvm::StringLiteral Namespaces[] = {"concurrencpp"};
constexpr llvm::StringLiteral Headers[] = {"concurrencpp/"};
constexpr ProfileEntry Entries[] = {
    // A coroutine returning null_result runs at once and nothing can await
    // it: whatever it throws is dropped.
    {K::DetachedType, "concurrencpp::null_result"},
    {K::Bridge, "concurrencpp::result::get"},
    // Results made ready: get() returns at once.
    {K::ReadyFactory, "concurrencpp::make_ready_result"},
    {K::ReadyFactory, "concurrencpp::make_exceptional_result"},
    {K::Bridge, "concurrencpp::result::wait"},
    {K::Bridge, "concurrencpp::result::wait_for"},
    {K::Bridge, "concurrencpp::result::wait_until"},
    {K::Bridge, "concurrencpp::shared_result::get"},
    {K::Bridge, "concurrencpp::shared_result::wait"},
    {K::Bridge, "concurrencpp::shared_result::wait_for"},
    {K::Bridge, "concurrencpp::shared_result::wait_until"},
    {K::EagerType, "concurrencpp::shared_result"},
    {K::EagerType, "concurrencpp::result"},
    {.Kind = K::DetachedLaunch,
     .Name = "concurrencpp::executor::post",
     .WorkArgument = 0,
     .Handling = "the callable handles its own errors (use submit and "
                 "keep the result to observe them)",
     .CatchesCallable = true},
    // submit() keeps the callable's exception in the result it returns:
    // dropped, nobody sees it. Executors derive from derivable_executor,
    // which declares its own submit/post.
    {.Kind = K::DetachedLaunch,
     .Name = "concurrencpp::executor::submit",
     .WorkArgument = 0,
     .Handling = "keep the result and await it",
     .CatchesCallable = true},
    {.Kind = K::DetachedLaunch,
     .Name = "concurrencpp::derivable_executor::post",
     .WorkArgument = 0,
     .Handling = "as executor::post",
     .CatchesCallable = true},
    {.Kind = K::DetachedLaunch,
     .Name = "concurrencpp::derivable_executor::submit",
     .WorkArgument = 0,
     .Handling = "keep the result and await it",
     .CatchesCallable = true},
    {K::Consuming, "concurrencpp::runtime::spawn"},
    {K::ExceptionHolding, "concurrencpp::when_all"},
    {.Kind = K::Combinator,
     .Name = "concurrencpp::when_all",
     .ForType = "concurrencpp::result"},
    {.Kind = K::Combinator,
     .Name = "concurrencpp::when_any",
     .ForType = "concurrencpp::result"},
    {K::AsyncLock, "concurrencpp::async_lock::lock"},
    {K::AsyncLockType, "concurrencpp::async_lock"},
    {K::LazyTaskType, "concurrencpp::lazy_result"},
    // coro-sequential-await: what gathers, what already runs concurrently,
    // what is awaited in a loop on purpose (pacing, ordered I/O, locks).
    {K::RangeCombinator, "concurrencpp::when_all"},
    {K::TupleCombinator, "concurrencpp::when_all"},
    {K::ConcurrentCall, "concurrencpp::when_any"},
    {K::Pacing, "concurrencpp::timer_queue::make_delay_object"},
    {K::LockOrPermit, "concurrencpp::async_lock"},
    {K::LockOrPermit, "concurrencpp::scoped_async_lock"},
    // coro-lock-across-suspend: the async mutexes it tells from thread
    // locks, and the one it suggests instead of a thread lock.
    {K::SuggestedAsyncMutex, "concurrencpp::async_lock"},
};

} // namespace

const LibraryProfile &concurrencpp() {
  static const LibraryProfile P{
      "concurrencpp",
      "concurrencpp",
      "https://github.com/David-Haim/concurrencpp#readme",
      Namespaces,
      Headers,
      {},
      Entries};
  return P;
}

} // namespace clang::tidy::coro::profiles
