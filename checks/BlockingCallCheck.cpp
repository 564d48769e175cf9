//===--- BlockingCallCheck.cpp - coro-blocking-call -----------------------===//

#include "BlockingCallCheck.h"
#include "utils/Coroutines.h"
#include "utils/DeclNames.h"
#include "utils/NoExecutor.h"
#include "utils/OptionValues.h"
#include "utils/ProfileSelection.h"
#include "utils/Profiles.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang::ast_matchers;

namespace clang::tidy::coro {
namespace {

/// Collects the calls made in one function's own context, noting which are
/// whole expression statements (where a rewrite to 'co_await ...' is safe).
class CallCollector : public ContextVisitor<CallCollector> {
public:
  std::vector<BlockingCallCheck::CallSite> Calls;

  bool VisitStmt(Stmt *S) {
    for (const Stmt *C : statementPositions(*S))
      if (const auto *E = llvm::dyn_cast<Expr>(C))
        Statements.insert(E->IgnoreImplicit());
    return true;
  }
  bool VisitCallExpr(CallExpr *CE) { return add(CE); }
  bool VisitCXXConstructExpr(CXXConstructExpr *CE) { return add(CE); }

private:
  bool add(Expr *E) {
    Calls.push_back({E, Statements.contains(E)});
    return true;
  }
  llvm::SmallPtrSet<const Expr *, 16> Statements;
};

std::string displayName(const FunctionDecl &FD) {
  return isLambdaCallOperator(FD) ? std::string("lambda")
                                  : plainQualifiedName(FD);
}

} // namespace

BlockingCallCheck::BlockingCallCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      BlockingFunctions(Options.get("BlockingFunctions", "")),
      AllowedFunctions(Options.get("AllowedFunctions", "")),
      OffloadFunctions(Options.get("OffloadFunctions",
                                   profileNames(EntryKind::Offload))),
      Bridges(Options),
      TransitiveDepth(Options.get("TransitiveDepth", 3U)),
      FilesystemMetadata(parseBool(Options.get("FilesystemMetadata", "false"))),
      ReplacementsOpt(Options.get("Replacements", profileReplacements())),
      Classifier(BlockingFunctions, AllowedFunctions, Bridges.list(),
                 FilesystemMetadata) {
  setProfilesOption(Options.getLocalOrGlobal("Profiles", ""));

  for (const std::string &Item : splitList(ReplacementsOpt)) {
    auto [From, To] = llvm::StringRef(Item).split('=');
    if (From.trim().empty() || To.trim().empty()) {
      configurationDiag("invalid entry '%0' in option '%1.Replacements': "
                        "expected 'function=replacement'")
          << Item << Name;
      continue;
    }
    Replacement R{NameList(From.trim()), To.trim().str(), ""};
    // The namespace the replacement lives in: "aio" for 'co_await aio::sleep'.
    llvm::StringRef Target = To.trim();
    Target.consume_front("co_await");
    Target = Target.trim();
    Target.consume_front("::");
    R.Namespace = Target.split("::").first.str();
    Replacements.push_back(std::move(R));
  }
}

void BlockingCallCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "BlockingFunctions", BlockingFunctions.raw());
  Options.store(Opts, "AllowedFunctions", AllowedFunctions.raw());
  Options.store(Opts, "OffloadFunctions", OffloadFunctions.raw());
  Bridges.store(Options, Opts);
  Options.store(Opts, "TransitiveDepth", TransitiveDepth);
  Options.store(Opts, "FilesystemMetadata",
                FilesystemMetadata ? "true" : "false");
  Options.store(Opts, "Replacements", ReplacementsOpt);
}

void BlockingCallCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(coroutineDefinition().bind("coroutine"), this);
}

bool BlockingCallCheck::shouldDescendInto(const FunctionDecl &FD) const {
  const FunctionDecl *Def = FD.getDefinition();
  if (!Def || !Def->hasBody() || isCoroutine(*Def))
    return false;
  const SourceManager &SM = Def->getASTContext().getSourceManager();
  if (SM.isInSystemHeader(Def->getLocation()))
    return false;
  return !OffloadFunctions.matches(*Def) && !Classifier.isAllowed(*Def);
}

/// Whether \p T is a class one of whose constructors offloads its callable
/// (std::thread, std::jthread, a pool's task type in OffloadFunctions).
static bool isOffloadType(QualType T, const NameList &Offload) {
  const CXXRecordDecl *RD = T.isNull() ? nullptr : T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return false;
  for (const Decl *D : RD->decls()) {
    if (const auto *FTD = llvm::dyn_cast<FunctionTemplateDecl>(D))
      D = FTD->getTemplatedDecl();
    if (const auto *C = llvm::dyn_cast<CXXConstructorDecl>(D))
      if (Offload.matches(*C))
        return true;
  }
  return false;
}

/// Whether \p CE constructs an offload type from its arguments in place:
/// threads.emplace_back(f) on a std::vector<std::thread>,
/// std::make_unique<std::jthread>(f). Its callables run on that thread, as
/// with the constructor.
static bool constructsOffloadType(const CallExpr &CE, const FunctionDecl &Callee,
                                  const NameList &Offload) {
  const IdentifierInfo *II = Callee.getIdentifier();
  if (!II)
    return false;
  const llvm::StringRef Name = II->getName();
  if (const auto *MD = llvm::dyn_cast<CXXMethodDecl>(&Callee)) {
    // A container's in-place construction of its elements.
    if (!Name.starts_with("emplace") && Name != "try_emplace" &&
        !Name.starts_with("push_") && Name != "insert")
      return false;
    const auto *Spec =
        llvm::dyn_cast<ClassTemplateSpecializationDecl>(MD->getParent());
    if (!Spec)
      return false;
    for (const TemplateArgument &A : Spec->getTemplateArgs().asArray())
      if (A.getKind() == TemplateArgument::Type &&
          isOffloadType(A.getAsType(), Offload))
        return true;
    return false;
  }
  // Factories constructing their template argument.
  if (Name != "make_shared" && Name != "make_unique" &&
      Name != "allocate_shared" && Name != "construct_at")
    return false;
  const TemplateArgumentList *Args = Callee.getTemplateSpecializationArgs();
  if (Args && Args->size() >= 1 &&
      Args->get(0).getKind() == TemplateArgument::Type &&
      isOffloadType(Args->get(0).getAsType(), Offload))
    return true;
  // construct_at(p, f): the type pointed to.
  if (Name == "construct_at" && CE.getNumArgs() >= 1)
    if (const auto *PT = CE.getArg(0)->getType()->getAs<PointerType>())
      return isOffloadType(PT->getPointeeType(), Offload);
  return false;
}

/// The functions a call runs synchronously in the caller's context: the
/// callee itself, and lambdas handed to a std algorithm-like function.
static llvm::SmallVector<const FunctionDecl *, 2>
synchronousTargets(const Expr &Call, const NameList &Offload) {
  llvm::SmallVector<const FunctionDecl *, 2> Targets;
  const FunctionDecl *Callee = calleeOf(Call);
  if (!Callee)
    return Targets;
  Targets.push_back(Callee);
  const auto *CE = llvm::dyn_cast<CallExpr>(&Call);
  if (!CE || llvm::isa<CXXConstructorDecl>(Callee) ||
      !isInStd(*Callee) || Offload.matches(*Callee) ||
      constructsOffloadType(*CE, *Callee, Offload))
    return Targets;
  for (const Expr *Arg : CE->arguments())
    if (const LambdaExpr *LE = lambdaThrough(Arg))
      Targets.push_back(LE->getCallOperator());
  return Targets;
}

bool BlockingCallCheck::returnsAtOnce(const Expr &Call,
                                      const FunctionDecl &Function,
                                      CompleteParams Params) const {
  return coro::readsCompleteResult(Call, &Function, Params,
                                   Function.getASTContext()) ||
         NonBlocking.isNonBlocking(Call, Function);
}

/// Whether \p E is the object 'this' points to, or taken from it through
/// std::move, a dereference or a member call ('std::move(*this).semi()').
static bool takenFromThis(const Expr *E) {
  for (unsigned Depth = 0; E && Depth < 8; ++Depth) {
    E = E->IgnoreImplicit()->IgnoreParenImpCasts();
    if (llvm::isa<CXXThisExpr>(E))
      return true;
    if (const auto *MC = llvm::dyn_cast<CXXMemberCallExpr>(E))
      E = MC->getImplicitObjectArgument();
    else if (const auto *UO = llvm::dyn_cast<UnaryOperator>(E);
             UO && UO->getOpcode() == UO_Deref)
      E = UO->getSubExpr();
    else if (const auto *CE = llvm::dyn_cast<CallExpr>(E);
             CE && CE->getNumArgs() == 1 && CE->getDirectCallee() &&
             isInStd(*CE->getDirectCallee()) &&
             (isNamed(*CE->getDirectCallee(), "move") ||
              isNamed(*CE->getDirectCallee(), "forward")))
      E = CE->getArg(0);
    else if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(E);
             Construct && Construct->getNumArgs() == 1)
      E = Construct->getArg(0);
    else
      return false;
  }
  return false;
}

/// Whether \p P, found in a member function, blocks by waiting on the
/// function's own object: a bridge ('wait()', 'this->get()') reached through
/// members of that object only (folly's Future::getTry() calls
/// 'std::move(*this).semi().getTry()', which calls 'wait()').
static bool waitsOnItself(const BlockingCallCheck::Path &P) {
  if (P.Blocking.Kind != BlockKind::Bridge || P.Steps.empty())
    return false;
  return llvm::all_of(P.Steps, [](const BlockingCallCheck::Step &S) {
    const auto *MC = llvm::dyn_cast<CXXMemberCallExpr>(S.Call);
    return MC && takenFromThis(MC->getImplicitObjectArgument());
  });
}

std::optional<BlockingCallCheck::Path>
BlockingCallCheck::throughHelper(const CallSite &Site, unsigned Levels,
                                 const FunctionDecl &Caller,
                                 CompleteParams Params) {
  for (const FunctionDecl *Target :
       synchronousTargets(*Site.Call, OffloadFunctions)) {
    if (!shouldDescendInto(*Target))
      continue;
    const FunctionDecl &Def = *Target->getDefinition();
    const std::optional<Path> *Sub = &findBlocking(Def, Levels, 0);
    if (!*Sub)
      continue;
    // It blocks when handed pending results; ask again with the arguments
    // this call hands it (only now: most calls block through nothing).
    if (Target == calleeOf(*Site.Call))
      if (CompleteParams Complete = completeArguments(
              *Site.Call, Def, &Caller, Params, Def.getASTContext()))
        Sub = &findBlocking(Def, Levels, Complete);
    if (!*Sub)
      continue;
    // A member of a complete future that blocks by waiting on its own object
    // (folly's getTry() calls wait()) returns at once.
    if (Target == calleeOf(*Site.Call) && waitsOnItself(**Sub) &&
        callsOnCompleteObject(*Site.Call, &Caller, Params,
                              Def.getASTContext()))
      continue;
    Path P;
    P.Steps.push_back({Site.Call, Target});
    P.Steps.append((*Sub)->Steps.begin(), (*Sub)->Steps.end());
    P.Blocking = (*Sub)->Blocking;
    return P;
  }
  return std::nullopt;
}

const std::optional<BlockingCallCheck::Path> &
BlockingCallCheck::findBlocking(const FunctionDecl &FD, unsigned Levels,
                                CompleteParams Params) {
  auto Key = std::make_tuple(&FD, Levels, Params);
  if (auto It = Summaries.find(Key); It != Summaries.end())
    return It->second;
  // Held while the search below recurses and inserts other entries: safe
  // because Summaries is node-based (see its declaration). The recursion ends
  // because Levels decreases on each descent.
  std::optional<Path> &Result = Summaries[Key];
  CallCollector Collector;
  Collector.TraverseStmt(FD.getBody());
  for (const CallSite &Site : Collector.Calls)
    if (BlockingCall B = Classifier.classify(*Site.Call)) {
      if (returnsAtOnce(*Site.Call, FD, Params))
        continue;
      Result = Path{{{Site.Call, calleeOf(*Site.Call)}}, std::move(B)};
      return Result;
    }
  if (Levels <= 1)
    return Result;
  for (const CallSite &Site : Collector.Calls)
    if (std::optional<Path> P = throughHelper(Site, Levels - 1, FD, Params)) {
      Result = std::move(P);
      return Result;
    }
  return Result;
}

/// Whether \p Coroutine, a library's coroutine template instantiated
/// from another file, blocks only through a callable that file handed it
/// (executor::submit_bridge running the user's lambda): the library decided
/// where the callable runs and cannot change it, and the user's call site
/// (usually an offloading submit) is where it could be judged.
static bool blocksThroughUserCallable(const FunctionDecl &Coroutine,
                                      const BlockingCallCheck::Path &P) {
  if (!Coroutine.getTemplateInstantiationPattern())
    return false;
  const SourceManager &SM = Coroutine.getASTContext().getSourceManager();
  const SourceLocation Here = SM.getExpansionLoc(Coroutine.getLocation());
  if (SM.isInMainFile(Here))
    return false;
  const FunctionDecl *Callee = P.Steps.front().Callee;
  if (!Callee)
    return false;
  const SourceLocation There = SM.getExpansionLoc(Callee->getLocation());
  return SM.getFileID(There) != SM.getFileID(Here) &&
         (isLambdaCallOperator(*Callee) ||
          Callee->getOverloadedOperator() == OO_Call);
}

void BlockingCallCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Coroutine = Result.Nodes.getNodeAs<FunctionDecl>("coroutine");
  const CoroutineBodyStmt *Body = coroutineBody(*Coroutine);
  if (!Body)
    return;
  CallCollector Collector;
  Collector.TraverseStmt(Body->getBody());
  // Code for a coroutine that has no executor runs inline on the thread
  // that started it, which is not an event loop's. (Asked only of a call
  // that would be reported: it walks the call's parents.)
  auto WithoutExecutor = [&](const CallSite &Site) {
    return onNoExecutorPath(*Site.Call, *Result.Context);
  };
  for (const CallSite &Site : Collector.Calls) {
    if (BlockingCall B = Classifier.classify(*Site.Call)) {
      if (returnsAtOnce(*Site.Call, *Coroutine, 0) || WithoutExecutor(Site))
        continue;
      reportDirect(*Site.Call, B, *Coroutine, Site.IsStatement,
                   *Result.Context);
      continue;
    }
    if (TransitiveDepth == 0)
      continue;
    if (std::optional<Path> P =
            throughHelper(Site, TransitiveDepth, *Coroutine, 0))
      if (!blocksThroughUserCallable(*Coroutine, *P) && !WithoutExecutor(Site))
        reportIndirect(*Site.Call, *P, *Coroutine);
  }
}

void BlockingCallCheck::reportDirect(const Expr &Call, const BlockingCall &B,
                                     const FunctionDecl &Coroutine,
                                     bool IsStatement, const ASTContext &Ctx) {
  if (B.Kind == BlockKind::Bridge)
    diag(Call.getBeginLoc(), "blocking call to '%0' in %1 may deadlock: '%0' "
                             "waits for work that needs this thread")
        << B.Name << describeCoroutine(Coroutine) << Call.getSourceRange();
  else
    diag(Call.getBeginLoc(),
         "blocking call to '%0' in %1 stalls every coroutine on this thread")
        << B.Name << describeCoroutine(Coroutine) << Call.getSourceRange();
  addAlternativeNote(Call, B, Coroutine, IsStatement, Ctx);
}

void BlockingCallCheck::reportIndirect(const Expr &Call, const Path &P,
                                       const FunctionDecl &Coroutine) {
  const bool Bridge = P.Blocking.Kind == BlockKind::Bridge;
  // A helper that reaches a bridge is a bridge itself (run_sync(t) over
  // sync_wait): the message says so, as for the runtime's own.
  diag(Call.getBeginLoc(),
       Bridge ? "call to '%0' in %1 may deadlock: '%0' is a bridge that "
                "blocks on '%2', which waits for work that needs this thread"
              : "call to '%0' in %1 blocks: it reaches '%2', which stalls "
                "every coroutine on this thread")
      << displayName(*P.Steps.front().Callee) << describeCoroutine(Coroutine)
      << P.Blocking.Name << Call.getSourceRange();
  for (size_t I = 1; I < P.Steps.size(); ++I) {
    const bool Last = I + 1 == P.Steps.size();
    diag(P.Steps[I].Call->getBeginLoc(),
         !Last    ? "'%0' calls '%1' here"
         : Bridge ? "'%0' blocks on '%1' here"
                  : "'%0' calls blocking function '%1' here",
         DiagnosticIDs::Note)
        << displayName(*P.Steps[I - 1].Callee)
        << (Last ? P.Blocking.Name : displayName(*P.Steps[I].Callee));
  }
}

void BlockingCallCheck::addAlternativeNote(const Expr &Call,
                                           const BlockingCall &B,
                                           const FunctionDecl &Coroutine,
                                           bool IsStatement,
                                           const ASTContext &Ctx) {
  const llvm::StringRef RuntimeNS = taskNamespace(Coroutine);
  const auto *CE = llvm::dyn_cast<CallExpr>(&Call);
  const FunctionDecl *Callee = calleeOf(Call);
  if (B.Kind == BlockKind::Blocking && IsStatement && CE && Callee &&
      !llvm::isa<CXXMethodDecl>(Callee) && !llvm::isa<CXXOperatorCallExpr>(CE)) {
    for (const Replacement &R : Replacements) {
      if (!R.From.matches(*Callee))
        continue;
      if (RuntimeNS.empty() || R.Namespace != RuntimeNS)
        continue;
      SourceRange CalleeRange = CE->getCallee()->IgnoreImpCasts()->getSourceRange();
      if (CalleeRange.getBegin().isMacroID() || CalleeRange.getEnd().isMacroID())
        continue;
      diag(Call.getBeginLoc(), "use the awaitable '%0' instead",
           DiagnosticIDs::Note)
          << R.To << FixItHint::CreateReplacement(CalleeRange, R.To);
      return;
    }
  }
  if (B.Kind == BlockKind::Bridge)
    diag(Call.getBeginLoc(),
         "'co_await' the work instead of blocking this thread on it",
         DiagnosticIDs::Note);
  else if (llvm::StringRef Offload = offloadAwaitable(RuntimeNS);
           !RuntimeNS.empty() && !Offload.empty())
    diag(Call.getBeginLoc(), "run blocking work on a thread pool with '%0'",
         DiagnosticIDs::Note)
        << Offload;
  else
    diag(Call.getBeginLoc(),
         "use the runtime's awaitable equivalent, or run the blocking work on "
         "a thread pool and 'co_await' its result",
         DiagnosticIDs::Note);
}

} // namespace clang::tidy::coro
