//===--- SequentialAwaitCheck.cpp - coro-sequential-await -----------------===//
//
// Three forms, one question: is independent work awaited one at a time?
//  1. a loop whose body awaits one call per element, the calls independent;
//  2. lazy tasks collected first, then awaited one by one in a loop;
//  3. (MinConsecutive) consecutive awaits of calls that do not feed each other.
// Independence is decided from the code: which variables the loop body writes,
// which ones the awaited call and the loop header read, how the loop can be
// left, and what the library profile knows (sleeps, ordered operations, locks).
//
//===----------------------------------------------------------------------===//

#include "SequentialAwaitCheck.h"
#include "utils/AwaitDependence.h"
#include "utils/Coroutines.h"
#include "utils/DeclNames.h"
#include "utils/OptionValues.h"
#include "utils/ProfileSelection.h"
#include "utils/Profiles.h"
#include "utils/SourceEdits.h"
#include "utils/Suspensions.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/QualTypeNames.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::coro {
namespace {

/// The library profiles' names of one kind, as one NameList.
NameList namesOf(std::initializer_list<EntryKind> Kinds) {
  NameList L;
  for (EntryKind K : Kinds)
    for (const auto &Entry : profileEntries(K))
      L.add(Entry.first);
  return L;
}

/// The profiles read once: what is awaited in a loop on purpose.
struct ProfileLists {
  NameList Pacing = namesOf({EntryKind::Pacing});
  NameList Ordered = namesOf({EntryKind::Ordered});
  NameList Concurrent =
      namesOf({EntryKind::ConcurrentCall, EntryKind::RangeCombinator,
               EntryKind::TupleCombinator, EntryKind::BoundedCombinator});
  NameList Locks = namesOf({EntryKind::LockOrPermit});
  NameList LazyTasks = namesOf({EntryKind::LazyTaskType});
};

const ProfileLists &profile() {
  return forProfileTables<ProfileLists>();
}

/// "'aio::gather'", or the generic words when the library has none.
std::string combinatorWords(const std::string &Name) {
  return Name.empty() ? "the library's when_all/gather combinator"
                      : "'" + Name + "'";
}

/// One coroutine's analysis: finds loops and statement runs and reports.
class Analysis {
public:
  Analysis(ClangTidyCheck &Check, const FunctionDecl &FD, ASTContext &Ctx,
           const AwaitableClassifier &Classifier,
           const std::vector<std::pair<NameList, std::string>> &UserCombinators,
           const NameList &OnPurpose, unsigned MinConsecutive)
      : Check(Check), FD(FD), Ctx(Ctx), SM(Ctx.getSourceManager()),
        Classifier(Classifier), UserCombinators(UserCombinators),
        OnPurpose(OnPurpose), MinConsecutive(MinConsecutive),
        Locks(profile().Locks) {}

  void run(const Stmt *Body);

private:
  ClangTidyCheck &Check;
  const FunctionDecl &FD;
  ASTContext &Ctx;
  const SourceManager &SM;
  const AwaitableClassifier &Classifier;
  const std::vector<std::pair<NameList, std::string>> &UserCombinators;
  const NameList &OnPurpose;
  const unsigned MinConsecutive;
  const LockShapes Locks;
  const Stmt *FunctionBody = nullptr;

  friend class FunctionScan;
  void checkLoop(const Stmt &Loop);
  void checkTaskContainer(const Stmt &Loop, const Expr &Await,
                          const Expr &Operand, const LoopHeader &Header);
  void checkRun(llvm::ArrayRef<const Stmt *> Statements,
                llvm::ArrayRef<bool> Locked);

  SequentialAwaitCheck::Library libraryFor(QualType T) const;
  AwaitableKind taskKind(QualType T) const;
  bool isTask(QualType T) const;
  bool excludedCallee(const CallExpr &Call) const;
  const Stmt *creationSite(const VarDecl &Container, const Stmt &Loop,
                           QualType Task) const;
  std::string describeCall(const CallExpr &Call) const;
  void reportLoop(const Stmt &Loop, const Expr &Await, const CallExpr &Call,
                  const LoopBodyFacts &Body);
  std::optional<FixItHint> gatherRewrite(const Stmt &Loop, const Expr &Await,
                                         const CallExpr &Call,
                                         const LoopBodyFacts &Body) const;
};

/// Finds the loops of one coroutine and the runs of statements in its
/// blocks, with whether a lock is held there.
class FunctionScan : public ContextVisitor<FunctionScan> {
  using Base = ContextVisitor<FunctionScan>;

public:
  explicit FunctionScan(Analysis &A) : A(A) {}

  bool TraverseCompoundStmt(CompoundStmt *CS) {
    size_t Held = Locks;
    llvm::SmallVector<const Stmt *, 16> Stmts;
    llvm::SmallVector<bool, 16> Locked;
    for (Stmt *S : CS->body()) {
      Stmts.push_back(S);
      Locked.push_back(Locks > 0);
      if (!TraverseStmt(S))
        return false;
    }
    if (A.MinConsecutive > 0)
      A.checkRun(Stmts, Locked);
    Locks = Held;
    return true;
  }
  bool VisitVarDecl(VarDecl *VD) {
    if (VD->isLocalVarDecl() && A.Locks.isLockLocal(*VD))
      ++Locks;
    return true;
  }
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *MC) {
    if (A.Locks.isLockCall(*MC))
      ++Locks;
    return true;
  }
  bool VisitForStmt(ForStmt *S) { return loop(*S); }
  bool VisitCXXForRangeStmt(CXXForRangeStmt *S) { return loop(*S); }
  bool VisitWhileStmt(WhileStmt *S) { return loop(*S); }
  bool VisitDoStmt(DoStmt *S) { return loop(*S); }

private:
  Analysis &A;
  size_t Locks = 0;
  bool loop(const Stmt &S) {
    if (Locks == 0)
      A.checkLoop(S);
    return true;
  }
};

void Analysis::run(const Stmt *Body) {
  FunctionBody = Body;
  FunctionScan(*this).TraverseStmt(const_cast<Stmt *>(Body));
}

SequentialAwaitCheck::Library Analysis::libraryFor(QualType T) const {
  SequentialAwaitCheck::Library L;
  const CXXRecordDecl *RD = recordOf(T);
  if (!RD)
    return L;
  for (const auto &[Types, Combinator] : UserCombinators)
    if (Types.matches(*RD)) {
      L.Range = L.Tuple = Combinator;
      return L;
    }
  auto [Profile, Namespace] = profileOfName(RD->getQualifiedNameAsString());
  if (!Profile)
    return L;
  L.Range = profileName(*Profile, EntryKind::RangeCombinator, Namespace);
  L.Tuple = profileName(*Profile, EntryKind::TupleCombinator, Namespace);
  L.Bounded = profileName(*Profile, EntryKind::BoundedCombinator, Namespace);
  L.Aio = Profile->Name == "aio";
  return L;
}

/// The start policy of an awaited type when it is a task (structure and the
/// shared task types, which asio::awaitable needs; or the profiles' lazy
/// task types, whose policy structure may not tell).
AwaitableKind Analysis::taskKind(QualType T) const {
  AwaitableKind K = Classifier.classify(T);
  if (K && (K.Policy == StartPolicy::NotATask ||
            K.Policy == StartPolicy::Unknown))
    if (const CXXRecordDecl *RD = recordOf(T);
        RD && profile().LazyTasks.matches(*RD))
      K.Policy = StartPolicy::Lazy;
  return K;
}

bool Analysis::isTask(QualType T) const {
  AwaitableKind Kind = taskKind(T);
  return Kind && Kind.Policy != StartPolicy::NotATask;
}

bool Analysis::excludedCallee(const CallExpr &Call) const {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee)
    return false;
  const ProfileLists &P = profile();
  auto Parts = nameComponents(*Callee);
  if (P.Pacing.matches(Parts) || P.Ordered.matches(Parts) ||
      P.Concurrent.matches(Parts) || OnPurpose.matches(Parts))
    return true;
  // A call on an object of an ordered type (a queue, a channel, a baton).
  if (const auto *MC = llvm::dyn_cast<CXXMemberCallExpr>(&Call))
    if (const CXXRecordDecl *RD =
            recordOf(MC->getImplicitObjectArgument()->getType()))
      if (P.Ordered.matches(*RD) || P.Locks.matches(*RD))
        return true;
  return false;
}

std::string Analysis::describeCall(const CallExpr &Call) const {
  if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(&Call);
      Op && Op->getOperator() == OO_Call)
    if (const auto *DRE =
            llvm::dyn_cast<DeclRefExpr>(Op->getArg(0)->IgnoreParenImpCasts()))
      return DRE->getDecl()->getNameAsString();
  if (const FunctionDecl *Callee = Call.getDirectCallee())
    return plainQualifiedName(*Callee);
  return "the call";
}

/// The statement before \p Loop that fills \p Container with tasks created
/// by calls (push_back/emplace_back/insert of a call, or an assignment to
/// an element), or null.
const Stmt *Analysis::creationSite(const VarDecl &Container, const Stmt &Loop,
                                   QualType Task) const {
  struct Finder : ContextVisitor<Finder> {
    const VarDecl *C;
    QualType Task;
    const Stmt *Found = nullptr;
    bool createsTask(const Expr *E) const {
      const auto *Call = llvm::dyn_cast<CallExpr>(ignoreWrappers(E));
      return Call && Ctx->hasSameUnqualifiedType(Call->getType(), Task);
    }
    ASTContext *Ctx;
    bool VisitCXXMemberCallExpr(CXXMemberCallExpr *MC) {
      if (Found || baseKey(MC->getImplicitObjectArgument()) != C)
        return true;
      if (llvm::any_of(MC->arguments(), [&](const Expr *A) { return createsTask(A); }))
        Found = MC;
      return true;
    }
    bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Op) {
      if (!Found && Op->isAssignmentOp() && Op->getNumArgs() == 2 &&
          baseKey(Op->getArg(0)) == C && createsTask(Op->getArg(1)))
        Found = Op;
      return true;
    }
  } F;
  F.C = &Container;
  F.Task = Task;
  F.Ctx = &Ctx;
  F.TraverseStmt(const_cast<Stmt *>(FunctionBody));
  if (F.Found && SM.isBeforeInTranslationUnit(F.Found->getBeginLoc(),
                                              Loop.getBeginLoc()))
    return F.Found;
  // std::vector<task<>> ts{f(1), f(2)};
  if (const Expr *Init = Container.getInit())
    if (const auto *List = llvm::dyn_cast<InitListExpr>(ignoreWrappers(Init)))
      if (llvm::any_of(List->inits(), [&](const Expr *E) { return F.createsTask(E); }))
        return Container.getInit();
  if (const Expr *Init = Container.getInit()) {
    const Expr *E = ignoreWrappers(Init);
    if (const auto *CE = llvm::dyn_cast<CXXConstructExpr>(E);
        CE && CE->getNumArgs() >= 1)
      E = ignoreWrappers(CE->getArg(0));
    if (const auto *IL = llvm::dyn_cast<CXXStdInitializerListExpr>(E))
      if (const auto *List = llvm::dyn_cast<InitListExpr>(
              IL->getSubExpr()->IgnoreImplicit()))
        if (llvm::any_of(List->inits(),
                         [&](const Expr *X) { return F.createsTask(X); }))
          return Init;
  }
  return nullptr;
}

/// The call that creates the awaited task (not an element access: ts[i]).
const CallExpr *createdTask(const Expr &Await) {
  const CallExpr *Call = awaitedCall(&Await);
  if (Call && (!Call->isPRValue() ||
               (llvm::isa<CXXOperatorCallExpr>(Call) &&
                llvm::cast<CXXOperatorCallExpr>(Call)->getOperator() ==
                    OO_Subscript)))
    return nullptr;
  return Call;
}

void Analysis::checkLoop(const Stmt &Loop) {
  const Stmt *Body = loopBody(Loop);
  if (!Body)
    return;
  std::optional<LoopHeader> Header = loopHeader(Loop);
  if (!Header)
    return;
  // Walking a generator: each element is produced on demand.
  if (Header->RangeInit)
    if (const CXXRecordDecl *RD = recordOf(Header->RangeInit->getType());
        RD && (hasMemberNamed(*RD, "promise_type") ||
               taskKind(Header->RangeInit->getType())))
      return;
  LoopBodyFacts Facts = scanLoopBody(*Body, Locks, OnPurpose);
  if (Facts.OtherSuspension || Facts.TakesLock || Facts.CallsOnPurpose ||
      Facts.Awaits.size() != 1)
    return;
  const Expr &Await = *Facts.Awaits.front();
  KeySet Declared;
  Declared.insert(Facts.Declared.begin(), Facts.Declared.end());
  if (Header->LoopVar)
    Declared.insert(Header->LoopVar);
  // Independent iterations: nothing written in one is read by the next's
  // header or await, and the loop is not left on a result (a search, a
  // retry) or at all after the await.
  const CallExpr *Call = createdTask(Await);
  KeySet Carried = carriedState(*Body, Call, Declared);
  if (leftOnCarriedState(Facts, Await, Carried, SM) ||
      intersects(Header->Reads, Carried) || Header->Element.empty())
    return;
  KeySet Reads = readsThroughLocals(awaitOperand(&Await), Facts.Declared);
  if (!intersects(Reads, Header->Element) || intersects(Reads, Carried))
    return;
  if (!Call)
    return checkTaskContainer(Loop, Await, *ignoreWrappers(awaitOperand(&Await)),
                              *Header);
  // Form 1: one call per element.
  if (excludedCallee(*Call) || !isTask(Call->getType()))
    return;
  const bool ResultDiscarded =
      Await.getType()->isVoidType() || Facts.Discarded.contains(&Await) ||
      Facts.Discarded.contains(ignoreWrappers(&Await));
  if (actsOnSharedObject(*Call, Header->Element, Declared, ResultDiscarded))
    return;
  reportLoop(Loop, Await, *Call, Facts);
}

/// Form 2: the elements of a container of lazy tasks, awaited in turn.
void Analysis::checkTaskContainer(const Stmt &Loop, const Expr &Await,
                                  const Expr &Operand,
                                  const LoopHeader &Header) {
  const Decl *ContainerKey = nullptr;
  if (const auto *DRE = llvm::dyn_cast<DeclRefExpr>(&Operand);
      DRE && Header.LoopVar && keyOf(DRE->getDecl()) == Header.LoopVar)
    ContainerKey = baseKey(Header.RangeInit);
  else if (llvm::isa<ArraySubscriptExpr, CXXOperatorCallExpr,
                     CXXMemberCallExpr>(Operand))
    ContainerKey = baseKey(&Operand);
  const auto *Container = llvm::dyn_cast_or_null<VarDecl>(ContainerKey);
  if (!Container || !Container->isLocalVarDecl())
    return;
  QualType Task = Operand.getType();
  if (taskKind(Task).Policy != StartPolicy::Lazy)
    return;
  const Stmt *Created = creationSite(*Container, Loop, Task.getUnqualifiedType());
  if (!Created)
    return;
  Check.diag(Await.getBeginLoc(),
             "the lazy tasks in '%0' are awaited one at a time, so they run "
             "one after another (a lazy task starts only when awaited): "
             "await them together with %1")
      << Container->getName() << combinatorWords(libraryFor(Task).Range);
  Check.diag(Created->getBeginLoc(), "the tasks are created here",
             DiagnosticIDs::Note);
}

void Analysis::reportLoop(const Stmt &Loop, const Expr &Await,
                          const CallExpr &Call, const LoopBodyFacts &Body) {
  SequentialAwaitCheck::Library Lib = libraryFor(Call.getType());
  std::string Per = "iteration";
  if (const auto *R = llvm::dyn_cast<CXXForRangeStmt>(&Loop)) {
    const Expr *Range = R->getRangeInit()->IgnoreParenImpCasts();
    std::string Spelled = sourceText(Range->getSourceRange(), Ctx);
    Per = Spelled.empty() || Spelled.size() > 40 || Range->getBeginLoc().isMacroID()
              ? "element of the range"
              : "element of '" + Spelled + "'";
  }
  std::string Combinator = combinatorWords(Lib.Range);
  Check.diag(Await.getBeginLoc(),
             "'%0' is awaited once per %1, one after another; the calls are "
             "independent: run them concurrently with %2")
      << describeCall(Call) << Per << Combinator;

  std::string Bound =
      Lib.Bounded.empty()
          ? "; if the range can be large, bound how many run at once"
          : "; if the range can be large, bound how many run at once with '" +
                Lib.Bounded + "'";
  std::optional<FixItHint> Fix;
  if (Lib.Aio)
    Fix = gatherRewrite(Loop, Await, Call, Body);
  if (Fix) {
    Check.diag(Loop.getBeginLoc(),
               "collect the tasks and await them together with %0; it starts "
               "every call at once%1",
               DiagnosticIDs::Note)
        << Combinator << Bound << *Fix;
  } else {
    Check.diag(Loop.getBeginLoc(), "%0 starts every call at once%1",
               DiagnosticIDs::Note)
        << (Lib.Range.empty() ? std::string("a when_all/gather combinator")
                              : "'" + Lib.Range + "'")
        << Bound;
  }
}

/// A loop the aio rewrite applies to: a for or range-for whose body is the
/// await alone or `sink.push_back(co_await call)`, outside macros and try.
struct GatherShape {
  SourceLocation ForLoc, HeaderEnd;
  const VarDecl *LoopVar = nullptr;
  bool Braced = false;
  const Expr *Sink = nullptr; ///< the container the results go to
  llvm::StringRef SinkMethod;
};

std::optional<GatherShape> gatherShape(const Stmt &Loop, const Expr &Await,
                                       const LoopBodyFacts &Facts) {
  GatherShape G;
  if (const auto *F = llvm::dyn_cast<ForStmt>(&Loop)) {
    G.ForLoc = F->getForLoc();
    G.HeaderEnd = F->getRParenLoc();
  } else if (const auto *R = llvm::dyn_cast<CXXForRangeStmt>(&Loop)) {
    G.ForLoc = R->getForLoc();
    G.HeaderEnd = R->getRParenLoc();
    G.LoopVar = R->getLoopVariable();
  } else {
    return std::nullopt;
  }
  if (Loop.getBeginLoc().isMacroID() || Loop.getEndLoc().isMacroID() ||
      Facts.InTry.contains(&Await))
    return std::nullopt;
  const Stmt *Body = loopBody(Loop);
  G.Braced = llvm::isa<CompoundStmt>(Body);
  if (const auto *CS = llvm::dyn_cast<CompoundStmt>(Body)) {
    if (CS->size() != 1)
      return std::nullopt;
    Body = CS->body_front();
  }
  const auto *BodyExpr = llvm::dyn_cast<Expr>(Body);
  if (!BodyExpr)
    return std::nullopt;
  const Expr *Top = ignoreWrappers(BodyExpr);
  if (Top == &Await)
    return G;
  const auto *MC = llvm::dyn_cast<CXXMemberCallExpr>(Top);
  const CXXMethodDecl *MD = MC ? MC->getMethodDecl() : nullptr;
  if (!MD || MC->getNumArgs() != 1 || ignoreWrappers(MC->getArg(0)) != &Await ||
      (!isNamed(*MD, "push_back") && !isNamed(*MD, "emplace_back")))
    return std::nullopt;
  const auto *Obj = llvm::dyn_cast<DeclRefExpr>(
      MC->getImplicitObjectArgument()->IgnoreParenImpCasts());
  if (!Obj || llvm::is_contained(Facts.Declared, Obj->getDecl()) ||
      Obj->getDecl() == G.LoopVar)
    return std::nullopt;
  G.Sink = Obj;
  G.SinkMethod = MD->getName();
  return G;
}

/// Whether the tasks can outlive the iteration that creates them: nothing
/// they refer to (the object, reference and pointer arguments) dies with it.
bool outlivesIteration(const CallExpr &Call, const LoopBodyFacts &Facts,
                       const VarDecl *LoopVar) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || llvm::isa<CXXOperatorCallExpr>(Call))
    return false;
  if (const auto *MC = llvm::dyn_cast<CXXMemberCallExpr>(&Call)) {
    const Decl *Obj = baseKey(MC->getImplicitObjectArgument());
    if (!Obj || llvm::is_contained(Facts.Declared, Obj) || Obj == LoopVar)
      return false;
  }
  for (unsigned I = 0; I < Call.getNumArgs() && I < Callee->getNumParams(); ++I) {
    QualType T = Callee->getParamDecl(I)->getType();
    if (!T->isReferenceType() && !T->isPointerType())
      continue;
    const Expr *Arg = Call.getArg(I)->IgnoreParenImpCasts();
    const auto *DRE = llvm::dyn_cast<DeclRefExpr>(Arg);
    const auto *VD = DRE ? llvm::dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (!VD || llvm::is_contained(Facts.Declared, VD))
      return false;
    if (VD == LoopVar && !VD->getType()->isReferenceType())
      return false;
  }
  return true;
}

/// The mechanical rewrite for aio: collect the tasks in a vector, then
/// `co_await aio::gather(std::move(tasks))`. Only for a loop of the
/// GatherShape whose tasks can outlive their iteration.
std::optional<FixItHint>
Analysis::gatherRewrite(const Stmt &Loop, const Expr &Await,
                        const CallExpr &Call, const LoopBodyFacts &Facts) const {
  std::optional<GatherShape> G = gatherShape(Loop, Await, Facts);
  if (!G || !outlivesIteration(Call, Facts, G->LoopVar))
    return std::nullopt;
  llvm::StringSet<> Used = namesUsedIn(FD, FunctionBody);
  std::string Tasks = freshName("tasks", Used), Result = freshName("result", Used);

  PrintingPolicy Policy(Ctx.getLangOpts());
  Policy.SuppressUnwrittenScope = true;
  std::string TaskType = TypeName::getFullyQualifiedName(
      Call.getType().getUnqualifiedType(), Ctx, Policy);
  std::string Header = sourceText({G->ForLoc, G->HeaderEnd}, Ctx);
  std::string CallText = sourceText(Call.getSourceRange(), Ctx);
  std::optional<std::string> Indent = lineIndent(G->ForLoc, SM);
  if (Header.empty() || CallText.empty() || TaskType.empty() || !Indent)
    return std::nullopt;
  std::string Step = *Indent + "  ";
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << "std::vector<" << TaskType << "> " << Tasks << ";\n"
     << *Indent << Header << "\n"
     << Step << Tasks << ".push_back(" << CallText << ");\n"
     << *Indent;
  std::string Gathered = "co_await aio::gather(std::move(" + Tasks + "))";
  if (G->Sink)
    OS << "for (auto &" << Result << " : " << Gathered << ")\n"
       << Step << sourceText(G->Sink->getSourceRange(), Ctx) << "."
       << G->SinkMethod << "(std::move(" << Result << "))";
  else
    OS << Gathered;
  // Without braces the body's own ';' (not part of the loop) ends the last
  // statement.
  if (G->Braced)
    OS << ";";
  return FixItHint::CreateReplacement(
      CharSourceRange::getTokenRange(Loop.getBeginLoc(), Loop.getEndLoc()),
      OS.str());
}

/// Form 3: runs of statements each awaiting a call whose arguments read
/// nothing an earlier statement of the run declared or wrote.
void Analysis::checkRun(llvm::ArrayRef<const Stmt *> Statements,
                        llvm::ArrayRef<bool> Locked) {
  llvm::SmallVector<AwaitStatement, 8> Run;
  KeySet Produced; // declared or written by the run so far
  auto Flush = [&] {
    if (Run.size() >= MinConsecutive && Run.size() >= 2) {
      std::string Names;
      for (size_t I = 0; I < Run.size(); ++I)
        Names += (I == 0 ? "'" : I + 1 == Run.size() ? "' and '" : "', '") +
                 describeCall(*Run[I].Call);
      Names += "'";
      Check.diag(Run.front().Await->getBeginLoc(),
                 "%0 independent calls are awaited one after another (%1); run "
                 "them concurrently with %2")
          << static_cast<unsigned>(Run.size()) << Names
          << combinatorWords(libraryFor(Run.front().Call->getType()).Tuple);
    }
    Run.clear();
    Produced.clear();
  };
  for (size_t I = 0; I < Statements.size(); ++I) {
    AwaitStatement A = awaitStatement(*Statements[I]);
    if (!A.Call || Locked[I] || excludedCallee(*A.Call) ||
        !isTask(A.Call->getType()) || suspendsIn(A.Call) ||
        actsOnSharedObject(*A.Call, KeySet(), KeySet(), A.ResultDiscarded)) {
      Flush();
      continue;
    }
    if (intersects(readsOf(A.Call), Produced))
      Flush();
    Run.push_back(A);
    for (const Decl *K : writesOf(Statements[I]))
      Produced.insert(K);
    if (A.Declares)
      Produced.insert(A.Declares);
  }
  Flush();
}

} // namespace

SequentialAwaitCheck::SequentialAwaitCheck(StringRef Name,
                                           ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Types(Options),
      CombinatorsOpt(Options.get("Combinators", "")),
      SequentialOnPurpose(Options.get("SequentialOnPurpose", "")),
      MinConsecutive(Options.get("MinConsecutive", 0U)) {
  setProfilesOption(Options.getLocalOrGlobal("Profiles", ""));

  for (const std::string &Entry : splitList(CombinatorsOpt)) {
    auto [Types, Combinator] = llvm::StringRef(Entry).split('=');
    if (Combinator.trim().empty()) {
      configurationDiag("invalid entry '%0' in option 'Combinators': expected "
                        "'TaskType=combinator'")
          << Entry;
      continue;
    }
    UserCombinators.emplace_back(NameList(Types.trim()), Combinator.trim().str());
  }
}

void SequentialAwaitCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Types.store(Options, Opts);
  Options.store(Opts, "Combinators", CombinatorsOpt);
  Options.store(Opts, "SequentialOnPurpose", SequentialOnPurpose.raw());
  Options.store(Opts, "MinConsecutive", MinConsecutive);
}

void SequentialAwaitCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(coroutineDefinition().bind("coroutine"), this);
}

void SequentialAwaitCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *FD = Result.Nodes.getNodeAs<FunctionDecl>("coroutine");
  const CoroutineBodyStmt *Body = coroutineBody(*FD);
  if (!Body || SequentialOnPurpose.matches(*FD))
    return;
  Analysis(*this, *FD, *Result.Context, Types.classifier(), UserCombinators,
           SequentialOnPurpose, MinConsecutive)
      .run(Body->getBody());
}

} // namespace clang::tidy::coro
