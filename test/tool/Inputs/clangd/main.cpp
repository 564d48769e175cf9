#include "cppcoro.h"
#include <chrono>
#include <thread>

cppcoro::task<int> fetch(int id);

cppcoro::task<> refresh() {
  std::this_thread::sleep_for(std::chrono::milliseconds(10));
  fetch(1);
  co_return;
}
