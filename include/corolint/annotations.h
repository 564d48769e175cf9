/* corolint/annotations.h - the annotations corolint reads.
 *
 * Mark a function that blocks the calling thread, or one that looks blocking
 * but is not, so that coro-blocking-call reports (or stops reporting) calls
 * to it from coroutines, directly or through helper functions:
 *
 *   COROLINT_BLOCKING void flush_to_disk();
 *   COROLINT_NONBLOCKING int try_lock_fast();
 *
 * The contract is the two annotation strings: any library may spell
 * [[clang::annotate("corolint::blocking")]] itself instead of including this
 * header (aio does when corolint is not installed). corolint's checks read the
 * strings from this header; test/checks/aio.cpp checks both spellings.
 * Plain C and C++, no dependency on corolint or LLVM.
 */
#ifndef COROLINT_ANNOTATIONS_H
#define COROLINT_ANNOTATIONS_H

#define COROLINT_BLOCKING_ANNOTATION "corolint::blocking"
#define COROLINT_NONBLOCKING_ANNOTATION "corolint::nonblocking"

#if defined(__clang__)
#define COROLINT_BLOCKING [[clang::annotate(COROLINT_BLOCKING_ANNOTATION)]]
#define COROLINT_NONBLOCKING [[clang::annotate(COROLINT_NONBLOCKING_ANNOTATION)]]
#else
#define COROLINT_BLOCKING
#define COROLINT_NONBLOCKING
#endif

#endif
