//===--- NameList.h - qualified-name lists from check options -------------===//
//
// A list of qualified names as written in a check option, matched against
// declarations the way the hasName() AST matcher does: template arguments and
// inline namespaces (std::__1, std::__cxx11) are ignored, a leading "::"
// anchors the name at the global namespace, and a name without one matches as a
// suffix of the qualified name ("future::get" matches "std::future::get").
//
// A list left at the built-in default a library profile gives it follows the
// profile selection (ProfileSelection.h): matched against a declaration, it
// skips the entries of profiles inactive in that declaration's translation
// unit. A list the user wrote is used as written.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_UTILS_NAMELIST_H
#define COROLINT_CHECKS_UTILS_NAMELIST_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class NamedDecl;
namespace tidy::coro {

class NameList {
public:
  NameList() = default;
  /// Entries separated by ';' (or ','), whitespace around them ignored.
  explicit NameList(llvm::StringRef Option);

  /// The option text this list was read from, to store back unchanged
  /// (storeOptions, --dump-config).
  const std::string &raw() const { return Raw; }

  void add(llvm::StringRef Name);
  /// The entry that matches \p D, or an empty string.
  llvm::StringRef match(const NamedDecl &D) const;
  bool matches(const NamedDecl &D) const { return !match(D).empty(); }
  /// The same for \p D whose nameComponents() are \p Parts, for callers
  /// that test one declaration against several lists.
  llvm::StringRef match(const NamedDecl &D,
                        llvm::ArrayRef<std::string> Parts) const;
  bool matches(const NamedDecl &D, llvm::ArrayRef<std::string> Parts) const {
    return !match(D, Parts).empty();
  }
  /// The same for a name alone: every entry counts, whatever the profile
  /// selection.
  llvm::StringRef match(llvm::ArrayRef<std::string> Parts) const;
  bool matches(llvm::ArrayRef<std::string> Parts) const {
    return !match(Parts).empty();
  }

private:
  struct Entry {
    std::string Text;
    bool Anchored = false;
    llvm::SmallVector<std::string, 4> Components;
    /// The built-in profiles listing this entry, when the list follows the
    /// profile selection; empty: always used.
    llvm::SmallVector<unsigned, 2> Profiles;
  };
  llvm::StringRef match(llvm::ArrayRef<std::string> Parts,
                        const ASTContext *Ctx) const;
  bool FollowsProfiles = false;
  std::string Raw;
  std::vector<Entry> Entries;
  /// Each entry's last component: a declaration whose simple name is none
  /// of these matches nothing, without building its qualified name.
  llvm::StringSet<> LastComponents;
};

} // namespace tidy::coro
} // namespace clang

#endif
