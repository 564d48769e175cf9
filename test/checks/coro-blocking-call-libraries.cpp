// What each library profile knows blocks or bridges (checks/utils/profiles/):
// one positive and one negative per library, against mock headers shaped like
// the libraries.
// RUN: %check_corolint %s coro-blocking-call %t -- --fix-notes -- %coro_mock_flags
// RUN: %check_corolint -check-suffixes=META %s coro-blocking-call %t -- \
// RUN:   -config="{CheckOptions: {coro-blocking-call.FilesystemMetadata: true}}" -- %coro_mock_flags

#include <filesystem>
#include <string>
#include "asio.h"
#include "async_simple.h"
#include "cobalt.h"
#include "concurrencpp.h"
#include "folly_task.h"
#include "hashing.h"
#include "qcoro.h"
#include "seastar_coroutine.h"
#include "winrt.h"

// Seastar: get()/wait() only in a seastar::thread (seastar::async).
seastar::future<int> fetch();
seastar::future<> seastar_get() {
  int v = fetch().get();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: blocking call to 'seastar::future::get' in coroutine 'seastar_get' may deadlock
  // CHECK-MESSAGES-META: :[[@LINE-2]]:11: warning: blocking call to 'seastar::future::get'
  fetch().wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'seastar::future::wait' in coroutine 'seastar_get' may deadlock
  // CHECK-MESSAGES-META: :[[@LINE-2]]:3: warning: blocking call to 'seastar::future::wait'
  int w = co_await fetch();
  (void)v, (void)w;
  // In a seastar::thread, get() is how one waits.
  co_await seastar::async([] { (void)fetch().get(); });
}

// folly: blockingWait is covered elsewhere; SemiFuture/Future get and wait.
folly::SemiFuture<int> semi_work();
folly::Future<int> future_work();
folly::coro::Task<> folly_get() {
  int a = semi_work().get();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: blocking call to 'folly::SemiFuture::get' in coroutine 'folly_get' may deadlock
  // CHECK-MESSAGES-META: :[[@LINE-2]]:11: warning: blocking call to 'folly::SemiFuture::get'
  int b = future_work().get();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: blocking call to 'folly::Future::get' in coroutine 'folly_get' may deadlock
  // CHECK-MESSAGES-META: :[[@LINE-2]]:11: warning: blocking call to 'folly::Future::get'
  (void)a, (void)b;
  co_return;
}
// Not in a coroutine: fine.
int folly_sync() { return semi_work().get(); }

// async_simple: syncAwait and Future::get.
async_simple::Future<int> as_future();
async_simple::coro::Lazy<> as_lazy();
async_simple::coro::Lazy<> async_simple_get() {
  int v = as_future().get();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: blocking call to 'async_simple::Future::get' in coroutine 'async_simple_get' may deadlock
  // CHECK-MESSAGES-META: :[[@LINE-2]]:11: warning: blocking call to 'async_simple::Future::get'
  (void)v;
  co_await as_lazy();
}

// concurrencpp: the result's waits (each on a result not waited for before:
// after r.wait(), r is complete and its waits return at once).
concurrencpp::result<void> cc_compute(concurrencpp::result<int> r,
                                      concurrencpp::result<int> s) {
  r.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'concurrencpp::result::wait' in coroutine 'cc_compute' may deadlock
  // CHECK-MESSAGES-META: :[[@LINE-2]]:3: warning: blocking call to 'concurrencpp::result::wait'
  s.wait_for(std::chrono::milliseconds(5));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'concurrencpp::result::wait_for' in coroutine 'cc_compute' may deadlock
  // CHECK-MESSAGES-META: :[[@LINE-2]]:3: warning: blocking call to 'concurrencpp::result::wait_for'
  int v = co_await r;
  (void)v;
}

// asio: the synchronous operations and running the context.
asio::awaitable<void> asio_sync(asio::io_context &io, asio::ip::tcp::socket &sock,
                                asio::system_timer &timer, std::string &buf) {
  asio::read(sock, buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'asio::read' in coroutine 'asio_sync' stalls every coroutine on this thread
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: use the awaitable 'co_await asio::async_read' instead
  // CHECK-MESSAGES-META: :[[@LINE-3]]:3: warning: blocking call to 'asio::read'
  // CHECK-FIXES: {{^}}  co_await asio::async_read(sock, buf);{{$}}
  sock.read_some(buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'asio::basic_stream_socket::read_some' in coroutine 'asio_sync' stalls
  // CHECK-MESSAGES-META: :[[@LINE-2]]:3: warning: blocking call to 'asio::basic_stream_socket::read_some'
  sock.connect(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'asio::basic_socket::connect' in coroutine 'asio_sync' stalls
  // CHECK-MESSAGES-META: :[[@LINE-2]]:3: warning: blocking call to 'asio::basic_socket::connect'
  timer.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'asio::basic_waitable_timer::wait' in coroutine 'asio_sync' stalls
  // CHECK-MESSAGES-META: :[[@LINE-2]]:3: warning: blocking call to 'asio::basic_waitable_timer::wait'
  io.poll();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'asio::io_context::poll' in coroutine 'asio_sync' may deadlock
  // CHECK-MESSAGES-META: :[[@LINE-2]]:3: warning: blocking call to 'asio::io_context::poll'
  // The asynchronous forms are fine.
  co_await sock.async_read_some(buf, asio::use_awaitable);
  co_await timer.async_wait(asio::use_awaitable);
}

// Boost.Cobalt: run() and thread::join.
boost::cobalt::task<int> cobalt_answer();
boost::cobalt::task<void> cobalt_sync(boost::cobalt::thread &t) {
  int v = boost::cobalt::run(cobalt_answer());
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: blocking call to 'boost::cobalt::run' in coroutine 'cobalt_sync' may deadlock
  // CHECK-MESSAGES-META: :[[@LINE-2]]:11: warning: blocking call to 'boost::cobalt::run'
  t.join();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'boost::cobalt::thread::join' in coroutine 'cobalt_sync' stalls
  // CHECK-MESSAGES-META: :[[@LINE-2]]:3: warning: blocking call to 'boost::cobalt::thread::join'
  int w = co_await cobalt_answer();
  (void)v, (void)w;
}

// C++/WinRT: get() on an async action or operation.
winrt::Windows::Foundation::IAsyncOperation<int> winrt_load();
winrt::Windows::Foundation::IAsyncAction winrt_sync() {
  int v = winrt_load().get();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: blocking call to 'winrt::impl::consume_Windows_Foundation_IAsyncOperation::get' in coroutine 'winrt_sync' may deadlock
  // CHECK-MESSAGES-META: :[[@LINE-2]]:11: warning: blocking call to 'winrt::impl::consume_Windows_Foundation_IAsyncOperation::get'
  int w = co_await winrt_load();
  (void)v, (void)w;
}
// From a plain function (a console app's main): fine.
int winrt_main() { return winrt_load().get(); }

// QCoro: waitFor runs a nested event loop.
QCoro::Task<int> qcoro_answer();
QCoro::Task<> qcoro_sync() {
  int v = QCoro::waitFor(qcoro_answer());
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: blocking call to 'QCoro::waitFor' in coroutine 'qcoro_sync' may deadlock
  // CHECK-MESSAGES-META: :[[@LINE-2]]:11: warning: blocking call to 'QCoro::waitFor'
  int w = co_await qcoro_answer();
  (void)v, (void)w;
}

// CPU-heavy work real servers moved off the reactor, also through a helper.
bool check_password(const char *pw, const char *stored) {
  return crypt(pw, stored)[0] == stored[0];
}
asio::awaitable<void> login(const char *pw, const char *stored, unsigned char *key) {
  bool ok = check_password(pw, stored);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: call to 'check_password' in coroutine 'login' blocks: it reaches 'crypt'
  // CHECK-MESSAGES-META: :[[@LINE-2]]:13: warning: call to 'check_password' in coroutine 'login' blocks: it reaches 'crypt'
  PKCS5_PBKDF2_HMAC(pw, 8, key, 16, 100000, nullptr, 32, key);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'PKCS5_PBKDF2_HMAC' in coroutine 'login' stalls
  // CHECK-MESSAGES-META: :[[@LINE-2]]:3: warning: blocking call to 'PKCS5_PBKDF2_HMAC'
  (void)ok;
  co_return;
}

// std::filesystem: walking and copying trees always; single metadata
// queries only with FilesystemMetadata.
folly::coro::Task<> tidy(const std::filesystem::path &dir) {
  for (std::filesystem::directory_iterator it(dir), end; ; ++it) {
    // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: blocking call to 'std::filesystem::directory_iterator::directory_iterator'
    // CHECK-MESSAGES: :[[@LINE-2]]:60: warning: blocking call to 'std::filesystem::directory_iterator::operator++'
    // CHECK-MESSAGES-META: :[[@LINE-3]]:44: warning: blocking call to 'std::filesystem::directory_iterator::directory_iterator'
    // CHECK-MESSAGES-META: :[[@LINE-4]]:60: warning: blocking call to 'std::filesystem::directory_iterator::operator++'
    break;
  }
  std::filesystem::remove_all(dir);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'std::filesystem::remove_all'
  // CHECK-MESSAGES-META: :[[@LINE-2]]:3: warning: blocking call to 'std::filesystem::remove_all'
  (void)std::filesystem::space(dir);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: blocking call to 'std::filesystem::space'
  // CHECK-MESSAGES-META: :[[@LINE-2]]:9: warning: blocking call to 'std::filesystem::space'
  if (std::filesystem::exists(dir))
    // CHECK-MESSAGES-META: :[[@LINE-1]]:7: warning: blocking call to 'std::filesystem::exists'
    co_return;
  (void)std::filesystem::file_size(dir);
  // CHECK-MESSAGES-META: :[[@LINE-1]]:9: warning: blocking call to 'std::filesystem::file_size'
}
