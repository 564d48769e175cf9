//===--- DeclNames.cpp ----------------------------------------------------===//

#include "DeclNames.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::coro {

bool isNamed(const NamedDecl &D, llvm::StringRef Name) {
  return D.getDeclName().isIdentifier() && D.getName() == Name;
}

bool isInStd(const Decl &D) {
  return outermostNamespace(D.getDeclContext()) == "std";
}

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

} // namespace clang::tidy::coro
