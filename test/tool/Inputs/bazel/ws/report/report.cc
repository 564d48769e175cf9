#include "report/report.h"

static task<int> value(int v) { co_return v; }

task<int> total(int a, int b) {
  int x = co_await value(a);
  co_return x + b;
}
