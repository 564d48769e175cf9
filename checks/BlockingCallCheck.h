//===--- BlockingCallCheck.h - coro-blocking-call ---------------*- C++ -*-===//

#ifndef COROLINT_CHECKS_BLOCKINGCALLCHECK_H
#define COROLINT_CHECKS_BLOCKINGCALLCHECK_H

#include "utils/BlockingCalls.h"
#include "utils/Completion.h"
#include "utils/NameList.h"
#include "utils/NonBlockingIO.h"
#include "utils/SharedOptions.h"
#include "clang-tidy/ClangTidyCheck.h"
#include <map>
#include <optional>
#include <tuple>

namespace clang::tidy::coro {

/// Finds calls that block the thread (sleeps, waits, blocking I/O, a
/// runtime's sync_wait) inside coroutines, directly or through helper
/// functions.
///
/// For the user-facing documentation see:
/// docs/checks/coro-blocking-call.md
class BlockingCallCheck : public ClangTidyCheck {
public:
  BlockingCallCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override {
    Summaries.clear();
    NonBlocking.clear();
  }
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }

  /// One step of a chain from a call in the coroutine down to the call that
  /// blocks: \c Call, made in the body of the previous step's callee.
  struct Step {
    const Expr *Call;
    const FunctionDecl *Callee;
  };
  struct Path {
    llvm::SmallVector<Step, 4> Steps; // Steps.back() is the blocking call.
    BlockingCall Blocking;
  };
  /// A call made in a function's own context, and whether it is a whole
  /// expression statement (where a rewrite to 'co_await ...' is safe).
  struct CallSite {
    const Expr *Call;
    bool IsStatement;
  };

private:
  /// The first blocking call reachable from \p FD's body in at most \p Levels
  /// levels of calls (1: a blocking call directly in \p FD), when the
  /// parameters in \p Params receive complete results (whose get() does not
  /// block).
  const std::optional<Path> &findBlocking(const FunctionDecl &FD,
                                          unsigned Levels,
                                          CompleteParams Params);
  /// The path from \p Site, made in \p Caller whose complete parameters are
  /// \p Params, into a helper it runs synchronously (its callee, or a lambda
  /// handed to a std algorithm) down to a blocking call at most \p Levels
  /// levels below: \p Site, then findBlocking()'s path.
  std::optional<Path> throughHelper(const CallSite &Site, unsigned Levels,
                                    const FunctionDecl &Caller,
                                    CompleteParams Params);
  /// Whether \p Call, classified as blocking, cannot block where it is made
  /// in \p Function: it reads a result that is already complete there, or
  /// does I/O on a descriptor the code made non-blocking.
  bool returnsAtOnce(const Expr &Call, const FunctionDecl &Function,
                     CompleteParams Params) const;
  /// Whether the body of a function called from a coroutine should be
  /// searched for blocking calls.
  bool shouldDescendInto(const FunctionDecl &FD) const;
  void reportDirect(const Expr &Call, const BlockingCall &B,
                    const FunctionDecl &Coroutine, bool IsStatement,
                    const ASTContext &Ctx);
  void reportIndirect(const Expr &Call, const Path &P,
                      const FunctionDecl &Coroutine);
  void addAlternativeNote(const Expr &Call, const BlockingCall &B,
                          const FunctionDecl &Coroutine, bool IsStatement,
                          const ASTContext &Ctx);

  const NameList BlockingFunctions, AllowedFunctions, OffloadFunctions;
  const BridgeFunctionsOption Bridges;
  const unsigned TransitiveDepth;
  /// Whether single std::filesystem metadata queries (exists, status,
  /// file_size, ...) count as blocking, not only tree walks and copies.
  const bool FilesystemMetadata;
  const std::string ReplacementsOpt;
  const BlockingClassifier Classifier;

  /// A Replacements entry: calls to \c From may be rewritten to \c To, an
  /// awaitable of namespace \c Namespace, in coroutines of that runtime.
  struct Replacement {
    NameList From;
    std::string To;
    std::string Namespace;
  };
  std::vector<Replacement> Replacements;

  /// What each function and class says about its descriptors.
  NonBlockingIO NonBlocking;

  /// findBlocking()'s results per (function, levels, complete parameters).
  /// A std::map, not a
  /// DenseMap: findBlocking() holds a reference to its own entry while the
  /// recursion inserts others, and a node-based map never moves its entries.
  std::map<std::tuple<const FunctionDecl *, unsigned, CompleteParams>,
           std::optional<Path>>
      Summaries;
};

} // namespace clang::tidy::coro

#endif
