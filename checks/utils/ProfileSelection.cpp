//===--- ProfileSelection.cpp ---------------------------------------------===//

#include "ProfileSelection.h"
#include "OptionValues.h"
#include "ProjectProfile.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringSet.h"

namespace clang::tidy::coro {
namespace {

llvm::Error problem(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

std::string knownNames() {
  std::string Out;
  for (const LibraryProfile &P : builtinProfiles())
    Out += (Out.empty() ? "" : ", ") + P.Name.str();
  return Out;
}

/// Where each namespace of the translation unit is first declared:
/// qualified name (without a leading "::") -> file.
using NamespaceFiles = llvm::StringMap<std::string>;

void collectNamespaces(const DeclContext &DC, const SourceManager &SM,
                       NamespaceFiles &Out) {
  for (const Decl *D : DC.decls()) {
    if (const auto *NS = llvm::dyn_cast<NamespaceDecl>(D)) {
      if (NS->isAnonymousNamespace())
        continue;
      std::string Name = NS->getQualifiedNameAsString();
      if (!Out.count(Name))
        Out[Name] = SM.getFilename(SM.getFileLoc(NS->getLocation())).str();
      collectNamespaces(*NS, SM, Out);
    } else if (const auto *LS = llvm::dyn_cast<LinkageSpecDecl>(D)) {
      collectNamespaces(*LS, SM, Out);
    }
  }
}

/// The first file of the translation unit under one of \p Headers: a path
/// with the prefix at its start or after a '/'.
std::string includedHeader(const SourceManager &SM,
                           llvm::ArrayRef<llvm::StringLiteral> Headers) {
  for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It) {
    llvm::StringRef Path = It->first.getName();
    for (llvm::StringRef H : Headers)
      if (Path.starts_with(H) || Path.contains(("/" + H).str()))
        return Path.str();
  }
  return {};
}

ProfileChoice choose(const LibraryProfile &P, const NamespaceFiles &NSs,
                     const SourceManager &SM,
                     const llvm::StringMap<bool> &Forced) {
  if (auto It = Forced.find(P.Name); It != Forced.end())
    return {&P, It->second,
            It->second ? "forced on by the Profiles option"
                       : "forced off by the Profiles option"};
  if (P.Namespaces.empty())
    return {&P, true, "always active"};
  auto Declared = [&](llvm::StringRef NS) -> ProfileChoice {
    NS.consume_front("::");
    if (auto It = NSs.find(NS); It != NSs.end())
      return {&P, true,
              ("namespace " + NS + " declared in " + It->second).str()};
    return {&P, false, ""};
  };
  for (llvm::StringRef NS : P.Namespaces)
    if (ProfileChoice C = Declared(NS); C.Active)
      return C;
  for (llvm::StringRef NS : P.Aliases)
    if (ProfileChoice C = Declared(NS); C.Active)
      return C;
  if (std::string H = includedHeader(SM, P.Headers); !H.empty())
    return {&P, true, "header " + H + " included"};
  return {&P, false, "neither its namespaces nor its headers appear"};
}

/// What the checks of this thread read: the Profiles option of the
/// translation unit being analysed and its choices, computed once.
struct Selection {
  std::string Option;
  const ASTContext *Ctx = nullptr;
  std::vector<bool> Active;
};

Selection &current() {
  thread_local Selection S;
  return S;
}

} // namespace

llvm::Expected<llvm::StringMap<bool>>
parseProfilesOption(llvm::StringRef Option) {
  llvm::StringMap<bool> Forced;
  for (llvm::StringRef Item : splitList(Option)) {
    bool On = !Item.consume_front("-");
    if (On)
      Item.consume_front("+");
    Item = Item.trim();
    bool Known = llvm::any_of(builtinProfiles(), [&](const LibraryProfile &P) {
      return P.Name == Item;
    });
    if (!Known)
      return problem("unknown profile '" + Item +
                     "' in option 'Profiles' (known: " + knownNames() + ")");
    Forced[Item] = On;
  }
  return Forced;
}

std::vector<ProfileChoice> chooseProfiles(const ASTContext &Ctx,
                                          llvm::StringRef Option) {
  llvm::StringMap<bool> Forced;
  if (auto Parsed = parseProfilesOption(Option))
    Forced = std::move(*Parsed);
  else
    llvm::consumeError(Parsed.takeError());
  const SourceManager &SM = Ctx.getSourceManager();
  NamespaceFiles NSs;
  collectNamespaces(*Ctx.getTranslationUnitDecl(), SM, NSs);
  std::vector<ProfileChoice> Out;
  for (const LibraryProfile &P : builtinProfiles())
    Out.push_back(choose(P, NSs, SM, Forced));
  return Out;
}

void setProfilesOption(llvm::StringRef Option) {
  current() = Selection{Option.str(), nullptr, {}};
}

llvm::SmallVector<unsigned, 2> profilesListing(llvm::StringRef Name) {
  static const auto *Owners = [] {
    auto *Map = new llvm::StringMap<llvm::SmallVector<unsigned, 2>>();
    llvm::ArrayRef<LibraryProfile> All = builtinProfiles();
    for (unsigned I = 0; I < All.size(); ++I)
      for (int K = 0; K <= static_cast<int>(EntryKind::CatchAllType); ++K)
        forEachEntry(All[I], static_cast<EntryKind>(K),
                     [&](llvm::StringRef N, const ProfileEntry &) {
                       auto &V = (*Map)[N];
                       if (V.empty() || V.back() != I)
                         V.push_back(I);
                     });
    return Map;
  }();
  auto It = Owners->find(Name);
  return It == Owners->end() ? llvm::SmallVector<unsigned, 2>() : It->second;
}

bool anyProfileActive(llvm::ArrayRef<unsigned> Owners, const ASTContext &Ctx) {
  if (Owners.empty())
    return true;
  Selection &S = current();
  if (S.Ctx != &Ctx) {
    S.Ctx = &Ctx;
    S.Active.clear();
    for (const ProfileChoice &C : chooseProfiles(Ctx, S.Option))
      S.Active.push_back(C.Active);
  }
  return llvm::any_of(Owners, [&](unsigned I) { return S.Active[I]; });
}

bool isProfileDefault(llvm::StringRef OptionText) {
  if (OptionText.empty())
    return false;
  static const auto *Defaults = [] {
    auto *Set = new llvm::StringSet<>();
    llvm::SmallVector<const LibraryProfile *, 16> Builtin;
    for (const LibraryProfile &P : builtinProfiles())
      Builtin.push_back(&P);
    for (int K = 0; K <= static_cast<int>(EntryKind::CatchAllType); ++K)
      Set->insert(profileNames(static_cast<EntryKind>(K), Builtin));
    return Set;
  }();
  if (Defaults->contains(OptionText))
    return true;
  // A project profile adds its names to the defaults (at the end).
  if (!currentProjectProfile())
    return false;
  for (int K = 0; K <= static_cast<int>(EntryKind::CatchAllType); ++K)
    if (OptionText == profileNames(static_cast<EntryKind>(K)))
      return true;
  return false;
}

} // namespace clang::tidy::coro
