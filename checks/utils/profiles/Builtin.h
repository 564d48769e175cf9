//===--- Builtin.h - the built-in library profiles
//-------------------------===//
//
// One function per library, each defined in its own file in this directory;
// Profiles.cpp lists them in order.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_UTILS_PROFILES_BUILTIN_H
#define COROLINT_CHECKS_UTILS_PROFILES_BUILTIN_H

#include "../Profiles.h"

namespace clang::tidy::coro::profiles {

const LibraryProfile &aio();
const LibraryProfile &standard();
const LibraryProfile &cppcoro();
const LibraryProfile &follyCoro();
const LibraryProfile &libcoro();
const LibraryProfile &asio();
const LibraryProfile &asyncSimple();
const LibraryProfile &concurrencpp();
const LibraryProfile &cobalt();
const LibraryProfile &seastar();
const LibraryProfile &winrt();
const LibraryProfile &qcoro();
const LibraryProfile &threadPools();
const LibraryProfile &threadLocks();

} // namespace clang::tidy::coro::profiles

#endif
