#pragma once
#include "cppcoro.h"
#include <thread>
inline cppcoro::task<> shared_nap() {
  ::sleep(1);
  co_return;
}
