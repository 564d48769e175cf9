#include "cppcoro.h"
#include "helpers.h"
#include <mutex>

cppcoro::task<int> fetch(int id);
std::mutex mu;

cppcoro::task<> poll(int id) {
  auto other = fetch(id);
  co_await other;
  co_return;
}

cppcoro::task<> old_finding(int id) {
  fetch(id);
  co_return;
}

cppcoro::task<> locked(int id) {
  int v = 0;
  co_await fetch(id);
  (void)v;
}

cppcoro::task<> uses_helper(int id) {
  compute(id);
  co_return;
}
