//===--- Baseline.cpp -----------------------------------------------------===//

#include "Baseline.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"

namespace corolint {

void writeBaseline(llvm::raw_ostream &OS, const std::vector<Finding> &Findings) {
  llvm::json::Array Items;
  for (const Finding &F : Findings)
    Items.push_back(llvm::json::Object{{"fingerprint", F.Fingerprint},
                                       {"lineFingerprint", F.LineFingerprint},
                                       {"check", F.Check},
                                       {"file", F.Where.RelativeFile},
                                       {"line", F.Where.Line},
                                       {"message", F.Message}});
  llvm::json::Value Doc = llvm::json::Object{
      {"corolintBaseline", 1}, {"findings", std::move(Items)}};
  OS << llvm::formatv("{0:2}", Doc) << "\n";
}

Baseline baselineOf(const std::vector<Finding> &Findings) {
  Baseline B;
  for (const Finding &F : Findings) {
    B.Context.emplace(F.Fingerprint, F.LineFingerprint);
    ++B.Line[F.LineFingerprint];
  }
  return B;
}

llvm::Expected<Baseline> readBaseline(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return llvm::createStringError(Buffer.getError(),
                                   "cannot read baseline '%s': %s",
                                   Path.str().c_str(),
                                   Buffer.getError().message().c_str());
  auto Parsed = llvm::json::parse((*Buffer)->getBuffer());
  if (!Parsed)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "baseline '%s' is not JSON: %s",
                                   Path.str().c_str(),
                                   llvm::toString(Parsed.takeError()).c_str());
  const llvm::json::Object *Root = Parsed->getAsObject();
  const llvm::json::Array *Items = Root ? Root->getArray("findings") : nullptr;
  if (!Root || !Root->getInteger("corolintBaseline") || !Items)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "'%s' is not a corolint baseline (write one with --write-baseline)",
        Path.str().c_str());
  Baseline B;
  for (const llvm::json::Value &V : *Items) {
    const llvm::json::Object *O = V.getAsObject();
    auto FP = O ? O->getString("fingerprint") : std::nullopt;
    if (!FP)
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "baseline '%s' has an entry without a "
                                     "fingerprint",
                                     Path.str().c_str());
    std::string LineFP;
    if (auto L = O->getString("lineFingerprint"))
      LineFP = L->str();
    B.Context.emplace(FP->str(), LineFP);
    if (!LineFP.empty())
      ++B.Line[LineFP];
  }
  return B;
}

size_t subtractBaseline(std::vector<Finding> &Findings, Baseline B,
                        std::vector<Finding> *Removed) {
  // First by the line and its neighbours; what is left by the line alone,
  // so that an edit next to an old finding does not make it new. Each
  // baseline entry matches once.
  size_t Before = Findings.size();
  auto Take = [](std::map<std::string, unsigned> &Counts, const std::string &Key) {
    auto It = Counts.find(Key);
    if (It == Counts.end() || It->second == 0)
      return false;
    --It->second;
    return true;
  };
  std::vector<bool> Accepted(Findings.size(), false);
  for (size_t I = 0; I < Findings.size(); ++I) {
    auto It = B.Context.find(Findings[I].Fingerprint);
    if (It == B.Context.end())
      continue;
    // The entry is used up, under both of its names.
    if (!It->second.empty())
      Take(B.Line, It->second);
    B.Context.erase(It);
    Accepted[I] = true;
  }
  for (size_t I = 0; I < Findings.size(); ++I)
    if (!Accepted[I] && Take(B.Line, Findings[I].LineFingerprint))
      Accepted[I] = true;
  std::vector<Finding> Kept;
  for (size_t I = 0; I < Findings.size(); ++I) {
    if (!Accepted[I])
      Kept.push_back(std::move(Findings[I]));
    else if (Removed)
      Removed->push_back(std::move(Findings[I]));
  }
  Findings = std::move(Kept);
  return Before - Findings.size();
}

} // namespace corolint
