// The note under each coro-sequential-await warning: the combinator starts
// every call at once, so it names the library's bounded form where the library
// has one (folly and async_simple collectAllWindowed, seastar
// max_concurrent_for_each, libcoro's semaphore) and says only "bound how many
// run at once" where it has none (cppcoro, asio). No fix-it on these: the
// rewrite would drop the bound the sequential loop had.
// RUN: %check_corolint %s coro-sequential-await %t -- -- %coro_mock_flags

#include <string>
#include <vector>
#include "async_simple.h"
#include "libcoro.h"
#include "sequential_shapes.h"

cppcoro::task<int> fetch(int id);
folly::coro::Task<int> lookup(int key);
asio::awaitable<std::string> resolve(std::string host);
seastar::future<int> load(int shard);
coro::task<int> compute(int x);
async_simple::coro::Lazy<int> query(int x);

folly::coro::Task<> folly_windowed(std::vector<int> keys, std::vector<int> &out) {
  for (int k : keys)
    out.push_back(co_await lookup(k));
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: 'lookup' is awaited once per element of 'keys', one after another; the calls are independent: run them concurrently with 'folly::coro::collectAllRange'
  // CHECK-NOTES: :[[@LINE-3]]:3: note: 'folly::coro::collectAllRange' starts every call at once; if the range can be large, bound how many run at once with 'folly::coro::collectAllWindowed'
}

async_simple::coro::Lazy<> async_simple_windowed(std::vector<int> xs, std::vector<int> &out) {
  for (int x : xs)
    out.push_back(co_await query(x));
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: 'query' is awaited once per element of 'xs', one after another; the calls are independent: run them concurrently with 'async_simple::coro::collectAll'
  // CHECK-NOTES: :[[@LINE-3]]:3: note: 'async_simple::coro::collectAll' starts every call at once; if the range can be large, bound how many run at once with 'async_simple::coro::collectAllWindowed'
}

seastar::future<int> seastar_bounded(std::vector<int> shards) {
  int total = 0;
  for (int s : shards)
    total += co_await load(s);
  // CHECK-NOTES: :[[@LINE-1]]:14: warning: 'load' is awaited once per element of 'shards', one after another; the calls are independent: run them concurrently with 'seastar::coroutine::parallel_for_each'
  // CHECK-NOTES: :[[@LINE-3]]:3: note: 'seastar::coroutine::parallel_for_each' starts every call at once; if the range can be large, bound how many run at once with 'seastar::max_concurrent_for_each'
  co_return total;
}

coro::task<> libcoro_semaphore(std::vector<int> xs) {
  for (auto x : xs)
    co_await compute(x);
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'compute' is awaited once per element of 'xs', one after another; the calls are independent: run them concurrently with 'coro::when_all'
  // CHECK-NOTES: :[[@LINE-3]]:3: note: 'coro::when_all' starts every call at once; if the range can be large, bound how many run at once with 'coro::semaphore'{{$}}
}

cppcoro::task<> cppcoro_unbounded(std::vector<int> ids, std::vector<int> &out) {
  for (int id : ids)
    out.push_back(co_await fetch(id));
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: 'fetch' is awaited once per element of 'ids', one after another; the calls are independent: run them concurrently with 'cppcoro::when_all'
  // CHECK-NOTES: :[[@LINE-3]]:3: note: 'cppcoro::when_all' starts every call at once; if the range can be large, bound how many run at once{{$}}
}

asio::awaitable<void> asio_unbounded(std::vector<std::string> hosts, std::vector<std::string> &out) {
  for (const auto &h : hosts)
    out.push_back(co_await resolve(h));
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: 'resolve' is awaited once per element of 'hosts', one after another; the calls are independent: run them concurrently with 'asio::experimental::make_parallel_group'
  // CHECK-NOTES: :[[@LINE-3]]:3: note: 'asio::experimental::make_parallel_group' starts every call at once; if the range can be large, bound how many run at once{{$}}
}
