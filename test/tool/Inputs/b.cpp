#include "shared.h"
cppcoro::task<> b() {
  ::usleep(2);
  co_return;
}
