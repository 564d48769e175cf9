// aio/net.hpp - TCP on non-blocking sockets: tcp_listener and tcp_stream.
//
// Every operation suspends the task until the socket is ready; errors raise
// aio::socket_error with the errno value. IPv4 and IPv6 literal addresses and
// "localhost"; no DNS (a blocking call) in the runtime.
#pragma once
#include "aio/config.hpp"
#include "aio/loop.hpp"
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace aio {
namespace detail {

/// Non-template socket code in src/net.cpp. Each returns the result, or
/// -1 with would_block set when the operation has to wait. The sockets are
/// non-blocking (SOCK_NONBLOCK) and hosts are numeric addresses, so none of
/// these waits: AIO_NONBLOCKING tells corolint, which otherwise sees recv,
/// send, accept4 and connect.
AIO_NONBLOCKING long sock_read(int fd, char *buf, std::size_t n, bool &would_block);
AIO_NONBLOCKING long sock_write(int fd, const char *buf, std::size_t n, bool &would_block);
AIO_NONBLOCKING int sock_accept(int fd, bool &would_block);
/// Starts a connection; true when it completed at once.
AIO_NONBLOCKING bool sock_connect_start(int fd, std::string_view host, std::uint16_t port);
void sock_connect_finish(int fd);
int sock_open_stream(std::string_view host);
int sock_listen(std::string_view host, std::uint16_t port, int backlog);
std::uint16_t sock_local_port(int fd);
void sock_close(int fd) noexcept;

/// Suspends until \p fd is readable or writable; a cancellation point.
struct io_awaiter : suspension {
  int fd;
  bool write;
  std::coroutine_handle<> handle;
  io_awaiter(int fd, bool write) : fd(fd), write(write) {}
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) {
    handle = h;
    if (begin(h))
      event_loop::get().watch(fd, write, h, ctx);
  }
  void await_resume() { end(); }
  void cancel() noexcept override {
    event_loop::get().unwatch(fd, write);
    event_loop::get().schedule(handle, ctx);
  }
};

/// Owns a socket descriptor: closes it, and tells the loop to forget it.
class owned_fd {
public:
  owned_fd() = default;
  explicit owned_fd(int fd) noexcept : fd_(fd) {}
  owned_fd(owned_fd &&o) noexcept : fd_(std::exchange(o.fd_, -1)) {}
  owned_fd &operator=(owned_fd &&o) noexcept {
    if (this != &o) {
      close();
      fd_ = std::exchange(o.fd_, -1);
    }
    return *this;
  }
  ~owned_fd() { close(); }
  void close() noexcept {
    if (fd_ >= 0) {
      if (auto *loop = event_loop::current())
        loop->forget_fd(fd_);
      sock_close(std::exchange(fd_, -1));
    }
  }
  int get() const noexcept { return fd_; }

private:
  int fd_ = -1;
};

} // namespace detail

class tcp_stream {
public:
  tcp_stream() = default;
  explicit tcp_stream(int fd) noexcept : fd_(fd) {}

  /// Connects to \p host (an IP literal or "localhost") and \p port.
  static task<tcp_stream> connect(std::string host, std::uint16_t port) {
    tcp_stream s(detail::sock_open_stream(host));
    if (!detail::sock_connect_start(s.fd_.get(), host, port)) {
      co_await detail::io_awaiter(s.fd_.get(), true);
      detail::sock_connect_finish(s.fd_.get());
    }
    co_return s;
  }

  /// Reads what is available (at least one byte); 0 at end of stream.
  task<std::size_t> read(std::span<char> buf) {
    for (;;) {
      bool wait = false;
      long n = detail::sock_read(fd_.get(), buf.data(), buf.size(), wait);
      if (!wait)
        co_return std::size_t(n);
      co_await detail::io_awaiter(fd_.get(), false);
    }
  }

  /// Writes all of \p data, which must stay alive until the write is done.
  task<void> write_bytes(std::span<const char> data) {
    while (!data.empty()) {
      bool wait = false;
      long n = detail::sock_write(fd_.get(), data.data(), data.size(), wait);
      if (wait)
        co_await detail::io_awaiter(fd_.get(), true);
      else
        data = data.subspan(std::size_t(n));
    }
  }
  /// Writes all of \p s (a copy: the caller's string may go away).
  task<void> write_all(std::string s) { co_await write_bytes(std::span<const char>(s.data(), s.size())); }

  void close() noexcept { fd_.close(); }
  bool is_open() const noexcept { return fd_.get() >= 0; }
  int native_handle() const noexcept { return fd_.get(); }

private:
  detail::owned_fd fd_;
};

class tcp_listener {
public:
  /// Listens on \p host:\p port (port 0: any free port; see port()).
  static tcp_listener bind(std::string_view host, std::uint16_t port, int backlog = 128) {
    return tcp_listener(detail::sock_listen(host, port, backlog));
  }
  std::uint16_t port() const { return detail::sock_local_port(fd_.get()); }

  task<tcp_stream> accept() {
    for (;;) {
      bool wait = false;
      int fd = detail::sock_accept(fd_.get(), wait);
      if (!wait)
        co_return tcp_stream(fd);
      co_await detail::io_awaiter(fd_.get(), false);
    }
  }
  void close() noexcept { fd_.close(); }

private:
  explicit tcp_listener(int fd) : fd_(fd) {}
  detail::owned_fd fd_;
};

} // namespace aio
