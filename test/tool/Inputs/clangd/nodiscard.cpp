#include "cppcoro.h"

[[nodiscard]] int compute();
cppcoro::task<int> fetch(int id);

struct client { cppcoro::task<int> get(int id); };

cppcoro::task<> refresh(client &c) {
  fetch(1);
  c.get(2);
  compute();
  co_return;
}
