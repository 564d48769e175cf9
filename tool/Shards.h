//===--- Shards.h - one run split over machines, and merged back ----------===//
//
// `--shard=I/N` analyses a deterministic I-th of the N parts of the files a
// run would analyse (balanced by size), and its --format=json report carries,
// besides its findings, what the merge needs: every translation unit's
// result as the run stage made it (the UnitResult a worker sends), the files
// of the shard, the root and the --diff. `corolint merge a.json b.json ...`
// reads N such reports and continues from the run stage exactly as one
// unsharded run would: the same findings, order, de-duplication of header
// findings, reports in every format and exit status. A merge with a shard
// missing, doubled, from another split or another corolint is an error: a
// gate must not pass on part of the code.
//
// `--shard=piece` is a part a build system chose (Bazel's corolint_aspect runs
// one action per source file, each in its own sandbox): its report keeps the
// paths under the root relative to it, and any number of pieces whose files
// do not overlap merge, as one run over their files, under the merge's root.
// Which pieces make the whole is the build system's to know.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_TOOL_SHARDS_H
#define COROLINT_TOOL_SHARDS_H

#include "Runner.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include <optional>
#include <string>
#include <vector>

namespace corolint {

struct ShardSpec {
  unsigned Index = 0; // 1-based; 0: not sharded, or a piece
  unsigned Count = 0;
  bool Piece = false;
  explicit operator bool() const { return Count != 0 || Piece; }
};

/// "I/N" with 1 <= I <= N, or "piece"; nullopt when malformed.
std::optional<ShardSpec> parseShard(llvm::StringRef Text);

/// The files of shard \p S of \p Files (a piece: all of them): the largest file first to the part
/// with the fewest bytes so far, so each part gets about the same amount of
/// source; the same split on every machine that sees the same files.
std::vector<std::string> filesOfShard(const std::vector<std::string> &Files,
                                      ShardSpec S);

/// What a shard's report carries for the merge.
struct ShardData {
  ShardSpec Shard;
  std::string Version, Root;
  /// The unified diff the run was limited to (--diff), if any.
  std::optional<std::string> Diff;
  /// --diff-mode=new: the base revision, and the shard's units analysed as
  /// it has them (the merge matches all shards' findings against all of
  /// them, as one run would).
  std::optional<std::string> BaseRevision;
  std::vector<UnitResult> BaseUnits;
  std::vector<std::string> Files;
  size_t SkippedOtherLanguages = 0;
  std::vector<UnitResult> Units;
};

/// Names every file under \p D.Root relative to it, as a piece's report
/// does (without a leading "./").
void relativeToRoot(ShardData &D);

/// The report's "shard" object; its strings refer to \p D, which must
/// outlive it.
llvm::json::Value toJSON(const ShardData &D);

/// Reads the shard reports \p Paths and checks that they are the N parts of
/// one run, or pieces with no file in common; the units of all of them, the
/// files sorted. Pieces' relative paths are taken under \p PieceRoot; with
/// none they stay relative to the current directory, which is the root (a
/// report made in a sandbox names the files as the workspace does).
llvm::Expected<ShardData> readShards(llvm::ArrayRef<std::string> Paths,
                                     llvm::StringRef PieceRoot);

} // namespace corolint

#endif
