// aio/config.hpp - annotations corolint reads.
#pragma once

// Marks a function a coroutine must not call: corolint's coro-blocking-call
// check reports calls to it from coroutine bodies (directly or via helpers).
#if defined(__clang__)
#define AIO_BLOCKING [[clang::annotate("corolint::blocking")]]
#define AIO_NONBLOCKING [[clang::annotate("corolint::nonblocking")]]
#else
#define AIO_BLOCKING
#define AIO_NONBLOCKING
#endif
