// A project's own runtime glue described by a project profile (the options
// ProjectProfile and ProjectProfileFile, docs/profiles.md): without it the
// checks know nothing of these names; with it, inline or as a file, they read
// the entries as they read a built-in library's.
// RUN: %check_corolint %s 'coro-blocking-call,coro-unhandled-exception,coro-unawaited-task' %t -- -- %coro_mock_flags
// RUN: %check_corolint -check-suffixes=PROJ %s 'coro-blocking-call,coro-unhandled-exception,coro-unawaited-task' %t -- --fix-notes \
// RUN:   -config="{CheckOptions: {ProjectProfile: '[{Kind: Blocking, Name: app::block_on_result, Replacement: co_await app::fetch}, {Kind: Bridge, Name: app::run_sync}, {Kind: DetachedLaunch, Name: app::start_in_background, WorkArgument: 1, CatchesCallable: true}, {Kind: EagerType, Name: app::job}]'}}" \
// RUN:   -- %coro_mock_flags
// RUN: %check_corolint -check-suffixes=PROJ %s 'coro-blocking-call,coro-unhandled-exception,coro-unawaited-task' %t -- --fix-notes \
// RUN:   -config="{CheckOptions: {ProjectProfileFile: '%S/Inputs/project-profile/app.yaml'}}" \
// RUN:   -- %coro_mock_flags
// A list option set by the user replaces its default, the project's entries
// with it: BridgeFunctions set to libcoro's alone forgets app::run_sync.
// RUN: %check_corolint -check-suffixes=SET %s 'coro-blocking-call' %t -- \
// RUN:   -config="{CheckOptions: {ProjectProfileFile: '%S/Inputs/project-profile/app.yaml', BridgeFunctions: '::coro::sync_wait'}}" \
// RUN:   -- %coro_mock_flags

#include <chrono>
#include <exception>
#include <functional>
#include <thread>
#include "mock_task.h"

namespace app {
COROLINT_MOCK_LAZY_TASK(task)
// An eager handle the runtime hands back from start_in_background: dropping
// it keeps the work running (EagerType), unlike a lazy task.
struct job {
  job on_error(std::function<void(std::exception_ptr)>);
};
struct gate {};
// Declared here, defined in the project's runtime: no body to look into.
int block_on_result(int id);
task<int> fetch(int id);
template <class T> T run_sync(task<T> t);
job start_in_background(gate &g, std::function<task<>()> fn);
} // namespace app

app::task<> flush() {
  throw std::exception();
  co_return;
}

app::task<> quiet() {
  co_return;
}

app::task<int> handler(app::gate &g) {
  std::this_thread::sleep_for(std::chrono::milliseconds(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'std::this_thread::sleep_for' in coroutine 'handler'
  // CHECK-MESSAGES-PROJ: :[[@LINE-2]]:3: warning: blocking call to 'std::this_thread::sleep_for' in coroutine 'handler'
  // CHECK-MESSAGES-SET: :[[@LINE-3]]:3: warning: blocking call to 'std::this_thread::sleep_for' in coroutine 'handler'
  app::block_on_result(1);
  // CHECK-MESSAGES-PROJ: :[[@LINE-1]]:3: warning: blocking call to 'app::block_on_result' in coroutine 'handler' stalls every coroutine on this thread [coro-blocking-call]
  // CHECK-MESSAGES-SET: :[[@LINE-2]]:3: warning: blocking call to 'app::block_on_result' in coroutine 'handler' stalls every coroutine on this thread [coro-blocking-call]
  // CHECK-FIXES-PROJ: {{^}}  co_await app::fetch(1);{{$}}
  int w = app::run_sync(app::fetch(2));
  // CHECK-MESSAGES-PROJ: :[[@LINE-1]]:11: warning: blocking call to 'app::run_sync' in coroutine 'handler' may deadlock: 'app::run_sync' waits for work that needs this thread [coro-blocking-call]
  (void)app::start_in_background(g, [] { return flush(); });
  // CHECK-MESSAGES-PROJ: :[[@LINE-1]]:9: warning: coroutine 'flush' is started detached by 'app::start_in_background' and can throw, but nothing receives its exceptions: they are lost [coro-unhandled-exception]
  // Work that cannot throw loses no error; the dropped job is eager
  // (EagerType): it runs on, detached.
  app::start_in_background(g, [] { return quiet(); });
  // CHECK-MESSAGES-PROJ: :[[@LINE-1]]:3: warning: task returned by 'app::start_in_background' is never awaited: it keeps running detached
  co_return w;
}

// Outside a coroutine, blocking and bridging are what they are for.
int main_loop(app::gate &g) {
  app::block_on_result(3);
  return app::run_sync(app::fetch(4));
}
