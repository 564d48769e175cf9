#include "inventory.hpp"

#include <chrono>
#include <fstream>
#include <thread>

using namespace std::chrono_literals;

namespace shop {

namespace {
// A helper that looks harmless but blocks the thread.
std::string read_config() {
  std::this_thread::sleep_for(20ms); // simulate a slow disk
  return "v1";
}
} // namespace

aio::task<int> price_of(std::string item) {
  co_await aio::sleep(10ms);
  co_return static_cast<int>(item.size()) * 100;
}

aio::task<void> audit(std::string what) {
  co_await aio::sleep(1ms);
  (void)what;
}

aio::task<void> refresh_cache() {
  // Mistake: blocks the event loop (coro-blocking-call, through a helper).
  std::string version = read_config();
  // Mistake: blocks the event loop (coro-blocking-call, with a fix-it).
  std::this_thread::sleep_for(5ms);
  (void)version;
  co_return;
}

} // namespace shop
