//===--- Profiles.cpp -----------------------------------------------------===//

#include "Profiles.h"
#include "ProjectProfile.h"
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

llvm::SmallVector<const LibraryProfile *, 16> profileTables() {
  llvm::SmallVector<const LibraryProfile *, 16> Out;
  for (const LibraryProfile &P : builtinProfiles())
    Out.push_back(&P);
  if (const LibraryProfile *Project = currentProjectProfile())
    Out.push_back(Project);
  return Out;
}

namespace {

struct KindName {
  EntryKind Kind;
  llvm::StringLiteral Name;
};

using K = EntryKind;
// In the order of the enum: entryKindName indexes it.
constexpr KindName KindNames[] = {
    {K::Blocking, "Blocking"},
    {K::Bridge, "Bridge"},
    {K::Offload, "Offload"},
    {K::DetachedLaunch, "DetachedLaunch"},
    {K::DetachedToken, "DetachedToken"},
    {K::DetachedType, "DetachedType"},
    {K::ErrorHandler, "ErrorHandler"},
    {K::Consuming, "Consuming"},
    {K::Combinator, "Combinator"},
    {K::ExceptionHolding, "ExceptionHolding"},
    {K::TaskType, "TaskType"},
    {K::AwaitableType, "AwaitableType"},
    {K::EagerType, "EagerType"},
    {K::EagerAttachedType, "EagerAttachedType"},
    {K::AsyncLock, "AsyncLock"},
    {K::AsyncPermit, "AsyncPermit"},
    {K::AsyncLockType, "AsyncLockType"},
    {K::KeepAlive, "KeepAlive"},
    {K::CatchAllType, "CatchAllType"},
    {K::LazyTaskType, "LazyTaskType"},
    {K::RangeCombinator, "RangeCombinator"},
    {K::TupleCombinator, "TupleCombinator"},
    {K::BoundedCombinator, "BoundedCombinator"},
    {K::ConcurrentCall, "ConcurrentCall"},
    {K::Pacing, "Pacing"},
    {K::Ordered, "Ordered"},
    {K::LockOrPermit, "LockOrPermit"},
    {K::TaskEscaping, "TaskEscaping"},
    {K::DetachingMember, "DetachingMember"},
    {K::PassThrough, "PassThrough"},
    {K::CallableKeepAlive, "CallableKeepAlive"},
    {K::CallableBorrow, "CallableBorrow"},
    {K::StoresCallable, "StoresCallable"},
    {K::ViewType, "ViewType"},
    {K::ThreadGuardType, "ThreadGuardType"},
    {K::ThreadLockFunction, "ThreadLockFunction"},
    {K::ThreadUnlockFunction, "ThreadUnlockFunction"},
    {K::ThreadTryLockFunction, "ThreadTryLockFunction"},
    {K::LockMethod, "LockMethod"},
    {K::UnlockMethod, "UnlockMethod"},
    {K::TryLockMethod, "TryLockMethod"},
    {K::SuggestedAsyncMutex, "SuggestedAsyncMutex"},
    {K::ReadyFactory, "ReadyFactory"},
    {K::ExecutorQuery, "ExecutorQuery"},
};
static_assert(std::size(KindNames) == static_cast<size_t>(LastEntryKind) + 1,
              "every EntryKind needs a name in KindNames");

constexpr bool kindNamesInOrder() {
  for (size_t I = 0; I < std::size(KindNames); ++I)
    if (static_cast<size_t>(KindNames[I].Kind) != I)
      return false;
  return true;
}
static_assert(kindNamesInOrder(), "KindNames must follow the enum's order");

} // namespace

llvm::StringRef entryKindName(EntryKind Kind) {
  return KindNames[static_cast<size_t>(Kind)].Name;
}

std::optional<EntryKind> entryKindOfName(llvm::StringRef Name) {
  for (const KindName &KN : KindNames)
    if (KN.Name == Name)
      return KN.Kind;
  return std::nullopt;
}

std::vector<llvm::StringRef> entryKindNames() {
  std::vector<llvm::StringRef> Out;
  for (const KindName &KN : KindNames)
    Out.push_back(KN.Name);
  return Out;
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
                        llvm::ArrayRef<const LibraryProfile *> Tables,
                        std::string (*Item)(llvm::StringRef Name,
                                            const ProfileEntry &E)) {
  std::string Out;
  llvm::StringSet<> Seen;
  for (const LibraryProfile *P : Tables)
    forEachEntry(*P, Kind, [&](llvm::StringRef Name, const ProfileEntry &E) {
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

std::string profileNames(EntryKind Kind,
                         llvm::ArrayRef<const LibraryProfile *> Tables) {
  return joinEntries(Kind, Tables,
                     [](llvm::StringRef Name, const ProfileEntry &) {
                       return Name.str();
                     });
}

std::string profileNames(EntryKind Kind) {
  return profileNames(Kind, profileTables());
}

std::vector<std::pair<std::string, const ProfileEntry *>>
profileEntries(EntryKind Kind) {
  std::vector<std::pair<std::string, const ProfileEntry *>> Out;
  for (const LibraryProfile *P : profileTables())
    forEachEntry(*P, Kind, [&](llvm::StringRef Name, const ProfileEntry &E) {
      Out.emplace_back(Name.str(), &E);
    });
  return Out;
}

std::string profileReplacements() {
  std::string Out;
  for (const LibraryProfile *Table : profileTables()) {
    const LibraryProfile &P = *Table;
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
  }
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
