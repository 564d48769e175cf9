#include "cppcoro.h"
cppcoro::task<> other() {
  co_return;
}
