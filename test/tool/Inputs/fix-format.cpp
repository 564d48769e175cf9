#include "cppcoro.h"
cppcoro::task<int> fetch();
cppcoro::task<> caller() {
  try { co_await fetch(); } catch (...) {}
}
