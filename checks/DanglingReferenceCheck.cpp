//===--- DanglingReferenceCheck.cpp - coro-dangling-reference -------------===//
//
// At each call of a coroutine (and of a helper that calls a coroutine lambda
// it takes by reference), three questions:
//  1. Is a temporary, a local, or a lambda closure bound to a reference-like
//     parameter (T&, T&&, a view, a pointer, 'this')?
//  2. Does the coroutine use it when it can already be gone: anywhere in the
//     body for a lazy task, after the first suspension for an eager one?
//  3. Does the task outlive what it refers to: not awaited in the same
//     full-expression but stored, returned, handed to a spawn API, started
//     detached or (eager) discarded?
// Only when all three say yes is the call reported.
//
//===----------------------------------------------------------------------===//

#include "DanglingReferenceCheck.h"
#include "utils/Coroutines.h"
#include "utils/DeclNames.h"
#include "utils/ProfileSelection.h"
#include "utils/Profiles.h"
#include "utils/Referents.h"
#include "utils/TaskFate.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::coro {
namespace {

/// The profiles' names of the kinds \p Kinds, ';'-separated (an option's
/// default).
std::string namesOf(std::initializer_list<EntryKind> Kinds) {
  std::string Out;
  for (EntryKind K : Kinds)
    if (std::string Names = profileNames(K); !Names.empty())
      Out += (Out.empty() ? "" : ";") + Names;
  return Out;
}


std::string typeName(QualType T, const ASTContext &Ctx) {
  T = T.getNonReferenceType().getUnqualifiedType();
  if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl(); RD && RD->isLambda())
    return "lambda";
  PrintingPolicy Policy(Ctx.getLangOpts());
  Policy.SuppressTagKeyword = true;
  Policy.SuppressUnwrittenScope = true; // std::__1::string -> std::string
  // As written when the program names it (std::string); otherwise the
  // qualified canonical type (std::basic_string<char>), not the bare
  // 'basic_string<char, char_traits<char>, allocator<char>>' of a
  // template's return type.
  const auto *Elaborated = llvm::dyn_cast<ElaboratedType>(T.getTypePtr());
  const bool Spelled = Elaborated ? Elaborated->getQualifier() != nullptr
                                  : llvm::isa<TypedefType, BuiltinType>(T);
  if (!Spelled) {
    T = T.getCanonicalType();
    Policy.FullyQualifiedName = true;
    Policy.PrintCanonicalTypes = true;
  }
  return T.getAsString(Policy);
}

std::string functionName(const FunctionDecl &FD) {
  if (isLambdaCallOperator(FD))
    return "this lambda";
  return "'" + plainQualifiedName(FD) + "'";
}

bool isNameTaken(const FunctionDecl &Fn, llvm::StringRef Name) {
  struct Finder : RecursiveASTVisitor<Finder> {
    llvm::StringRef Name;
    bool Found = false;
    bool VisitNamedDecl(NamedDecl *D) {
      if (D->getDeclName().isIdentifier() && D->getName() == Name)
        Found = true;
      return !Found;
    }
  } F;
  F.Name = Name;
  for (const ParmVarDecl *P : Fn.parameters())
    if (P->getDeclName().isIdentifier() && P->getName() == Name)
      return true;
  F.TraverseStmt(const_cast<Stmt *>(Fn.getBody()));
  return F.Found;
}

/// Whether \p T's parameter binds what the caller passes by reference: a
/// reference, a pointer, or a view (listed, or [[gsl::Pointer]]).
bool isBoundByReference(QualType T, const NameList &ViewTypes,
                        const NameList &SafeViewTypes) {
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (RD && SafeViewTypes.matches(*RD))
    return false;
  const bool View = !T->isReferenceType() && RD &&
                    (ViewTypes.matches(*RD) || RD->hasAttr<PointerAttr>());
  return T->isReferenceType() || T->isPointerType() || View;
}

/// Whether \p Helper calls its parameter \p Param (a callable it takes).
bool callsParameter(const FunctionDecl &Helper, const ParmVarDecl &Param) {
  struct CallsParam : RecursiveASTVisitor<CallsParam> {
    const ParmVarDecl *Param;
    bool Found = false;
    bool VisitCallExpr(CallExpr *C) {
      const Expr *Fn = llvm::isa<CXXOperatorCallExpr>(C) && C->getNumArgs()
                           ? C->getArg(0)
                           : C->getCallee();
      if (const auto *Inner = llvm::dyn_cast<CallExpr>(ignoreWrappers(Fn));
          Inner && Inner->getNumArgs() == 1 &&
          isStdFunction(Inner->getDirectCallee(), "forward"))
        Fn = Inner->getArg(0);
      if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(Fn->IgnoreParenImpCasts()))
        Found |= Ref->getDecl() == Param;
      return !Found;
    }
  } Calls;
  Calls.Param = &Param;
  Calls.TraverseStmt(const_cast<Stmt *>(Helper.getBody()));
  return Calls.Found;
}

bool isEagerPolicy(StartPolicy P) {
  return P == StartPolicy::Eager || P == StartPolicy::EagerAttached;
}

/// The variable whose member API took the task: 'scope' in scope.add(...),
/// 'c' in c.tasks.push_back(...).
const VarDecl *ownerOf(const Expr *HandedTo) {
  for (const Expr *E = HandedTo; E;) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Member = llvm::dyn_cast<MemberExpr>(E);
        Member && !Member->isArrow()) {
      E = Member->getBase();
      continue;
    }
    if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E))
      return llvm::dyn_cast<VarDecl>(Ref->getDecl());
    break;
  }
  return nullptr;
}

/// Whether \p Var is used in \p Body after \p After.
bool usedAfter(const Stmt *Body, const VarDecl &Var, SourceLocation After,
               const SourceManager &SM) {
  BodyUses Scan = bodyUses(Body);
  return llvm::any_of(Scan.Uses, [&](const Expr *U) {
    const auto *Ref = llvm::dyn_cast<DeclRefExpr>(U);
    return Ref && Ref->getDecl() == &Var &&
           SM.isBeforeInTranslationUnit(After, U->getBeginLoc());
  });
}

/// The first use of the local holding the task after \p Call, and whether
/// it is inside a co_await.
std::pair<const Expr *, bool> laterUse(const VarDecl &Holder,
                                       const CallExpr &Call,
                                       const FunctionDecl &Enclosing,
                                       const SourceManager &SM) {
  struct Finder : RecursiveASTVisitor<Finder> {
    const VarDecl *Var;
    SourceLocation After;
    const SourceManager *SM;
    const Expr *Found = nullptr;
    bool InAwait = false, FoundInAwait = false;
    bool TraverseCoawaitExpr(CoawaitExpr *E) {
      bool Saved = InAwait;
      InAwait = true;
      bool R = RecursiveASTVisitor::TraverseCoawaitExpr(E);
      InAwait = Saved;
      return R;
    }
    bool VisitDeclRefExpr(DeclRefExpr *E) {
      if (E->getDecl() == Var && SM->isBeforeInTranslationUnit(After, E->getBeginLoc())) {
        Found = E;
        FoundInAwait = InAwait;
        return false;
      }
      return true;
    }
  } Finder;
  Finder.Var = &Holder;
  Finder.After = Call.getEndLoc();
  Finder.SM = &SM;
  Finder.TraverseStmt(const_cast<Stmt *>(Enclosing.getBody()));
  return {Finder.Found, Finder.FoundInAwait};
}

/// "is stored in 'pending' and awaited later (line 12)", "is handed to
/// 'aio::spawn', which keeps it beyond this statement", ...
std::string outlivesWords(const TaskFate &F, const Expr *LaterUse,
                          bool LaterAwait, const SourceManager &SM) {
  std::string Outlives;
  auto TargetName = [&] {
    return F.Target && F.Target->getDeclName().isIdentifier()
               ? "'" + F.Target->getName().str() + "'"
               : std::string("another object");
  };
  switch (F.K) {
  case TaskFate::StoredLocal:
  case TaskFate::Stored:
    Outlives = "is stored in " + TargetName();
    if (LaterUse && F.K == TaskFate::StoredLocal)
      Outlives += (LaterAwait ? " and awaited later (line " : " and used later (line ") +
                  std::to_string(SM.getPresumedLineNumber(LaterUse->getBeginLoc())) + ")";
    break;
  case TaskFate::Returned:
    Outlives = "is returned from " +
               functionName(*llvm::cast<FunctionDecl>(F.Target));
    break;
  case TaskFate::Handed:
    Outlives = "is handed to '" +
               plainQualifiedName(*llvm::cast<FunctionDecl>(F.Target)) +
               "', which keeps it beyond this statement";
    break;
  case TaskFate::Detached:
    Outlives = "is started detached by '" +
               plainQualifiedName(*llvm::cast<FunctionDecl>(F.Target)) + "'";
    break;
  case TaskFate::Discarded:
    Outlives = "keeps running after this statement discards it";
    break;
  case TaskFate::Safe:
    return "";
  }

  return Outlives;
}

/// When the referent \p Ref dies: "at the end of this statement", "at the
/// end of its scope", "when coroutine 'run' finishes", ...
std::string endsWords(const Referent &Ref, const FunctionDecl *Enclosing,
                      ASTContext &Ctx) {
  std::string Ends = "at the end of this statement";
  if (Ref.K == Referent::Local) {
    const CompoundStmt *Scope = scopeOf(*Ref.Var, Ctx);
    if (Scope && Enclosing && Scope != Enclosing->getBody() &&
        !(isCoroutine(*Enclosing) &&
          Scope == coroutineBody(*Enclosing)->getBody()))
      Ends = "at the end of its scope";
    else if (Enclosing && isCoroutine(*Enclosing))
      Ends = "when " + describeCoroutine(*Enclosing) + " finishes";
    else if (Enclosing)
      Ends = "when " + functionName(*Enclosing) + " returns";
  }
  return Ends;
}

} // namespace

struct DanglingReferenceCheck::Binding {
  enum Kind { Temporary, Local, Closure, ThisTemporary, ThisLocal } K;
  const Expr *Arg = nullptr;
  Referent Ref;
  /// The coroutine parameter, or null for 'this' and closures.
  const ParmVarDecl *Param = nullptr;
  /// The coroutine whose body uses it, and the use.
  const FunctionDecl *Coroutine = nullptr;
  const Expr *Use = nullptr;
  bool Eager = false;
  /// For a lambda handed to a helper by reference: the helper.
  const FunctionDecl *Helper = nullptr;
};

DanglingReferenceCheck::DanglingReferenceCheck(StringRef Name,
                                               ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      KeepAliveFunctions(
          Options.get("KeepAliveFunctions", namesOf({EntryKind::CallableKeepAlive}))),
      BorrowingWrappers(
          Options.get("BorrowingWrappers", namesOf({EntryKind::CallableBorrow}))),
      StoringFunctions(
          Options.get("StoringFunctions", namesOf({EntryKind::StoresCallable}))),
      EscapingFunctions(
          Options.get("EscapingFunctions", namesOf({EntryKind::TaskEscaping}))),
      DetachingMembers(namesOf({EntryKind::DetachingMember})),
      PassThroughFunctions(namesOf({EntryKind::PassThrough})),
      ViewTypes(Options.get("ViewTypes", namesOf({EntryKind::ViewType}))),
      SafeViewTypes(Options.get("SafeViewTypes", "")),
      Bridges(Options),
      TaskTypes(Options.getLocalOrGlobal("TaskTypes",
                                         profileNames(EntryKind::TaskType))),
      // Task types structure cannot see (asio::awaitable: its promise comes
      // from a coroutine_traits specialisation); eager and detached ones.
      Classifier(TaskTypes.raw(), "",
                 namesOf({EntryKind::EagerType, EntryKind::EagerAttachedType,
                          EntryKind::DetachedType}),
                 "") {
  setProfilesOption(Options.getLocalOrGlobal("Profiles", ""));
}

void DanglingReferenceCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "KeepAliveFunctions", KeepAliveFunctions.raw());
  Options.store(Opts, "BorrowingWrappers", BorrowingWrappers.raw());
  Options.store(Opts, "StoringFunctions", StoringFunctions.raw());
  Options.store(Opts, "EscapingFunctions", EscapingFunctions.raw());
  Options.store(Opts, "ViewTypes", ViewTypes.raw());
  Options.store(Opts, "SafeViewTypes", SafeViewTypes.raw());
  Options.store(Opts, "TaskTypes", TaskTypes.raw());
  Bridges.store(Options, Opts);
}

void DanglingReferenceCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(callExpr(unless(isExpansionInSystemHeader())).bind("call"),
                     this);
}

void DanglingReferenceCheck::check(const MatchFinder::MatchResult &Result) {
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call"))
    checkCall(*Call, *Result.Context);
}

AwaitableKind DanglingReferenceCheck::classify(QualType T) {
  T = T.getNonReferenceType().getCanonicalType();
  auto [It, New] = Kinds.try_emplace(T.getTypePtr());
  if (New)
    It->second = Classifier.classify(T);
  return It->second;
}

bool DanglingReferenceCheck::passesTaskThrough(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (Callee && PassThroughFunctions.matches(*Callee))
    return true;
  return static_cast<bool>(classify(Call.getType()));
}

/// The rule: a call of a coroutine binds a temporary, a local or a closure
/// that its body uses when it can be gone, and the task outlives it.
void DanglingReferenceCheck::checkCall(const CallExpr &Call, ASTContext &Ctx) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || Call.isTypeDependent())
    return;
  AwaitableKind Kind = classify(Callee->getReturnType());
  if (!Kind || Kind.Policy == StartPolicy::NotATask)
    return;
  if (KeepAliveFunctions.matches(*Callee) || StoringFunctions.matches(*Callee))
    return;
  const FunctionDecl *Def = definitionWithBody(Callee);
  if (!Def)
    return;
  const bool Eager = isEagerPolicy(Kind.Policy);
  const auto *Method = llvm::dyn_cast<CXXMethodDecl>(Callee);
  llvm::SmallVector<Binding, 2> Bindings =
      Method && BorrowingWrappers.matches(*Method->getParent())
          ? borrowBindings(Call, Ctx)
      : coroutineBody(*Def) ? coroutineBindings(Call, *Def, Eager, Ctx)
                            : helperBindings(Call, *Def, Ctx);
  if (Bindings.empty())
    return;

  auto PassesThrough = [this](const CallExpr &C) { return passesTaskThrough(C); };
  TaskFates Fates(EscapingFunctions, DetachingMembers, PassesThrough);
  TaskFate F = Fates.of(Call, Ctx);
  if (F.K == TaskFate::Safe || (F.K == TaskFate::Discarded && !Eager))
    return;
  const FunctionDecl *Enclosing =
      enclosingFunction(DynTypedNode::create(Call), Ctx);
  const SourceManager &SM = Ctx.getSourceManager();
  for (const Binding &B : Bindings) {
    if (B.K == Binding::Local || B.K == Binding::ThisLocal ||
        (B.K == Binding::Closure && B.Ref.K == Referent::Local)) {
      if (!outlivesLocal(Call, *B.Ref.Var, F, Enclosing, Ctx))
        continue;
    } else if (F.K == TaskFate::StoredLocal && !B.Eager && F.Holder) {
      // A lazy task kept in a local runs only when used: a local nobody
      // uses again is coro-unawaited-task's finding, not this one.
      if (!Enclosing || !Enclosing->getBody() ||
          !usedAfter(Enclosing->getBody(), *F.Holder, Call.getEndLoc(), SM))
        continue;
    }
    report(Call, B, F, Ctx);
  }
}

/// The arguments (and the object) of a call of coroutine \p Def that bind
/// what its body uses when it can be gone.
llvm::SmallVector<DanglingReferenceCheck::Binding, 2>
DanglingReferenceCheck::coroutineBindings(const CallExpr &Call,
                                          const FunctionDecl &Def, bool Eager,
                                          ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  // The arguments: a member operator call (a lambda's operator()) passes
  // the object first.
  llvm::ArrayRef<const Expr *> Args(Call.getArgs(), Call.getNumArgs());
  const Expr *Object = nullptr;
  const auto *Method = llvm::dyn_cast<CXXMethodDecl>(&Def);
  if (const auto *Member = llvm::dyn_cast<CXXMemberCallExpr>(&Call))
    Object = Member->getImplicitObjectArgument();
  else if (llvm::isa<CXXOperatorCallExpr>(Call) && Method &&
           Method->isInstance() && !Args.empty()) {
    Object = Args.front();
    Args = Args.drop_front();
  }
  if (Object && Method && Method->isExplicitObjectMemberFunction())
    Object = nullptr;

  llvm::SmallVector<Binding, 2> Bindings;
  // Suspension points matter only to an eager coroutine (firstDanglingUse).
  BodyUses Scan = bodyUses(coroutineBody(Def)->getBody(),
                           Eager ? &Def.getASTContext() : nullptr);
  for (unsigned I = 0; I < Args.size() && I < Def.getNumParams(); ++I) {
    const ParmVarDecl *Param = Def.getParamDecl(I);
    if (!isBoundByReference(Param->getType(), ViewTypes, SafeViewTypes))
      continue;
    Referent R = referentOf(Args[I], Param->getType());
    if (R.K == Referent::None)
      continue;
    const Expr *Use = firstDanglingUse(Scan, Eager, SM, [&](const Expr *U) {
      const auto *Ref = llvm::dyn_cast<DeclRefExpr>(U);
      return Ref && Ref->getDecl() == Param;
    });
    if (Use)
      Bindings.push_back({R.K == Referent::Temporary ? Binding::Temporary
                                                     : Binding::Local,
                          Args[I], R, Param, &Def, Use, Eager});
  }
  if (!Object || !Method || Object->getType()->isPointerType())
    return Bindings;
  Referent R = referentOf(Object, Ctx.getLValueReferenceType(Object->getType()));
  const bool OfLambda = Method->getParent()->isLambda();
  const LambdaExpr *Lambda = OfLambda ? closureLambda(R.E) : nullptr;
  if (R.K == Referent::Local && OfLambda)
    Lambda = lambdaThrough(R.Var->getInit());
  if (R.K == Referent::None || (OfLambda && !Lambda))
    return Bindings;
  const Expr *Use = firstDanglingUse(Scan, Eager, SM, [&](const Expr *U) {
    return Lambda ? isCaptureUse(*Lambda, U) : llvm::isa<CXXThisExpr>(U);
  });
  if (Use)
    Bindings.push_back({Lambda                         ? Binding::Closure
                        : R.K == Referent::Temporary ? Binding::ThisTemporary
                                                     : Binding::ThisLocal,
                        Object, R, nullptr, &Def, Use, Eager});
  return Bindings;
}

/// A helper that takes a coroutine lambda by reference, calls it and
/// returns its task: the closure must outlive the task.
llvm::SmallVector<DanglingReferenceCheck::Binding, 2>
DanglingReferenceCheck::helperBindings(const CallExpr &Call,
                                       const FunctionDecl &Def,
                                       ASTContext &Ctx) {
  llvm::SmallVector<Binding, 2> Bindings;
  llvm::ArrayRef<const Expr *> Args(Call.getArgs(), Call.getNumArgs());
  for (unsigned I = 0; I < Args.size() && I < Def.getNumParams(); ++I) {
    const ParmVarDecl *Param = Def.getParamDecl(I);
    if (!Param->getType()->isReferenceType())
      continue;
    if (!callsParameter(Def, *Param))
      continue;
    Referent R = referentOf(Args[I], Param->getType());
    if (std::optional<Binding> B = closureBinding(Args[I], R, Param, &Def, Ctx))
      Bindings.push_back(*B);
  }
  return Bindings;
}

/// The closure of a capturing coroutine lambda, the temporary \p R that
/// \p Arg makes, when the lambda's body uses a capture at a point where the
/// closure can be gone (any use for a lazy lambda, one after a suspension
/// for an eager one); handed to \p Helper's \p Param, or to neither.
std::optional<DanglingReferenceCheck::Binding>
DanglingReferenceCheck::closureBinding(const Expr *Arg, const Referent &R,
                                       const ParmVarDecl *Param,
                                       const FunctionDecl *Helper,
                                       ASTContext &Ctx) {
  const LambdaExpr *Lambda =
      R.K == Referent::Temporary ? closureLambda(R.E) : nullptr;
  const CXXMethodDecl *Op = Lambda ? Lambda->getCallOperator() : nullptr;
  const CoroutineBodyStmt *LambdaBody = Op ? coroutineBody(*Op) : nullptr;
  if (!LambdaBody || !Lambda->capture_size())
    return std::nullopt;
  const bool LambdaEager = isEagerPolicy(classify(Op->getReturnType()).Policy);
  const Expr *Use = firstDanglingUse(
      bodyUses(LambdaBody->getBody(), LambdaEager ? &Ctx : nullptr),
      LambdaEager, Ctx.getSourceManager(),
      [&](const Expr *U) { return isCaptureUse(*Lambda, U); });
  if (!Use)
    return std::nullopt;
  return Binding{Binding::Closure, Arg, R, Param, Op, Use, LambdaEager, Helper};
}

/// A call of a borrowing wrapper made on the spot from a capturing coroutine
/// lambda (`seastar::coroutine::lambda([&] ...)()`): the wrapper holds only a
/// pointer, so the closure, a temporary, dies with the statement as if the
/// lambda were called directly.
llvm::SmallVector<DanglingReferenceCheck::Binding, 2>
DanglingReferenceCheck::borrowBindings(const CallExpr &Call, ASTContext &Ctx) {
  llvm::SmallVector<Binding, 2> Bindings;
  const Expr *Object = nullptr;
  if (const auto *Member = llvm::dyn_cast<CXXMemberCallExpr>(&Call))
    Object = Member->getImplicitObjectArgument();
  else if (llvm::isa<CXXOperatorCallExpr>(Call) && Call.getNumArgs() > 0)
    Object = Call.getArg(0);
  const auto *Made = Object ? llvm::dyn_cast<CXXConstructExpr>(
                                  Object->IgnoreParenImpCasts()->IgnoreImplicit())
                            : nullptr;
  if (const auto *Cast = Object ? llvm::dyn_cast<CXXFunctionalCastExpr>(
                                      Object->IgnoreParenImpCasts())
                                : nullptr)
    Made = llvm::dyn_cast<CXXConstructExpr>(Cast->getSubExpr()->IgnoreImplicit());
  if (!Made || Made->getNumArgs() < 1)
    return Bindings;
  const Expr *Arg = Made->getArg(0);
  Referent R = referentOf(Arg, Ctx.getRValueReferenceType(Arg->getType()));
  if (std::optional<Binding> B = closureBinding(Arg, R, nullptr, nullptr, Ctx))
    Bindings.push_back(*B);
  return Bindings;
}

/// Whether \p S waits for work started before it: a bridge (io_context::run,
/// sync_wait), a member call that blocks until something completes (a
/// latch's or future's wait(), a semaphore's acquire(), a thread's join(), a
/// pool's shutdown(), which drains it),
/// or a loop that spins or polls (an empty body, or only pauses: sleep_for,
/// yield) until a flag changes.
bool DanglingReferenceCheck::waitsForWork(const Stmt &S) const {
  if (const auto *CE = llvm::dyn_cast<CallExpr>(&S)) {
    const FunctionDecl *Callee = CE->getDirectCallee();
    if (!Callee)
      return false;
    if (Bridges.list().matches(*Callee))
      return true;
    static const llvm::StringRef Waits[] = {
        "wait",         "wait_for",        "wait_until",        "acquire",
        "join",         "get",             "arrive_and_wait",   "try_acquire_for",
        "try_acquire_until", "shutdown"};
    return llvm::isa<CXXMemberCallExpr>(CE) && Callee->getIdentifier() &&
           llvm::is_contained(Waits, Callee->getName());
  }
  const Stmt *Body = nullptr;
  if (const auto *W = llvm::dyn_cast<WhileStmt>(&S))
    Body = W->getBody();
  else if (const auto *D = llvm::dyn_cast<DoStmt>(&S))
    Body = D->getBody();
  else if (const auto *F = llvm::dyn_cast<ForStmt>(&S); F && F->getCond())
    Body = F->getBody();
  if (!Body)
    return false;
  // Spinning, or polling with a pause in between (sleep_for, yield).
  auto Pauses = [](const Stmt *S) {
    const auto *E = llvm::dyn_cast<Expr>(S);
    const auto *CE =
        E ? llvm::dyn_cast<CallExpr>(E->IgnoreImplicit()) : nullptr;
    const FunctionDecl *Callee = CE ? CE->getDirectCallee() : nullptr;
    if (!Callee || !Callee->getIdentifier())
      return false;
    std::string Name = Callee->getName().lower();
    return llvm::StringRef(Name).contains("sleep") ||
           llvm::StringRef(Name).contains("yield") ||
           llvm::StringRef(Name).contains("pause");
  };
  if (llvm::isa<NullStmt>(Body) || Pauses(Body))
    return true;
  const auto *Block = llvm::dyn_cast<CompoundStmt>(Body);
  return Block && llvm::all_of(Block->body(), [&](const Stmt *Inner) {
           return llvm::isa<NullStmt>(Inner) || Pauses(Inner);
         });
}

/// Whether \p Scope waits, after \p Call, for the work started (see
/// waitsForWork).
bool DanglingReferenceCheck::waitAfter(const CompoundStmt &Scope,
                                       const CallExpr &Call,
                                       const SourceManager &SM) const {
  llvm::SmallVector<const Stmt *, 16> Work{&Scope};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S || llvm::isa<LambdaExpr>(S))
      continue;
    if (SM.isBeforeInTranslationUnit(Call.getEndLoc(), S->getBeginLoc()) &&
        waitsForWork(*S))
      return true;
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return false;
}

/// Whether the task outlives \p Local, which dies at the end of its scope:
/// only a task that leaves the scope does.
bool DanglingReferenceCheck::outlivesLocal(const CallExpr &Call,
                                           const VarDecl &Local,
                                           const TaskFate &F,
                                           const FunctionDecl *Enclosing,
                                           ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  if (!Enclosing || Local.getDeclContext() != Enclosing)
    return false;
  switch (F.K) {
  case TaskFate::Returned:
  case TaskFate::Stored:
    return true;
  case TaskFate::StoredLocal: {
    const CompoundStmt *Scope = scopeOf(Local, Ctx);
    return Scope && F.Holder &&
           !contains(SM, Scope->getSourceRange(), F.Holder->getLocation());
  }
  case TaskFate::Handed:
  case TaskFate::Detached:
  case TaskFate::Discarded:
    break;
  case TaskFate::Safe:
    return false;
  }
  // A handle kept in a local in scope, or a spawn whose owner is awaited
  // later in this function (scope.add(...) ... co_await scope.joinAsync()),
  // is joined before the local dies; and so is a task kept by a local
  // container or scope object that dies with (or before) the local.
  const VarDecl *Owner = ownerOf(F.HandedTo);
  const VarDecl *Keeper = F.Holder;
  if (!Keeper && Owner && Owner->hasLocalStorage() &&
      !Owner->getType()->isReferenceType())
    Keeper = Owner;
  if (Keeper) {
    const CompoundStmt *Scope = scopeOf(Local, Ctx);
    if (!Scope || contains(SM, Scope->getSourceRange(), Keeper->getLocation()))
      return false;
  }
  // Started, then waited for in the local's scope: the runtime run to
  // completion (co_spawn(ctx, listen(acceptor), detached); ctx.run();), a
  // latch or future waited on, a spin until a counter drops. The work is
  // done, or abandoned, before the local dies.
  if (!isCoroutine(*Enclosing))
    if (const CompoundStmt *Scope = scopeOf(Local, Ctx);
        Scope && waitAfter(*Scope, Call, SM))
      return false;
  if (!isCoroutine(*Enclosing))
    return true;
  // A join after the call, before the local's scope ends: an await of the
  // spawn's owner (co_await scope.joinAsync()), or of an object that exists
  // already, not a new operation (co_await wait_for_clients, a latch or
  // event the spawned work signals).
  BodyUses Scan = bodyUses(Enclosing->getBody());
  return llvm::none_of(Scan.Suspensions, [&](const Stmt *S) {
    if (!SM.isBeforeInTranslationUnit(Call.getEndLoc(), S->getBeginLoc()))
      return false;
    if (const CompoundStmt *Scope = scopeOf(Local, Ctx);
        Scope && !contains(SM, Scope->getSourceRange(), S->getBeginLoc()))
      return false;
    if (const auto *Await = llvm::dyn_cast<CoawaitExpr>(S)) {
      const Expr *Operand = ignoreWrappers(Await->getOperand());
      if (Operand && llvm::isa<DeclRefExpr, MemberExpr>(Operand->IgnoreParenImpCasts()))
        return true;
    }
    if (!Owner)
      return false;
    BodyUses Inner = bodyUses(S);
    return llvm::any_of(Inner.Uses, [&](const Expr *U) {
      const auto *Ref = llvm::dyn_cast<DeclRefExpr>(U);
      return Ref && Ref->getDecl() == Owner;
    });
  });
}

void DanglingReferenceCheck::report(const CallExpr &Call, const Binding &B,
                                    const TaskFate &F, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Loc = B.Arg->getBeginLoc();
  if (Loc.isMacroID())
    Loc = SM.getExpansionLoc(Loc);
  if (!Reported.insert(Loc.getRawEncoding()).second)
    return;
  const FunctionDecl *Enclosing =
      enclosingFunction(DynTypedNode::create(Call), Ctx);

  // Where the task goes, and its first later use when it stays in a local.
  auto [LaterUse, LaterAwait] =
      F.Holder && Enclosing && Enclosing->getBody()
          ? laterUse(*F.Holder, Call, *Enclosing, SM)
          : std::pair<const Expr *, bool>(nullptr, false);
  std::string Outlives = outlivesWords(F, LaterUse, LaterAwait, SM);
  if (F.K == TaskFate::Safe)
    return;
  std::string Ends = endsWords(B.Ref, Enclosing, Ctx);
  const std::string Coroutine = describeCoroutine(*B.Coroutine);
  const std::string What =
      B.Ref.K == Referent::Temporary
          ? "temporary '" + typeName(B.Ref.E->getType(), Ctx) + "'"
          : "'" + B.Ref.Var->getName().str() + "'";
  const std::string TaskText = F.K == TaskFate::Discarded ? "the eager task" : "the task";
  switch (B.K) {
  case Binding::Temporary:
  case Binding::Local:
    diag(Loc, "%0 bound to parameter '%1' of %2 is destroyed %3, but %4 %5")
        << What << B.Param->getName() << Coroutine << Ends << TaskText
        << Outlives << B.Arg->getSourceRange();
    break;
  case Binding::ThisTemporary:
  case Binding::ThisLocal:
    diag(Loc, "%0, the object of member %1, is destroyed %2, but %3 %4")
        << What << Coroutine << Ends << TaskText << Outlives
        << B.Arg->getSourceRange();
    break;
  case Binding::Closure:
    if (B.Helper)
      diag(Loc, "capturing %0 bound to parameter '%1' of '%2' is destroyed %3, "
                "but the task it returns %4")
          << Coroutine << B.Param->getName() << plainQualifiedName(*B.Helper)
          << Ends << Outlives << B.Arg->getSourceRange();
    else
      diag(Loc, "capturing %0 is destroyed %1 with its captures, but %2 %3")
          << Coroutine << Ends << TaskText << Outlives
          << B.Arg->getSourceRange();
    break;
  }

  // Where the task outlives it.
  if (LaterUse)
    diag(LaterUse->getBeginLoc(),
         LaterAwait ? "the task is awaited here, after %0 is destroyed"
                    : "the task is used here, after %0 is destroyed",
         DiagnosticIDs::Note)
        << What;
  else if (F.Where.isValid())
    diag(F.Where, "the task outlives %0 here", DiagnosticIDs::Note) << What;

  // Where the coroutine uses it.
  std::string UseName = "'this'";
  if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(B.Use))
    UseName = "'" + Ref->getDecl()->getName().str() + "'";
  diag(B.Use->getBeginLoc(),
       B.Eager ? "%0 is used here, after the coroutine's first suspension"
               : "%0 is used here, when the task runs",
       DiagnosticIDs::Note)
      << UseName;


  // One fix, on a note (--fix-notes applies a note's fix only when it is
  // the only one): the most local rewrite that applies.
  if (!fixKeepTemporary(Call, B, F, Enclosing, Ctx) &&
      !fixCoInvoke(Call, B, Ctx))
    fixByValue(B, Ctx);
}

/// A temporary kept in a named local declared before the task, in the same
/// block, lives as long as the task.
bool DanglingReferenceCheck::fixKeepTemporary(const CallExpr &Call,
                                              const Binding &B,
                                              const TaskFate &F,
                                              const FunctionDecl *Enclosing,
                                              ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Loc = B.Arg->getBeginLoc();
  if (Loc.isMacroID())
    Loc = SM.getExpansionLoc(Loc);
  if (B.K != Binding::Temporary || F.K != TaskFate::StoredLocal || !F.Holder ||
      !Enclosing || Loc.isMacroID() || B.Arg->getEndLoc().isMacroID())
    return false;
  DynTypedNodeList Parents = Ctx.getParents(*F.Holder);
  const DeclStmt *Decl = Parents.size() == 1 ? Parents[0].get<DeclStmt>() : nullptr;
  DynTypedNodeList Up = Decl ? Ctx.getParents(*Decl) : DynTypedNodeList(DynTypedNode());
  const bool InBlock = Decl && Up.size() == 1 && Up[0].get<CompoundStmt>() &&
                       Decl->isSingleDecl() &&
                       contains(SM, Decl->getSourceRange(), Call.getBeginLoc());
  const auto *MTE = llvm::dyn_cast<MaterializeTemporaryExpr>(B.Ref.E);
  if (InBlock && MTE) {
    std::string Name = B.Param ? B.Param->getName().str() : "arg";
    if (isNameTaken(*Enclosing, Name))
      Name += "_arg";
    CharSourceRange ArgRange = CharSourceRange::getTokenRange(B.Arg->getSourceRange());
    bool Invalid = false;
    llvm::StringRef ArgText =
        Lexer::getSourceText(ArgRange, SM, Ctx.getLangOpts(), &Invalid);
    // The local's type: the temporary's own ('auto' when the argument
    // already has it, so no conversion is lost).
    const Expr *Written = B.Arg->IgnoreUnlessSpelledInSource();
    QualType TempType = MTE->getType().getUnqualifiedType();
    std::string Type =
        Written->getType().getUnqualifiedType().getCanonicalType() ==
                TempType.getCanonicalType()
            ? "auto"
            : typeName(TempType, Ctx);
    if (!Invalid && !ArgText.empty()) {
      SourceLocation StmtBegin = Decl->getBeginLoc();
      unsigned Column = SM.getSpellingColumnNumber(StmtBegin);
      std::string Indent(Column > 0 ? Column - 1 : 0, ' ');
      diag(B.Arg->getBeginLoc(),
           "keep the temporary in a local declared before the task",
           DiagnosticIDs::Note)
          << FixItHint::CreateInsertion(StmtBegin, Type + " " + Name + " = " +
                                                       ArgText.str() + ";\n" +
                                                       Indent)
          << FixItHint::CreateReplacement(ArgRange, Name);
      return true;
    }
  }
  return false;
}

/// A folly::coro lambda invoked on the spot: co_invoke keeps it alive.
bool DanglingReferenceCheck::fixCoInvoke(const CallExpr &Call, const Binding &B,
                                         ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  if (B.K != Binding::Closure || B.Helper || B.Ref.K != Referent::Temporary)
    return false;
  const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(&Call);
  const CXXRecordDecl *TaskRD = recordOf(B.Coroutine->getReturnType());
  if (Op && Op->getNumArgs() == 1 && TaskRD &&
      plainQualifiedName(*TaskRD) == "folly::coro::Task" &&
      !Call.getBeginLoc().isMacroID() && !Call.getEndLoc().isMacroID()) {
    CharSourceRange LambdaRange =
        CharSourceRange::getTokenRange(B.Arg->getSourceRange());
    SourceLocation LambdaEnd = Lexer::getLocForEndOfToken(
        B.Arg->getEndLoc(), 0, SM, Ctx.getLangOpts());
    diag(Call.getBeginLoc(),
         "wrap the lambda in 'folly::coro::co_invoke', which keeps it alive "
         "until its task completes",
         DiagnosticIDs::Note)
        << FixItHint::CreateInsertion(LambdaRange.getBegin(),
                                      "folly::coro::co_invoke(")
        << FixItHint::CreateReplacement(
               CharSourceRange::getCharRange(LambdaEnd,
                                             Lexer::getLocForEndOfToken(
                                                 Call.getEndLoc(), 0, SM,
                                                 Ctx.getLangOpts())),
               ")");
    return true;
  }
  return false;
}

/// Otherwise: take the parameter by value.
void DanglingReferenceCheck::fixByValue(const Binding &B, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  const ParmVarDecl *Param = B.K == Binding::Temporary || B.K == Binding::Local
                                 ? B.Param
                                 : nullptr;
  // (Not for a non-const lvalue reference: the coroutine may write through
  // it.)
  const bool CopyableRef =
      Param && (Param->getType()->isRValueReferenceType() ||
                Param->getType().getNonReferenceType().isConstQualified());
  if (Param && CopyableRef && !ByValueFixed.contains(Param) &&
      Param->getType()->isReferenceType() &&
      !B.Coroutine->getTemplateInstantiationPattern() &&
      !B.Coroutine->getPreviousDecl() && !B.Coroutine->isTemplated() &&
      Param->getTypeSourceInfo()) {
    TypeLoc TL = Param->getTypeSourceInfo()->getTypeLoc();
    if (auto RefTL = TL.getAs<ReferenceTypeLoc>()) {
      TypeLoc Pointee = RefTL.getPointeeLoc().getUnqualifiedLoc();
      CharSourceRange PointeeRange =
          CharSourceRange::getTokenRange(Pointee.getSourceRange());
      CharSourceRange Whole = CharSourceRange::getTokenRange(TL.getSourceRange());
      bool Invalid = false;
      llvm::StringRef Text =
          Lexer::getSourceText(PointeeRange, SM, Ctx.getLangOpts(), &Invalid);
      if (!Invalid && !Text.empty() && !Whole.getBegin().isMacroID() &&
          !Whole.getEnd().isMacroID() && !B.Coroutine->isTemplateInstantiation()) {
        // "const std::string &key" -> "std::string key".
        SourceLocation After = Lexer::getLocForEndOfToken(
            Whole.getEnd(), 0, SM, Ctx.getLangOpts());
        const char *Next = SM.getCharacterData(After, &Invalid);
        std::string Replacement = Text.str();
        if (!Invalid && Next && !isWhitespace(*Next) && *Next != ',' &&
            *Next != ')')
          Replacement += " ";
        diag(Param->getLocation(),
             "take '%0' by value: the coroutine frame then owns a copy",
             DiagnosticIDs::Note)
            << Param->getName() << FixItHint::CreateReplacement(Whole, Replacement);
        // Once per parameter: the same edit offered by several warnings
        // would conflict with itself.
        ByValueFixed.insert(Param);
      }
    }
  }
}

} // namespace clang::tidy::coro
