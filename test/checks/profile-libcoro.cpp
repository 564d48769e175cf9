// The libcoro profile (checks/utils/profiles/Libcoro.cpp): the cells of
// docs/profiles.md's test matrix that the per-check tests do not cover.
// RUN: %check_corolint -check-suffixes=EXC %s coro-unhandled-exception %t -- -- %coro_mock_flags

#include "libcoro.h"

void log_error(const char *);
int parse(const char *);

coro::task<void> job() {
  parse("j");
  co_return;
}
coro::task<void> job_safely() {
  try {
    parse("j");
  } catch (...) {
    log_error("job failed");
  }
  co_return;
}

// Detached launch: thread_pool::spawn runs the task and keeps nothing that
// could report its error.
void spawns(coro::thread_pool &pool) {
  pool.spawn(job());
  // CHECK-MESSAGES-EXC: :[[@LINE-1]]:3: warning: coroutine 'job' is started detached by 'coro::thread_pool::spawn' and can throw, but nothing receives its exceptions: they are lost [coro-unhandled-exception]
  pool.spawn(job_safely());
}
