//===--- DanglingReferenceCheck.h - coro-dangling-reference -----*- C++ -*-===//

#ifndef COROLINT_CHECKS_DANGLINGREFERENCECHECK_H
#define COROLINT_CHECKS_DANGLINGREFERENCECHECK_H

#include "utils/Awaitables.h"
#include "utils/NameList.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::coro {

/// Finds temporaries, locals and lambda closures bound to a coroutine's
/// reference parameters, views or 'this' that die while the task that uses
/// them lives on: the task is stored, returned, spawned or started detached
/// instead of being awaited in the same full-expression.
///
/// For the user-facing documentation see:
/// docs/checks/coro-dangling-reference.md
class DanglingReferenceCheck : public ClangTidyCheck {
public:
  DanglingReferenceCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }

  /// What happens to a task after the call that creates it (see the .cpp).
  struct Fate;
  /// One argument (or object) bound to a reference-like parameter.
  struct Binding;

private:
  void checkCall(const CallExpr &Call, ASTContext &Ctx);
  AwaitableKind classify(QualType T);
  Fate fateOf(const Expr &Task, ASTContext &Ctx);
  bool passesTaskThrough(const CallExpr &Call);
  void report(const CallExpr &Call, const Binding &B, const Fate &F,
              ASTContext &Ctx);

  const NameList KeepAliveFunctions, StoringFunctions, EscapingFunctions,
      DetachingMembers, PassThroughFunctions, ViewTypes, SafeViewTypes;
  const AwaitableClassifier Classifier;
  llvm::DenseMap<const Type *, AwaitableKind> Kinds;
  /// Arguments already reported (a template's instantiations share them).
  llvm::DenseSet<unsigned> Reported;
  /// Parameters already offered the take-by-value fix.
  llvm::DenseSet<const ParmVarDecl *> ByValueFixed;
};

} // namespace clang::tidy::coro

#endif
