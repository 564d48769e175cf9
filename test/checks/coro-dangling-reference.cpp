// RUN: %check_corolint %s coro-dangling-reference %t -- --fix-notes -- %coro_mock_flags
// The code with every fix applied still compiles:
// RUN: clang++ -fsyntax-only %coro_mock_flags %t.cpp

#include <span>
#include <string>
#include <string_view>
#include <vector>
#include "async_simple.h"
#include "cppcoro.h"
#include "folly_task.h"

cppcoro::task<int> lookup(const std::string &key) {
  (void)key.c_str();
  co_return 1;
}
cppcoro::task<int> ignores(const std::string &) { co_return 0; }
cppcoro::task<> consume(std::string_view text) {
  (void)text.data();
  co_return;
}
cppcoro::task<> sum(std::span<int> xs) {
  (void)xs.size();
  co_return;
}
std::vector<int> numbers();
std::string name();

// 1. A temporary bound to a reference parameter of a task that is not awaited
// in the same full-expression.
cppcoro::task<> stored() {
  auto t = lookup(std::string("x"));
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: temporary 'std::string' bound to parameter 'key' of coroutine 'lookup' is destroyed at the end of this statement, but the task is stored in 't' and awaited later (line [[@LINE+3]]) [coro-dangling-reference]
  // CHECK-FIXES: {{^}}  auto key = std::string("x");{{$}}
  // CHECK-FIXES-NEXT: {{^}}  auto t = lookup(key);{{$}}
  co_await std::move(t);
}

cppcoro::task<> converted() {
  auto t = lookup("literal");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: temporary 'std::string' bound to parameter 'key' of coroutine 'lookup' is destroyed at the end of this statement, but the task is stored in 't' and awaited later
  // CHECK-FIXES: {{^}}  std::string key = "literal";{{$}}
  // CHECK-FIXES-NEXT: {{^}}  auto t = lookup(key);{{$}}
  co_await std::move(t);
}

// Awaited in the same full-expression: the temporary outlives the task's run.
cppcoro::task<> awaited() {
  co_await lookup(std::string("x"));
  co_await lookup("y");
  co_await cppcoro::when_all(lookup("a"), lookup("b"));
  int n = co_await lookup(name());
  (void)n;
}

// The coroutine never uses the parameter; a named local lives long enough;
// a task nobody uses again is coro-unawaited-task's finding.
cppcoro::task<> harmless() {
  auto a = ignores("x");
  co_await std::move(a);
  std::string key = "k";
  auto b = lookup(key);
  co_await std::move(b);
  auto c = lookup("unused");
}

// Returned from a function that is not a coroutine.
cppcoro::task<int> make() {
  return lookup("x");
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: temporary 'std::string' bound to parameter 'key' of coroutine 'lookup' is destroyed at the end of this statement, but the task is returned from 'make'
}
cppcoro::task<int> forward_param(std::string s) {
  return lookup(s);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 's' bound to parameter 'key' of coroutine 'lookup' is destroyed when 'forward_param' returns, but the task is returned from 'forward_param'
}
cppcoro::task<int> forward_ref(const std::string &s) { return lookup(s); }

// Stored in a member, pushed into a container.
struct Cache {
  cppcoro::task<int> pending;
  std::vector<cppcoro::task<int>> queue;
  // A member initialiser is not followed yet (known limitation).
  Cache() : pending(lookup("init")) {}
  void refresh(const std::string &key) {
    queue.push_back(lookup(name()));
    // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: temporary 'std::string' bound to parameter 'key' of coroutine 'lookup' is destroyed at the end of this statement, but the task is handed to 'std::vector::push_back', which keeps it beyond this statement
    queue.push_back(lookup(key));
  }
};

// Views: a string_view or span over a temporary.
cppcoro::task<> views(std::vector<int> &kept) {
  auto a = consume(name());
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: temporary 'std::string' bound to parameter 'text' of coroutine 'consume' is destroyed at the end of this statement, but the task is stored in 'a' and awaited later
  co_await std::move(a);
  auto b = consume("literal");
  co_await std::move(b);
  auto c = sum(numbers());
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: temporary 'std::vector<int>' bound to parameter 'xs' of coroutine 'sum' is destroyed at the end of this statement, but the task is stored in 'c' and awaited later
  co_await std::move(c);
  auto d = sum(kept);
  co_await std::move(d);
}

// A pointer to a local that dies when the function returns.
cppcoro::task<> fill(int *out) {
  *out = 1;
  co_return;
}
cppcoro::task<> start_fill() {
  int local = 0;
  return fill(&local);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'local' bound to parameter 'out' of coroutine 'fill' is destroyed when 'start_fill' returns, but the task is returned from 'start_fill'
}
cppcoro::task<> fill_member(int *out) { return fill(out); }

// A local stored into a task that lives longer than the local's block.
cppcoro::task<> scoped() {
  std::vector<cppcoro::task<int>> later;
  {
    std::string s = "x";
    later.push_back(lookup(s));
    // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: 's' bound to parameter 'key' of coroutine 'lookup' is destroyed at the end of its scope, but the task is handed to 'std::vector::push_back', which keeps it beyond this statement
  }
  {
    std::string s = "y";
    std::vector<cppcoro::task<int>> here;
    here.push_back(lookup(s));
    co_await cppcoro::when_all(here);
  }
  co_await cppcoro::when_all(later);
}

// 'this' of a temporary whose member coroutine is called.
struct Client {
  std::string host;
  cppcoro::task<> run() {
    (void)host.c_str();
    co_return;
  }
  cppcoro::task<> stateless() { co_return; }
};
Client connect();
cppcoro::task<> members() {
  auto t = Client{}.run();
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: temporary 'Client', the object of member coroutine 'Client::run', is destroyed at the end of this statement, but the task is stored in 't' and awaited later
  co_await std::move(t);
  auto u = connect().stateless();
  co_await std::move(u);
  co_await connect().run();
  Client c;
  auto v = c.run();
  co_await std::move(v);
}
cppcoro::task<> member_of_local() {
  Client c;
  return c.run();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'c', the object of member coroutine 'Client::run', is destroyed when 'member_of_local' returns, but the task is returned from 'member_of_local'
}

// Templates: a forwarding reference bound to a lambda temporary.
template <class F> cppcoro::task<> later(F &&f) {
  f();
  co_return;
}
cppcoro::task<> forwarding(int x) {
  auto t = later([&x] { ++x; });
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: temporary 'lambda' bound to parameter 'f' of coroutine 'later' is destroyed at the end of this statement, but the task is stored in 't' and awaited later
  co_await std::move(t);
  auto u = later([] {});
  co_await std::move(u);
  co_await later([&x] { ++x; });
}

// 2. Coroutine lambdas whose closure dies before their task has run.
cppcoro::task<> lambdas(int x) {
  auto t = [&x]() -> cppcoro::task<> {
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: capturing coroutine lambda is destroyed at the end of this statement with its captures, but the task is stored in 't' and awaited later
    ++x;
    co_return;
  }();
  co_await std::move(t);
  co_await [&x]() -> cppcoro::task<> {
    ++x;
    co_return;
  }();
  auto u = []() -> cppcoro::task<> { co_return; }();
  co_await std::move(u);
  auto v = [x]() -> cppcoro::task<> {
    int z = 1;
    auto g = [&z] { return z; };
    g();
    co_return;
  }();
  co_await std::move(v);
}

// Lambdas inside lambdas.
cppcoro::task<> nested() {
  auto outer = [&]() -> cppcoro::task<> {
    int y = 0;
    auto t = [&y]() -> cppcoro::task<> {
      // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: capturing coroutine lambda is destroyed at the end of this statement with its captures, but the task is stored in 't' and awaited later
      ++y;
      co_return;
    }();
    co_await std::move(t);
  };
  co_await outer();
}

// A helper that takes the lambda by reference, calls it, returns its task.
template <class F> cppcoro::task<> run_with(F &&f) { return f(); }
cppcoro::task<> helper(int x) {
  auto t = run_with([&x]() -> cppcoro::task<> {
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: capturing coroutine lambda bound to parameter 'f' of 'run_with' is destroyed at the end of this statement, but the task it returns is stored in 't' and awaited later
    ++x;
    co_return;
  });
  co_await std::move(t);
  co_await run_with([&x]() -> cppcoro::task<> {
    ++x;
    co_return;
  });
}

// folly::coro: start(), scheduleOn(...).start(), AsyncScope; co_invoke keeps
// the lambda alive.
struct Service {
  int hits = 0;
  folly::Executor *ex;
  folly::coro::AsyncScope scope;
  folly::coro::Task<> touch(const std::string &k) {
    (void)k.c_str();
    co_return;
  }
  void kick() {
    [this]() -> folly::coro::Task<> {
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: capturing coroutine lambda is destroyed at the end of this statement with its captures, but the task is started detached by 'folly::coro::Task::start'
      // CHECK-FIXES: {{^}}    folly::coro::co_invoke([this]() -> folly::coro::Task<> {{[{]$}}
      ++hits;
      co_return;
    }().start();
    // CHECK-FIXES: {{^}}    }).start();{{$}}
    [this](int times) -> folly::coro::Task<> {
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: capturing coroutine lambda is destroyed at the end of this statement with its captures, but the task is started detached by 'folly::coro::Task::start'
      // CHECK-MESSAGES: :[[@LINE-2]]:5: note: wrap the lambda in 'folly::coro::co_invoke', which keeps it alive until its task completes
      // CHECK-FIXES: {{^}}    folly::coro::co_invoke([this](int times) -> folly::coro::Task<> {{[{]$}}
      hits += times;
      co_return;
    }(hits).start();
    // CHECK-FIXES: {{^}}    }, hits).start();{{$}}
    // A default argument is not written: nothing to pass on.
    [this](int times = 1) -> folly::coro::Task<> {
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: capturing coroutine lambda is destroyed
      // CHECK-MESSAGES: :[[@LINE-2]]:5: note: wrap the lambda in 'folly::coro::co_invoke'
      // CHECK-FIXES: {{^}}    folly::coro::co_invoke([this](int times = 1) -> folly::coro::Task<> {{[{]$}}
      hits += times;
      co_return;
    }().start();
    // CHECK-FIXES: {{^}}    }).start();{{$}}
    // co_invoke copies its arguments: a reference parameter would bind the
    // copy, so no fix.
    [this](int &counter) -> folly::coro::Task<> {
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: capturing coroutine lambda is destroyed
      // CHECK-FIXES: {{^}}    [this](int &counter) -> folly::coro::Task<> {{[{]$}}
      counter += hits;
      co_return;
    }(hits).start();
    // CHECK-FIXES: {{^}}    }(hits).start();{{$}}
    touch("k").scheduleOn(ex).start();
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: temporary 'std::string' bound to parameter 'k' of coroutine 'Service::touch' is destroyed at the end of this statement, but the task is started detached by 'folly::coro::TaskWithExecutor::start'
    scope.add(folly::coro::co_withExecutor(ex, touch(name())));
    // CHECK-MESSAGES: :[[@LINE-1]]:54: warning: temporary 'std::string' bound to parameter 'k' of coroutine 'Service::touch' is destroyed at the end of this statement, but the task is handed to 'folly::coro::AsyncScope::add', which keeps it beyond this statement
    scope.add(folly::coro::co_invoke([this]() -> folly::coro::Task<> {
      ++hits;
      co_return;
    }));
  }
  folly::coro::Task<> joined() {
    std::string local = "x";
    folly::coro::AsyncScope inner;
    inner.add(touch(local));
    co_await inner.joinAsync();
  }
  folly::coro::Task<> not_joined() {
    std::string local = "x";
    scope.add(touch(local));
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'local' bound to parameter 'k' of coroutine 'Service::touch' is destroyed when coroutine 'Service::not_joined' finishes, but the task is handed to 'folly::coro::AsyncScope::add', which keeps it beyond this statement
    co_return;
  }
};

// async_simple: Lazy::start and detach.
async_simple::coro::Lazy<> log_line(std::string_view line) {
  (void)line.size();
  co_return;
}
struct Done {
  template <class T> void operator()(T &&) const {}
};
void log_all() {
  log_line(name()).start(Done{});
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: temporary 'std::string' bound to parameter 'line' of coroutine 'log_line' is destroyed at the end of this statement, but the task is started detached by 'async_simple::coro::detail::LazyBase::start'
  async_simple::Executor ex;
  log_line(std::string("x")).via(&ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: temporary 'std::string' bound to parameter 'line' of coroutine 'log_line' is destroyed at the end of this statement, but the task is started detached by 'async_simple::coro::RescheduleLazy::detach'
  async_simple::coro::syncAwait(log_line(name()));
  log_line("static").via(&ex).detach();
}

// NOLINT silences one finding.
cppcoro::task<int> silenced() {
  return lookup("x"); // NOLINT(coro-dangling-reference)
}
