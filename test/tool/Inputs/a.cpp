#include "shared.h"
cppcoro::task<> a() {
  ::usleep(1);
  co_return;
}
