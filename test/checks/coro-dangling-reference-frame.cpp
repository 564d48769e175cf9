// Form 3: views into a coroutine's own frame that outlive it. A coroutine
// whose result is a view, a reference or a pointer co_returns one into its
// frame (a local, a by-value parameter, a temporary of the co_return
// statement), or stores a view of a frame local into something that outlives
// the frame and never resets it.
// RUN: %check_corolint %s coro-dangling-reference %t -- --fix-notes -- %coro_mock_flags
// The code with every fix applied still compiles:
// RUN: clang++ -fsyntax-only %coro_mock_flags %t.cpp

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>
#include "asio.h"
#include "async_simple.h"
#include "cppcoro.h"
#include "folly_task.h"
#include "seastar_coroutine.h"

std::string load();
cppcoro::task<> step();
struct Parsed {
  std::string_view name;
};
Parsed parse(std::string_view in);

// Positives: the result views the frame.
cppcoro::task<std::string_view> local_view() {
  // CHECK-FIXES: {{^}}cppcoro::task<std::string> local_view() {{[{]$}}
  std::string text = load();
  co_return text;
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'text' is destroyed when coroutine 'local_view' finishes, but the task's result (a 'std::string_view') refers to it [coro-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-3]]:15: note: 'text' lives in the coroutine's frame, which the coroutine destroys when it finishes
  // CHECK-MESSAGES: :[[@LINE-6]]:15: note: return an owning 'std::string': the task's result then holds a copy
}

folly::coro::Task<std::string_view> by_value_parameter(std::string key) {
  // CHECK-FIXES: {{^}}folly::coro::Task<std::string> by_value_parameter(std::string key) {{[{]$}}
  co_return std::string_view(key);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: parameter 'key' is destroyed when coroutine 'by_value_parameter' finishes, but the task's result (a 'std::string_view') refers to it
  // CHECK-MESSAGES: :[[@LINE-4]]:68: note: parameter 'key' is copied into the coroutine's frame, which the coroutine destroys when it finishes
}

cppcoro::task<std::string_view> temporary_result() {
  // CHECK-FIXES: {{^}}cppcoro::task<std::string> temporary_result() {{[{]$}}
  co_return load().substr(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: temporary 'std::string' is destroyed at the end of this statement, but the task's result (a 'std::string_view') refers to it
}

asio::awaitable<std::span<const int>> span_of_local() {
  std::vector<int> values;
  co_return std::span<const int>(values);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'values' is destroyed when coroutine 'span_of_local' finishes, but the task's result (a 'std::span<const int>') refers to it
}

seastar::future<std::string_view> eager_view() {
  // CHECK-FIXES: {{^}}seastar::future<std::string> eager_view() {{[{]$}}
  std::string text = load();
  co_await seastar::sleep(std::chrono::milliseconds(1));
  co_return text;
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'text' is destroyed when coroutine 'eager_view' finishes, but the task's result (a 'std::string_view') refers to it
}

cppcoro::task<const std::string &> reference_result() {
  std::string text = load();
  co_return text;
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'text' is destroyed when coroutine 'reference_result' finishes, but the task's result (a 'const std::string &') refers to it
}

async_simple::coro::Lazy<int *> pointer_result() {
  int counter = 0;
  co_return &counter;
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'counter' is destroyed when coroutine 'pointer_result' finishes, but the task's result (a 'int *') refers to it
}

template <class T> cppcoro::task<std::span<const T>> template_view() {
  std::vector<T> values;
  co_return std::span<const T>(values);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'values' is destroyed when coroutine 'template_view' finishes, but the task's result (a 'std::span<const int>') refers to it
}
auto instantiate = template_view<int>();

auto lambda_view = []() -> cppcoro::task<std::string_view> {
  // CHECK-FIXES: {{^}}auto lambda_view = []() -> cppcoro::task<std::string> {{[{]$}}
  std::string text = load();
  co_return text;
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'text' is destroyed when coroutine lambda finishes, but the task's result (a 'std::string_view') refers to it
};

// Stores of a view of a frame local into what outlives the frame.
struct Parser {
  std::string_view current;
  std::string_view reset_later;
  std::string_view reset_by_cleanup;
  int *waiter = nullptr;

  cppcoro::task<> run() {
    std::string line = load();
    current = line;
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'line' is destroyed when coroutine 'Parser::run' finishes, but 'current' (a 'std::string_view'), which outlives the coroutine's frame, still refers to it
    co_await step();
  }
  cppcoro::task<> reset() {
    std::string line = load();
    reset_later = line;
    co_await step();
    reset_later = {};
  }
  template <class F> struct on_exit {
    F f;
    ~on_exit() { f(); }
  };
  cppcoro::task<> cleanup() {
    std::string line = load();
    reset_by_cleanup = line;
    auto done = on_exit{[this] { reset_by_cleanup = {}; }};
    co_await step();
  }
  // A cleanup declared before the store resets it too.
  std::string_view reset_by_earlier_cleanup;
  cppcoro::task<> earlier_cleanup() {
    auto done = on_exit{[this] { reset_by_earlier_cleanup = {}; }};
    std::string line = load();
    reset_by_earlier_cleanup = line;
    co_await step();
  }
  // A view member of a local copied into a member views what it was set from.
  std::string_view copied;
  cppcoro::task<> copy_member(std::string_view in) {
    Parsed p = parse(in);
    copied = p.name;
    co_return;
  }
  // A raw pointer to a local in a member is the intrusive-list idiom: the
  // waiter unlinks itself. Not reported.
  cppcoro::task<> wait() {
    int w = 0;
    waiter = &w;
    co_await step();
  }
};

cppcoro::task<> fill(std::string_view &out) {
  std::string text = load();
  out = text;
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'text' is destroyed when coroutine 'fill' finishes, but 'out' (a 'std::string_view'), which outlives the coroutine's frame, still refers to it
  co_return;
}

// Negatives.
struct Holder {
  std::string name;
  cppcoro::task<std::string_view> member() { co_return name; }
};
cppcoro::task<std::string_view> copy_of_view(std::string_view in) {
  std::string_view view = in;
  co_return view;
}
cppcoro::task<std::string_view> caller_owned(const std::string &s) {
  co_return s;
}
cppcoro::task<std::string_view> literal() { co_return "static"; }
cppcoro::task<std::string_view> static_local() {
  static std::string cache = load();
  co_return cache;
}
cppcoro::task<std::string> owning() {
  std::string text = load();
  co_return text;
}
auto by_value_capture = [s = load()]() -> cppcoro::task<std::string_view> {
  co_return s;
};
cppcoro::task<> local_view_variable() {
  std::string line = load();
  std::string_view v;
  v = line;
  co_return;
}
std::string_view global_view;
std::string global_text;
cppcoro::task<> global_of_global() {
  global_view = global_text;
  co_return;
}
// A null pointer is no temporary to point into.
folly::coro::Task<int *> none() { co_return nullptr; }
// A view member of a local object views what it was set from.
cppcoro::task<std::string_view> member_view(std::string_view in) {
  Parsed p = parse(in);
  co_return p.name;
}
// An alias template's argument is not the task's first argument.
struct nullopt_t {};
template <class T> struct optional {
  optional(T);
  optional(nullopt_t);
};
template <class T> using OptTask = cppcoro::task<optional<T>>;
OptTask<std::string_view> aliased() { co_return nullopt_t{}; }
template <class T> using RefTask = cppcoro::task<const T &>;
RefTask<std::string> aliased_reference() {
  std::string text = load();
  co_return text;
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'text' is destroyed when coroutine 'aliased_reference' finishes, but the task's result (a 'const std::string &') refers to it
}
// A coroutine type whose first argument is not what co_return takes
// (asio::experimental::coro<Yield, Return>).
template <class Yield, class Return> struct two_sided {
  struct promise_type {
    two_sided get_return_object();
    std::suspend_always initial_suspend() noexcept;
    std::suspend_always final_suspend() noexcept;
    std::suspend_always yield_value(Yield);
    void return_value(Return);
    void unhandled_exception();
  };
};
two_sided<std::string_view, std::string> yields_views() {
  std::string text = load();
  co_yield "x";
  co_return text;
}
// Two co_returns: one fix for the result type.
cppcoro::task<std::string_view> two_returns(bool first) {
  // CHECK-FIXES: {{^}}cppcoro::task<std::string> two_returns(bool first) {{[{]$}}
  std::string a = load(), b = load();
  if (first)
    co_return a;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'a' is destroyed when coroutine 'two_returns' finishes
  co_return b;
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'b' is destroyed when coroutine 'two_returns' finishes
}
// No fix where the return type is not the coroutine's to change, or the
// owning type is not the view's name without '_view'.
namespace absl {
using string_view = std::string_view;
}
cppcoro::task<absl::string_view> absl_view() {
  // CHECK-FIXES: {{^}}cppcoro::task<absl::string_view> absl_view() {{[{]$}}
  std::string text = load();
  co_return text;
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'text' is destroyed when coroutine 'absl_view' finishes
}
struct Base {
  virtual cppcoro::task<std::string_view> name();
};
struct Derived : Base {
  cppcoro::task<std::string_view> name() override {
    // CHECK-FIXES: {{^}}  cppcoro::task<std::string_view> name() override {{[{]$}}
    std::string text = load();
    co_return text;
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'text' is destroyed when coroutine 'Derived::name' finishes
  }
};

// What a reference_wrapper converted to the result refers to lives elsewhere
// (libcoro's test_task.cpp: `co_return std::ref(return_value);`).
cppcoro::task<int &> wrapped(int &target) { co_return std::ref(target); }
cppcoro::task<int &> wrapped_local(int &target) {
  auto ref = std::ref(target);
  co_return ref;
}
