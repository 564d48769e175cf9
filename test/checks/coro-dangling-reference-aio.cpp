// coro-dangling-reference on code written against the real aio headers and
// the real standard library.
// RUN: %check_corolint %s coro-dangling-reference %t -- --fix-notes -- %aio_flags
// The code with every fix applied still compiles:
// RUN: clang++ -fsyntax-only %aio_flags %t.cpp

#include <aio/aio.hpp>
#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

using namespace std::chrono_literals;

aio::task<std::size_t> fetch(const std::string &url) {
  co_await aio::sleep(1ms);
  co_return url.size();
}
aio::task<std::size_t> count(std::string_view text) {
  co_return text.size();
}
aio::task<std::size_t> by_value(std::string url) {
  co_await aio::sleep(1ms);
  co_return url.size();
}

aio::task<void> crawl(std::vector<std::string> urls) {
  auto first = aio::spawn(fetch(urls.front() + "/index"));
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: temporary 'std::{{string|basic_string<char.*>}}' bound to parameter 'url' of coroutine 'fetch' is destroyed at the end of this statement, but the task is handed to 'aio::spawn', which keeps it beyond this statement [coro-dangling-reference]
  co_await first;
  co_await aio::spawn(fetch(urls.front() + "/awaited"));
  auto n = co_await fetch(std::string("x"));
  (void)n;
  aio::task_group group;
  for (const std::string &u : urls)
    group.spawn(fetch(u));
  group.spawn(count(std::string("temporary")));
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: temporary 'std::string' bound to parameter 'text' of coroutine 'count' is destroyed at the end of this statement, but the task is handed to 'aio::task_group::spawn', which keeps it beyond this statement
  group.spawn(by_value(std::string("copied")));
  group.spawn(count("literal"));
  co_await group.wait();
  auto gathered = co_await aio::gather(fetch("a"), fetch("b"));
  (void)gathered;
}

// A result that views the coroutine's frame (the real std::string's
// conversion to std::string_view, aio's promise for a reference result).
aio::task<std::string_view> first_word(std::string line) {
  // CHECK-FIXES: {{^}}aio::task<std::string> first_word(std::string line) {{[{]$}}
  co_await aio::sleep(1ms);
  co_return line;
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: parameter 'line' is destroyed when coroutine 'first_word' finishes, but the task's result (a 'std::string_view') refers to it
}
aio::task<const std::string &> cached_name() {
  std::string name = "x";
  co_await aio::sleep(1ms);
  co_return name;
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'name' is destroyed when coroutine 'cached_name' finishes, but the task's result (a 'const std::string &') refers to it
}
aio::task<std::string_view> whole(const std::string &line) { co_return line; }
// What a reference_wrapper or a view converted to the result refers to lives
// elsewhere.
aio::task<int &> wrapped(int &target) { co_return std::ref(target); }
aio::task<int &> wrapped_local(int &target) {
  auto ref = std::ref(target);
  co_return ref;
}
