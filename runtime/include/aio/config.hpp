// aio/config.hpp - annotations corolint reads.
#pragma once

// Marks a function a coroutine must not call: corolint's coro-blocking-call
// check reports calls to it from coroutine bodies (directly or via helpers).
// The annotations come from corolint's <corolint/annotations.h> when it is
// installed; aio does not depend on corolint, so without it they are spelled
// here by the same contract (the two strings that header documents).
#if __has_include(<corolint/annotations.h>)
#include <corolint/annotations.h>
#define AIO_BLOCKING COROLINT_BLOCKING
#define AIO_NONBLOCKING COROLINT_NONBLOCKING
#elif defined(__clang__)
#define AIO_BLOCKING [[clang::annotate("corolint::blocking")]]
#define AIO_NONBLOCKING [[clang::annotate("corolint::nonblocking")]]
#else
#define AIO_BLOCKING
#define AIO_NONBLOCKING
#endif
