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
    // awaitable's promise comes from a coroutine_traits specialisation, not
    // a promise_type member: structure alone does not see a lazy task.
    {K::TaskType, "asio::awaitable"},
    {K::Bridge, "asio::io_context::run"},
    {K::Bridge, "asio::io_context::run_one"},
    {K::Bridge, "asio::io_context::run_for"},
    {K::Bridge, "asio::io_context::run_until"},
    {K::Bridge, "asio::io_context::poll"},
    {K::Bridge, "asio::io_context::poll_one"},
    {K::Blocking, "asio::thread_pool::join"},
    {K::Blocking, "asio::thread_pool::wait"},
    // The synchronous operations: their asynchronous forms are named async_*
    // and take a completion token.
    {.Kind = K::Blocking,
     .Name = "asio::read",
     .Replacement = "co_await asio::async_read"},
    {.Kind = K::Blocking,
     .Name = "asio::write",
     .Replacement = "co_await asio::async_write"},
    {.Kind = K::Blocking,
     .Name = "asio::read_until",
     .Replacement = "co_await asio::async_read_until"},
    {.Kind = K::Blocking,
     .Name = "asio::read_at",
     .Replacement = "co_await asio::async_read_at"},
    {.Kind = K::Blocking,
     .Name = "asio::write_at",
     .Replacement = "co_await asio::async_write_at"},
    {.Kind = K::Blocking,
     .Name = "asio::connect",
     .Replacement = "co_await asio::async_connect"},
    {K::Blocking, "asio::basic_socket::connect"},
    {K::Blocking, "asio::basic_stream_socket::read_some"},
    {K::Blocking, "asio::basic_stream_socket::write_some"},
    {K::Blocking, "asio::basic_stream_socket::receive"},
    {K::Blocking, "asio::basic_stream_socket::send"},
    {K::Blocking, "asio::basic_datagram_socket::receive"},
    {K::Blocking, "asio::basic_datagram_socket::receive_from"},
    {K::Blocking, "asio::basic_datagram_socket::send"},
    {K::Blocking, "asio::basic_datagram_socket::send_to"},
    {K::Blocking, "asio::basic_socket_acceptor::accept"},
    {K::Blocking, "asio::ip::basic_resolver::resolve"},
    {K::Blocking, "asio::basic_waitable_timer::wait"},
    {K::Blocking, "asio::basic_deadline_timer::wait"},
    {K::Blocking, "asio::basic_serial_port::read_some"},
    {K::Blocking, "asio::basic_serial_port::write_some"},
    {K::Blocking, "asio::ssl::stream::handshake"},
    {K::Blocking, "asio::ssl::stream::read_some"},
    {K::Blocking, "asio::ssl::stream::write_some"},
    {K::Offload, "asio::post"},
    {K::Offload, "asio::dispatch"},
    {K::Offload, "asio::defer"},
    // co_spawn(ex, task, detached): the token, not the function, detaches.
    {K::DetachedToken, "asio::detached_t"},
    {K::Consuming, "asio::co_spawn"},
    // coro-sequential-await: what gathers, what already runs concurrently,
    // what is awaited in a loop on purpose (pacing, ordered I/O, locks).
    {K::RangeCombinator, "asio::experimental::make_parallel_group"},
    {K::TupleCombinator, "asio::experimental::make_parallel_group"},
    {K::Pacing, "asio::steady_timer::async_wait"},
    {K::Pacing, "asio::basic_waitable_timer::async_wait"},
    {K::Ordered, "asio::async_write"},
    {K::Ordered, "asio::async_read"},
    {K::Ordered, "asio::async_read_until"},
    {K::Ordered, "asio::tcp_socket::async_read_some"},
    {K::Ordered, "asio::basic_stream_socket::async_read_some"},
    {K::Ordered, "asio::basic_stream_socket::async_write_some"},
    {K::Ordered, "asio::basic_stream_socket::async_send"},
    {K::Ordered, "asio::basic_stream_socket::async_receive"},
    {K::Ordered, "asio::experimental::basic_channel::async_receive"},
    {K::Ordered, "asio::experimental::basic_channel::async_send"},
    // coro-dangling-reference: where a task or callable outlives the call
    // that takes it, what keeps one alive, what views borrow.
    {K::TaskEscaping, "asio::co_spawn"},
    {K::StoresCallable, "asio::co_spawn"},
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
