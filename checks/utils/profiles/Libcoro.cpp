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
constexpr llvm::StringLiteral Headers[] = {"coro/"};
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
