//===--- Cppcoro.cpp - the cppcoro profile --------------------------------===//
//
// cppcoro: https://github.com/lewissbaker/cppcoro#readme
//
//===----------------------------------------------------------------------===//

#include "Builtin.h"

namespace clang::tidy::coro::profiles {
namespace {

using K = EntryKind;
constexpr llvm::StringLiteral Namespaces[] = {"cppcoro"};
constexpr llvm::StringLiteral Headers[] = {"cppcoro/"};
constexpr ProfileEntry Entries[] = {
    {K::Bridge, "cppcoro::sync_wait"},
    {K::Consuming, "cppcoro::sync_wait"},
    {.Kind = K::ExceptionHolding,
     .Name = "cppcoro::when_all_ready",
     .Replacement = "cppcoro::when_all"},
    {.Kind = K::Combinator,
     .Name = "cppcoro::when_all",
     .ForType = "cppcoro::task"},
    {.Kind = K::Combinator,
     .Name = "cppcoro::when_all_ready",
     .ForType = "cppcoro::task"},
    {K::AsyncLock, "cppcoro::async_mutex::lock_async"},
    {K::AsyncLock, "cppcoro::async_mutex::scoped_lock_async"},
    {K::AsyncLockType, "cppcoro::async_mutex"},
    {K::LazyTaskType, "cppcoro::task"},
    {K::LazyTaskType, "cppcoro::shared_task"},
    // coro-sequential-await: what gathers, what already runs concurrently,
    // what is awaited in a loop on purpose (pacing, ordered I/O, locks).
    {K::RangeCombinator, "cppcoro::when_all"},
    {K::TupleCombinator, "cppcoro::when_all"},
    {K::ConcurrentCall, "cppcoro::when_all_ready"},
    {K::Pacing, "cppcoro::io_service::schedule_after"},
    {K::Pacing, "cppcoro::io_service::schedule"},
    {K::Pacing, "cppcoro::static_thread_pool::schedule"},
    {K::Ordered, "cppcoro::net::socket::send"},
    {K::Ordered, "cppcoro::net::socket::recv"},
    {K::Ordered, "cppcoro::read_only_file::read"},
    {K::Ordered, "cppcoro::write_only_file::write"},
    {K::Ordered, "cppcoro::single_consumer_event"},
    {K::LockOrPermit, "cppcoro::async_mutex"},
    {K::LockOrPermit, "cppcoro::async_mutex_lock"},
    // coro-lock-across-suspend: the async mutexes it tells from thread
    // locks, and the one it suggests instead of a thread lock.
    {K::SuggestedAsyncMutex, "cppcoro::async_mutex"},
};

} // namespace

const LibraryProfile &cppcoro() {
  static const LibraryProfile P{
      "cppcoro",  "cppcoro", "https://github.com/lewissbaker/cppcoro#readme",
      Namespaces, Headers,   {},
      Entries};
  return P;
}

} // namespace clang::tidy::coro::profiles
