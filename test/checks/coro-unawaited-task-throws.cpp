// RUN: %check_corolint %s coro-unawaited-task %t -- -- %coro_mock_flags
// RUN: %check_corolint -check-suffixes=,NOVOID %s coro-unawaited-task %t -- \
// RUN:   -config="{CheckOptions: {coro-unawaited-task.AllowVoidCast: false}}" -- %coro_mock_flags

// A task-returning call that a test expects to throw (inside a lambda handed
// to a throws-assertion, or in the statement of a throws-assertion macro)
// never returns a task: nothing is left unawaited.

#include <exception>
#include "cppcoro.h"

cppcoro::task<int> fetch(int);

// Function forms: a lambda handed to a function whose name asserts a throw.
template <class E, class F> void assert_throws(F &&f) {
  try { f(); } catch (const E &) {}
}
template <class E, class F> void assert_throws_with_error_message(F &&f, const char *) {
  try { f(); } catch (const E &) {}
}
template <class F> void assertThrows(F f) { try { f(); } catch (...) {} }
// ... and one whose name does not.
template <class F> void run_guarded(F &&f) { try { f(); } catch (...) {} }

// Macro forms, expanded the way the frameworks expand them.
// GoogleTest: EXPECT_THROW/ASSERT_THROW/ASSERT_ANY_THROW.
#define GTEST_SUPPRESS_BELOW_(statement) if (true) { statement; }
#define GTEST_TEST_THROW_(statement, expected_exception, fail)                 \
  if (bool caught = false; true) {                                             \
    try { GTEST_SUPPRESS_BELOW_(statement); }                                  \
    catch (expected_exception const &) { caught = true; }                      \
    if (!caught) fail;                                                         \
  }
#define EXPECT_THROW(statement, exc) GTEST_TEST_THROW_(statement, exc, (void)0)
#define ASSERT_ANY_THROW(statement)                                            \
  if (bool threw = false; true) {                                              \
    try { GTEST_SUPPRESS_BELOW_(statement); } catch (...) { threw = true; }    \
    if (!threw) return;                                                        \
  }
// Catch2: REQUIRE_THROWS_AS(expr, type).
#define INTERNAL_CATCH_THROWS_AS(expr, type)                                   \
  do { try { static_cast<void>(expr); } catch (type const &) {} } while (false)
#define REQUIRE_THROWS_AS(expr, type) INTERNAL_CATCH_THROWS_AS(expr, type)
// doctest: CHECK_THROWS(expr), wrapped in an immediately invoked lambda.
#define DOCTEST_CHECK_THROWS(expr)                                             \
  [&] { try { static_cast<void>(expr); } catch (...) {} }()
#define CHECK_THROWS(expr) DOCTEST_CHECK_THROWS(expr)
// Boost.Test: BOOST_CHECK_THROW(statement, exception).
#define BOOST_CHECK_THROW(S, E)                                                \
  do { try { S; } catch (E const &) {} } while (0)
// Not a throws-assertion: a macro that only logs.
#define LOG_ERRORS(statement)                                                  \
  do { try { statement; } catch (...) {} } while (0)

void function_forms() {
  assert_throws<std::exception>([] { fetch(-1); });
  assert_throws_with_error_message<std::exception>([&] { fetch(-2); }, "bad");
  assertThrows([] { fetch(-3); });
  run_guarded([] { fetch(4); });
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: task returned by 'fetch' is never awaited: a lazy task that is dropped never runs [coro-unawaited-task]
}

void macro_forms() {
  EXPECT_THROW(fetch(-1), std::exception);
  ASSERT_ANY_THROW(fetch(-2));
  REQUIRE_THROWS_AS(fetch(-3), std::exception);
  CHECK_THROWS(fetch(-4));
  BOOST_CHECK_THROW(fetch(-5), std::exception);
  LOG_ERRORS(fetch(6));
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: task returned by 'fetch' is never awaited
  LOG_ERRORS(static_cast<void>(fetch(9)));
  // CHECK-MESSAGES-NOVOID: :[[@LINE-1]]:32: warning: task returned by 'fetch' is discarded by a cast to void
  try {
    fetch(7);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: task returned by 'fetch' is never awaited
  } catch (...) {
  }
}

// In a template, the callee is resolved per instantiation.
template <class T> void generic_forms() {
  assert_throws<std::exception>([] { fetch(sizeof(T)); });
  run_guarded([] { fetch(sizeof(T)); });
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: task returned by 'fetch' is never awaited
}
template void generic_forms<int>();

// Outside the throwing statement, a dropped task is still reported.
cppcoro::task<> in_coroutine() {
  EXPECT_THROW(fetch(-1), std::exception);
  fetch(8);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'fetch' is never awaited
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: insert 'co_await' to run it here
  co_return;
}

// gtest's real shape: an always-true guard whose else branch is reached only
// by the goto from inside (never by skipping the statement). A local task
// awaited in the statement is awaited on every path; one awaited in a plain
// if is not.
namespace testing::internal {
bool AlwaysTrue();
struct TrueWithString {
  explicit operator bool() const { return true; }
  const char *value = "";
};
} // namespace testing::internal
#define GTEST_SUPPRESS_UNREACHABLE_BELOW_(statement)                           \
  if (::testing::internal::AlwaysTrue()) { statement; }
#define GTEST_TEST_THROW_GUARDED_(statement, expected_exception, fail)         \
  switch (0)                                                                   \
  case 0:                                                                      \
  default:                                                                     \
    if (::testing::internal::TrueWithString gtest_msg{}) {                     \
      bool gtest_caught_expected = false;                                      \
      try { GTEST_SUPPRESS_UNREACHABLE_BELOW_(statement); }                    \
      catch (expected_exception const &) { gtest_caught_expected = true; }     \
      if (!gtest_caught_expected) goto gtest_label_testthrow_;                 \
    } else                                                                     \
    gtest_label_testthrow_:                                                    \
      fail
#define ASSERT_THROW(statement, exc)                                           \
  GTEST_TEST_THROW_GUARDED_(statement, exc, (void)0)

cppcoro::task<> awaited_in_assert_throw() {
  auto job = fetch(-9);
  ASSERT_THROW(co_await std::move(job), std::exception);
}
cppcoro::task<> awaited_in_plain_if(bool b) {
  auto job = fetch(-10);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'job' is not awaited on every path
  if (b) {
    co_await std::move(job);
  }
}
