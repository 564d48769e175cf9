//===--- Profiles.h - what each coroutine library's names mean
//-------------===//
//
// Structure tells the checks what a task is; it cannot tell what a library's
// functions do: which calls block, which bridge into async code, which launch
// work detached, which consume a task, which types start eagerly. A library
// profile says it in one declarative table (one file per library under
// utils/profiles/), and every check reads it through this interface: no check
// keeps its own copy of a library's names.
//
// The checks' list options (BridgeFunctions, DetachingFunctions, ...) take
// their built-in defaults from here (profileNames), so a user who sets an
// option still replaces the built-in list, and --dump-config shows it.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_UTILS_PROFILES_H
#define COROLINT_CHECKS_UTILS_PROFILES_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace clang::tidy::coro {

/// What a name in a profile means. Names are written as NameList entries:
/// qualified, a leading "::" anchors at the global namespace, and a name
/// without one matches as a suffix ("post" matches "pool::post").
enum class EntryKind {
  /// A function that blocks the calling thread (sleep, wait, blocking I/O):
  /// legal only outside a coroutine. Replacement: its awaitable equivalent.
  Blocking,
  /// A runtime's way of running async work to completion from synchronous
  /// code (sync_wait, blockingWait, io_context::run): from a coroutine it
  /// waits for work that may need this very thread.
  Bridge,
  /// A function that runs the callable it is given somewhere else (a thread
  /// pool, another executor): blocking inside that callable is fine.
  Offload,
  /// A function that starts work and keeps nothing that could report its
  /// error. WorkArgument says which argument is the work; Handling what
  /// counts as handling its errors. One that returns a handle detaches only
  /// when the handle is dropped.
  DetachedLaunch,
  /// A completion-token type meaning "nobody receives the result"
  /// (asio::detached): passing it turns a launch into a detached one.
  DetachedToken,
  /// A coroutine return type that nobody can await (winrt::fire_and_forget,
  /// boost::cobalt::detached): every coroutine returning it runs detached.
  DetachedType,
  /// A continuation of an eager future that receives its failure
  /// (seastar::future::handle_exception, then_wrapped): a dropped chain
  /// that ends in one has handled the launched work's errors.
  ErrorHandler,
  /// A function that takes ownership of a task and runs or awaits it (spawn
  /// into a scope, run to completion): the task is not dropped.
  Consuming,
  /// A combinator that awaits several tasks together (when_all, gather,
  /// collectAll). ForType: the task type it combines.
  Combinator,
  /// A call whose awaited result holds the awaited work's exceptions until
  /// they are inspected (when_all_ready, collectAllTry, Seastar's
  /// coroutine::as_future): awaiting it does not throw them, and dropping
  /// the result loses them. Replacement: the library's combinator that
  /// rethrows instead, if it has one.
  ExceptionHolding,
  /// Types that structure cannot tell about (see coro-unawaited-task):
  /// a task, a plain awaitable, an eager task (runs when created, keeps
  /// running when dropped), an eager task whose destruction cancels it.
  TaskType,
  AwaitableType,
  EagerType,
  EagerAttachedType,
  /// A call whose awaitable acquires a lock when awaited (mutex::lock).
  AsyncLock,
  /// A call whose awaitable acquires semaphore units (permits).
  AsyncPermit,
  /// A coroutine-aware mutex type (its guard may be held across co_await).
  AsyncLockType,
  /// A helper that keeps an object alive while async work uses it
  /// (shared_from_this, a gate holder): a reference through it does not
  /// dangle across a suspension.
  KeepAlive,
  /// A type whose empty catch handler catches (nearly) everything,
  /// cancellation too.
  CatchAllType,
  /// A lazy task type whose start policy structure may not tell (its
  /// initial_suspend returns the library's own awaiter): coro-sequential-await
  /// takes it for lazy. (The shared TaskTypes option is TaskType's.)
  LazyTaskType,
  /// What coro-sequential-await suggests for a loop of awaits: a combinator
  /// that runs a range of tasks concurrently (collectAllRange, when_all over
  /// a vector), one for a fixed number of tasks, and the bounded form (a
  /// window, a semaphore). The library is the profile's.
  RangeCombinator,
  TupleCombinator,
  BoundedCombinator,
  /// A call that already runs work concurrently (when_any, a spawn into a
  /// group): awaiting it once per iteration is not sequential work.
  ConcurrentCall,
  /// Sleeps, timers and yields: awaited in a loop on purpose.
  Pacing,
  /// Stream, socket, queue and channel operations, and types whose
  /// operations must happen in order (a baton, a channel).
  Ordered,
  /// A lock, guard or permit type, async or not: what is awaited while one
  /// is held is serialised on purpose.
  LockOrPermit,
  /// coro-dangling-reference's vocabulary. A function whose task (or
  /// callable) argument outlives the call: a spawn, a container insertion.
  TaskEscaping,
  /// A member function of a task that starts it detached (folly's start()).
  DetachingMember,
  /// A function that wraps its task argument into the task it returns
  /// (scheduleOn, via): the argument's fate is the result's.
  PassThrough,
  /// A wrapper that keeps a callable alive while its coroutine runs
  /// (folly::coro::co_invoke); the one a coroutine lambda of the profile's
  /// task types is told to use.
  CallableKeepAlive,
  /// A class that holds only a pointer to the callable it is made from and
  /// whose call operator calls it (seastar::coroutine::lambda): the callable
  /// must outlive the task, so it is safe only awaited in the same statement.
  CallableBorrow,
  /// An API that copies the callable it is given (std::function, co_spawn).
  StoresCallable,
  /// A non-owning view taken by value (std::string_view, std::span).
  ViewType,
  /// coro-lock-across-suspend's vocabulary (async mutexes are
  /// AsyncLockType). An RAII type that holds a thread lock while it lives.
  ThreadGuardType,
  /// Free functions that take the mutex as their first argument
  /// (pthread_mutex_lock); the try form returns 0 when it took the lock.
  ThreadLockFunction,
  ThreadUnlockFunction,
  ThreadTryLockFunction,
  /// Member functions of a lockable, by simple name (lock, unlock_shared,
  /// try_lock_for); the try form returns true when it took the lock.
  LockMethod,
  UnlockMethod,
  TryLockMethod,
  /// The async mutex to suggest instead of a thread lock in a coroutine of
  /// the library (keyed by the task's outermost namespace).
  SuggestedAsyncMutex,
  /// A function that returns a future or result that is complete already
  /// (seastar::make_ready_future, folly::makeFuture): reading it (get(),
  /// value()) returns at once, it does not block.
  ReadyFactory,
  /// An awaitable that yields the executor the coroutine runs on, null when
  /// it has none (async_simple's CurrentExecutor): code on the branch where
  /// it is null runs inline on the caller's thread, outside any event loop.
  ExecutorQuery,
};

/// The last EntryKind: kinds are numbered from 0 to it.
inline constexpr EntryKind LastEntryKind = EntryKind::ExecutorQuery;

/// The name of \p Kind as written in a project profile ("DetachedLaunch"),
/// and the kind a name stands for.
llvm::StringRef entryKindName(EntryKind Kind);
std::optional<EntryKind> entryKindOfName(llvm::StringRef Name);
/// Every kind's name, for messages ("did you mean").
std::vector<llvm::StringRef> entryKindNames();

/// One entry of a profile. The built-in tables spell their strings as
/// literals; a project profile's (ProjectProfile.h) point into its own
/// storage.
struct ProfileEntry {
  EntryKind Kind;
  llvm::StringRef Name;
  /// Blocking: the awaitable to use instead, as code ("co_await aio::sleep").
  /// ExceptionHolding: the combinator that rethrows instead of holding
  /// ("cppcoro::when_all" for when_all_ready), named in the message.
  llvm::StringRef Replacement = "";
  /// DetachedLaunch: the 0-based argument that is the work; -1 for the object
  /// of a member call (task.detach()).
  int WorkArgument = -1;
  /// DetachedLaunch: what counts as handling its errors, in words.
  llvm::StringRef Handling = "";
  /// DetachedLaunch: the 0-based argument that is a completion callback
  /// given the outcome (a Try<T>, an exception_ptr); one that reads its
  /// parameter handles the errors. -1: none.
  int HandlerArgument = -1;
  /// DetachedLaunch: the work is a callable that the launch runs and whose
  /// exception it catches (into the future it returns, or swallowed), so a
  /// plain callable that can throw loses its error too. Without it only a
  /// coroutine handed over counts (a slot connected to a signal).
  bool CatchesCallable = false;
  /// DetachedLaunch, a member function: the constructor parameter of the
  /// object's class that, when the object is constructed with it true, makes
  /// the object keep the work's errors for later (folly's AsyncScope
  /// 'throwOnJoin': joinAsync() rethrows). Empty: none.
  llvm::StringRef ObjectFlag = "";
  /// Combinator: the task type it combines (empty: any).
  llvm::StringRef ForType = "";
};

struct LibraryProfile {
  /// The name used in the Profiles option and --list-profiles: "asio".
  llvm::StringRef Name;
  /// What it covers, for people: "asio and Boost.Asio".
  llvm::StringRef Title;
  /// The library's own documentation (a project profile: where it was read).
  llvm::StringRef DocURL;
  /// The namespaces whose declaration in a translation unit activates the
  /// profile ("folly::coro"); empty for one that is always active.
  llvm::ArrayRef<llvm::StringLiteral> Namespaces;
  /// Include-path prefixes of the library's headers ("folly/coro/").
  llvm::ArrayRef<llvm::StringLiteral> Headers;
  /// Other namespaces that hold the same API: every entry written under
  /// Namespaces[0] also stands for each of these ("boost::asio" for asio).
  llvm::ArrayRef<llvm::StringLiteral> Aliases;
  llvm::ArrayRef<ProfileEntry> Entries;
};

/// Every built-in profile, in a fixed order.
llvm::ArrayRef<LibraryProfile> builtinProfiles();

/// The tables the checks read: the built-in profiles, then the project
/// profile of the translation unit being analysed on this thread, if its
/// configuration names one (ProjectProfile.h).
llvm::SmallVector<const LibraryProfile *, 16> profileTables();

/// Calls \p Fn(Name, Entry) for each entry of kind \p Kind in \p P, the
/// aliased spellings after the primary ones.
void forEachEntry(
    const LibraryProfile &P, EntryKind Kind,
    llvm::function_ref<void(llvm::StringRef Name, const ProfileEntry &E)> Fn);

/// The names of every entry of kind \p Kind in the profile tables (the
/// built-in ones and the project's), each once, ';'-separated: the default
/// of the option that lists them.
std::string profileNames(EntryKind Kind);
/// The same over \p Tables only.
std::string profileNames(EntryKind Kind,
                         llvm::ArrayRef<const LibraryProfile *> Tables);

/// Every entry of kind \p Kind in the profile tables with the name it is
/// spelled by (aliases included): for the checks that read more than an entry's name.
std::vector<std::pair<std::string, const ProfileEntry *>>
profileEntries(EntryKind Kind);

/// "name=replacement" for every Blocking entry of the tables that has one,
/// ';'-separated (coro-blocking-call's Replacements default).
std::string profileReplacements();

/// The built-in profile whose namespace (or alias) holds the type or
/// function named \p QualifiedName ("boost::asio::awaitable"), with the
/// namespace it matched ("boost::asio"); null when none does.
std::pair<const LibraryProfile *, llvm::StringRef>
profileOfName(llvm::StringRef QualifiedName);

/// The first name of an entry of kind \p Kind in \p P, spelled under
/// \p Namespace when it has such a spelling (an alias's); empty if none.
std::string profileName(const LibraryProfile &P, EntryKind Kind,
                        llvm::StringRef Namespace);

/// The project profile selected for the translation unit being analysed on
/// this thread (ProjectProfile.h), or null.
const LibraryProfile *currentProjectProfile();

/// A \p T built from the profile tables (its default constructor reads
/// them), built once per project profile: a cache that a project's entries
/// reach, which a plain magic static would not (it would keep the tables
/// of whichever translation unit came first).
template <typename T> const T &forProfileTables() {
  static std::mutex Lock;
  static std::map<const LibraryProfile *, std::unique_ptr<T>> Built;
  std::lock_guard<std::mutex> Guard(Lock);
  std::unique_ptr<T> &Slot = Built[currentProjectProfile()];
  if (!Slot)
    Slot = std::make_unique<T>();
  return *Slot;
}

/// How a coroutine of the runtime whose outermost namespace is \p Namespace
/// runs blocking work elsewhere (the Replacement of one of its profile's
/// Offload entries: "co_await aio::to_thread(...)"), or empty.
llvm::StringRef offloadAwaitable(llvm::StringRef Namespace);

} // namespace clang::tidy::coro

#endif
