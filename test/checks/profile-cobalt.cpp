// The Boost.Cobalt profile (checks/utils/profiles/Cobalt.cpp): the cells of
// docs/profiles.md's test matrix that the per-check tests do not cover. A
// promise is eager and cancelled when dropped; detach() and unary + let it
// run on, and then its exception reaches no one.
// RUN: %check_corolint -check-suffixes=EXC %s coro-unhandled-exception %t -- -- %coro_mock_flags
// RUN: %check_corolint -check-suffixes=TASK %s coro-unawaited-task %t -- -- %coro_mock_flags

#include "cobalt.h"

void log_error(const char *);
int parse(const char *);

boost::cobalt::promise<int> refresh() {
  co_return parse("r");
}
boost::cobalt::promise<int> refresh_safely() {
  try {
    co_return parse("r");
  } catch (...) {
    log_error("refresh failed");
  }
  co_return 0;
}

boost::cobalt::task<void> detaches() {
  refresh().detach();
  // CHECK-MESSAGES-EXC: :[[@LINE-1]]:3: warning: coroutine 'refresh' is started detached by 'boost::cobalt::promise::detach' and can throw, but nothing receives its exceptions: they are lost [coro-unhandled-exception]
  +refresh();
  // CHECK-MESSAGES-EXC: :[[@LINE-1]]:3: warning: coroutine 'refresh' is started detached by 'boost::cobalt::promise::operator+' and can throw
  // Handled: the coroutine catches its own errors, or the promise is kept.
  refresh_safely().detach();
  +refresh_safely();
  auto kept = refresh();
  co_await kept;
  // Dropped without detaching: the promise cancels the work it started.
  refresh_safely();
  // CHECK-MESSAGES-TASK: :[[@LINE-1]]:3: warning: task returned by 'refresh_safely' is never awaited: dropping it cancels the work it started [coro-unawaited-task]
}

// A detached coroutine that catches everything is handled.
boost::cobalt::detached background_safely() {
  try {
    parse("b");
  } catch (...) {
    log_error("background failed");
  }
  co_return;
}
