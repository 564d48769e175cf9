//===--- Asio.cpp - the asio profile --------------------------------------===//
//
// asio and Boost.Asio:
// https://think-async.com/Asio/asio-1.30.2/doc/asio/overview/composition/cpp20_coroutines.html
//
//===----------------------------------------------------------------------===//

#include "Builtin.h"

namespace clang::tidy::coro::profiles {
namespace {

using K = EntryKind;
constexpr llvm::StringLiteral Namespaces[] = {"asio", "boost::asio"};
constexpr llvm::StringLiteral Headers[] = {"asio/", "asio.hpp", "boost/asio/",
                                           "boost/asio.hpp"};
constexpr llvm::StringLiteral Aliases[] = {"boost::asio"};
constexpr ProfileEntry Entries[] = {
    {K::Bridge, "asio::io_context::run"},
    {K::Bridge, "asio::io_context::run_one"},
    {K::Bridge, "asio::io_context::run_for"},
    {K::Bridge, "asio::io_context::run_until"},
    {K::Offload, "asio::post"},
    {K::Offload, "asio::dispatch"},
    {K::Offload, "asio::defer"},
    // co_spawn(ex, task, detached): the token, not the function, detaches.
    {K::DetachedToken, "asio::detached_t"},
    {K::Consuming, "asio::co_spawn"},
};

} // namespace

const LibraryProfile &asio() {
  static const LibraryProfile P{
      "asio",
      "asio and Boost.Asio",
      "https://think-async.com/Asio/asio-1.30.2/doc/asio/overview/composition/"
      "cpp20_coroutines.html",
      Namespaces,
      Headers,
      Aliases,
      Entries};
  return P;
}

} // namespace clang::tidy::coro::profiles
