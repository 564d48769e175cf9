//===--- ResultCache.h - a translation unit is never analysed twice -------===//
//
// A direct-mode result cache, like ccache's: a translation unit's result
// (its UnitResult) is stored under a key made of everything that decides it
// apart from what it reads: this corolint executable, the file's effective
// clang-tidy configuration and line filter, and its compile command. Next to
// the result the cache keeps the manifest: every file the analysis read (the
// main file too), with a hash of the bytes it read, and every
// file it looked for and did not find (an include path entry searched before
// the one that had the header). A later run with the same key re-checks only
// the manifest, by size and modification time first and by content when
// those differ, and replays the stored result: no preprocessing, no parse.
//
// Entries are written to a temporary file and renamed into place, so
// concurrent corolint processes share a cache safely; a hit refreshes the
// entry's time, and a run that stored entries evicts the least recently used
// ones above the size cap.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_TOOL_RESULTCACHE_H
#define COROLINT_TOOL_RESULTCACHE_H

#include "Runner.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace corolint {

/// Where the cache lives and how large it may grow (CommandLine.h).
struct CacheOptions {
  /// "" when the cache is off (--no-cache).
  std::string Directory;
  /// Directory was named with --cache-dir: a cache that cannot be made
  /// there is an error, not a quiet run without one.
  bool Explicit = false;
  uint64_t MaxSize = uint64_t(1) << 30;
  bool PrintStats = false; // --cache-stats
};

/// $XDG_CACHE_HOME/corolint, else ~/.cache/corolint ("" if neither is
/// known).
std::string defaultCacheDirectory();

/// A file system that notes, in \p Into, every file a translation unit
/// reads (with a hash of the bytes read) and every file it looks for in
/// vain: the manifest of UnitResult::Inputs.
llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>
recordingFileSystem(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Base,
                    std::shared_ptr<std::vector<InputFile>> Into);

class ResultCache;

/// The cache \p Options describe, or null when it is off or when the
/// default directory cannot be made (an error for one named with
/// --cache-dir).
llvm::Expected<std::unique_ptr<ResultCache>>
openResultCache(const CacheOptions &Options,
                const clang::tooling::CompilationDatabase &DB,
                clang::tidy::ClangTidyOptionsProvider &Provider,
                const RunOptions &Run, llvm::StringRef Executable);

/// What a run did with the cache, for --cache-stats and the report.
struct CacheStats {
  unsigned Hits = 0, Misses = 0, Stored = 0, Evicted = 0;
  uint64_t Size = 0; // bytes, after eviction
};

/// "result cache: 3 hits, 1 miss, 1 stored, 0 evicted; 12 KiB in DIR".
void printCacheStats(const CacheStats &Stats, llvm::StringRef Directory);

class ResultCache {
public:
  /// A cache in Options.Directory for translation units whose commands come
  /// from \p DB and whose configuration from \p Provider.
  ResultCache(CacheOptions Options, const clang::tooling::CompilationDatabase &DB,
              clang::tidy::ClangTidyOptionsProvider &Provider,
              const RunOptions &Run, llvm::StringRef Executable);

  /// The stored result of \p File, if every file its manifest names is as
  /// it was; counts a hit or a miss.
  std::optional<UnitResult> lookup(const std::string &File);
  /// Stores \p R (a successful analysis with its manifest) for R.File.
  void store(const UnitResult &R);
  /// Evicts the least recently used entries above the size cap; returns
  /// the counts of the run.
  CacheStats finish();

private:
  std::string key(const std::string &File) const;
  std::string entryPath(llvm::StringRef Key) const;

  CacheOptions Options;
  const clang::tooling::CompilationDatabase &DB;
  clang::tidy::ClangTidyOptionsProvider &Provider;
  std::string Fixed; // the part of every key that is the same for the run
  /// Each looked-up file's key, as it was before the analysis (the result
  /// is stored under it; its manifest guards against a change since).
  llvm::StringMap<std::string> Keys;
  CacheStats Stats;
};

} // namespace corolint

#endif
