#include "cppcoro.h"
cppcoro::task<int> fetch();
cppcoro::task<> run() {
  fetch();
  co_return;
}
