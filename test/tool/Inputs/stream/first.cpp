#include "cppcoro.h"
#include <thread>
cppcoro::task<> first() {
  std::this_thread::sleep_for(std::chrono::seconds(1));
  co_return;
}
