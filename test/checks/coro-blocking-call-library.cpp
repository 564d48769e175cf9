// RUN: %check_corolint %s coro-blocking-call %t -- -header-filter=.* -- %coro_mock_flags

// A coroutine template in a library header that runs the caller's callable
// is not reported because one caller's callable blocks: the library decides
// where that callable runs, and the user cannot change the template.

#include <thread>
#include "cppcoro.h"
#include "submit_template.h"

int slow() {
  std::this_thread::sleep_for(std::chrono::seconds(1));
  return 1;
}
struct SlowFunctor {
  int operator()() const { return slow(); }
};

void user(submitlib::executor &ex) {
  ex.submit([] { return slow(); });
  ex.submit(SlowFunctor{});
  (void)submitlib::polling([] { return 2; });
}

// The same template in the project's main file is the user's own code.
template <class F> cppcoro::task<int> local_bridge(F f) { co_return f(); }
// CHECK-MESSAGES: :[[@LINE-1]]:69: warning: call to 'lambda' in coroutine 'local_bridge' blocks: it reaches 'std::this_thread::sleep_for'
void local_user() { (void)local_bridge([] { return slow(); }); }

// The library's own blocking helper is still reported in the header (after
// the main file's findings).
// CHECK-MESSAGES: submit_template.h:{{[0-9]+}}:3: warning: call to 'submitlib::spin' in coroutine 'polling' blocks: it reaches 'std::this_thread::sleep_for'
