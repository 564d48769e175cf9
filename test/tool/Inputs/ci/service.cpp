#include "helpers.h"
#include <thread>

cppcoro::task<int> fetch(int id);

cppcoro::task<> refresh() {
  ::usleep(100);
  co_return;
}

cppcoro::task<> poll(int id) {
  fetch(id);
  co_return;
}
