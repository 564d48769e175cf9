//===--- Libcoro.cpp - the libcoro profile --------------------------------===//
//
// libcoro (namespace ::coro): https://github.com/jbaldwin/libcoro#readme
//
//===----------------------------------------------------------------------===//

#include "Builtin.h"

namespace clang::tidy::coro::profiles {
namespace {

using K = EntryKind;
constexpr llvm::StringLiteral Namespaces[] = {"::coro"};
// Its headers by name: a bare "coro/" prefix also matches folly/coro/.
constexpr llvm::StringLiteral Headers[] = {
    "coro/coro.hpp",         "coro/task.hpp",        "coro/sync_wait.hpp",
    "coro/thread_pool.hpp",  "coro/io_scheduler.hpp", "coro/scheduler.hpp",
    "coro/when_all.hpp",     "coro/when_any.hpp",    "coro/task_container.hpp",
    "coro/task_group.hpp",   "coro/mutex.hpp",       "coro/semaphore.hpp",
    "coro/event.hpp",        "coro/latch.hpp",       "coro/generator.hpp",
    "coro/queue.hpp",        "coro/ring_buffer.hpp", "coro/shared_mutex.hpp"};
constexpr ProfileEntry Entries[] = {
    {K::Bridge, "::coro::sync_wait"},
    {.Kind = K::DetachedLaunch,
     .Name = "::coro::thread_pool::spawn",
     .WorkArgument = 0,
     .Handling = "the task handles its own errors"},
    {.Kind = K::DetachedLaunch,
     .Name = "::coro::io_scheduler::spawn",
     .WorkArgument = 0,
     .Handling = "the task handles its own errors"},
    // libcoro 0.14+: spawn became spawn_detached (and spawn_joinable, whose
    // returned task joins it); io_scheduler became scheduler.
    {.Kind = K::DetachedLaunch,
     .Name = "::coro::thread_pool::spawn_detached",
     .WorkArgument = 0,
     .Handling = "the task handles its own errors, or use spawn_joinable "
                 "and await what it returns"},
    {.Kind = K::DetachedLaunch,
     .Name = "::coro::scheduler::spawn_detached",
     .WorkArgument = 0,
     .Handling = "the task handles its own errors, or use spawn_joinable "
                 "and await what it returns"},
    {.Kind = K::DetachedLaunch,
     .Name = "::coro::io_scheduler::spawn_detached",
     .WorkArgument = 0,
     .Handling = "the task handles its own errors, or use spawn_joinable "
                 "and await what it returns"},
    {.Kind = K::DetachedLaunch,
     .Name = "::coro::task_container::start",
     .WorkArgument = 0,
     .Handling = "the task handles its own errors"},
    {K::Consuming, "::coro::sync_wait"},
    {.Kind = K::Combinator,
     .Name = "::coro::when_all",
     .ForType = "::coro::task"},
    {K::AsyncLock, "::coro::mutex::lock"},
    {K::AsyncLock, "::coro::mutex::scoped_lock"},
    {K::AsyncPermit, "::coro::semaphore::acquire"},
    {K::AsyncLockType, "::coro::mutex"},
    {K::LazyTaskType, "::coro::task"},
    // coro-sequential-await: what gathers, what already runs concurrently,
    // what is awaited in a loop on purpose (pacing, ordered I/O, locks).
    {K::RangeCombinator, "coro::when_all"},
    {K::TupleCombinator, "coro::when_all"},
    {K::BoundedCombinator, "coro::semaphore"},
    {K::ConcurrentCall, "::coro::task_container::start"},
    {K::Pacing, "::coro::io_scheduler::yield_for"},
    {K::Pacing, "::coro::io_scheduler::yield_until"},
    {K::Pacing, "::coro::io_scheduler::schedule_after"},
    {K::Pacing, "::coro::thread_pool::yield"},
    {K::Pacing, "::coro::thread_pool::schedule"},
    {K::Ordered, "::coro::net::tcp::client::send"},
    {K::Ordered, "::coro::net::tcp::client::recv"},
    {K::Ordered, "::coro::net::tcp::client::poll"},
    {K::Ordered, "::coro::queue::pop"},
    {K::Ordered, "::coro::queue::push"},
    {K::Ordered, "::coro::ring_buffer::consume"},
    {K::Ordered, "::coro::ring_buffer::produce"},
    {K::LockOrPermit, "::coro::mutex"},
    {K::LockOrPermit, "::coro::scoped_lock"},
    {K::LockOrPermit, "::coro::semaphore"},
    // coro-dangling-reference: where a task or callable outlives the call
    // that takes it, what keeps one alive, what views borrow.
    {K::TaskEscaping, "::coro::thread_pool::spawn"},
    {K::TaskEscaping, "::coro::thread_pool::spawn_detached"},
    {K::TaskEscaping, "::coro::thread_pool::spawn_joinable"},
    {K::TaskEscaping, "::coro::scheduler::spawn_detached"},
    {K::TaskEscaping, "::coro::scheduler::spawn_joinable"},
    {K::TaskEscaping, "::coro::io_scheduler::spawn_detached"},
    {K::TaskEscaping, "::coro::io_scheduler::spawn_joinable"},
    {K::TaskEscaping, "::coro::io_scheduler::spawn"},
    {K::TaskEscaping, "::coro::task_container::start"},
    // coro-lock-across-suspend: the async mutexes it tells from thread
    // locks, and the one it suggests instead of a thread lock.
    {K::AsyncLockType, "::coro::mutex"},
    {K::AsyncLockType, "::coro::shared_mutex"},
    {K::SuggestedAsyncMutex, "coro::mutex"},
};

} // namespace

const LibraryProfile &libcoro() {
  static const LibraryProfile P{"libcoro",
                                "libcoro (namespace ::coro)",
                                "https://github.com/jbaldwin/libcoro#readme",
                                Namespaces,
                                Headers,
                                {},
                                Entries};
  return P;
}

} // namespace clang::tidy::coro::profiles
