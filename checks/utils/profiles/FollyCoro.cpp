//===--- FollyCoro.cpp - the folly-coro profile ---------------------------===//
//
// folly::coro: https://github.com/facebook/folly/blob/main/folly/coro/README.md
//
//===----------------------------------------------------------------------===//

#include "Builtin.h"

namespace clang::tidy::coro::profiles {
namespace {

using K = EntryKind;
constexpr llvm::StringLiteral Namespaces[] = {"folly::coro"};
constexpr llvm::StringLiteral Headers[] = {
    "folly/coro/", "folly/experimental/coro/", "folly/futures/"};
constexpr ProfileEntry Entries[] = {
    {K::Bridge, "folly::coro::blockingWait"},
    // blockingWait is a function object: its call operator is the bridge.
    {K::Bridge, "folly::coro::blocking_wait_fn::operator()"},
    // folly::Future and SemiFuture: waiting for one blocks the thread that
    // may be the one to fulfil it. (co_await std::move(semiFuture) instead.)
    {K::Bridge, "folly::SemiFuture::get"},
    {K::Bridge, "folly::SemiFuture::wait"},
    {K::Bridge, "folly::SemiFuture::getVia"},
    {K::Bridge, "folly::Future::get"},
    {K::Bridge, "folly::Future::wait"},
    {K::Bridge, "folly::Future::getVia"},
    {K::Bridge, "folly::Future::waitVia"},
    // Futures made ready: get() returns at once.
    {K::ReadyFactory, "folly::makeFuture"},
    {K::ReadyFactory, "folly::makeSemiFuture"},
    // co_await co_current_executor: null when the coroutine has no executor.
    {K::ExecutorQuery, "folly::coro::detail::co_current_executor_"},
    // start() returns a SemiFuture (dropped: detached) or, given a callback,
    // hands it the Try<T> of the outcome.
    {.Kind = K::DetachedLaunch,
     .Name = "folly::coro::TaskWithExecutor::start",
     .WorkArgument = -1,
     .Handling = "keep the SemiFuture it returns, or pass a callback that "
                 "inspects the Try",
     .HandlerArgument = 0},
    {.Kind = K::DetachedLaunch,
     .Name = "folly::coro::TaskWithExecutor::startInlineUnsafe",
     .WorkArgument = -1,
     .Handling = "as start",
     .HandlerArgument = 0},
    {K::ErrorHandler, "folly::SemiFuture::deferError"},
    {K::ErrorHandler, "folly::SemiFuture::deferTry"},
    {K::ErrorHandler, "folly::Future::thenError"},
    {K::ErrorHandler, "folly::Future::thenTry"},
    {K::ErrorHandler, "folly::Future::onError"},
    {.Kind = K::DetachedLaunch,
     .Name = "folly::coro::AsyncScope::add",
     .WorkArgument = 0,
     .Handling = "the task handles its own errors: AsyncScope::add terminates "
                 "on an escaping exception (unless the scope is constructed "
                 "with throwOnJoin, and joinAsync() rethrows)",
     .ObjectFlag = "throwOnJoin"},
    {.Kind = K::DetachedLaunch,
     .Name = "folly::coro::AsyncScope::addWithSourceLoc",
     .WorkArgument = 0,
     .Handling = "as AsyncScope::add",
     .ObjectFlag = "throwOnJoin"},
    {K::Consuming, "folly::coro::blockingWait"},
    {K::Consuming, "folly::coro::AsyncScope::add"},
    {.Kind = K::ExceptionHolding,
     .Name = "folly::coro::collectAllTry",
     .Replacement = "folly::coro::collectAll"},
    {.Kind = K::ExceptionHolding,
     .Name = "folly::coro::collectAllTryRange",
     .Replacement = "folly::coro::collectAllRange"},
    {.Kind = K::ExceptionHolding,
     .Name = "folly::coro::collectAllTryWindowed",
     .Replacement = "folly::coro::collectAllWindowed"},
    // co_await co_awaitTry(task) yields a Try<T> instead of throwing.
    {K::ExceptionHolding, "folly::coro::co_awaitTry"},
    {.Kind = K::Combinator,
     .Name = "folly::coro::collectAll",
     .ForType = "folly::coro::Task"},
    {.Kind = K::Combinator,
     .Name = "folly::coro::collectAllRange",
     .ForType = "folly::coro::Task"},
    {.Kind = K::Combinator,
     .Name = "folly::coro::collectAllTry",
     .ForType = "folly::coro::Task"},
    {K::AsyncLock, "folly::coro::Mutex::co_lock"},
    {K::AsyncLock, "folly::coro::Mutex::co_scoped_lock"},
    {K::AsyncLock, "folly::coro::SharedMutexFair::co_lock"},
    {K::AsyncLock, "folly::coro::SharedMutexFair::co_lock_shared"},
    {K::AsyncLock, "folly::coro::SharedMutexFair::co_scoped_lock"},
    {K::AsyncLock, "folly::coro::SharedMutexFair::co_scoped_lock_shared"},
    {K::AsyncLockType, "folly::coro::Mutex"},
    {K::AsyncLockType, "folly::coro::SharedMutexFair"},
    {K::LazyTaskType, "folly::coro::Task"},
    // coro-sequential-await: what gathers, what already runs concurrently,
    // what is awaited in a loop on purpose (pacing, ordered I/O, locks).
    {K::RangeCombinator, "folly::coro::collectAllRange"},
    {K::TupleCombinator, "folly::coro::collectAll"},
    {K::BoundedCombinator, "folly::coro::collectAllWindowed"},
    {K::ConcurrentCall, "folly::coro::collectAllTry"},
    {K::ConcurrentCall, "folly::coro::collectAllTryRange"},
    {K::ConcurrentCall, "folly::coro::collectAllTryWindowed"},
    {K::ConcurrentCall, "folly::coro::collectAny"},
    {K::Pacing, "folly::coro::sleep"},
    {K::Ordered, "folly::coro::AsyncGenerator::next"},
    {K::Ordered, "folly::coro::UnboundedQueue::dequeue"},
    {K::Ordered, "folly::coro::BoundedAsyncPipe::write"},
    {K::Ordered, "folly::coro::AsyncPipe::write"},
    {K::Ordered, "folly::coro::Baton"},
    {K::LockOrPermit, "folly::coro::Mutex"},
    {K::LockOrPermit, "folly::coro::SharedMutex"},
    // coro-dangling-reference: where a task or callable outlives the call
    // that takes it, what keeps one alive, what views borrow.
    {K::TaskEscaping, "folly::coro::AsyncScope::add"},
    {K::TaskEscaping, "folly::coro::AsyncScope::addWithSourceLoc"},
    {K::TaskEscaping, "folly::coro::CancellableAsyncScope::add"},
    {K::DetachingMember, "folly::coro::Task::start"},
    {K::DetachingMember, "folly::coro::Task::startInlineUnsafe"},
    {K::DetachingMember, "folly::coro::TaskWithExecutor::start"},
    {K::DetachingMember, "folly::coro::TaskWithExecutor::startInlineUnsafe"},
    {K::PassThrough, "folly::coro::co_withExecutor"},
    {K::PassThrough, "folly::coro::Task::scheduleOn"},
    {K::CallableKeepAlive, "folly::coro::co_invoke"},
    {K::ViewType, "folly::Range"},
    // coro-lock-across-suspend: the async mutexes it tells from thread
    // locks, and the one it suggests instead of a thread lock.
    {K::SuggestedAsyncMutex, "folly::coro::Mutex"},
};

} // namespace

const LibraryProfile &follyCoro() {
  static const LibraryProfile P{
      "folly-coro",
      "folly::coro",
      "https://github.com/facebook/folly/blob/main/folly/coro/README.md",
      Namespaces,
      Headers,
      {},
      Entries};
  return P;
}

} // namespace clang::tidy::coro::profiles
