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
constexpr llvm::StringLiteral Headers[] = {"folly/coro/",
                                           "folly/experimental/coro/"};
constexpr ProfileEntry Entries[] = {
    {K::Bridge, "folly::coro::blockingWait"},
    // blockingWait is a function object: its call operator is the bridge.
    {K::Bridge, "folly::coro::blocking_wait_fn::operator()"},
    {.Kind = K::DetachedLaunch,
     .Name = "folly::coro::AsyncScope::add",
     .WorkArgument = 0,
     .Handling = "the task handles its own errors: AsyncScope::add terminates "
                 "on an escaping exception"},
    {.Kind = K::DetachedLaunch,
     .Name = "folly::coro::AsyncScope::addWithSourceLoc",
     .WorkArgument = 0,
     .Handling = "as AsyncScope::add"},
    {K::Consuming, "folly::coro::blockingWait"},
    {K::Consuming, "folly::coro::AsyncScope::add"},
    {K::ExceptionHolding, "folly::coro::collectAllTry"},
    {K::ExceptionHolding, "folly::coro::collectAllTryRange"},
    {K::ExceptionHolding, "folly::coro::collectAllTryWindowed"},
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
