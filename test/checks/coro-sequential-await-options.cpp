// RUN: %check_corolint -check-suffixes=,DEFAULT %s coro-sequential-await %t -- -- %coro_mock_flags
// RUN: %check_corolint -check-suffixes=,OPT %s coro-sequential-await %t -- \
// RUN:   -config="{CheckOptions: { \
// RUN:     coro-sequential-await.Combinators: 'app::Job=app::run_all', \
// RUN:     coro-sequential-await.SequentialOnPurpose: 'app::replay;app::throttle;migrate', \
// RUN:     coro-sequential-await.MinConsecutive: 3}}" -- %coro_mock_flags
// RUN: %corolint --checks=-*,coro-sequential-await --dump-config | FileCheck %s --check-prefix=DUMP
// RUN: %corolint --checks=-*,coro-sequential-await --dump-config \
// RUN:   -config="{CheckOptions: {coro-sequential-await.MinConsecutive: 4}}" \
// RUN:   | FileCheck %s --check-prefix=DUMP4

// DUMP-DAG: coro-sequential-await.Combinators: ''
// DUMP-DAG: coro-sequential-await.SequentialOnPurpose: ''
// DUMP-DAG: coro-sequential-await.MinConsecutive: '0'
// DUMP4: coro-sequential-await.MinConsecutive: '4'

#include <mutex>
#include <vector>
#include "cppcoro.h"
#include "sequential_shapes.h"

namespace app {
COROLINT_MOCK_LAZY_TASK(Job)
Job<int> work(int x);
void throttle();
cppcoro::task<void> migrate(int table);
} // namespace app
struct Profile { int id; };
cppcoro::task<Profile> user(int id);
cppcoro::task<Profile> orders(int id);
cppcoro::task<Profile> prefs(int id);
cppcoro::task<Profile> fetch(int id);

// Combinators: a home-grown task type gets the combinator configured for it.
app::Job<> home_grown(std::vector<int> xs) {
  for (int x : xs)
    co_await app::work(x);
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:5: warning: 'app::work' is awaited once per element of 'xs', one after another; the calls are independent: run them concurrently with the library's when_all/gather combinator [coro-sequential-await]
  // CHECK-MESSAGES-OPT: :[[@LINE-2]]:5: warning: 'app::work' is awaited once per element of 'xs', one after another; the calls are independent: run them concurrently with 'app::run_all' [coro-sequential-await]
}

// SequentialOnPurpose: the coroutine, a call in the body, or the callee.
namespace app {
cppcoro::task<> replay(std::vector<int> events) {
  for (int e : events)
    co_await fetch(e);
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:5: warning: 'fetch' is awaited once per element of 'events'
}
} // namespace app
cppcoro::task<> throttled(std::vector<int> ids) {
  for (int id : ids) {
    app::throttle();
    co_await fetch(id);
    // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:5: warning: 'fetch' is awaited once per element of 'ids'
  }
}
cppcoro::task<> migrations(std::vector<int> tables) {
  for (int t : tables)
    co_await app::migrate(t);
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:5: warning: 'app::migrate' is awaited once per element of 'tables'
}

// MinConsecutive: independent calls awaited one after another.
cppcoro::task<> dashboard(int id) {
  auto u = co_await user(id);
  // CHECK-MESSAGES-OPT: :[[@LINE-1]]:12: warning: 3 independent calls are awaited one after another ('user', 'orders' and 'prefs'); run them concurrently with 'cppcoro::when_all' [coro-sequential-await]
  auto o = co_await orders(id);
  auto p = co_await prefs(id);
  (void)u, (void)o, (void)p;
}
cppcoro::task<> four(int id) {
  Profile a, b;
  a = co_await user(id);
  // CHECK-MESSAGES-OPT: :[[@LINE-1]]:7: warning: 4 independent calls are awaited one after another ('user', 'orders', 'prefs' and 'fetch')
  b = co_await orders(id);
  co_await prefs(id);
  co_await fetch(id + 1);
}
// Not runs: each call needs the previous result; only two; an ordered sink;
// a sleep in between; under a lock.
cppcoro::task<> chained(int id) {
  auto a = co_await user(id);
  auto b = co_await orders(a.id);
  auto c = co_await prefs(b.id);
  (void)c;
}
cppcoro::task<> two(int id) {
  auto a = co_await user(id);
  auto b = co_await orders(id);
  (void)a, (void)b;
}
struct Journal {
  cppcoro::task<void> append(int record);
};
cppcoro::task<> appends(Journal &j) {
  co_await j.append(1);
  co_await j.append(2);
  co_await j.append(3);
}
folly::coro::Task<> paced(int id) {
  co_await user(id);
  co_await folly::coro::sleep(std::chrono::milliseconds(5));
  co_await orders(id);
  co_await prefs(id);
}
cppcoro::task<> locked(std::mutex &m, int id) {
  std::lock_guard<std::mutex> g(m);
  co_await user(id);
  co_await orders(id);
  co_await prefs(id);
}
