// RUN: %check_corolint %s coro-blocking-call %t -- -- %coro_mock_flags

// I/O on a descriptor the code made non-blocking does not block: the call
// asks not to (MSG_DONTWAIT), the function handles EAGAIN/EWOULDBLOCK/
// EINPROGRESS, or the descriptor was created or set non-blocking, is an
// eventfd being written, or is awaited for readiness through the runtime,
// in the same function or (a member) in the same class. Directly and
// through helpers. Everything else on a descriptor still blocks.

#include "libcoro.h"
#include "posix_io.h"

// --- The call asks not to block. -------------------------------------------

coro::task<long> peek_dontwait(int fd, char *buf) {
  co_return ::recv(fd, buf, 16, MSG_DONTWAIT | MSG_PEEK);
}

coro::task<long> peek_only(int fd, char *buf) {
  co_return ::recv(fd, buf, 16, MSG_PEEK);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: blocking call to 'recv' in coroutine 'peek_only' stalls every coroutine on this thread [coro-blocking-call]
}

// --- The function runs a non-blocking protocol. ----------------------------

struct Reactor {
  coro::task<int> wait_writable(int fd);
  coro::task<int> wait_readable(int fd);
};

coro::task<bool> dial(Reactor &r, int fd, const void *addr) {
  if (::connect(fd, addr, 16) == 0)
    co_return true;
  if (errno != EINPROGRESS)
    co_return false;
  co_await r.wait_writable(fd);
  co_return true;
}

coro::task<long> drain(Reactor &r, int fd, char *buf) {
  for (;;) {
    long n = ::read(fd, buf, 64);
    if (n >= 0)
      co_return n;
    switch (errno) {
    case EWOULDBLOCK:
      co_await r.wait_readable(fd);
      break;
    default:
      co_return -1;
    }
  }
}

// An API returning -errno.
long submit_read(int fd, char *buf);
coro::task<long> negated(int fd, char *buf) {
  long n = ::read(fd, buf, 8);
  if (n == -EAGAIN)
    co_return 0;
  co_return n;
}

// EINTR alone says nothing about the descriptor's mode.
coro::task<long> retry_on_signal(int fd, char *buf) {
  long n;
  do {
    n = ::read(fd, buf, 8);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: blocking call to 'read' in coroutine 'retry_on_signal'
  } while (n < 0 && errno == EINTR);
  co_return n;
}

// The protocol exempts the descriptor I/O only: a poll still blocks.
coro::task<long> polls_then_reads(int fd, char *buf, void *pfd) {
  ::poll(pfd, 1, -1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'poll' in coroutine 'polls_then_reads'
  long n = ::read(fd, buf, 8);
  if (n < 0 && errno == EAGAIN)
    co_return 0;
  co_return n;
}

// --- The descriptor was made non-blocking. ---------------------------------

coro::task<long> own_socket(char *buf) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  long n = ::recv(fd, buf, 16, 0);
  ::close(fd);
  co_return n;
}

coro::task<long> blocking_socket(char *buf) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  long n = ::recv(fd, buf, 16, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: blocking call to 'recv' in coroutine 'blocking_socket'
  ::close(fd);
  co_return n;
}

coro::task<long> set_with_fcntl(int fd, char *buf) {
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
  co_return ::read(fd, buf, 8);
}

coro::task<long> set_through_variable(int fd, char *buf) {
  int flags = ::fcntl(fd, F_GETFL);
  flags |= O_NONBLOCK;
  ::fcntl(fd, F_SETFL, flags);
  co_return ::read(fd, buf, 8);
}

coro::task<long> set_with_ioctl(int fd, char *buf) {
  int on = 1;
  ::ioctl(fd, FIONBIO, &on);
  co_return ::read(fd, buf, 8);
}

coro::task<long> cleared_with_fcntl(int fd, char *buf) {
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  co_return ::read(fd, buf, 8);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: blocking call to 'read' in coroutine 'cleared_with_fcntl'
}

// The flag is set on the descriptor that gets it, not on another one.
coro::task<long> other_descriptor(int fd, int other, char *buf) {
  ::fcntl(other, F_SETFL, O_NONBLOCK);
  co_return ::read(fd, buf, 8);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: blocking call to 'read' in coroutine 'other_descriptor'
}

// accept4's flag is for the new connection: the accept itself blocks on a
// listening socket nobody made non-blocking, the connection's recv does not.
coro::task<long> serve_one(int listener, char *buf) {
  int conn = ::accept4(listener, nullptr, nullptr, SOCK_NONBLOCK);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: blocking call to 'accept4' in coroutine 'serve_one'
  co_return ::recv(conn, buf, 16, 0);
}

coro::task<long> nonblocking_pipe(char *buf) {
  int fds[2];
  ::pipe2(fds, O_NONBLOCK);
  ::write(fds[1], "x", 1);
  co_return ::read(fds[0], buf, 1);
}

coro::task<long> blocking_pipe(char *buf) {
  int fds[2];
  ::pipe(fds);
  co_return ::write(fds[1], "x", 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: blocking call to 'write' in coroutine 'blocking_pipe'
}

void set_nonblocking(int fd, bool on = true);
coro::task<long> by_helper(int fd, int fd2, char *buf) {
  set_nonblocking(fd);
  set_nonblocking(fd2, false);
  long n = ::read(fd, buf, 8);
  co_return n + ::read(fd2, buf, 8);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: blocking call to 'read' in coroutine 'by_helper'
}

// Evidence about a local does not leak into another function.
int make_nonblocking_socket() {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  return fd;
}
coro::task<long> handed_a_descriptor(int fd, char *buf) {
  co_return ::recv(fd, buf, 16, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: blocking call to 'recv' in coroutine 'handed_a_descriptor'
}

// --- An eventfd: writing does not block, reading a blocking one does. ------

coro::task<long> notify(char *buf) {
  int efd = ::eventfd(0, 0);
  unsigned long one = 1;
  ::write(efd, &one, sizeof one);
  co_return ::read(efd, buf, 8);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: blocking call to 'read' in coroutine 'notify'
}

coro::task<long> nonblocking_eventfd(char *buf) {
  int efd = ::eventfd(0, EFD_NONBLOCK);
  co_return ::read(efd, buf, 8);
}

// --- Members, through helpers. ---------------------------------------------

// Created non-blocking in a constructor defined out of the class.
class Connection {
public:
  explicit Connection(int listener);
  long read_now(char *buf) { return ::recv(fd_, buf, 16, 0); }
  long read_peer(char *buf) { return ::recv(peer_, buf, 16, 0); }

private:
  int fd_;
  int peer_ = -1;
};
Connection::Connection(int listener)
    : fd_(::accept4(listener, nullptr, nullptr, SOCK_NONBLOCK)) {}

coro::task<long> use_connection(Connection &c, char *buf) {
  long n = c.read_now(buf);
  n += c.read_peer(buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: call to 'Connection::read_peer' in coroutine 'use_connection' blocks: it reaches 'recv', which stalls every coroutine on this thread [coro-blocking-call]
  // CHECK-MESSAGES: :[[@LINE-13]]:38: note: 'Connection::read_peer' calls blocking function 'recv' here
  co_return n;
}

// A descriptor wrapper whose member the class awaits readiness on through
// the runtime: its read is the non-blocking half of the protocol.
struct Fd {
  int handle() const;
};
class Channel {
public:
  coro::task<long> read(char *buf) {
    co_await wait();
    co_return read_ready(buf);
  }
  long read_ready(char *buf) { return ::read(fd_.handle(), buf, 16); }
  long read_log(char *buf) { return ::read(log_.handle(), buf, 16); }

private:
  coro::task<int> wait() { return reactor_->wait_readable(fd_.handle()); }
  Reactor *reactor_;
  Fd fd_;
  Fd log_;
};

coro::task<long> use_channel(Channel &ch, char *buf) {
  long n = ch.read_ready(buf);
  n += ch.read_log(buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: call to 'Channel::read_log' in coroutine 'use_channel' blocks: it reaches 'read'
  // CHECK-MESSAGES: :[[@LINE-13]]:37: note: 'Channel::read_log' calls blocking function 'read' here
  co_return n + co_await ch.read(buf);
}

// A class template: the evidence is read from the template.
template <class T> class Stream {
public:
  Stream() : fd_(::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0)) {}
  long send_now(const T &v) { return ::send(fd_, &v, sizeof v, 0); }

private:
  int fd_;
};

coro::task<long> use_stream(Stream<int> &s) {
  co_return s.send_now(42);
}

// A helper that can set either mode says nothing.
class Socket {
public:
  void blocking(bool on) {
    int flags = ::fcntl(fd_, F_GETFL);
    ::fcntl(fd_, F_SETFL, on ? flags & ~O_NONBLOCK : flags | O_NONBLOCK);
  }
  long receive(char *buf) { return ::recv(fd_, buf, 16, 0); }

private:
  int fd_;
};

coro::task<long> use_socket(Socket &s, char *buf) {
  co_return s.receive(buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: call to 'Socket::receive' in coroutine 'use_socket' blocks: it reaches 'recv'
  // CHECK-MESSAGES: :[[@LINE-9]]:36: note: 'Socket::receive' calls blocking function 'recv' here
}

// --- Kernel pseudo-files. --------------------------------------------------
// A file of /proc or /sys opened by a literal path formats kernel state when
// read: reading it never waits (through a helper too). /proc/kmsg waits for
// the next message, and a file whose path is not spelled here, or is on
// disk, still blocks.

static unsigned long route_scope(const char *dest) {
  FILE *f;
  if (!(f = ::fopen("/proc/net/ipv6_route", "r")))
    return 0;
  unsigned long scope = 0;
  while (::fscanf(f, "%s %lx", dest, &scope) == 2) {
  }
  ::fclose(f);
  return scope;
}

coro::task<long> cgroup_quota(char *buf) {
  int fd = ::open("/sys/fs/cgroup/cpu.max", O_RDONLY);
  long n = ::read(fd, buf, 64);
  co_return n + route_scope(buf);
}

coro::task<long> kernel_log(char *buf) {
  FILE *f = ::fopen("/proc/kmsg", "r");
  ::fgets(buf, 64, f);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'fgets' in coroutine 'kernel_log'
  co_return 0;
}

coro::task<long> config_line(const char *path, char *buf) {
  FILE *conf = ::fopen("/etc/app.conf", "r");
  ::fgets(buf, 64, conf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'fgets' in coroutine 'config_line'
  FILE *any = ::fopen(path, "r");
  ::fgets(buf, 64, any);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'fgets' in coroutine 'config_line'
  int fd = ::open(path, O_RDONLY);
  co_return ::read(fd, buf, 64);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: blocking call to 'read' in coroutine 'config_line'
}

// Writing to a kernel file is not exempt: a sysctl write can take its time.
coro::task<long> tune(const char *v) {
  int fd = ::open("/proc/sys/vm/drop_caches", O_RDONLY);
  co_return ::write(fd, v, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: blocking call to 'write' in coroutine 'tune'
}
