//===--- OptionValues.h - reading check option values ---------------------===//
//
// How corolint's checks read the text of their options. Lists of names are
// NameList (NameList.h); these are the other shapes.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_UTILS_OPTIONVALUES_H
#define COROLINT_CHECKS_UTILS_OPTIONVALUES_H

#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace clang::tidy::coro {

/// A boolean option value as clang-tidy spells them (true/false, 1/0, on/off).
/// (Read as text: OptionsView::get<bool>'s specialisation is not linkable
/// from GCC-built code against Debian's clang-built libclangTidy.)
bool parseBool(llvm::StringRef Value);

/// Splits an option value on ';' and ',' and trims each item.
std::vector<std::string> splitList(llvm::StringRef Option);

} // namespace clang::tidy::coro

#endif
