// aio/errors.hpp - the exceptions aio raises.
#pragma once
#include <stdexcept>
#include <system_error>

namespace aio {

/// Raised inside a task at its next suspension point after cancel().
struct cancelled_error : std::exception {
  const char *what() const noexcept override { return "aio: task was cancelled"; }
};

/// Raised by wait_for when the timeout expires first.
struct timeout_error : std::runtime_error {
  timeout_error() : std::runtime_error("aio: operation timed out") {}
};

/// Misuse of the runtime: awaiting a task twice, aio::run inside a running
/// loop, awaiting outside aio::run, a main task waiting for what nothing can
/// complete.
struct usage_error : std::logic_error {
  using std::logic_error::logic_error;
};

/// A socket operation failed; code() is the errno value.
struct socket_error : std::system_error {
  socket_error(int err, const char *what)
      : std::system_error(err, std::generic_category(), what) {}
};

} // namespace aio
