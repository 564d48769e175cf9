#include "cppcoro.h"
cppcoro::task<int> fetch();
cppcoro::task<> caller() {
  fetch();
  co_return;
}
