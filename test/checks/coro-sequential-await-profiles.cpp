// RUN: %check_corolint %s coro-sequential-await %t -- -- %coro_mock_flags
// What coro-sequential-await knows of a library comes from its profile: the
// combinator named is the awaited task's library's, spelled in the task's
// own namespace (Boost.Asio, an alias of the asio profile); the calls awaited
// in a loop on purpose (pacing, ordered operations, locks) are the profile's.

#include "mock_task.h"
#include <string>
#include <vector>

namespace boost::asio {
COROLINT_MOCK_LAZY_TASK(awaitable)
class steady_timer {
public:
  awaitable<void> async_wait();
};
} // namespace boost::asio

namespace seastar {
class semaphore {};
class semaphore_units {};
} // namespace seastar

boost::asio::awaitable<std::string> resolve(const std::string &host);

boost::asio::awaitable<void> resolve_all(std::vector<std::string> &hosts,
                                         std::vector<std::string> &out) {
  for (const auto &h : hosts)
    out.push_back(co_await resolve(h));
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'resolve' is awaited once per element of 'hosts', one after another; the calls are independent: run them concurrently with 'boost::asio::experimental::make_parallel_group' [coro-sequential-await]
}

// Pacing: a timer awaited per element is the point of the loop.
boost::asio::awaitable<void> tick(std::vector<boost::asio::steady_timer> &timers) {
  for (auto &t : timers)
    co_await t.async_wait();
}

// A permit held across the loop's awaits: serialised on purpose (seastar's
// semaphore_units is a LockOrPermit of the seastar profile).
seastar::semaphore_units take_units(seastar::semaphore &s);
boost::asio::awaitable<void> limited(seastar::semaphore &s,
                                     std::vector<std::string> &hosts,
                                     std::vector<std::string> &out) {
  for (const auto &h : hosts) {
    seastar::semaphore_units u = take_units(s);
    out.push_back(co_await resolve(h));
  }
}
