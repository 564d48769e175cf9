// aio_bench - the runtime's costs, measured the way bench/asyncio_bench.py
// measures Python asyncio, so the two print comparable lines.
//
//   aio_bench [--quick]
//
// Prints one "name value unit" line per workload (see bench/README.md).
#include <aio/aio.hpp>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <malloc.h>
#include <string>
#include <vector>

namespace {

using clock_type = std::chrono::steady_clock;

double seconds_since(clock_type::time_point start) {
  return std::chrono::duration<double>(clock_type::now() - start).count();
}

/// Heap bytes in use (glibc): unlike the resident set size, not hidden by
/// memory an earlier workload freed and malloc kept.
long heap_bytes() { return long(mallinfo2().uordblks); }

aio::task<int> empty_task() { co_return 1; }

aio::task<double> create_and_await(long n) {
  long sum = 0;
  auto start = clock_type::now();
  for (long i = 0; i < n; ++i)
    sum += co_await empty_task();
  double elapsed = seconds_since(start);
  if (sum != n)
    throw std::runtime_error("wrong sum");
  co_return elapsed * 1e9 / double(n);
}

aio::task<int> yields_once() {
  co_await aio::yield();
  co_return 1;
}

aio::task<double> gather_many(int n) {
  std::vector<aio::task<int>> tasks;
  tasks.reserve(n);
  for (int i = 0; i < n; ++i)
    tasks.push_back(yields_once());
  auto start = clock_type::now();
  std::vector<int> results = co_await aio::gather(std::move(tasks));
  double elapsed = seconds_since(start);
  if (int(results.size()) != n)
    throw std::runtime_error("wrong result count");
  co_return elapsed * 1e3;
}

aio::task<void> wait_on(aio::event &e) { co_await e.wait(); }

aio::task<double> memory_per_suspended_task(int n) {
  aio::event release;
  std::vector<aio::join_handle<void>> handles;
  handles.reserve(n);
  long before = heap_bytes();
  for (int i = 0; i < n; ++i)
    handles.push_back(aio::spawn(wait_on(release)));
  co_await aio::yield(); // every task runs to its suspension point
  long after = heap_bytes();
  release.set();
  for (auto &h : handles)
    co_await h;
  co_return double(after - before) / double(n);
}

aio::task<void> echo_session(aio::tcp_stream s) {
  std::vector<char> buf(64 * 1024);
  for (;;) {
    std::size_t n = co_await s.read(buf);
    if (n == 0)
      co_return;
    co_await s.write_bytes(std::span<const char>(buf.data(), n));
  }
}

aio::task<void> echo_server(aio::tcp_listener &listener, int connections) {
  aio::task_group group;
  for (int i = 0; i < connections; ++i)
    group.spawn(echo_session(co_await listener.accept()));
  co_await group.wait();
}

aio::task<long> echo_client(std::uint16_t port, long bytes) {
  aio::tcp_stream s = co_await aio::tcp_stream::connect("127.0.0.1", port);
  std::vector<char> out(16 * 1024, 'x'), in(64 * 1024);
  long echoed = 0;
  for (long sent = 0; sent < bytes; sent += long(out.size())) {
    co_await s.write_bytes(out);
    std::size_t want = out.size();
    while (want > 0) {
      std::size_t n = co_await s.read(std::span<char>(in.data(), want));
      if (n == 0)
        throw std::runtime_error("server closed early");
      want -= n;
      echoed += long(n);
    }
  }
  s.close();
  co_return echoed;
}

aio::task<double> echo_throughput(int connections, long bytes_each) {
  auto listener = aio::tcp_listener::bind("127.0.0.1", 0);
  auto server = aio::spawn(echo_server(listener, connections));
  std::vector<aio::task<long>> clients;
  for (int i = 0; i < connections; ++i)
    clients.push_back(echo_client(listener.port(), bytes_each));
  auto start = clock_type::now();
  std::vector<long> echoed = co_await aio::gather(std::move(clients));
  double elapsed = seconds_since(start);
  co_await server;
  long total = 0;
  for (long e : echoed)
    total += e;
  co_return double(total) / elapsed / 1e6;
}

} // namespace

int main(int argc, char **argv) {
  const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
  const long awaits = quick ? 100'000 : 2'000'000;
  const int gathered = 10'000, suspended = quick ? 10'000 : 100'000;
  const int connections = 8;
  const long bytes_each = quick ? (1L << 20) : (32L << 20);

  // Each timed workload runs once to warm up (page faults, malloc arenas),
  // then is measured.
  aio::run(create_and_await(awaits / 10));
  std::printf("create_await_empty_task %.1f ns\n", aio::run(create_and_await(awaits)));
  aio::run(gather_many(gathered));
  std::printf("gather_10000_tasks %.2f ms\n", aio::run(gather_many(gathered)));
  std::printf("memory_per_suspended_task %.0f bytes\n",
              aio::run(memory_per_suspended_task(suspended)));
  std::printf("loopback_echo_%d_connections %.1f MB/s\n", connections,
              aio::run(echo_throughput(connections, bytes_each)));
  return 0;
}
