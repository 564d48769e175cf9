// A project of its own using an installed aio (test/runtime/find_package.cmake):
// the timer loop, gather and the thread pool, all from the installed library.
#include <aio/aio.hpp>
#include <cstdio>

using namespace std::chrono_literals;

aio::task<int> answer() {
  co_await aio::sleep(1ms);
  co_return co_await aio::to_thread([] { return 21; });
}

aio::task<int> main_task() {
  auto [a, b] = co_await aio::gather(answer(), answer());
  std::printf("hello from an installed aio: %d\n", a + b);
  co_return 0;
}

int main() { return aio::run(main_task()); }
