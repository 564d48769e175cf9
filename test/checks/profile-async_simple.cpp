// The async_simple profile (checks/utils/profiles/AsyncSimple.cpp): the cells
// of docs/profiles.md's test matrix that the per-check tests do not cover.
// RUN: %check_corolint -check-suffixes=EXC %s coro-unhandled-exception %t -- -- %coro_mock_flags
// RUN: %check_corolint -check-suffixes=BLOCK %s coro-blocking-call %t -- -- %coro_mock_flags

#include "async_simple.h"

void log_error(const char *);
int parse(const char *);

async_simple::coro::Lazy<> load() {
  parse("l");
  co_return;
}

// Bridge: syncAwait runs a Lazy to completion on this thread.
async_simple::coro::Lazy<> nested() {
  async_simple::coro::syncAwait(load());
  // CHECK-MESSAGES-BLOCK: :[[@LINE-1]]:3: warning: blocking call to 'async_simple::coro::syncAwait' in coroutine 'nested' may deadlock
  co_await load();
}
int main_like() {
  async_simple::coro::syncAwait(load());
  return 0;
}

// Exception holding: co_await lazy.coAwaitTry() yields a Try, it does not
// throw; dropping or never reading the Try loses the exception.
async_simple::coro::Lazy<> try_dropped() {
  co_await load().coAwaitTry();
  // CHECK-MESSAGES-EXC: :[[@LINE-1]]:3: warning: the results of 'async_simple::coro::detail::LazyBase::coAwaitTry' are discarded: the exceptions they hold are never seen; check each result [coro-unhandled-exception]
}
async_simple::coro::Lazy<> try_unread() {
  auto t = co_await load().coAwaitTry();
  // CHECK-MESSAGES-EXC: :[[@LINE-1]]:8: warning: 't' is never inspected: the exceptions that the results of 'async_simple::coro::detail::LazyBase::coAwaitTry' hold are never seen; check each result [coro-unhandled-exception]
}
async_simple::coro::Lazy<> try_read() {
  auto t = co_await load().coAwaitTry();
  if (t.hasError())
    log_error("load failed");
}
// Awaiting coAwaitTry throws nothing: handing the Try on, this coroutine
// cannot throw, and a detached start of it loses nothing.
void keep(async_simple::Try<void> &&) noexcept;
async_simple::coro::Lazy<> try_kept() {
  keep(co_await load().coAwaitTry());
}
void detaches_try_kept(async_simple::Executor &ex) {
  try_kept().via(&ex).detach();
}
