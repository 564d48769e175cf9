//===--- LockAcrossSuspendCheck.cpp - coro-lock-across-suspend ------------===//
//
// The rule: a thread lock held, on some path, at a co_await or co_yield. The
// data-flow that finds where locks are held is utils/LockFlow; this file
// reports each lock once, at its first suspension in source order, with notes
// for where it was taken, the branch that keeps it, the other suspensions,
// and a fix that ends the guard's scope when one applies.
//
//===----------------------------------------------------------------------===//

#include "LockAcrossSuspendCheck.h"
#include "utils/Coroutines.h"
#include "utils/LockFlow.h"
#include "utils/ProfileSelection.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::coro {
namespace {

/// Whether \p FD's code was instantiated from a template: the template
/// itself is analysed instead.
bool isInstantiated(const FunctionDecl &FD) {
  for (const DeclContext *DC = &FD; DC; DC = DC->getParent()) {
    if (const auto *F = llvm::dyn_cast<FunctionDecl>(DC);
        F && F->isTemplateInstantiation())
      return true;
    if (const auto *Spec = llvm::dyn_cast<ClassTemplateSpecializationDecl>(DC);
        Spec && Spec->getSpecializationKind() != TSK_ExplicitSpecialization)
      return true;
  }
  return false;
}

/// The fix-it that ends a guard's scope before the statement holding the
/// suspension: '{' before the guard, '}' before that statement. Only when
/// both are statements of one block with statements in between, nothing
/// declared in between is used after it, and the guard is not used at or
/// after that statement.
llvm::SmallVector<FixItHint, 2> scopeFix(const LockFlow &Flow, const VarDecl &G,
                                         const Stmt &Suspension,
                                         const SourceManager &SM) {
  auto DS = Flow.DeclOf.find(&G);
  if (DS == Flow.DeclOf.end())
    return {};
  auto P = Flow.Parent.find(DS->second);
  if (P == Flow.Parent.end())
    return {};
  const CompoundStmt *Block = P->second.first;
  llvm::ArrayRef<Stmt *> Body(Block->body_begin(), Block->body_end());
  unsigned First = P->second.second, Held = Body.size();
  for (unsigned I = First + 1; I < Body.size(); ++I)
    if (Body[I]->getSourceRange().fullyContains(Suspension.getSourceRange()) ||
        Body[I]->getSourceRange() == Suspension.getSourceRange()) {
      Held = I;
      break;
    }
  // Nothing between the guard and the suspension: the block would protect
  // nothing, and what the lock is for comes after the suspension.
  if (Held == Body.size() || Held == First + 1)
    return {};
  for (unsigned I = Held; I < Body.size(); ++I)
    if (mentions(Body[I], G))
      return {};
  for (unsigned I = First + 1; I < Held; ++I) {
    if (llvm::isa<LabelStmt, SwitchCase>(Body[I]))
      return {};
    if (const auto *Decl = llvm::dyn_cast<DeclStmt>(Body[I]))
      for (const clang::Decl *D : Decl->decls())
        if (const auto *V = llvm::dyn_cast<VarDecl>(D))
          for (unsigned J = Held; J < Body.size(); ++J)
            if (mentions(Body[J], *V))
              return {};
  }
  SourceLocation Open = DS->second->getBeginLoc();
  SourceLocation Close = Body[Held]->getBeginLoc();
  if (Open.isMacroID() || Close.isMacroID())
    return {};
  auto Indent = [&](SourceLocation L) {
    return std::string(SM.getSpellingColumnNumber(L) - 1, ' ');
  };
  return {FixItHint::CreateInsertion(Open, "{\n" + Indent(Open)),
          FixItHint::CreateInsertion(Close, "}\n" + Indent(Close))};
}

/// "where 'ready' is false", "through 'case 2'": the path out of \p B along
/// successor \p Edge.
std::string describeBranch(const LockFlow &Flow, const CFGBlock &B,
                           unsigned Edge) {
  const Stmt *Term = B.getTerminatorStmt();
  if (llvm::isa<SwitchStmt>(Term)) {
    const CFGBlock *Succ = *(B.succ_begin() + Edge);
    const Stmt *Label = Succ ? Succ->getLabel() : nullptr;
    if (const auto *Case = llvm::dyn_cast_or_null<CaseStmt>(Label))
      return "through 'case " + Flow.text(Case->getLHS()) + "'";
    if (llvm::isa_and_nonnull<DefaultStmt>(Label))
      return "through 'default'";
    return "";
  }
  if (llvm::isa<CXXForRangeStmt>(Term))
    return Edge == 0 ? "into the loop body" : "that leaves the loop";
  const auto *Cond = llvm::dyn_cast_or_null<Expr>(B.getTerminatorCondition());
  if (const auto *BO = llvm::dyn_cast_or_null<BinaryOperator>(
          Cond ? Cond->IgnoreParenImpCasts() : nullptr);
      BO && BO->isLogicalOp() && Term != BO)
    Cond = BO->getRHS();
  if (!Cond || B.succ_size() != 2)
    return "";
  return "where '" + Flow.text(Cond) + "' is " + (Edge == 0 ? "true" : "false");
}

/// How the warning names the lock: "'std::lock_guard<std::mutex>' 'g'
/// (line 12)" for a guard, "'m' (locked on line 12)" for an explicit lock.
std::string describeLock(const Lock &L, SourceLocation NameLoc,
                         const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  unsigned Line = NameLoc.isValid() ? SM.getPresumedLineNumber(NameLoc) : 0;
  std::string LineText = Line ? std::to_string(Line) : "?";
  if (!L.Guard)
    return "'" + L.Mutex + "' (locked on line " + LineText + ")";
  // The type with its namespaces and template arguments, whatever the
  // declaration spelled (auto, deduced arguments); as written in a template.
  PrintingPolicy Policy(Ctx.getLangOpts());
  Policy.SuppressUnwrittenScope = true;
  Policy.FullyQualifiedName = true;
  QualType T = L.Guard->getType();
  if (!T->isDependentType())
    T = T.getCanonicalType();
  return "'" + T.getAsString(Policy) + "' '" + L.Guard->getName().str() +
         "' (line " + LineText + ")";
}

const char *suspensionKind(const Stmt *S) {
  return llvm::isa<CoyieldExpr>(S) ? "co_yield" : "co_await";
}

} // namespace

LockAcrossSuspendCheck::LockAcrossSuspendCheck(StringRef Name,
                                               ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      ThreadGuardTypes(Options.get("ThreadGuardTypes", "")),
      AllowedAwaitables(Options.get("AllowedAwaitables", "")),
      Classes(ThreadGuardTypes) {
  setProfilesOption(Options.getLocalOrGlobal("Profiles", ""));
}

void LockAcrossSuspendCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "ThreadGuardTypes", ThreadGuardTypes.raw());
  Options.store(Opts, "AllowedAwaitables", AllowedAwaitables.raw());
}

void LockAcrossSuspendCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(coroutineDefinition().bind("coroutine"), this);
}

void LockAcrossSuspendCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *FD = Result.Nodes.getNodeAs<FunctionDecl>("coroutine");
  const CoroutineBodyStmt *Coro = coroutineBody(*FD);
  if (!Coro || isInstantiated(*FD))
    return;
  ASTContext &Ctx = *Result.Context;
  const SourceManager &SM = Ctx.getSourceManager();
  LockFlow Flow(Classes, AllowedAwaitables, Ctx);
  // The CFG only for coroutines that both take a thread lock and suspend.
  if (!Flow.prescan(Coro->getBody()))
    return;
  CFG::BuildOptions Options;
  Options.AddImplicitDtors = true;
  Options.setAllAlwaysAdd();
  std::unique_ptr<CFG> Graph = CFG::buildCFG(FD, Coro->getBody(), &Ctx, Options);
  if (!Graph)
    return;
  Flow.run(*Graph);

  // One warning per lock, at its first suspension in source order; the
  // others are notes.
  std::stable_sort(Flow.Findings.begin(), Flow.Findings.end(),
                   [&](const HeldLock &A, const HeldLock &B) {
                     if (A.Index != B.Index)
                       return A.Index < B.Index;
                     return SM.isBeforeInTranslationUnit(
                         A.Suspension->getBeginLoc(), B.Suspension->getBeginLoc());
                   });
  llvm::StringRef Suggested = suggestedAsyncMutex(taskNamespace(*FD));
  for (auto I = Flow.Findings.begin(), E = Flow.Findings.end(); I != E;) {
    auto Next = std::find_if(I, E, [&](const HeldLock &F) {
      return F.Index != I->Index;
    });
    // The same suspension reached in several ways: one note each.
    llvm::SmallVector<const Stmt *, 4> Others;
    for (auto J = I + 1; J != Next; ++J)
      if (J->Suspension != I->Suspension &&
          !llvm::is_contained(Others, J->Suspension))
        Others.push_back(J->Suspension);
    // Path-dependent if any of the ways to the first suspension is.
    HeldLock First = *I;
    for (auto J = I; J != Next && J->Suspension == I->Suspension; ++J)
      if (!J->State.Must)
        First = *J;
    I = Next;
    reportLock(Flow, First, Others, Suggested, Ctx);
  }
}

void LockAcrossSuspendCheck::reportLock(const LockFlow &Flow,
                                        const HeldLock &First,
                                        llvm::ArrayRef<const Stmt *> Others,
                                        llvm::StringRef Suggested,
                                        const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  const Lock &L = Flow.Locks[First.Index];
  const Stmt *Susp = First.Suspension;
  const char *Kind = suspensionKind(Susp);
  SourceLocation SiteLoc =
      First.State.Site ? First.State.Site->getBeginLoc() : SourceLocation();
  bool AtDeclaration =
      L.Guard && First.State.Site && llvm::isa<DeclStmt>(First.State.Site);
  if (AtDeclaration)
    SiteLoc = L.Guard->getLocation();
  // A guard is named by its declaration, an explicit lock by its call.
  SourceLocation NameLoc = L.Guard ? L.Guard->getLocation() : SiteLoc;
  std::string Needing =
      !L.Guard || L.Mutex.empty() ? "it" : "'" + L.Mutex + "'";
  diag(Susp->getBeginLoc(),
       "%0 is held across this %1: other coroutines needing %2 stall, and "
       "if the coroutine resumes on another thread the unlock is undefined")
      << describeLock(L, NameLoc, Ctx) << Kind << Needing;

  bool LoopCarried = SiteLoc.isValid() &&
                     SM.isBeforeInTranslationUnit(Susp->getBeginLoc(), SiteLoc);
  std::string Name = L.Guard ? L.Guard->getName().str() : L.Mutex;
  if (SiteLoc.isValid()) {
    std::string What = !L.Guard        ? "'" + Name + "' is locked here"
                       : AtDeclaration ? "'" + Name + "' takes the lock here"
                                       : "the lock '" + Name +
                                             "' holds is taken here";
    if (LoopCarried)
      What += " and is still held when the next iteration of the loop "
              "reaches the " + std::string(Kind);
    diag(SiteLoc, "%0", DiagnosticIDs::Note) << What;
  }
  if (!First.State.Must && !LoopCarried && First.State.Branch) {
    std::string Path = describeBranch(Flow, *First.State.Branch, First.State.Edge);
    if (!Path.empty())
      diag(First.State.Branch->getTerminatorStmt()->getBeginLoc(),
           "'%0' is held on the path %1", DiagnosticIDs::Note)
          << Name << Path;
  }
  for (const Stmt *Other : Others.take_front(4))
    diag(Other->getBeginLoc(), "'%0' is also held across this %1",
         DiagnosticIDs::Note)
        << Name << suspensionKind(Other);
  std::string Async = Suggested.empty()
                          ? std::string("an async mutex")
                          : "an async mutex such as '" + Suggested.str() + "'";
  diag(Susp->getBeginLoc(),
       "hold %0 (its lock is awaited) across suspensions, or release the "
       "lock before this %1",
       DiagnosticIDs::Note)
      << Async << Kind;
  if (L.Guard && First.State.Must && Others.empty() && !LoopCarried) {
    llvm::SmallVector<FixItHint, 2> Fix = scopeFix(Flow, *L.Guard, *Susp, SM);
    if (!Fix.empty())
      diag(L.Guard->getLocation(), "end the scope of '%0' before the %1",
           DiagnosticIDs::Note)
          << Name << Kind << Fix;
  }
}

} // namespace clang::tidy::coro
