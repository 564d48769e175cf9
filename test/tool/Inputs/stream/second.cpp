#include "cppcoro.h"
#include "gate.h"
#include <thread>
cppcoro::task<> second() {
  std::this_thread::sleep_for(std::chrono::seconds(gate_opened));
  co_return;
}
