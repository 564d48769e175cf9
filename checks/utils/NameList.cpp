//===--- NameList.cpp -----------------------------------------------------===//

#include "NameList.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::coro {

llvm::SmallVector<std::string, 4> nameComponents(const NamedDecl &D) {
  llvm::SmallVector<std::string, 4> Parts;
  auto NameOf = [](const NamedDecl &ND) -> std::string {
    if (const auto *Ctor = llvm::dyn_cast<CXXConstructorDecl>(&ND))
      return Ctor->getParent()->getName().str();
    if (const auto *Dtor = llvm::dyn_cast<CXXDestructorDecl>(&ND))
      return "~" + Dtor->getParent()->getName().str();
    return ND.getDeclName().getAsString();
  };
  Parts.push_back(NameOf(D));
  for (const DeclContext *DC = D.getDeclContext(); DC; DC = DC->getParent()) {
    if (const auto *NS = llvm::dyn_cast<NamespaceDecl>(DC)) {
      if (NS->isInline() || NS->isAnonymousNamespace())
        continue;
      Parts.push_back(NS->getName().str());
    } else if (const auto *RD = llvm::dyn_cast<RecordDecl>(DC)) {
      if (RD->getName().empty())
        continue;
      Parts.push_back(RD->getName().str());
    } else if (llvm::isa<LinkageSpecDecl>(DC) || llvm::isa<ExportDecl>(DC)) {
      continue;
    } else if (!llvm::isa<TranslationUnitDecl>(DC)) {
      // A function-local declaration: qualify it no further.
      break;
    }
  }
  std::reverse(Parts.begin(), Parts.end());
  return Parts;
}

std::string plainQualifiedName(const NamedDecl &D) {
  return llvm::join(nameComponents(D), "::");
}

llvm::StringRef outermostNamespace(const DeclContext *DC) {
  llvm::StringRef Outer;
  for (; DC; DC = DC->getParent())
    if (const auto *NS = llvm::dyn_cast<NamespaceDecl>(DC))
      if (!NS->isInline() && !NS->isAnonymousNamespace())
        Outer = NS->getName();
  return Outer;
}

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

NameList::NameList(llvm::StringRef Option) {
  for (const std::string &Item : splitList(Option))
    add(Item);
}

void NameList::add(llvm::StringRef Name) {
  Entry E;
  E.Text = Name.str();
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
  return match(nameComponents(D));
}

llvm::StringRef NameList::match(llvm::ArrayRef<std::string> Parts) const {
  for (const Entry &E : Entries) {
    if (E.Components.size() > Parts.size())
      continue;
    if (E.Anchored && E.Components.size() != Parts.size())
      continue;
    size_t Offset = Parts.size() - E.Components.size();
    bool Same = true;
    for (size_t I = 0; I < E.Components.size() && Same; ++I)
      Same = E.Components[I] == Parts[Offset + I];
    if (Same)
      return E.Text;
  }
  return {};
}

} // namespace clang::tidy::coro
