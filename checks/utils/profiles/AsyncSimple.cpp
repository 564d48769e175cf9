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
    {.Kind = K::DetachedLaunch,
     .Name = "async_simple::coro::Lazy::detach",
     .WorkArgument = -1,
     .Handling = "nothing: use start(callback) and inspect the Try"},
    {K::Consuming, "async_simple::coro::syncAwait"},
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
