#include <__stddef_max_align_t.h> // clang's resource directory only
#include <chrono>
#include <coroutine>
#include <thread>
struct task { struct promise_type { task get_return_object() { return {}; } std::suspend_never initial_suspend() noexcept { return {}; } std::suspend_never final_suspend() noexcept { return {}; } void return_void() {} void unhandled_exception() { throw; } }; };

task tick() {
  std::this_thread::sleep_for(std::chrono::seconds(1));
  co_return;
}
