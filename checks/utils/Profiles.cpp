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
      profiles::seastar(),     profiles::winrt(),
      profiles::qcoro(),       profiles::threadPools(),  profiles::threadLocks()};
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

std::vector<std::pair<std::string, const ProfileEntry *>>
profileEntries(EntryKind Kind) {
  std::vector<std::pair<std::string, const ProfileEntry *>> Out;
  for (const LibraryProfile &P : builtinProfiles())
    forEachEntry(P, Kind, [&](llvm::StringRef Name, const ProfileEntry &E) {
      Out.emplace_back(Name.str(), &E);
    });
  return Out;
}

std::string profileReplacements() {
  std::string Out;
  for (const LibraryProfile &P : builtinProfiles())
    forEachEntry(P, EntryKind::Blocking,
                 [&](llvm::StringRef Name, const ProfileEntry &E) {
                   if (E.Replacement.empty())
                     return;
                   // An aliased spelling gets the alias's replacement:
                   // boost::asio::read=co_await boost::asio::async_read.
                   std::string To = E.Replacement.str();
                   for (llvm::StringRef Alias : P.Aliases) {
                     if (!Name.starts_with((Alias + "::").str()))
                       continue;
                     const std::string Primary =
                         (P.Namespaces.front() + "::").str();
                     if (size_t At = To.find(Primary); At != std::string::npos)
                       To.replace(At, Primary.size(), (Alias + "::").str());
                   }
                   if (!Out.empty())
                     Out += ';';
                   Out += (Name + "=" + To).str();
                 });
  return Out;
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

std::pair<const LibraryProfile *, llvm::StringRef>
profileOfName(llvm::StringRef QualifiedName) {
  QualifiedName.consume_front("::");
  for (const LibraryProfile &P : builtinProfiles())
    for (llvm::ArrayRef<llvm::StringLiteral> List : {P.Namespaces, P.Aliases})
      for (llvm::StringRef NS : List) {
        llvm::StringRef Bare = NS;
        Bare.consume_front("::");
        if (QualifiedName.starts_with(Bare) &&
            QualifiedName.drop_front(Bare.size()).starts_with("::"))
          return {&P, Bare};
      }
  return {nullptr, ""};
}

std::string profileName(const LibraryProfile &P, EntryKind Kind,
                        llvm::StringRef Namespace) {
  std::string First, Spelled;
  forEachEntry(P, Kind, [&](llvm::StringRef Name, const ProfileEntry &) {
    llvm::StringRef Bare = Name;
    Bare.consume_front("::");
    if (First.empty())
      First = Bare.str();
    if (Spelled.empty() && Bare.starts_with(Namespace) &&
        Bare.drop_front(Namespace.size()).starts_with("::"))
      Spelled = Bare.str();
  });
  return Spelled.empty() ? First : Spelled;
}

} // namespace clang::tidy::coro
