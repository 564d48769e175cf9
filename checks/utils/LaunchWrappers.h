//===--- LaunchWrappers.h - a project's own detached-launch helpers -------===//
//
// A function whose body is visible and that launches one of its parameters
// detached is itself a detached launch, with that parameter as its work:
// start_in_background(gate, fn) { (void)seastar::with_gate(gate, fn); } or
// spawn_detached(ex, f) { asio::co_spawn(ex, f(), asio::detached); }. It
// may hand the parameter to a library's launch, call it and drop the eager
// future it returns, or hand it to another such wrapper (transitively, to a
// depth, cached per declaration like coro-blocking-call's helper analysis).
//
// What counts as a launch in a body is the check's vocabulary (the
// profiles' DetachedLaunch, DetachedToken and ErrorHandler entries, its
// options): the check finds the launches of a body, this finds which of
// them launch a parameter, and through which calls.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_UTILS_LAUNCHWRAPPERS_H
#define COROLINT_CHECKS_UTILS_LAUNCHWRAPPERS_H

#include "Awaitables.h"
#include "NameList.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/SmallVector.h"
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::coro {

/// How the work handed to a launch is run, which decides what of it can
/// lose an exception.
enum class WorkShape {
  /// A task, or a callable called before the launch whose returned task is
  /// launched: only that task's exceptions are lost (a throwing call throws
  /// to the caller).
  Result,
  /// A callable the launch runs and whose exceptions it catches (into the
  /// future it drops): a plain callable that throws loses its error too.
  Callable,
};

/// A launch that a check's vocabulary recognises in a body.
struct LaunchSite {
  /// The launching call (co_spawn(...), (void)with_gate(...), (void)f()).
  const Expr *Call = nullptr;
  /// The launch's name in quotes ("'seastar::with_gate'"); empty for an
  /// eager future that is discarded.
  std::string By;
  /// The pieces of work it launches, and whether each is run as a callable
  /// whose exceptions the launch catches.
  struct Work {
    const Expr *Arg;
    bool Callable;
  };
  llvm::SmallVector<Work, 3> Works;
};

/// One call on the way from a wrapper to the launch inside it.
struct WrapperStep {
  /// The call: of the next wrapper, or the launch itself (the last step).
  const Expr *At;
  /// The function it is in.
  const FunctionDecl *In;
};

/// A parameter that a function launches detached.
struct WrappedLaunch {
  /// The parameter's index (a member function's object is not counted).
  unsigned Param;
  WorkShape Shape;
  /// From the wrapper down to the launch, the library's launch last.
  llvm::SmallVector<WrapperStep, 3> Steps;
  /// The innermost launch's name, as LaunchSite::By.
  std::string By;
};

/// How an expression in a function's body hands over one of its parameters.
struct ForwardedParam {
  const ParmVarDecl *Param = nullptr;
  enum Form {
    Itself,           // fn, std::move(fn), std::forward<F>(fn)
    Called,           // fn(), std::invoke(fn), a local initialised by one
    Wrapped,          // [fn] { return fn(); }
    WrappedCoroutine, // [fn]() -> task<> { co_await fn(); }
  } How = Itself;
  explicit operator bool() const { return Param != nullptr; }
};

/// Whether \p E, in the body of \p In, is one of \p In's parameters handed
/// over as it is, called, or called by a lambda that does nothing else; also
/// through a call that wraps its task argument into the awaitable it returns
/// (std::move(t).scheduleOn(ex), f().then(...)), as \p Types tells, unless
/// that call is one of \p Handlers (handle_exception: the errors are
/// handled, not handed on).
ForwardedParam forwardedParameter(const Expr &E, const FunctionDecl &In,
                                  const AwaitableClassifier &Types,
                                  const NameList &Handlers);

/// The calls of one function's own context in \p Body (ContextVisitor):
/// where a check looks for the launches of a wrapper's body.
std::vector<const CallExpr *> ownCalls(const Stmt &Body);

class LaunchWrappers {
public:
  /// Finds the detached launches (whose errors nobody handles) in the body
  /// of a function, in its own context.
  using LaunchFinder =
      std::function<llvm::SmallVector<LaunchSite, 2>(const FunctionDecl &)>;

  /// Whether a function is described elsewhere and not inferred: a
  /// library's own (its profile says what it does), a listed launch.
  using Described = std::function<bool(const FunctionDecl &)>;

  /// \p Depth: how many wrappers deep to look (1: only functions that call
  /// a launch themselves).
  LaunchWrappers(LaunchFinder Find, Described Known,
                 const AwaitableClassifier &Types, const NameList &Handlers,
                 unsigned Depth = 3)
      : Find(std::move(Find)), Known(std::move(Known)), Types(Types),
        Handlers(Handlers), Depth(Depth) {}

  /// The parameters that \p FD launches detached, at most one entry per
  /// parameter; empty for a function without a visible body, in a system
  /// header, in namespace std or Known.
  const std::vector<WrappedLaunch> &of(const FunctionDecl &FD) {
    return of(FD, Depth);
  }

private:
  const std::vector<WrappedLaunch> &of(const FunctionDecl &FD,
                                       unsigned Levels);
  void add(std::vector<WrappedLaunch> &Out, const FunctionDecl &FD,
           const Expr &At, const Expr &Arg, bool Catches,
           const WrappedLaunch *Inner, llvm::StringRef By);

  LaunchFinder Find;
  Described Known;
  const AwaitableClassifier &Types;
  const NameList &Handlers;
  unsigned Depth;
  /// Node-based, so that a reference to an entry stays valid while the
  /// analysis recurses and inserts others; the recursion ends because the
  /// level decreases on each descent.
  std::map<std::pair<const FunctionDecl *, unsigned>, std::vector<WrappedLaunch>>
      Cache;
};

} // namespace clang::tidy::coro

#endif
