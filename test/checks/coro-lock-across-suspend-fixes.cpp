// RUN: %check_corolint %s coro-lock-across-suspend %t -- --fix-notes -- %coro_mock_flags
// RUN: %check_corolint -check-suffixes=NOFIX %s coro-lock-across-suspend %t -- --fix -- %coro_mock_flags
// The fix-it on the note ends the guard's scope before the statement that
// suspends, only where that is mechanical; --fix alone changes nothing.

#include <mutex>
#include "cppcoro.h"

cppcoro::task<int> fetch();
void use(int);
std::mutex mu;
int counter;

cppcoro::task<> narrow() {
  std::lock_guard<std::mutex> lk(mu);
  counter++;
  int v = co_await fetch();
  use(v);
}
// CHECK-MESSAGES: :[[@LINE-3]]:11: warning: 'std::lock_guard<std::mutex>' 'lk' (line [[@LINE-5]]) is held across this co_await
// CHECK-MESSAGES-NOFIX: :[[@LINE-4]]:11: warning: 'std::lock_guard<std::mutex>' 'lk' (line [[@LINE-6]]) is held across this co_await
// CHECK-FIXES: {{^}}cppcoro::task<> narrow() {{[{]$}}
// CHECK-FIXES-NEXT: {{^}}  {{[{]$}}
// CHECK-FIXES-NEXT: {{^}}  std::lock_guard<std::mutex> lk(mu);{{$}}
// CHECK-FIXES-NEXT: {{^}}  counter++;{{$}}
// CHECK-FIXES-NEXT: {{^}}  }{{$}}
// CHECK-FIXES-NEXT: {{^}}  int v = co_await fetch();{{$}}
// CHECK-FIXES-NOFIX: {{^}}cppcoro::task<> narrow() {{[{]$}}
// CHECK-FIXES-NOFIX-NEXT: {{^}}  std::lock_guard<std::mutex> lk(mu);{{$}}

// A local declared under the lock and used after the await: no fix.
cppcoro::task<> snapshot() {
  std::lock_guard<std::mutex> lk(mu);
  int seen = counter;
  co_await fetch();
  use(seen);
}
// CHECK-MESSAGES: :[[@LINE-3]]:3: warning: 'std::lock_guard<std::mutex>' 'lk' (line [[@LINE-5]]) is held across this co_await
// CHECK-MESSAGES-NOFIX: :[[@LINE-4]]:3: warning: 'std::lock_guard<std::mutex>' 'lk'
// CHECK-FIXES: {{^}}cppcoro::task<> snapshot() {{[{]$}}
// CHECK-FIXES-NEXT: {{^}}  std::lock_guard<std::mutex> lk(mu);{{$}}
// CHECK-FIXES-NEXT: {{^}}  int seen = counter;{{$}}

// The guard used after the await: no fix.
cppcoro::task<> used_after() {
  std::unique_lock<std::mutex> lk(mu);
  co_await fetch();
  lk.unlock();
}
// CHECK-MESSAGES: :[[@LINE-3]]:3: warning: 'std::unique_lock<std::mutex>' 'lk' (line [[@LINE-4]]) is held across this co_await
// CHECK-MESSAGES-NOFIX: :[[@LINE-4]]:3: warning: 'std::unique_lock<std::mutex>' 'lk'
// CHECK-FIXES: {{^}}cppcoro::task<> used_after() {{[{]$}}
// CHECK-FIXES-NEXT: {{^}}  std::unique_lock<std::mutex> lk(mu);{{$}}
