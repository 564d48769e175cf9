#include "cppcoro.h"
cppcoro::task<int> fetch();
cppcoro::task<> caller() {
  ::sleep(1);
  fetch(); // NOLINT
  fetch(); // NOLINT(coro-unawaited-task)
  // NOLINTNEXTLINE(coro-unawaited-task)
  fetch();
  // NOLINTBEGIN
  fetch();
  // NOLINTEND
  fetch();
  co_return;
}
