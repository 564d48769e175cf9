//===--- Aio.cpp - the aio profile ----------------------------------------===//
//
// aio, the runtime shipped with corolint (docs/aio.md).
//
//===----------------------------------------------------------------------===//

#include "Builtin.h"

namespace clang::tidy::coro::profiles {
namespace {

using K = EntryKind;
constexpr llvm::StringLiteral Namespaces[] = {"aio"};
constexpr llvm::StringLiteral Headers[] = {"aio/"};
constexpr ProfileEntry Entries[] = {
    {K::Bridge, "aio::run"},
    {.Kind = K::Offload,
     .Name = "aio::to_thread",
     .Replacement = "co_await aio::to_thread(...)"},
    {.Kind = K::DetachedLaunch,
     .Name = "aio::spawn",
     .WorkArgument = 0,
     .Handling = "await the join handle it returns"},
    {K::Consuming, "aio::spawn"},
    {K::Consuming, "aio::run"},
    {K::Consuming, "aio::task_group::spawn"},
    {.Kind = K::Combinator, .Name = "aio::gather", .ForType = "aio::task"},
    {K::AsyncLock, "aio::mutex::lock"},
    {K::AsyncPermit, "aio::semaphore::acquire"},
    {K::AsyncLockType, "aio::mutex"},
    {.Kind = K::Blocking,
     .Name = "std::this_thread::sleep_for",
     .Replacement = "co_await aio::sleep"},
    {K::LazyTaskType, "aio::task"},
    // coro-sequential-await: what gathers, what already runs concurrently,
    // what is awaited in a loop on purpose (pacing, ordered I/O, locks).
    {K::RangeCombinator, "aio::gather"},
    {K::TupleCombinator, "aio::gather"},
    {K::BoundedCombinator, "aio::semaphore"},
    {K::ConcurrentCall, "aio::task_group::spawn"},
    {K::ConcurrentCall, "aio::wait_for"},
    {K::Pacing, "aio::sleep"},
    {K::Pacing, "aio::yield"},
    {K::Ordered, "aio::tcp_stream::read"},
    {K::Ordered, "aio::tcp_stream::write_bytes"},
    {K::Ordered, "aio::tcp_stream::write_all"},
    {K::Ordered, "aio::tcp_listener::accept"},
    {K::Ordered, "aio::queue::pop"},
    {K::Ordered, "aio::queue::push"},
    {K::Ordered, "aio::event::wait"},
    {K::LockOrPermit, "aio::mutex"},
    {K::LockOrPermit, "aio::semaphore"},
    // coro-dangling-reference: where a task or callable outlives the call
    // that takes it, what keeps one alive, what views borrow.
    {K::TaskEscaping, "aio::spawn"},
    {K::TaskEscaping, "aio::task_group::spawn"},
    // coro-lock-across-suspend: the async mutexes it tells from thread
    // locks, and the one it suggests instead of a thread lock.
    {K::SuggestedAsyncMutex, "aio::mutex"},
};

} // namespace

const LibraryProfile &aio() {
  static const LibraryProfile P{"aio",         "aio (corolint's runtime)",
                                "docs/aio.md", Namespaces,
                                Headers,       {},
                                Entries};
  return P;
}

} // namespace clang::tidy::coro::profiles
