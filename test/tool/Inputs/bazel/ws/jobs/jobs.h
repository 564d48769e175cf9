#pragma once
#include "base/task.h"

task<int> fetch(int id);

// In a header every file of //jobs and //app includes: reported once.
inline task<int> fetch_twice(int id) {
  fetch(id);
  co_return co_await fetch(id);
}
