// RUN: %check_corolint %s coro-dangling-reference %t -- -- %coro_mock_flags
// RUN: %check_corolint -check-suffixes=OPT %s coro-dangling-reference %t -- \
// RUN:   -config="{CheckOptions: {coro-dangling-reference.SafeViewTypes: 'std::span', \
// RUN:     coro-dangling-reference.EscapingFunctions: 'push_back;my::defer', \
// RUN:     coro-dangling-reference.KeepAliveFunctions: 'my::run_with', \
// RUN:     coro-dangling-reference.ViewTypes: 'std::basic_string_view;std::span;my::text_ref'}}" \
// RUN:   -- %coro_mock_flags
// RUN: corolint --checks='-*,coro-dangling-reference' --dump-config %s -- %coro_mock_flags \
// RUN:   | FileCheck %s -check-prefix=DUMP
// DUMP: coro-dangling-reference.BorrowingWrappers: 'seastar::coroutine::lambda'
// DUMP: coro-dangling-reference.EscapingFunctions: 'aio::spawn;
// DUMP: coro-dangling-reference.KeepAliveFunctions: 'folly::coro::co_invoke'
// DUMP: coro-dangling-reference.SafeViewTypes: ''
// DUMP: coro-dangling-reference.StoringFunctions: 'std::function::function;asio::co_spawn;boost::asio::co_spawn'
// DUMP: coro-dangling-reference.TaskTypes: 'asio::awaitable;boost::asio::awaitable'
// DUMP: coro-dangling-reference.ViewTypes: 'std::basic_string_view;std::span;folly::Range'

#include <span>
#include <string>
#include <vector>
#include "cppcoro.h"
#include "folly_task.h"

std::vector<int> numbers();
std::string name();
cppcoro::task<> sum(std::span<int> xs) {
  (void)xs.size();
  co_return;
}
cppcoro::task<> show(const std::string &s) {
  (void)s.c_str();
  co_return;
}
namespace my {
void defer(cppcoro::task<> t);
template <class F> cppcoro::task<> run_with(F &&f) { return f(); }
struct text_ref {
  text_ref(const std::string &);
};
} // namespace my
cppcoro::task<> show_ref(my::text_ref r) {
  (void)r;
  co_return;
}

cppcoro::task<> callers(int x) {
  auto a = sum(numbers());
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: temporary 'std::vector<int>' bound to parameter 'xs' of coroutine 'sum' is destroyed at the end of this statement, but the task is stored in 'a' and awaited later
  co_await std::move(a);
  my::defer(show(name()));
  // CHECK-MESSAGES-OPT: :[[@LINE-1]]:18: warning: temporary 'std::string' bound to parameter 's' of coroutine 'show' is destroyed at the end of this statement, but the task is handed to 'my::defer', which keeps it beyond this statement
  std::vector<cppcoro::task<>> v;
  v.push_back(show(name()));
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: temporary 'std::string' bound to parameter 's'
  // CHECK-MESSAGES-OPT: :[[@LINE-2]]:20: warning: temporary 'std::string' bound to parameter 's'
  auto b = my::run_with([&x]() -> cppcoro::task<> {
    // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: capturing coroutine lambda bound to parameter 'f' of 'my::run_with' is destroyed at the end of this statement, but the task it returns is stored in 'b' and awaited later
    ++x;
    co_return;
  });
  co_await std::move(b);
  auto c = show_ref(name());
  // CHECK-MESSAGES-OPT: :[[@LINE-1]]:21: warning: temporary 'std::string' bound to parameter 'r' of coroutine 'show_ref' is destroyed at the end of this statement, but the task is stored in 'c' and awaited later
  co_await std::move(c);
  co_await cppcoro::when_all(v);
}

// The keep-alive fix names a wrapper of the task's library only while
// KeepAliveFunctions lists it.
void start_folly(int &x) {
  [&x]() -> folly::coro::Task<> {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: capturing coroutine lambda is destroyed
    // CHECK-MESSAGES: :[[@LINE-2]]:3: note: wrap the lambda in 'folly::coro::co_invoke'
    // CHECK-MESSAGES-OPT: :[[@LINE-3]]:3: warning: capturing coroutine lambda is destroyed
    // CHECK-MESSAGES-OPT-NOT: note: wrap the lambda
    ++x;
    co_return;
  }().start();
}

// A frame view of a SafeViewTypes type is not reported.
cppcoro::task<std::span<int>> frame_span() {
  std::vector<int> local = numbers();
  co_return std::span<int>(local);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'local' is destroyed when coroutine 'frame_span' finishes, but the task's result (a 'std::span<int>') refers to it
}
