// RUN: %check_corolint -check-suffixes=,DEPTH1 %s coro-blocking-call %t -- \
// RUN:   -config="{CheckOptions: {coro-blocking-call.TransitiveDepth: 1}}" -- %coro_mock_flags
// RUN: %check_corolint -check-suffixes=,DEPTH3 %s coro-blocking-call %t -- -- %coro_mock_flags
// RUN: %check_corolint -check-suffixes=DEPTH0 %s coro-blocking-call %t -- \
// RUN:   -config="{CheckOptions: {coro-blocking-call.TransitiveDepth: 0}}" -- %coro_mock_flags

#include <algorithm>
#include <future>
#include <memory>
#include <thread>
#include <vector>
#include "cppcoro.h"

void read_config() { ::sleep(1); }
void load() { read_config(); }
void level2() { load(); }
void level3() { level2(); }
int wait_all(std::vector<std::future<int>> &fs) {
  int sum = 0;
  for (auto &f : fs)
    sum += f.get();
  return sum;
}

cppcoro::task<> direct_helper() {
  read_config();
  // CHECK-MESSAGES-DEPTH1: :[[@LINE-1]]:3: warning: call to 'read_config' in coroutine 'direct_helper' blocks: it reaches 'sleep', which stalls every coroutine on this thread [coro-blocking-call]
  // CHECK-MESSAGES-DEPTH3: :[[@LINE-2]]:3: warning: call to 'read_config' in coroutine 'direct_helper' blocks: it reaches 'sleep'
  co_return;
}

cppcoro::task<> deep() {
  load();
  // CHECK-MESSAGES-DEPTH3: :[[@LINE-1]]:3: warning: call to 'load' in coroutine 'deep' blocks: it reaches 'sleep'
  level3();
  co_return;
}

cppcoro::task<int> gather_futures(std::vector<std::future<int>> &fs) {
  co_return wait_all(fs);
  // CHECK-MESSAGES-DEPTH1: :[[@LINE-1]]:13: warning: call to 'wait_all' in coroutine 'gather_futures' blocks: it reaches 'std::future::get'
  // CHECK-MESSAGES-DEPTH3: :[[@LINE-2]]:13: warning: call to 'wait_all' in coroutine 'gather_futures' blocks: it reaches 'std::future::get'
}

// A lambda run right here (immediately invoked, or by a std algorithm) runs
// in the coroutine.
cppcoro::task<> inline_lambdas(std::vector<int> &v) {
  [] { ::sleep(1); }();
  // CHECK-MESSAGES-DEPTH1: :[[@LINE-1]]:3: warning: call to 'lambda' in coroutine 'inline_lambdas' blocks: it reaches 'sleep'
  // CHECK-MESSAGES-DEPTH3: :[[@LINE-2]]:3: warning: call to 'lambda' in coroutine 'inline_lambdas' blocks: it reaches 'sleep'
  std::for_each(v.begin(), v.end(), [](int) { read_config(); });
  // CHECK-MESSAGES-DEPTH3: :[[@LINE-1]]:3: warning: call to 'lambda' in coroutine 'inline_lambdas' blocks: it reaches 'sleep'
  co_return;
}

// ... but a lambda handed to an offloading API runs elsewhere.
cppcoro::task<> offloaded() {
  auto f = std::async([] { read_config(); return 1; });
  std::thread t([] { level3(); });
  t.detach();
  co_return;
}

// Threads constructed in place by a container or a factory run the lambda on
// that thread too; a container of anything else does not.
struct Job { template <class F> explicit Job(F &&f) {} };
cppcoro::task<> offloaded_in_place(std::vector<std::thread> &threads,
                                   std::vector<std::jthread> &jthreads,
                                   std::vector<Job> &jobs) {
  threads.emplace_back([] { read_config(); });
  jthreads.emplace_back([] { read_config(); });
  auto p = std::make_unique<std::thread>([] { read_config(); });
  auto q = std::make_shared<std::jthread>([] { read_config(); });
  jobs.emplace_back([] { read_config(); });
  // CHECK-MESSAGES-DEPTH3: :[[@LINE-1]]:3: warning: call to 'lambda' in coroutine 'offloaded_in_place' blocks: it reaches 'sleep'
  co_return;
}

// Coroutines called from coroutines are checked in their own right.
cppcoro::task<> callee() {
  ::sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'sleep' in coroutine 'callee'
  // CHECK-MESSAGES-DEPTH0: :[[@LINE-2]]:3: warning: blocking call to 'sleep' in coroutine 'callee'
  co_return;
}
cppcoro::task<> caller() { co_await callee(); }

// Recursion terminates.
void ping(int n);
void pong(int n) { if (n) ping(n - 1); }
void ping(int n) { if (n) pong(n - 1); }
cppcoro::task<> recursive() {
  ping(3);
  co_return;
}
