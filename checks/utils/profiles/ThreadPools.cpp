//===--- ThreadPools.cpp - the thread-pools profile -----------------------===//
//
// Common thread-pool vocabulary in any namespace: always active.
//
//===----------------------------------------------------------------------===//

#include "Builtin.h"

namespace clang::tidy::coro::profiles {
namespace {

using K = EntryKind;
constexpr ProfileEntry Entries[] = {
    // Unqualified: a project's own pool (pool.submit(fn)) runs the callable
    // on another thread as std::async does.
    {K::Offload, "submit"},   {K::Offload, "post"},
    {K::Offload, "enqueue"},  {K::Offload, "execute"},
    {K::Offload, "schedule"}, {K::Offload, "spawn_blocking"},
};

} // namespace

const LibraryProfile &threadPools() {
  static const LibraryProfile P{"thread-pools",
                                "common thread-pool vocabulary (any namespace)",
                                "docs/profiles.md",
                                {},
                                {},
                                {},
                                Entries};
  return P;
}

} // namespace clang::tidy::coro::profiles
