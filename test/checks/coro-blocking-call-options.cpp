// RUN: %check_corolint %s coro-blocking-call %t -- \
// RUN:   -config="{CheckOptions: { \
// RUN:     coro-blocking-call.BlockingFunctions: 'db::query;legacy::Client::fetch', \
// RUN:     coro-blocking-call.AllowedFunctions: '::usleep;std::future::get', \
// RUN:     coro-blocking-call.OffloadFunctions: 'pool::run_blocking'}}" -- %coro_mock_flags
// RUN: %corolint --checks=-*,coro-blocking-call --dump-config \
// RUN:   -config="{CheckOptions: {coro-blocking-call.TransitiveDepth: 2}}" \
// RUN:   | FileCheck %s --check-prefix=DUMP

// DUMP-DAG: coro-blocking-call.TransitiveDepth: '2'
// DUMP-DAG: coro-blocking-call.BlockingFunctions: ''
// DUMP-DAG: coro-blocking-call.AllowedFunctions: ''
// DUMP-DAG: coro-blocking-call.OffloadFunctions: 'aio::to_thread;std::async;
// DUMP-DAG: coro-blocking-call.FilesystemMetadata: 'false'
// DUMP-DAG: coro-blocking-call.Replacements: 'std::this_thread::sleep_for=co_await aio::sleep;{{.*}};boost::asio::read=co_await boost::asio::async_read;

#include <algorithm>
#include <future>
#include <vector>
#include "cppcoro.h"

namespace db { int query(const char *); }
namespace legacy { struct Client { int fetch(); }; }
namespace pool { template <class F> void run_blocking(F f) {} }

cppcoro::task<int> handler(legacy::Client &c, std::future<int> &f) {
  int a = db::query("select 1");
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: blocking call to 'db::query' in coroutine 'handler'
  int b = c.fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: blocking call to 'legacy::Client::fetch' in coroutine 'handler'
  ::usleep(10);
  int d = f.get();
  pool::run_blocking([] { db::query("x"); });
  co_return a + b + d;
}
