//===--- Seastar.cpp - the seastar profile --------------------------------===//
//
// Seastar: https://docs.seastar.io/master/tutorial.html
//
//===----------------------------------------------------------------------===//

#include "Builtin.h"

namespace clang::tidy::coro::profiles {
namespace {

using K = EntryKind;
constexpr llvm::StringLiteral Namespaces[] = {"seastar"};
constexpr llvm::StringLiteral Headers[] = {"seastar/"};
constexpr ProfileEntry Entries[] = {
    // Only a seastar::thread may wait for a future; in a coroutine get() of
    // an unavailable future aborts, and wait() blocks the reactor.
    {K::Bridge, "seastar::future::get"},
    {K::Bridge, "seastar::future::get0"},
    {K::Bridge, "seastar::future::wait"},
    // seastar::async runs its callable in a seastar::thread, where get() is
    // the documented way to wait.
    {K::Offload, "seastar::async"},
    {K::EagerType, "seastar::future"},
    // Futures made ready: get() returns at once.
    {K::ReadyFactory, "seastar::make_ready_future"},
    {K::ReadyFactory, "seastar::make_exception_future"},
    // Launch helpers: each returns the future of the work it runs; dropped
    // (usually with a cast to void), nothing sees that future's failure.
    {.Kind = K::DetachedLaunch,
     .Name = "seastar::with_gate",
     .WorkArgument = 1,
     .Handling = "chain .handle_exception(...) before dropping the future",
     .CatchesCallable = true},
    {.Kind = K::DetachedLaunch,
     .Name = "seastar::try_with_gate",
     .WorkArgument = 1,
     .Handling = "as with_gate",
     .CatchesCallable = true},
    {.Kind = K::DetachedLaunch,
     .Name = "seastar::futurize_invoke",
     .WorkArgument = 0,
     .Handling = "as with_gate",
     .CatchesCallable = true},
    {.Kind = K::DetachedLaunch,
     .Name = "seastar::async",
     .WorkArgument = 0,
     .Handling = "as with_gate",
     .CatchesCallable = true},
    {.Kind = K::DetachedLaunch,
     .Name = "seastar::with_semaphore",
     .WorkArgument = 2,
     .Handling = "as with_gate",
     .CatchesCallable = true},
    {.Kind = K::DetachedLaunch,
     .Name = "seastar::smp::submit_to",
     .WorkArgument = 1,
     .Handling = "as with_gate",
     .CatchesCallable = true},
    {.Kind = K::DetachedLaunch,
     .Name = "seastar::sharded::invoke_on",
     .WorkArgument = 1,
     .Handling = "as with_gate",
     .CatchesCallable = true},
    {.Kind = K::DetachedLaunch,
     .Name = "seastar::sharded::invoke_on_all",
     .WorkArgument = 0,
     .Handling = "as with_gate",
     .CatchesCallable = true},
    {.Kind = K::DetachedLaunch,
     .Name = "seastar::sharded::invoke_on_others",
     .WorkArgument = 0,
     .Handling = "as with_gate",
     .CatchesCallable = true},
    // Continuations that receive the failure (then_wrapped gets the future
    // itself); then() and finally() pass it on.
    {K::ErrorHandler, "seastar::future::handle_exception"},
    {K::ErrorHandler, "seastar::future::handle_exception_type"},
    {K::ErrorHandler, "seastar::future::then_wrapped"},
    {K::ErrorHandler, "seastar::future::or_terminate"},
    // co_await of these yields the awaited future itself, failed or not:
    // its exception stays in it until inspected, it is not thrown.
    {K::ExceptionHolding, "seastar::coroutine::as_future"},
    {K::ExceptionHolding, "seastar::coroutine::as_future_without_preemption_check"},
    {K::Consuming, "seastar::engine::run"},
    {.Kind = K::Combinator,
     .Name = "seastar::when_all",
     .ForType = "seastar::future"},
    {.Kind = K::Combinator,
     .Name = "seastar::when_all_succeed",
     .ForType = "seastar::future"},
    {K::AsyncPermit, "seastar::get_units"},
    {K::AsyncLockType, "seastar::shared_mutex"},
    {K::KeepAlive, "seastar::do_with"},
    // coro-sequential-await: what gathers, what already runs concurrently,
    // what is awaited in a loop on purpose (pacing, ordered I/O, locks).
    {K::RangeCombinator, "seastar::coroutine::parallel_for_each"},
    {K::TupleCombinator, "seastar::coroutine::all"},
    {K::BoundedCombinator, "seastar::max_concurrent_for_each"},
    {K::ConcurrentCall, "seastar::parallel_for_each"},
    {K::ConcurrentCall, "seastar::when_all"},
    {K::ConcurrentCall, "seastar::when_all_succeed"},
    {K::Pacing, "seastar::sleep"},
    {K::Pacing, "seastar::sleep_abortable"},
    {K::Pacing, "seastar::coroutine::maybe_yield"},
    {K::Ordered, "seastar::output_stream::write"},
    {K::Ordered, "seastar::output_stream::flush"},
    {K::Ordered, "seastar::input_stream::read"},
    {K::Ordered, "seastar::input_stream::read_exactly"},
    {K::Ordered, "seastar::queue::pop_eventually"},
    {K::Ordered, "seastar::queue::push_eventually"},
    {K::LockOrPermit, "seastar::semaphore"},
    {K::LockOrPermit, "seastar::semaphore_units"},
    {K::LockOrPermit, "seastar::rwlock"},
    // coro-dangling-reference: where a task or callable outlives the call
    // that takes it, what keeps one alive, what views borrow.
    {K::CallableBorrow, "seastar::coroutine::lambda"},
    // coro-lock-across-suspend: the async mutexes it tells from thread
    // locks, and the one it suggests instead of a thread lock.
    {K::AsyncLockType, "::seastar::basic_semaphore"},
    {K::AsyncLockType, "::seastar::basic_rwlock"},
    {K::SuggestedAsyncMutex, "seastar::semaphore"},
};

} // namespace

const LibraryProfile &seastar() {
  static const LibraryProfile P{
      "seastar",  "Seastar", "https://docs.seastar.io/master/tutorial.html",
      Namespaces, Headers,   {},
      Entries};
  return P;
}

} // namespace clang::tidy::coro::profiles
