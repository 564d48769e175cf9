//===--- DanglingReferenceCheck.h - coro-dangling-reference -----*- C++ -*-===//

#ifndef COROLINT_CHECKS_DANGLINGREFERENCECHECK_H
#define COROLINT_CHECKS_DANGLINGREFERENCECHECK_H

#include "utils/Awaitables.h"
#include "utils/NameList.h"
#include "utils/Referents.h"
#include "utils/SharedOptions.h"
#include "utils/TaskFate.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringSet.h"
#include <optional>

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

  /// One argument (or object) bound to a reference-like parameter.
  struct Binding;

private:
  void checkCall(const CallExpr &Call, ASTContext &Ctx);
  /// Form 3: views into the coroutine's own frame that outlive it.
  void checkFrameViews(const FunctionDecl &Coroutine, ASTContext &Ctx);
  void reportFrameView(const FunctionDecl &Coroutine, const Expr &Value,
                       const Referent &R, QualType ViewType,
                       SourceRange Written, const NamedDecl *Keeper,
                       ASTContext &Ctx);
  bool reportDeadBorrow(const CallExpr &Call, ASTContext &Ctx);
  llvm::SmallVector<Binding, 2> coroutineBindings(const CallExpr &Call,
                                                  const FunctionDecl &Def,
                                                  bool Eager, ASTContext &Ctx);
  llvm::SmallVector<Binding, 2> helperBindings(const CallExpr &Call,
                                               const FunctionDecl &Def,
                                               ASTContext &Ctx);
  llvm::SmallVector<Binding, 2> borrowBindings(const CallExpr &Call,
                                               ASTContext &Ctx);
  std::optional<Binding> closureBinding(const Expr *Arg, const Referent &R,
                                        const ParmVarDecl *Param,
                                        const FunctionDecl *Helper,
                                        ASTContext &Ctx);
  bool outlivesLocal(const CallExpr &Call, const VarDecl &Local,
                     const TaskFate &F, const FunctionDecl *Enclosing,
                     ASTContext &Ctx);
  AwaitableKind classify(QualType T);
  bool passesTaskThrough(const CallExpr &Call);
  void report(const CallExpr &Call, const Binding &B, const TaskFate &F,
              ASTContext &Ctx);
  bool fixKeepTemporary(const CallExpr &Call, const Binding &B,
                        const TaskFate &F, const FunctionDecl *Enclosing,
                        ASTContext &Ctx);
  bool fixKeepAlive(const CallExpr &Call, const Binding &B, ASTContext &Ctx);
  void fixByValue(const Binding &B, ASTContext &Ctx);

  const NameList KeepAliveFunctions, BorrowingWrappers, StoringFunctions,
      EscapingFunctions, DetachingMembers, PassThroughFunctions, ViewTypes,
      SafeViewTypes;
  bool waitsForWork(const Stmt &S) const;
  bool waitAfter(const CompoundStmt &Scope, const CallExpr &Call,
                 const SourceManager &SM) const;

  const BridgeFunctionsOption Bridges;
  const NameList TaskTypes;
  const AwaitableClassifier Classifier;
  llvm::DenseMap<const Type *, AwaitableKind> Kinds;
  /// Arguments already reported (a template's instantiations share them).
  llvm::DenseSet<unsigned> Reported;
  /// Parameters already offered the take-by-value fix.
  llvm::DenseSet<const ParmVarDecl *> ByValueFixed;
  /// Coroutines already offered the owning-result fix (one edit, however
  /// many co_returns).
  llvm::DenseSet<const FunctionDecl *> ResultFixed;
  /// The names the keep-temporary fix declared in each function.
  llvm::DenseMap<const FunctionDecl *, llvm::StringSet<>> FixNames;
};

} // namespace clang::tidy::coro

#endif
