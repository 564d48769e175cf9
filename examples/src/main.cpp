#include "inventory.hpp"

#include <cstdio>
#include <string>
#include <vector>

aio::task<int> total(std::vector<std::string> items) {
  // Mistake: the audit task is created and dropped, so it never runs
  // (coro-unawaited-task).
  shop::audit("total requested");
  int sum = 0;
  for (auto &item : items)
    sum += co_await shop::price_of(item); // fine, if sequential
  co_await shop::refresh_cache();
  co_return sum;
}

int main() {
  int sum = aio::run(total({"apple", "pear", "plum"}));
  std::printf("total: %d\n", sum);
  return 0;
}
