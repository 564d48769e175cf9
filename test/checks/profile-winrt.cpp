// The C++/WinRT profile (checks/utils/profiles/WinRT.cpp): the cells of
// docs/profiles.md's test matrix that the per-check tests do not cover. The
// async interfaces are eager: IAsyncOperation's promise is not visible to
// structure (no coroutine_traits in the mock), only the profile says so.
// RUN: %check_corolint -check-suffixes=TASK %s coro-unawaited-task %t -- -- %coro_mock_flags

#include "winrt.h"

winrt::Windows::Foundation::IAsyncOperation<int> load();
winrt::Windows::Foundation::IAsyncAction save() noexcept;

// Dropped from a plain function: an eager operation keeps running, and a
// result is lost; an action that cannot throw loses nothing.
void on_click() {
  load();
  // CHECK-MESSAGES-TASK: :[[@LINE-1]]:3: warning: task returned by 'load' is never awaited: it keeps running detached and its result and errors are lost [coro-unawaited-task]
  save();
}
