//===--- NameList.cpp -----------------------------------------------------===//

#include "NameList.h"
#include "DeclNames.h"
#include "OptionValues.h"
#include "ProfileSelection.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"

namespace clang::tidy::coro {

NameList::NameList(llvm::StringRef Option)
    : Raw(Option.str()), FollowsProfiles(isProfileDefault(Option)) {
  for (const std::string &Item : splitList(Option))
    add(Item);
}

void NameList::add(llvm::StringRef Name) {
  Entry E;
  E.Text = Name.str();
  if (FollowsProfiles)
    E.Profiles = profilesListing(Name);
  E.Anchored = Name.consume_front("::");
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Name.split(Parts, "::");
  for (llvm::StringRef P : Parts)
    E.Components.push_back(P.str());
  if (!E.Components.empty())
    LastComponents.insert(E.Components.back());
  Entries.push_back(std::move(E));
}

llvm::StringRef NameList::match(const NamedDecl &D) const {
  if (Entries.empty())
    return {};
  // Called for every call and type the checks look at: reject on the simple
  // name first. (Constructors, destructors and operators have no identifier
  // and take the full path.)
  if (D.getDeclName().isIdentifier() && !LastComponents.contains(D.getName()))
    return {};
  return match(nameComponents(D), &D.getASTContext());
}

llvm::StringRef NameList::match(const NamedDecl &D,
                                llvm::ArrayRef<std::string> Parts) const {
  return match(Parts, &D.getASTContext());
}

llvm::StringRef NameList::match(llvm::ArrayRef<std::string> Parts) const {
  return match(Parts, nullptr);
}

llvm::StringRef NameList::match(llvm::ArrayRef<std::string> Parts,
                                const ASTContext *Ctx) const {
  for (const Entry &E : Entries) {
    if (E.Components.size() > Parts.size())
      continue;
    if (E.Anchored && E.Components.size() != Parts.size())
      continue;
    size_t Offset = Parts.size() - E.Components.size();
    bool Same = true;
    for (size_t I = 0; I < E.Components.size() && Same; ++I)
      Same = E.Components[I] == Parts[Offset + I];
    if (Same && (!Ctx || anyProfileActive(E.Profiles, *Ctx)))
      return E.Text;
  }
  return {};
}

} // namespace clang::tidy::coro
