//===--- Fixes.cpp --------------------------------------------------------===//

#include "Fixes.h"
#include "Runner.h"
#include <set>

using clang::tidy::ClangTidyError;

namespace corolint {

std::vector<std::string>
holdBackStaleFixes(std::vector<ClangTidyError> &Diagnostics,
                   const std::map<std::string, std::string> &Analysed) {
  std::map<std::string, bool> Stale; // file -> changed since analysis
  auto IsStale = [&](const std::string &File) {
    auto [It, New] = Stale.emplace(File, false);
    if (New) {
      auto Recorded = Analysed.find(File);
      It->second = Recorded == Analysed.end() || Recorded->second.empty() ||
                   Recorded->second != contentHash(File);
    }
    return It->second;
  };
  std::set<std::string> HeldBack;
  for (ClangTidyError &E : Diagnostics) {
    std::vector<std::string> Touched;
    for (const auto &F : E.Message.Fix)
      Touched.push_back(F.first().str());
    for (const auto &N : E.Notes)
      for (const auto &F : N.Fix)
        Touched.push_back(F.first().str());
    bool Hold = false;
    for (const std::string &File : Touched)
      if (IsStale(File)) {
        HeldBack.insert(File);
        Hold = true;
      }
    if (!Hold)
      continue;
    E.Message.Fix.clear();
    for (auto &N : E.Notes)
      N.Fix.clear();
  }
  return {HeldBack.begin(), HeldBack.end()};
}

} // namespace corolint
