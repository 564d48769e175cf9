// Awaitable replacements are offered as fix-its on a note: they change what
// the program does (other coroutines run meanwhile), so only --fix-notes
// applies them.
// RUN: %check_corolint %s coro-blocking-call %t -- --fix-notes \
// RUN:   -config="{CheckOptions: {coro-blocking-call.Replacements: 'std::this_thread::sleep_for=co_await folly::coro::sleep'}}" \
// RUN:   -- %coro_mock_flags
// RUN: %check_corolint -check-suffixes=NOFIX %s coro-blocking-call %t -- --fix -- %coro_mock_flags

#include <chrono>
#include <thread>
#include "cppcoro.h"
#include "folly.h"

using namespace std::chrono_literals;

folly::coro::Task<> poll_loop() {
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'std::this_thread::sleep_for' in coroutine 'poll_loop'
  // CHECK-MESSAGES-NOFIX: :[[@LINE-2]]:3: warning: blocking call to 'std::this_thread::sleep_for' in coroutine 'poll_loop'
  // CHECK-FIXES: {{^}}  co_await folly::coro::sleep(std::chrono::milliseconds(100));{{$}}
  // CHECK-FIXES-NOFIX: {{^}}  std::this_thread::sleep_for(std::chrono::milliseconds(100));{{$}}
  using namespace std::this_thread;
  sleep_for(5ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'std::this_thread::sleep_for'
  // CHECK-MESSAGES-NOFIX: :[[@LINE-2]]:3: warning: blocking call to 'std::this_thread::sleep_for'
  // CHECK-FIXES: {{^}}  co_await folly::coro::sleep(5ms);{{$}}
  co_return;
}

// Not a whole statement: no rewrite.
folly::coro::Task<int> in_expression() {
  co_return (std::this_thread::sleep_for(1ms), 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: blocking call to 'std::this_thread::sleep_for'
  // CHECK-MESSAGES-NOFIX: :[[@LINE-2]]:14: warning: blocking call to 'std::this_thread::sleep_for'
  // CHECK-FIXES: {{^}}  co_return (std::this_thread::sleep_for(1ms), 1);{{$}}
}

// A coroutine of another library gets no folly replacement.
cppcoro::task<> other_library() {
  std::this_thread::sleep_for(1ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'std::this_thread::sleep_for'
  // CHECK-MESSAGES-NOFIX: :[[@LINE-2]]:3: warning: blocking call to 'std::this_thread::sleep_for'
  // CHECK-FIXES: {{^}}  std::this_thread::sleep_for(1ms);{{$}}
  co_return;
}

// Inside a macro: no rewrite.
#define NAP std::this_thread::sleep_for(1ms)
folly::coro::Task<> in_macro() {
  NAP;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'std::this_thread::sleep_for'
  // CHECK-MESSAGES-NOFIX: :[[@LINE-2]]:3: warning: blocking call to 'std::this_thread::sleep_for'
  // CHECK-FIXES: {{^}}  NAP;{{$}}
  co_return;
}
