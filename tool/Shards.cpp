//===--- Shards.cpp -------------------------------------------------------===//

#include "Shards.h"
#include "Worker.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <numeric>

namespace json = llvm::json;

namespace corolint {
namespace {

llvm::Error problem(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

using PathMap = llvm::function_ref<std::string(llvm::StringRef)>;

void rebaseMessage(clang::tooling::DiagnosticMessage &M, PathMap Map) {
  if (!M.FilePath.empty())
    M.FilePath = Map(M.FilePath);
  for (clang::tooling::FileByteRange &R : M.Ranges)
    R.FilePath = Map(R.FilePath);
  llvm::StringMap<clang::tooling::Replacements> Fix;
  for (const auto &Entry : M.Fix) {
    std::string To = Map(Entry.getKey());
    clang::tooling::Replacements &Out = Fix[To];
    for (const clang::tooling::Replacement &R : Entry.getValue())
      llvm::cantFail(Out.add(clang::tooling::Replacement(
          To, R.getOffset(), R.getLength(), R.getReplacementText())));
  }
  M.Fix = std::move(Fix);
}

/// Every path \p U names (its file, where its diagnostics and notes are,
/// what their fixes change, its content hashes), mapped through \p Map.
void rebasePaths(UnitResult &U, PathMap Map) {
  U.File = Map(U.File);
  for (clang::tidy::ClangTidyError &D : U.Diagnostics) {
    rebaseMessage(D.Message, Map);
    for (clang::tooling::DiagnosticMessage &N : D.Notes)
      rebaseMessage(N, Map);
    D.BuildDirectory = Map(D.BuildDirectory);
  }
  for (auto &Hash : U.ContentHashes)
    Hash.first = Map(Hash.first);
}

/// \p Path relative to \p Root when it is under it ("." for the root), and
/// without a leading "./" (as a "-iquote ." search path names headers).
std::string relativeTo(llvm::StringRef Root, llvm::StringRef Path) {
  if (Path == Root)
    return ".";
  if (Path.starts_with(Root) && llvm::sys::path::is_separator(Path[Root.size()]))
    Path = Path.drop_front(Root.size() + 1);
  while (Path.starts_with("./"))
    Path = Path.drop_front(2);
  return Path.str();
}

/// \p Path under \p Root when it is relative.
std::string joinRoot(llvm::StringRef Root, llvm::StringRef Path) {
  if (Path.empty() || llvm::sys::path::is_absolute(Path))
    return Path.str();
  llvm::SmallString<256> Full(Root);
  llvm::sys::path::append(Full, Path);
  llvm::sys::path::remove_dots(Full, /*remove_dot_dot=*/true);
  return std::string(Full);
}

/// A report's units ("units", "baseUnits") into \p To; false if one is malformed.
bool unitsFromJSON(const json::Array &Units, std::vector<UnitResult> &To) {
  for (const json::Value &U : Units) {
    std::optional<UnitResult> R = unitResultFromJSON(U);
    if (!R)
      return false;
    To.push_back(std::move(*R));
  }
  return true;
}

json::Array unitsToJSON(const std::vector<UnitResult> &Units) {
  json::Array Out;
  for (const UnitResult &U : Units)
    Out.push_back(toJSON(U));
  return Out;
}

llvm::Expected<ShardData> readShard(const std::string &Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return problem("cannot read shard report '" + Path +
                   "': " + Buffer.getError().message());
  llvm::Expected<json::Value> V = json::parse((*Buffer)->getBuffer());
  if (!V)
    return problem("shard report '" + Path + "' is not JSON: " +
                   llvm::toString(V.takeError()));
  const json::Object *Report = V->getAsObject();
  const json::Object *O = Report ? Report->getObject("shard") : nullptr;
  if (!O)
    return problem("'" + Path +
                   "' is not a shard report (run each shard with "
                   "--shard=I/N --format=json)");
  auto Malformed = [&] {
    return problem("shard report '" + Path + "' is malformed");
  };
  ShardData D;
  auto Index = O->getInteger("index"), Count = O->getInteger("count");
  auto Version = O->getString("version"), Root = O->getString("root");
  auto Skipped = O->getInteger("skippedOtherLanguages");
  const json::Array *Files = O->getArray("files");
  const json::Array *Units = O->getArray("units");
  bool Piece = O->getBoolean("piece").value_or(false);
  if (!Index || !Count || !Version || !Root || !Skipped || !Files || !Units ||
      (Piece ? *Index != 0 || *Count != 0 : *Index < 1 || *Count < *Index))
    return Malformed();
  D.Shard = {unsigned(*Index), unsigned(*Count), Piece};
  D.Version = Version->str();
  D.Root = Root->str();
  D.SkippedOtherLanguages = *Skipped;
  if (auto Diff = O->getString("diff"))
    D.Diff = Diff->str();
  if (auto Rev = O->getString("baseRevision"))
    D.BaseRevision = Rev->str();
  if (const json::Array *Base = O->getArray("baseUnits"))
    if (!unitsFromJSON(*Base, D.BaseUnits))
      return Malformed();
  for (const json::Value &F : *Files) {
    if (!F.getAsString())
      return Malformed();
    D.Files.push_back(F.getAsString()->str());
  }
  if (!unitsFromJSON(*Units, D.Units))
    return Malformed();
  return D;
}

} // namespace

std::optional<ShardSpec> parseShard(llvm::StringRef Text) {
  if (Text == "piece")
    return ShardSpec{0, 0, true};
  auto [I, N] = Text.split('/');
  ShardSpec S;
  if (I.getAsInteger(10, S.Index) || N.getAsInteger(10, S.Count) ||
      S.Index < 1 || S.Count < S.Index)
    return std::nullopt;
  return S;
}

std::vector<std::string> filesOfShard(const std::vector<std::string> &Files,
                                      ShardSpec S) {
  if (S.Piece)
    return Files;
  std::vector<std::pair<uint64_t, size_t>> BySize; // size, index in Files
  for (size_t I = 0; I < Files.size(); ++I) {
    uint64_t Size = 0;
    llvm::sys::fs::file_size(Files[I], Size); // 0 if it cannot be read
    BySize.emplace_back(Size, I);
  }
  // Largest first; equal sizes in the files' (sorted) order.
  std::stable_sort(BySize.begin(), BySize.end(),
                   [](const auto &A, const auto &B) { return A.first > B.first; });
  std::vector<uint64_t> Load(S.Count, 0);
  std::vector<size_t> Mine;
  for (const auto &[Size, I] : BySize) {
    size_t Part = std::min_element(Load.begin(), Load.end()) - Load.begin();
    Load[Part] += std::max<uint64_t>(Size, 1);
    if (Part + 1 == S.Index)
      Mine.push_back(I);
  }
  std::sort(Mine.begin(), Mine.end());
  std::vector<std::string> Out;
  for (size_t I : Mine)
    Out.push_back(Files[I]);
  return Out;
}

void relativeToRoot(ShardData &D) {
  auto Relative = [&](llvm::StringRef P) { return relativeTo(D.Root, P); };
  for (UnitResult &U : D.Units)
    rebasePaths(U, Relative);
  for (UnitResult &U : D.BaseUnits)
    rebasePaths(U, Relative);
  for (std::string &F : D.Files)
    F = Relative(F);
}

json::Value toJSON(const ShardData &D) {
  json::Array Files;
  for (const std::string &F : D.Files)
    Files.push_back(F);
  json::Object O{{"index", D.Shard.Index},
                 {"count", D.Shard.Count},
                 {"version", D.Version},
                 {"root", D.Shard.Piece ? "." : D.Root},
                 {"files", std::move(Files)},
                 {"skippedOtherLanguages", int64_t(D.SkippedOtherLanguages)},
                 {"units", unitsToJSON(D.Units)}};
  if (D.Diff)
    O["diff"] = *D.Diff;
  if (D.BaseRevision) {
    O["baseRevision"] = *D.BaseRevision;
    O["baseUnits"] = unitsToJSON(D.BaseUnits);
  }
  if (D.Shard.Piece)
    O["piece"] = true;
  return O;
}

namespace {

/// The N shards of one run: each once, all there.
llvm::Error checkShard(const ShardData &D, const std::string &Path,
                       const ShardData &All, std::vector<bool> &Seen) {
  auto Name = [](const ShardSpec &S) {
    return S.Piece ? std::string("a piece")
                   : "shard " + std::to_string(S.Index) + " of " +
                         std::to_string(S.Count);
  };
  if (D.Shard.Piece || D.Shard.Count != All.Shard.Count)
    return problem("'" + Path + "' is " + Name(D.Shard) + ", the others of " +
                   llvm::Twine(All.Shard.Count));
  if (Seen[D.Shard.Index - 1])
    return problem(Name(D.Shard) + " is given twice ('" + Path + "')");
  Seen[D.Shard.Index - 1] = true;
  return llvm::Error::success();
}

/// Pieces: no file analysed twice (\p Seen: the files of the pieces so far).
llvm::Error checkPiece(const ShardData &D, const std::string &Path,
                       llvm::StringSet<> &Seen) {
  if (!D.Shard.Piece)
    return problem("'" + Path + "' is shard " + llvm::Twine(D.Shard.Index) +
                   " of " + llvm::Twine(D.Shard.Count) +
                   ", the others pieces (--shard=piece)");
  for (const std::string &F : D.Files)
    if (!Seen.insert(F).second)
      return problem("'" + F + "' is in two pieces (the second is '" + Path +
                     "'): a piece is given twice, or two runs overlap");
  return llvm::Error::success();
}

} // namespace

llvm::Expected<ShardData> readShards(llvm::ArrayRef<std::string> Paths,
                                     llvm::StringRef PieceRoot) {
  if (Paths.empty())
    return problem("merge needs the shard reports to merge: corolint merge "
                   "shard-1.json shard-2.json ...");
  ShardData All;
  std::vector<bool> Seen;
  llvm::StringSet<> PieceFiles;
  for (const std::string &Path : Paths) {
    llvm::Expected<ShardData> D = readShard(Path);
    if (!D)
      return D.takeError();
    if (&Path == &Paths.front()) {
      Seen.assign(D->Shard.Count, false);
      All.Shard = {0, D->Shard.Count, D->Shard.Piece};
      All.Version = D->Version;
      All.Root = D->Shard.Piece ? PieceRoot.str() : D->Root;
      if (All.Root.empty()) {
        llvm::SmallString<256> Here;
        llvm::sys::fs::current_path(Here);
        All.Root = std::string(Here);
      }
      All.Diff = D->Diff;
      All.BaseRevision = D->BaseRevision;
    } else if (D->Shard.Piece == All.Shard.Piece &&
               (D->Version != All.Version ||
                (!All.Shard.Piece && D->Root != All.Root) ||
                D->Diff != All.Diff || D->BaseRevision != All.BaseRevision)) {
      return problem("'" + Path +
                     "' comes from another run (its corolint version, root, "
                     "--diff or --diff-mode differs)");
    }
    if (D->Shard.Piece && !PieceRoot.empty()) {
      auto Under = [&](llvm::StringRef P) { return joinRoot(PieceRoot, P); };
      for (std::string &F : D->Files)
        F = Under(F);
      for (UnitResult &U : D->Units)
        rebasePaths(U, Under);
      for (UnitResult &U : D->BaseUnits)
        rebasePaths(U, Under);
    }
    if (llvm::Error E = All.Shard.Piece ? checkPiece(*D, Path, PieceFiles)
                                        : checkShard(*D, Path, All, Seen))
      return std::move(E);
    // A shard's count is the whole build's; a piece's, its own.
    All.SkippedOtherLanguages = All.Shard.Piece
                                    ? All.SkippedOtherLanguages + D->SkippedOtherLanguages
                                    : D->SkippedOtherLanguages;
    llvm::append_range(All.Files, D->Files);
    std::move(D->Units.begin(), D->Units.end(), std::back_inserter(All.Units));
    std::move(D->BaseUnits.begin(), D->BaseUnits.end(),
              std::back_inserter(All.BaseUnits));
  }
  for (size_t I = 0; I < Seen.size(); ++I)
    if (!Seen[I])
      return problem("shard " + llvm::Twine(I + 1) + " of " +
                     llvm::Twine(All.Shard.Count) +
                     " is missing: a merge of part of the shards would pass "
                     "code nobody analysed");
  std::sort(All.Files.begin(), All.Files.end());
  // Input order, as one run has it (mergeResults sorts the findings anyway).
  auto ByFile = [](const UnitResult &A, const UnitResult &B) {
    return A.File < B.File;
  };
  std::sort(All.Units.begin(), All.Units.end(), ByFile);
  std::sort(All.BaseUnits.begin(), All.BaseUnits.end(), ByFile);
  return All;
}

} // namespace corolint
