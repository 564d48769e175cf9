#include "cppcoro.h"
#include <thread>

cppcoro::task<int> fetch(int id);

cppcoro::task<> refresh() {
  // An old finding, accepted in the baseline.
  ::usleep(100);
  co_return;
}
