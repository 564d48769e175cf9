//===--- Profiles.cpp -----------------------------------------------------===//

#include "Profiles.h"
#include "profiles/Builtin.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/Twine.h"

namespace clang::tidy::coro {

llvm::ArrayRef<LibraryProfile> builtinProfiles() {
  // The order is the order of the option defaults and of --list-profiles.
  static const LibraryProfile All[] = {
      profiles::aio(),         profiles::standard(),     profiles::cppcoro(),
      profiles::follyCoro(),   profiles::libcoro(),      profiles::asio(),
      profiles::asyncSimple(), profiles::concurrencpp(), profiles::cobalt(),
      profiles::seastar(),     profiles::threadPools()};
  return All;
}

void forEachEntry(
    const LibraryProfile &P, EntryKind Kind,
    llvm::function_ref<void(llvm::StringRef Name, const ProfileEntry &E)> Fn) {
  for (const ProfileEntry &E : P.Entries)
    if (E.Kind == Kind)
      Fn(E.Name, E);
  if (P.Namespaces.empty())
    return;
  const std::string Primary = (llvm::Twine(P.Namespaces.front()) + "::").str();
  for (llvm::StringRef Alias : P.Aliases)
    for (const ProfileEntry &E : P.Entries)
      if (E.Kind == Kind && E.Name.starts_with(Primary))
        Fn((llvm::Twine(Alias) + "::" + E.Name.substr(Primary.size())).str(),
           E);
}

namespace {

/// Joins what \p Item makes of each entry of \p Kind, each text once.
std::string joinEntries(EntryKind Kind,
                        std::string (*Item)(llvm::StringRef Name,
                                            const ProfileEntry &E)) {
  std::string Out;
  llvm::StringSet<> Seen;
  for (const LibraryProfile &P : builtinProfiles())
    forEachEntry(P, Kind, [&](llvm::StringRef Name, const ProfileEntry &E) {
      std::string Text = Item(Name, E);
      if (Text.empty() || !Seen.insert(Text).second)
        return;
      if (!Out.empty())
        Out += ';';
      Out += Text;
    });
  return Out;
}

} // namespace

std::string profileNames(EntryKind Kind) {
  return joinEntries(Kind, [](llvm::StringRef Name, const ProfileEntry &) {
    return Name.str();
  });
}

std::string profileReplacements() {
  return joinEntries(EntryKind::Blocking,
                     [](llvm::StringRef Name, const ProfileEntry &E) {
                       if (E.Replacement.empty())
                         return std::string();
                       return (llvm::Twine(Name) + "=" + E.Replacement).str();
                     });
}

llvm::StringRef offloadAwaitable(llvm::StringRef Namespace) {
  for (const LibraryProfile &P : builtinProfiles()) {
    bool Owns = llvm::any_of(P.Namespaces, [&](llvm::StringRef NS) {
      NS.consume_front("::");
      return NS == Namespace;
    });
    if (!Owns)
      continue;
    for (const ProfileEntry &E : P.Entries)
      if (E.Kind == EntryKind::Offload && !E.Replacement.empty())
        return E.Replacement;
  }
  return {};
}

} // namespace clang::tidy::coro
