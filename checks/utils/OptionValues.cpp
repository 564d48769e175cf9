//===--- OptionValues.cpp -------------------------------------------------===//

#include "OptionValues.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::coro {

std::vector<std::string> splitList(llvm::StringRef Option) {
  std::vector<std::string> Items;
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Option.split(Parts, ';', -1, false);
  for (llvm::StringRef Part : Parts) {
    llvm::SmallVector<llvm::StringRef, 4> Sub;
    Part.split(Sub, ',', -1, false);
    for (llvm::StringRef S : Sub)
      if (!S.trim().empty())
        Items.push_back(S.trim().str());
  }
  return Items;
}

bool parseBool(llvm::StringRef Value) {
  Value = Value.trim();
  return Value.equals_insensitive("true") || Value == "1" ||
         Value.equals_insensitive("on") || Value.equals_insensitive("yes");
}

} // namespace clang::tidy::coro
