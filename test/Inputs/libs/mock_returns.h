// A mock promise's co_return side: return_value for a task of T, return_void
// for a task of void (a promise may not declare both).
#pragma once
namespace corolint_mock {
template <class T> struct returns {
  template <class U> void return_value(U &&) {}
};
template <> struct returns<void> {
  void return_void() {}
};
} // namespace corolint_mock
