//===--- Shards.cpp -------------------------------------------------------===//

#include "Shards.h"
#include "Worker.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include <algorithm>
#include <numeric>

namespace json = llvm::json;

namespace corolint {
namespace {

llvm::Error problem(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
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
  if (!Index || !Count || !Version || !Root || !Skipped || !Files || !Units ||
      *Index < 1 || *Count < *Index)
    return Malformed();
  D.Shard = {unsigned(*Index), unsigned(*Count)};
  D.Version = Version->str();
  D.Root = Root->str();
  D.SkippedOtherLanguages = *Skipped;
  if (auto Diff = O->getString("diff"))
    D.Diff = Diff->str();
  for (const json::Value &F : *Files) {
    if (!F.getAsString())
      return Malformed();
    D.Files.push_back(F.getAsString()->str());
  }
  for (const json::Value &U : *Units) {
    std::optional<UnitResult> R = unitResultFromJSON(U);
    if (!R)
      return Malformed();
    D.Units.push_back(std::move(*R));
  }
  return D;
}

} // namespace

std::optional<ShardSpec> parseShard(llvm::StringRef Text) {
  auto [I, N] = Text.split('/');
  ShardSpec S;
  if (I.getAsInteger(10, S.Index) || N.getAsInteger(10, S.Count) ||
      S.Index < 1 || S.Count < S.Index)
    return std::nullopt;
  return S;
}

std::vector<std::string> filesOfShard(const std::vector<std::string> &Files,
                                      ShardSpec S) {
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

json::Value toJSON(const ShardData &D) {
  json::Array Units, Files;
  for (const UnitResult &U : D.Units)
    Units.push_back(toJSON(U));
  for (const std::string &F : D.Files)
    Files.push_back(F);
  json::Object O{{"index", D.Shard.Index},
                 {"count", D.Shard.Count},
                 {"version", D.Version},
                 {"root", D.Root},
                 {"files", std::move(Files)},
                 {"skippedOtherLanguages", int64_t(D.SkippedOtherLanguages)},
                 {"units", std::move(Units)}};
  if (D.Diff)
    O["diff"] = *D.Diff;
  return O;
}

llvm::Expected<ShardData> readShards(llvm::ArrayRef<std::string> Paths) {
  if (Paths.empty())
    return problem("merge needs the shard reports to merge: corolint merge "
                   "shard-1.json shard-2.json ...");
  ShardData All;
  std::vector<bool> Seen;
  for (const std::string &Path : Paths) {
    llvm::Expected<ShardData> D = readShard(Path);
    if (!D)
      return D.takeError();
    if (Seen.empty()) {
      Seen.assign(D->Shard.Count, false);
      All.Shard = {0, D->Shard.Count};
      All.Version = D->Version;
      All.Root = D->Root;
      All.Diff = D->Diff;
    } else if (D->Shard.Count != All.Shard.Count) {
      return problem("'" + Path + "' is shard " +
                     llvm::Twine(D->Shard.Index) + " of " +
                     llvm::Twine(D->Shard.Count) + ", the others of " +
                     llvm::Twine(All.Shard.Count));
    } else if (D->Version != All.Version || D->Root != All.Root ||
               D->Diff != All.Diff) {
      return problem("'" + Path +
                     "' comes from another run (its corolint version, root "
                     "or --diff differs)");
    }
    if (Seen[D->Shard.Index - 1])
      return problem("shard " + llvm::Twine(D->Shard.Index) + " of " +
                     llvm::Twine(D->Shard.Count) + " is given twice ('" +
                     Path + "')");
    Seen[D->Shard.Index - 1] = true;
    All.SkippedOtherLanguages = D->SkippedOtherLanguages; // the whole build's
    llvm::append_range(All.Files, D->Files);
    std::move(D->Units.begin(), D->Units.end(), std::back_inserter(All.Units));
  }
  for (size_t I = 0; I < Seen.size(); ++I)
    if (!Seen[I])
      return problem("shard " + llvm::Twine(I + 1) + " of " +
                     llvm::Twine(All.Shard.Count) +
                     " is missing: a merge of part of the shards would pass "
                     "code nobody analysed");
  std::sort(All.Files.begin(), All.Files.end());
  // Input order, as one run has it (mergeResults sorts the findings anyway).
  std::sort(All.Units.begin(), All.Units.end(),
            [](const UnitResult &A, const UnitResult &B) { return A.File < B.File; });
  return All;
}

} // namespace corolint
