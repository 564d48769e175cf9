// coro-sequential-await on code written against the real aio headers: the
// rewrite to aio::gather (a fix-it on a note), and where it is not offered.
// RUN: %check_corolint %s coro-sequential-await %t -- --fix-notes -- %aio_flags
// RUN: clang++ -fsyntax-only %aio_flags %t.cpp

#include <aio/aio.hpp>
#include <chrono>
#include <string>
#include <vector>

using namespace std::chrono_literals;

aio::task<std::string> fetch(std::string url) { co_return url; }
aio::task<void> touch(int id) { co_return; }
aio::task<std::string> fetch_ref(const std::string &url) { co_return url; }

aio::task<std::vector<std::string>> fetch_all(std::vector<std::string> urls) {
  std::vector<std::string> pages;
  for (auto &url : urls)
    pages.push_back(co_await fetch(url));
  // CHECK-NOTES: :[[@LINE-1]]:21: warning: 'fetch' is awaited once per element of 'urls', one after another; the calls are independent: run them concurrently with 'aio::gather' [coro-sequential-await]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: FIX-IT applied suggested code changes
  // CHECK-NOTES: :[[@LINE-4]]:3: note: collect the tasks and await them together with 'aio::gather'; it starts every call at once; if the range can be large, bound how many run at once with 'aio::semaphore'
  // CHECK-FIXES: {{^}}  std::vector<aio::task<std::string>> tasks;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (auto &url : urls){{$}}
  // CHECK-FIXES-NEXT: {{^}}    tasks.push_back(fetch(url));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (auto &result : co_await aio::gather(std::move(tasks))){{$}}
  // CHECK-FIXES-NEXT: {{^}}    pages.push_back(std::move(result));{{$}}
  co_return pages;
}

aio::task<void> touch_all(std::vector<int> ids, int tasks) {
  for (std::size_t i = 0; i < ids.size(); ++i) {
    co_await touch(ids[i] + tasks);
  }
  // CHECK-NOTES: :[[@LINE-2]]:5: warning: 'touch' is awaited once per iteration, one after another; the calls are independent: run them concurrently with 'aio::gather' [coro-sequential-await]
  // CHECK-NOTES: :[[@LINE-4]]:3: note: FIX-IT applied suggested code changes
  // CHECK-NOTES: :[[@LINE-5]]:3: note: collect the tasks and await them together with 'aio::gather'
  // CHECK-FIXES: {{^}}  std::vector<aio::task<void>> tasks2;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (std::size_t i = 0; i < ids.size(); ++i){{$}}
  // CHECK-FIXES-NEXT: {{^}}    tasks2.push_back(touch(ids[i] + tasks));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  co_await aio::gather(std::move(tasks2));{{$}}
}

// The task would outlive the loop variable it refers to: no rewrite.
aio::task<void> by_reference(std::vector<std::string> urls, std::vector<std::string> &out) {
  for (std::string url : urls)
    out.push_back(co_await fetch_ref(url));
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: 'fetch_ref' is awaited once per element of 'urls'
  // CHECK-NOTES: :[[@LINE-3]]:3: note: 'aio::gather' starts every call at once; if the range can be large, bound how many run at once with 'aio::semaphore'
  // CHECK-FIXES: {{^}}  for (std::string url : urls){{$}}
}

// More than the sink in the body: no mechanical rewrite.
aio::task<void> two_statements(std::vector<std::string> urls, std::vector<std::size_t> &sizes) {
  for (auto &url : urls) {
    std::string page = co_await fetch(url);
    // CHECK-NOTES: :[[@LINE-1]]:24: warning: 'fetch' is awaited once per element of 'urls'
    // CHECK-NOTES: :[[@LINE-3]]:3: note: 'aio::gather' starts every call at once
    sizes.push_back(page.size());
  }
}

// Lazy tasks made first and awaited one by one run one after another.
aio::task<void> fake_concurrency(std::vector<std::string> urls, std::vector<std::string> &out) {
  std::vector<aio::task<std::string>> ts;
  for (auto &url : urls)
    ts.push_back(fetch(url));
  for (auto &t : ts)
    out.push_back(co_await std::move(t));
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: the lazy tasks in 'ts' are awaited one at a time, so they run one after another (a lazy task starts only when awaited): await them together with 'aio::gather' [coro-sequential-await]
  // CHECK-NOTES: :[[@LINE-4]]:5: note: the tasks are created here
}

// Not flagged.
aio::task<void> correct(std::vector<std::string> urls, aio::mutex &m, aio::queue<int> &q,
                        aio::tcp_stream &conn, std::vector<std::string> &out) {
  // Spawned handles already run concurrently.
  std::vector<aio::join_handle<std::string>> handles;
  for (auto &url : urls)
    handles.push_back(aio::spawn(fetch(url)));
  for (auto &h : handles)
    out.push_back(co_await h);
  // Batches: the combinator inside the loop is the bound.
  for (std::size_t i = 0; i + 1 < urls.size(); i += 2)
    co_await aio::gather(fetch(urls[i]), fetch(urls[i + 1]));
  // Pacing on purpose.
  for (auto &url : urls) {
    (void)url;
    co_await aio::sleep(10ms);
  }
  // Queue receives; writes to one stream.
  for (std::size_t i = 0; i < urls.size(); ++i)
    out.push_back(std::to_string(co_await q.pop()));
  for (auto &url : urls)
    co_await conn.write_all(url);
  // Under a lock.
  auto guard = co_await m.lock();
  for (auto &url : urls)
    out.push_back(co_await fetch(url));
}
