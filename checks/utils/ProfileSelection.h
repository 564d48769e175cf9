//===--- ProfileSelection.h - which library profiles a TU uses ------------===//
//
// A library profile applies to a translation unit that uses the library: one
// that declares one of its namespaces (folly::coro, or an alias such as
// boost::asio) or includes one of its headers (folly/coro/...). A profile
// without namespaces (std and POSIX, thread pools) applies everywhere. The
// global option Profiles forces profiles on or off: "-seastar,+folly-coro".
//
// A name list left at its built-in default (NameList knows it) skips the
// entries of profiles inactive in the translation unit of the declaration
// it is matched against; a list the user set is used as written.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_UTILS_PROFILESELECTION_H
#define COROLINT_CHECKS_UTILS_PROFILESELECTION_H

#include "Profiles.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace clang {
class ASTContext;
namespace tidy::coro {

/// The Profiles option parsed: profile name -> forced on (true) or off.
/// Items are separated by ',' or ';'; "+name" or "name" forces a profile on,
/// "-name" off. An unknown name is an error that names the closest one.
llvm::Expected<llvm::StringMap<bool>> parseProfilesOption(llvm::StringRef);

/// Whether one built-in profile applies to a translation unit, and why.
struct ProfileChoice {
  const LibraryProfile *Profile;
  bool Active;
  std::string Why;
};

/// Every built-in profile's choice for the translation unit of \p Ctx, with
/// the Profiles option \p Option (an invalid option forces nothing).
std::vector<ProfileChoice> chooseProfiles(const ASTContext &Ctx,
                                          llvm::StringRef Option);

/// Sets the Profiles option the next translation unit is analysed with. The
/// checks call it when they are made (once per translation unit).
void setProfilesOption(llvm::StringRef Option);

/// Indices (into builtinProfiles()) of the profiles that list \p Name.
llvm::SmallVector<unsigned, 2> profilesListing(llvm::StringRef Name);

/// Whether any of the profiles \p Owners applies to \p Ctx's translation unit
/// (cached per translation unit).
bool anyProfileActive(llvm::ArrayRef<unsigned> Owners, const ASTContext &Ctx);

/// Whether \p OptionText is the built-in default of a profile-derived list.
bool isProfileDefault(llvm::StringRef OptionText);

} // namespace tidy::coro
} // namespace clang

#endif
