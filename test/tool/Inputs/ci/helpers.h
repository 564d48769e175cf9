#pragma once
#include "cppcoro.h"
#include <thread>

inline cppcoro::task<> helper() {
  co_return;
}
