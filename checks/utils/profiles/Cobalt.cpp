//===--- Cobalt.cpp - the cobalt profile ----------------------------------===//
//
// Boost.Cobalt:
// https://www.boost.org/doc/libs/release/libs/cobalt/doc/html/index.html
//
//===----------------------------------------------------------------------===//

#include "Builtin.h"

namespace clang::tidy::coro::profiles {
namespace {

using K = EntryKind;
constexpr llvm::StringLiteral Namespaces[] = {"boost::cobalt"};
constexpr llvm::StringLiteral Headers[] = {"boost/cobalt/", "boost/cobalt.hpp"};
constexpr ProfileEntry Entries[] = {
    {K::Bridge, "boost::cobalt::run"},
    {K::Blocking, "boost::cobalt::thread::join"},
    // cobalt::detached: an eager coroutine type nobody can await.
    {K::DetachedType, "boost::cobalt::detached"},
    // A cobalt::promise is eager and cancels its work when destroyed.
    {K::EagerAttachedType, "boost::cobalt::promise"},
    // detach() and unary + let a promise run on when it is dropped: its
    // exception has no receiver then, and the promise rethrows it out of
    // the resumption, into the executor's run loop.
    {.Kind = K::DetachedLaunch,
     .Name = "boost::cobalt::promise::detach",
     .WorkArgument = -1,
     .Handling = "keep the promise and await it, or catch inside the "
                 "coroutine"},
    {.Kind = K::DetachedLaunch,
     .Name = "boost::cobalt::promise::operator+",
     .WorkArgument = -1,
     .Handling = "as promise::detach"},
    {K::Consuming, "boost::cobalt::spawn"},
    {K::Consuming, "boost::cobalt::run"},
    // join rethrows the first exception (and cancels the rest).
    {.Kind = K::ExceptionHolding,
     .Name = "boost::cobalt::gather",
     .Replacement = "boost::cobalt::join"},
    {K::Combinator, "boost::cobalt::join"},
    {K::Combinator, "boost::cobalt::gather"},
    {K::Combinator, "boost::cobalt::race"},
    {K::LazyTaskType, "boost::cobalt::task"},
    // coro-sequential-await: what gathers, what already runs concurrently,
    // what is awaited in a loop on purpose (pacing, ordered I/O, locks).
    {K::RangeCombinator, "boost::cobalt::join"},
    {K::TupleCombinator, "boost::cobalt::join"},
    {K::ConcurrentCall, "boost::cobalt::gather"},
    {K::ConcurrentCall, "boost::cobalt::race"},
    {K::Ordered, "boost::cobalt::channel::read"},
    {K::Ordered, "boost::cobalt::channel::write"},
    // coro-dangling-reference: where a task or callable outlives the call
    // that takes it, what keeps one alive, what views borrow.
    {K::TaskEscaping, "boost::cobalt::spawn"},
    // coro-lock-across-suspend: the async mutexes it tells from thread
    // locks, and the one it suggests instead of a thread lock.
    {K::AsyncLockType, "::boost::cobalt::channel"},
};

} // namespace

const LibraryProfile &cobalt() {
  static const LibraryProfile P{
      "cobalt",
      "Boost.Cobalt",
      "https://www.boost.org/doc/libs/release/libs/cobalt/doc/html/index.html",
      Namespaces,
      Headers,
      {},
      Entries};
  return P;
}

} // namespace clang::tidy::coro::profiles
