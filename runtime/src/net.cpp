// Socket system calls for aio/net.hpp, all on non-blocking descriptors.
#include "aio/net.hpp"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace aio::detail {
namespace {

struct address {
  sockaddr_storage storage{};
  socklen_t len = 0;
  int family = AF_INET;
};

address resolve(std::string_view host, std::uint16_t port) {
  address a;
  std::string h(host == "localhost" ? "127.0.0.1" : host);
  auto *v4 = reinterpret_cast<sockaddr_in *>(&a.storage);
  auto *v6 = reinterpret_cast<sockaddr_in6 *>(&a.storage);
  if (::inet_pton(AF_INET, h.c_str(), &v4->sin_addr) == 1) {
    v4->sin_family = AF_INET;
    v4->sin_port = htons(port);
    a.len = sizeof(sockaddr_in);
    a.family = AF_INET;
  } else if (::inet_pton(AF_INET6, h.c_str(), &v6->sin6_addr) == 1) {
    v6->sin6_family = AF_INET6;
    v6->sin6_port = htons(port);
    a.len = sizeof(sockaddr_in6);
    a.family = AF_INET6;
  } else {
    throw socket_error(EINVAL, "aio: not an IP address (aio does no DNS lookups)");
  }
  return a;
}

[[noreturn]] void fail(const char *what) { throw socket_error(errno, what); }

bool would_block_now() { return errno == EAGAIN || errno == EWOULDBLOCK; }

} // namespace

/// Runs \p op until it is not interrupted: its result, or -1 with
/// would_block set, or socket_error naming \p what.
template <class Op> long retry(Op op, bool &would_block, const char *what) {
  for (;;) {
    long r = op();
    if (r >= 0)
      return r;
    if (errno == EINTR)
      continue;
    if ((would_block = would_block_now()))
      return -1;
    fail(what);
  }
}

long sock_read(int fd, char *buf, std::size_t n, bool &would_block) {
  return retry([&] { return ::recv(fd, buf, n, 0); }, would_block,
               "aio::tcp_stream::read");
}

long sock_write(int fd, const char *buf, std::size_t n, bool &would_block) {
  return retry([&] { return ::send(fd, buf, n, MSG_NOSIGNAL); }, would_block,
               "aio::tcp_stream::write_all");
}

int sock_accept(int fd, bool &would_block) {
  for (;;) {
    int c = ::accept4(fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (c >= 0) {
      int one = 1;
      ::setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      return c;
    }
    if (errno == EINTR || errno == ECONNABORTED)
      continue;
    if ((would_block = would_block_now()))
      return -1;
    fail("aio::tcp_listener::accept");
  }
}

int sock_open_stream(std::string_view host) {
  address a = resolve(host, 0);
  int fd = ::socket(a.family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0)
    fail("aio::tcp_stream::connect: socket");
  int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return fd;
}

bool sock_connect_start(int fd, std::string_view host, std::uint16_t port) {
  address a = resolve(host, port);
  if (::connect(fd, reinterpret_cast<sockaddr *>(&a.storage), a.len) == 0)
    return true;
  if (errno == EINPROGRESS)
    return false;
  fail("aio::tcp_stream::connect");
}

void sock_connect_finish(int fd) {
  int err = 0;
  socklen_t len = sizeof err;
  if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0)
    fail("aio::tcp_stream::connect");
  if (err != 0)
    throw socket_error(err, "aio::tcp_stream::connect");
}

int sock_listen(std::string_view host, std::uint16_t port, int backlog) {
  address a = resolve(host, port);
  int fd = ::socket(a.family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0)
    fail("aio::tcp_listener::bind: socket");
  int one = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  if (::bind(fd, reinterpret_cast<sockaddr *>(&a.storage), a.len) != 0 ||
      ::listen(fd, backlog) != 0) {
    int e = errno;
    ::close(fd);
    throw socket_error(e, "aio::tcp_listener::bind");
  }
  return fd;
}

std::uint16_t sock_local_port(int fd) {
  sockaddr_storage s{};
  socklen_t len = sizeof s;
  if (::getsockname(fd, reinterpret_cast<sockaddr *>(&s), &len) != 0)
    fail("aio::tcp_listener::port");
  if (s.ss_family == AF_INET6)
    return ntohs(reinterpret_cast<sockaddr_in6 *>(&s)->sin6_port);
  return ntohs(reinterpret_cast<sockaddr_in *>(&s)->sin_port);
}

void sock_close(int fd) noexcept { ::close(fd); }

} // namespace aio::detail
