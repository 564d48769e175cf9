//===--- AsyncSimple.cpp - the async_simple profile -----------------------===//
//
// async_simple: https://alibaba.github.io/async_simple/docs.en/Lazy.html
//
//===----------------------------------------------------------------------===//

#include "Builtin.h"

namespace clang::tidy::coro::profiles {
namespace {

using K = EntryKind;
constexpr llvm::StringLiteral Namespaces[] = {"async_simple"};
constexpr llvm::StringLiteral Headers[] = {"async_simple/"};
constexpr ProfileEntry Entries[] = {
    {K::Bridge, "async_simple::coro::syncAwait"},
    {K::Bridge, "async_simple::Future::get"},
    {K::Bridge, "async_simple::Future::wait"},
    {K::ReadyFactory, "async_simple::makeReadyFuture"},
    // co_await CurrentExecutor{}: the coroutine's executor, null when it has
    // none (then the code runs inline on the thread that started it).
    {K::ExecutorQuery, "async_simple::CurrentExecutor"},
    // start(callback) hands the callback the Try<T> of the outcome: one that
    // never reads it drops the error. (start is LazyBase's.)
    {.Kind = K::DetachedLaunch,
     .Name = "async_simple::coro::detail::LazyBase::start",
     .WorkArgument = -1,
     .Handling = "a callback that inspects the Try (hasError())",
     .HandlerArgument = 0},
    // (Lazy::start: as a release that declares it in Lazy itself spells it.)
    {.Kind = K::DetachedLaunch,
     .Name = "async_simple::coro::Lazy::start",
     .WorkArgument = -1,
     .Handling = "a callback that inspects the Try (hasError())",
     .HandlerArgument = 0},
    {.Kind = K::DetachedLaunch,
     .Name = "async_simple::coro::Lazy::directlyStart",
     .WorkArgument = -1,
     .Handling = "as start",
     .HandlerArgument = 0},
    {.Kind = K::DetachedLaunch,
     .Name = "async_simple::coro::RescheduleLazy::detach",
     .WorkArgument = -1,
     .Handling = "nothing: use start(callback) and inspect the Try"},
    {.Kind = K::DetachedLaunch,
     .Name = "async_simple::coro::Lazy::detach",
     .WorkArgument = -1,
     .Handling = "nothing: use start(callback) and inspect the Try"},
    {K::Consuming, "async_simple::coro::syncAwait"},
    // co_await lazy.coAwaitTry() yields a Try<T> instead of throwing
    // (declared in detail::LazyBase, like start).
    {K::ExceptionHolding, "async_simple::coro::detail::LazyBase::coAwaitTry"},
    {K::ExceptionHolding, "async_simple::coro::Lazy::coAwaitTry"},
    {K::ExceptionHolding, "async_simple::coro::collectAll"},
    {K::ExceptionHolding, "async_simple::coro::collectAllPara"},
    {K::ExceptionHolding, "async_simple::coro::collectAllWindowed"},
    {K::ExceptionHolding, "async_simple::coro::collectAllWindowedPara"},
    {.Kind = K::Combinator,
     .Name = "async_simple::coro::collectAll",
     .ForType = "async_simple::coro::Lazy"},
    {.Kind = K::Combinator,
     .Name = "async_simple::coro::collectAllPara",
     .ForType = "async_simple::coro::Lazy"},
    {K::AsyncLock, "async_simple::coro::Mutex::coLock"},
    {K::AsyncLock, "async_simple::coro::Mutex::coScopedLock"},
    {K::AsyncPermit, "async_simple::coro::CountingSemaphore::acquire"},
    {K::AsyncLockType, "async_simple::coro::Mutex"},
    {K::LazyTaskType, "async_simple::coro::Lazy"},
    // coro-sequential-await: what gathers, what already runs concurrently,
    // what is awaited in a loop on purpose (pacing, ordered I/O, locks).
    {K::RangeCombinator, "async_simple::coro::collectAll"},
    {K::TupleCombinator, "async_simple::coro::collectAll"},
    {K::BoundedCombinator, "async_simple::coro::collectAllWindowed"},
    {K::ConcurrentCall, "async_simple::coro::collectAllPara"},
    {K::ConcurrentCall, "async_simple::coro::collectAny"},
    {K::Pacing, "async_simple::coro::sleep"},
    {K::LockOrPermit, "async_simple::coro::Mutex"},
    {K::LockOrPermit, "async_simple::coro::SharedMutex"},
    {K::LockOrPermit, "async_simple::coro::ScopedLock"},
    // coro-dangling-reference: where a task or callable outlives the call
    // that takes it, what keeps one alive, what views borrow.
    {K::DetachingMember, "async_simple::coro::detail::LazyBase::start"},
    {K::DetachingMember, "async_simple::coro::Lazy::start"},
    {K::DetachingMember, "async_simple::coro::Lazy::detach"},
    {K::DetachingMember, "async_simple::coro::RescheduleLazy::start"},
    {K::DetachingMember, "async_simple::coro::RescheduleLazy::detach"},
    {K::PassThrough, "async_simple::coro::Lazy::via"},
    // coro-lock-across-suspend: the async mutexes it tells from thread
    // locks, and the one it suggests instead of a thread lock.
    {K::AsyncLockType, "::async_simple::coro::SharedMutex"},
    {K::AsyncLockType, "::async_simple::coro::SpinLock"},
    {K::SuggestedAsyncMutex, "async_simple::coro::Mutex"},
};

} // namespace

const LibraryProfile &asyncSimple() {
  static const LibraryProfile P{
      "async_simple",
      "async_simple",
      "https://alibaba.github.io/async_simple/docs.en/Lazy.html",
      Namespaces,
      Headers,
      {},
      Entries};
  return P;
}

} // namespace clang::tidy::coro::profiles
