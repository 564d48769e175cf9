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
#include "llvm/Support/Regex.h"

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

/// typeName for a type that may be a reference or a pointer ('const
/// std::string &', 'int *').
std::string fullTypeName(QualType T, const ASTContext &Ctx) {
  if (!T->isReferenceType() && !T->isPointerType())
    return typeName(T, Ctx);
  QualType Pointee = T->getPointeeType();
  return (Pointee.isConstQualified() ? "const " : "") + typeName(Pointee, Ctx) +
         (T->isPointerType()           ? " *"
          : T->isRValueReferenceType() ? " &&"
                                       : " &");
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


/// The type of a coroutine's result as written: the first template argument
/// of its return type (Task<std::string_view>, future<const T &>), with the
/// argument's source range when it is spelled in the declaration.
std::pair<QualType, SourceRange> resultType(const FunctionDecl &FD) {
  const auto *Spec = llvm::dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      recordOf(FD.getReturnType()));
  if (!Spec || Spec->getTemplateArgs().size() == 0 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return {};
  QualType T = Spec->getTemplateArgs()[0].getAsType();
  SourceRange Written;
  if (FunctionTypeLoc FTL = FD.getFunctionTypeLoc()) {
    TypeLoc Ret = FTL.getReturnLoc();
    if (auto Elaborated = Ret.getAs<ElaboratedTypeLoc>())
      Ret = Elaborated.getNamedTypeLoc();
    if (auto TST = Ret.getAs<TemplateSpecializationTypeLoc>();
        TST && TST.getNumArgs() > 0 &&
        TST.getArgLoc(0).getArgument().getKind() == TemplateArgument::Type)
      if (TypeSourceInfo *TSI = TST.getArgLoc(0).getTypeSourceInfo();
          // Not an alias template's argument (OptTask<T> = Task<optional<T>>).
          TSI && FD.getASTContext().hasSameType(TSI->getType(), T)) {
        T = TSI->getType();
        Written = TSI->getTypeLoc().getSourceRange();
      }
  }
  return {T, Written};
}

/// What an assignment's left side \p LHS stores into that outlives the frame
/// of coroutine \p FD: a member of its object (m, this->m), what a reference
/// or pointer parameter refers to (out, *out, out->m), a global or a static.
/// Null for a local.
const NamedDecl *outlivingTarget(const Expr *LHS) {
  const Expr *E = LHS->IgnoreParenImpCasts();
  const NamedDecl *Target = nullptr;
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Member = llvm::dyn_cast<MemberExpr>(E)) {
      if (!Target)
        Target = Member->getMemberDecl();
      const Expr *Base = Member->getBase()->IgnoreParenImpCasts();
      if (llvm::isa<CXXThisExpr>(Base))
        return Target;
      E = Base;
      if (Member->isArrow()) {
        const auto *Ref = llvm::dyn_cast<DeclRefExpr>(Base);
        const auto *Parm =
            Ref ? llvm::dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
        return Parm ? Target : nullptr;
      }
      continue;
    }
    if (const auto *Unary = llvm::dyn_cast<UnaryOperator>(E);
        Unary && Unary->getOpcode() == UO_Deref) {
      const auto *Ref = llvm::dyn_cast<DeclRefExpr>(
          Unary->getSubExpr()->IgnoreParenImpCasts());
      const auto *Parm =
          Ref ? llvm::dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
      return Parm ? (Target ? Target : Parm) : nullptr;
    }
    if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E)) {
      const auto *Var = llvm::dyn_cast<VarDecl>(Ref->getDecl());
      if (!Var || Ref->refersToEnclosingVariableOrCapture())
        return nullptr;
      const bool Outlives =
          !Var->hasLocalStorage() ||
          (llvm::isa<ParmVarDecl>(Var) && Var->getType()->isReferenceType());
      return Outlives ? (Target ? Target : Var) : nullptr;
    }
    return nullptr;
  }
  return nullptr;
}

/// One assignment in a coroutine's body: what it stores into, and what.
struct Store {
  const Expr *LHS, *RHS;
  SourceLocation Loc;
  /// In a nested lambda (a deferred cleanup: it may run after any store).
  bool InLambda;
};

/// A coroutine body's co_return values (its own, not nested lambdas') and
/// the assignments anywhere in it (a nested lambda's too: a reset in a
/// deferred cleanup counts).
struct FrameScan : ContextVisitor<FrameScan> {
  std::vector<const CoreturnStmt *> Returns;
  bool VisitCoreturnStmt(CoreturnStmt *S) {
    if (S->getOperand() && !S->isImplicit())
      Returns.push_back(S);
    return true;
  }
};

std::vector<Store> assignmentsIn(const Stmt *Body) {
  struct Finder : RecursiveASTVisitor<Finder> {
    std::vector<Store> Stores;
    unsigned Lambdas = 0;
    bool TraverseLambdaExpr(LambdaExpr *L) {
      ++Lambdas;
      bool Result = RecursiveASTVisitor::TraverseLambdaExpr(L);
      --Lambdas;
      return Result;
    }
    bool VisitBinaryOperator(BinaryOperator *B) {
      if (B->getOpcode() == BO_Assign)
        Stores.push_back(
            {B->getLHS(), B->getRHS(), B->getOperatorLoc(), Lambdas > 0});
      return true;
    }
    bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *C) {
      if (C->getOperator() == OO_Equal && C->getNumArgs() == 2)
        Stores.push_back(
            {C->getArg(0), C->getArg(1), C->getOperatorLoc(), Lambdas > 0});
      return true;
    }
  } F;
  F.TraverseStmt(const_cast<Stmt *>(Body));
  return std::move(F.Stores);
}

/// The wrapper object a call of a borrowing wrapper's member is made on.
const Expr *wrapperObject(const CallExpr &Call) {
  if (const auto *Member = llvm::dyn_cast<CXXMemberCallExpr>(&Call))
    return Member->getImplicitObjectArgument();
  if (llvm::isa<CXXOperatorCallExpr>(Call) && Call.getNumArgs() > 0)
    return Call.getArg(0);
  return nullptr;
}

/// The construction of a borrowing wrapper from a callable, its first
/// argument (`seastar::coroutine::lambda(f)`, a functional cast or a plain
/// construction); null for anything else.
const CXXConstructExpr *wrapperMade(const Expr *E) {
  if (const auto *Cast = llvm::dyn_cast<CXXFunctionalCastExpr>(E))
    E = Cast->getSubExpr();
  const auto *Made = llvm::dyn_cast<CXXConstructExpr>(E->IgnoreImplicit());
  return Made && Made->getNumArgs() > 0 ? Made : nullptr;
}

/// The declaration an assignment target names, for matching a later reset.
const NamedDecl *targetDecl(const Expr *LHS) {
  const Expr *E = LHS->IgnoreParenImpCasts();
  if (const auto *Unary = llvm::dyn_cast<UnaryOperator>(E);
      Unary && Unary->getOpcode() == UO_Deref)
    E = Unary->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *Member = llvm::dyn_cast<MemberExpr>(E))
    return Member->getMemberDecl();
  if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E))
    return Ref->getDecl();
  return nullptr;
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
  Finder->addMatcher(coroutineDefinition().bind("coroutine"), this);
}

void DanglingReferenceCheck::check(const MatchFinder::MatchResult &Result) {
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call"))
    checkCall(*Call, *Result.Context);
  if (const auto *FD = Result.Nodes.getNodeAs<FunctionDecl>("coroutine"))
    checkFrameViews(*FD, *Result.Context);
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
  const bool Borrows = Method && BorrowingWrappers.matches(*Method->getParent());
  if (Borrows && reportDeadBorrow(Call, Ctx))
    return;
  llvm::SmallVector<Binding, 2> Bindings =
      Borrows ? borrowBindings(Call, Ctx)
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
  const Expr *Object = wrapperObject(Call);
  const CXXConstructExpr *Made =
      Object ? wrapperMade(Object->IgnoreParenImpCasts()) : nullptr;
  if (!Made)
    return Bindings;
  const Expr *Arg = Made->getArg(0);
  Referent R = referentOf(Arg, Ctx.getRValueReferenceType(Arg->getType()));
  if (std::optional<Binding> B = closureBinding(Arg, R, nullptr, nullptr, Ctx))
    Bindings.push_back(*B);
  return Bindings;
}

/// A borrowing wrapper kept in a named local and made from a lambda
/// temporary (`auto w = seastar::coroutine::lambda([&] ...); w();`): the
/// closure died at the end of the statement that declared `w`, so calling
/// `w` runs a destroyed lambda, whenever its task is awaited.
bool DanglingReferenceCheck::reportDeadBorrow(const CallExpr &Call,
                                              ASTContext &Ctx) {
  const Expr *Object = wrapperObject(Call);
  const auto *Ref =
      Object ? llvm::dyn_cast<DeclRefExpr>(Object->IgnoreParenImpCasts()) : nullptr;
  const auto *Holder = Ref ? llvm::dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Holder || !Holder->hasLocalStorage() || !Holder->getInit() ||
      Holder->getType()->isReferenceType())
    return false;
  const CXXConstructExpr *Made = wrapperMade(Holder->getInit()->IgnoreImplicit());
  if (!Made)
    return false;
  const Expr *Arg = Made->getArg(0);
  Referent R = referentOf(Arg, Ctx.getRValueReferenceType(Arg->getType()));
  const LambdaExpr *Lambda =
      R.K == Referent::Temporary ? closureLambda(R.E) : nullptr;
  const CXXMethodDecl *Op = Lambda ? Lambda->getCallOperator() : nullptr;
  const CoroutineBodyStmt *Body = Op ? coroutineBody(*Op) : nullptr;
  if (!Body || !Lambda->capture_size())
    return false;
  // Any use of a capture: the closure is gone before the call.
  const Expr *Use = firstDanglingUse(
      bodyUses(Body->getBody()), /*Eager=*/false, Ctx.getSourceManager(),
      [&](const Expr *U) { return isCaptureUse(*Lambda, U); });
  if (!Use)
    return true;
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Loc = Call.getBeginLoc();
  if (Loc.isMacroID())
    Loc = SM.getExpansionLoc(Loc);
  if (!Reported.insert(Loc.getRawEncoding()).second)
    return true;
  diag(Loc, "capturing coroutine lambda held by '%0' was destroyed at the end "
            "of the statement that declared '%0' (line %1): '%2' keeps only a "
            "pointer to it")
      << Holder->getName() << SM.getPresumedLineNumber(Holder->getLocation())
      << plainQualifiedName(*Made->getConstructor()->getParent())
      << Call.getSourceRange();
  diag(Arg->getBeginLoc(),
       "the lambda is a temporary of this statement; declare it as a named "
       "local before '%0'",
       DiagnosticIDs::Note)
      << Holder->getName();
  diag(Use->getBeginLoc(), "the capture is used here", DiagnosticIDs::Note);
  return true;
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

/// Form 3: a coroutine whose result is a view, reference or pointer
/// co_returns one into its own frame (a local, a by-value parameter, a
/// temporary of the co_return statement), or stores a view of a frame local
/// into something that outlives the frame (a member, an out-parameter, a
/// global) and never resets it. The frame is gone when the task's result is
/// read, or when the coroutine finishes.
void DanglingReferenceCheck::checkFrameViews(const FunctionDecl &Coroutine,
                                             ASTContext &Ctx) {
  const CoroutineBodyStmt *Body = coroutineBody(Coroutine);
  if (!Body || Coroutine.isDependentContext())
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  // What is reached through a view, a pointer or a reference_wrapper (a
  // [[gsl::Pointer]] class) converted to the result lives elsewhere:
  // `co_return std::ref(x);` refers to x, not to the wrapper temporary.
  // (A safe view type still views: what it refers to is elsewhere.)
  auto PointerLike = [&](QualType T) {
    return isBoundByReference(T, ViewTypes, /*SafeViewTypes=*/NameList());
  };
  // A temporary the result can point into is an object (a class or an
  // array): not a nullptr, a number, a pointer.
  auto Owned = [&](const Referent &R) {
    if (R.K == Referent::Temporary) {
      QualType T = R.E->getType();
      return (T->isRecordType() || T->isArrayType()) && !PointerLike(T);
    }
    return R.K == Referent::Local && !PointerLike(R.Var->getType());
  };
  auto InFrame = [&](const Referent &R) {
    return R.K == Referent::Local && R.Var->getDeclContext() == &Coroutine &&
           Owned(R);
  };

  if (auto [Result, Written] = resultType(Coroutine);
      !Result.isNull() && isBoundByReference(Result, ViewTypes, SafeViewTypes)) {
    FrameScan Scan;
    Scan.TraverseStmt(Body->getBody());
    for (const CoreturnStmt *Return : Scan.Returns) {
      // What the promise receives: the operand after its conversion (a
      // temporary 'std::string' materialised to make the view is visible
      // only there).
      const Expr *Value = Return->getOperand();
      const Expr *Promise = Return->getPromiseCall();
      if (const auto *Cleanups =
              llvm::dyn_cast_or_null<ExprWithCleanups>(Promise))
        Promise = Cleanups->getSubExpr();
      const auto *Call = llvm::dyn_cast_or_null<CallExpr>(Promise);
      if (Call && Call->getNumArgs() == 1)
        Value = Call->getArg(0);
      // The first template argument is the result only when the promise
      // takes it: asio::experimental::coro<Yield, Return> yields the first.
      if (const FunctionDecl *Take = Call ? Call->getDirectCallee() : nullptr;
          Take && Take->getNumParams() == 1 &&
          Take->getTemplatedKind() != FunctionDecl::TK_FunctionTemplateSpecialization &&
          !Ctx.hasSameUnqualifiedType(
              Take->getParamDecl(0)->getType().getNonReferenceType(),
              Result.getNonReferenceType()))
        continue;
      Referent R = referentOf(Value, Result);
      if ((R.K == Referent::Temporary && Owned(R)) || InFrame(R))
        reportFrameView(Coroutine, *Return->getOperand(), R, Result, Written,
                        nullptr, Ctx);
    }
  }

  std::vector<Store> Stores = assignmentsIn(Body->getBody());
  for (const Store &S : Stores) {
    QualType T = S.LHS->getType().getNonReferenceType();
    const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
    // Views only: a raw pointer to a local kept in a member is the
    // intrusive-list idiom (a waiter that unlinks itself).
    if (!RD || !isBoundByReference(T, ViewTypes, SafeViewTypes))
      continue;
    const NamedDecl *Keeper = outlivingTarget(S.LHS);
    if (!Keeper)
      continue;
    Referent R = referentOf(S.RHS, T.getUnqualifiedType());
    if (!InFrame(R))
      continue;
    // Reset later (view_ = {} before returning, or in a deferred cleanup).
    const NamedDecl *Target = targetDecl(S.LHS);
    if (llvm::any_of(Stores, [&](const Store &Later) {
          return targetDecl(Later.LHS) == Target &&
                 (Later.InLambda ||
                  SM.isBeforeInTranslationUnit(S.Loc, Later.Loc));
        }))
      continue;
    reportFrameView(Coroutine, *S.RHS, R, T, SourceRange(), Keeper, Ctx);
  }
}

void DanglingReferenceCheck::reportFrameView(const FunctionDecl &Coroutine,
                                             const Expr &Value,
                                             const Referent &R,
                                             QualType ViewType,
                                             SourceRange Written,
                                             const NamedDecl *Keeper,
                                             ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Loc = Value.getBeginLoc();
  if (Loc.isMacroID())
    Loc = SM.getExpansionLoc(Loc);
  if (!Reported.insert(Loc.getRawEncoding()).second)
    return;
  const std::string Name = describeCoroutine(Coroutine);
  std::string What, Ends;
  if (R.K == Referent::Temporary) {
    What = "temporary '" + typeName(R.E->getType(), Ctx) + "'";
    Ends = "at the end of this statement";
  } else {
    What = (llvm::isa<ParmVarDecl>(R.Var) ? "parameter '" : "'") +
           R.Var->getName().str() + "'";
    Ends = "when " + Name + " finishes";
  }
  const std::string Type = fullTypeName(ViewType, Ctx);
  if (Keeper)
    diag(Loc, "%0 is destroyed %1, but '%2' (a '%3'), which outlives the "
              "coroutine's frame, still refers to it")
        << What << Ends << Keeper->getName() << Type << Value.getSourceRange();
  else
    diag(Loc, "%0 is destroyed %1, but the task's result (a '%2') refers to "
              "it")
        << What << Ends << Type << Value.getSourceRange();
  if (R.K == Referent::Local)
    diag(R.Var->getLocation(),
         llvm::isa<ParmVarDecl>(R.Var)
             ? "%0 is copied into the coroutine's frame, which the coroutine "
               "destroys when it finishes"
             : "%0 lives in the coroutine's frame, which the coroutine "
               "destroys when it finishes",
         DiagnosticIDs::Note)
        << What;

  // A string_view result (spelt at Written): return the string it views.
  if (Keeper || Written.isInvalid() || Written.getBegin().isMacroID() ||
      Written.getEnd().isMacroID() || Coroutine.isTemplated() ||
      Coroutine.isTemplateInstantiation() || Coroutine.getPreviousDecl() ||
      Coroutine.getMostRecentDecl() != &Coroutine ||
      ViewType->isReferenceType() || ViewType->isPointerType())
    return;
  // (An override's return type must stay the base's.)
  if (const auto *Method = llvm::dyn_cast<CXXMethodDecl>(&Coroutine);
      Method && Method->isVirtual())
    return;
  CharSourceRange Range = CharSourceRange::getTokenRange(Written);
  bool Invalid = false;
  llvm::StringRef Text =
      Lexer::getSourceText(Range, SM, Ctx.getLangOpts(), &Invalid);
  // The standard's views only: std::string_view, std::wstring_view, ...
  // (absl::string_view -> absl::string does not exist).
  static const llvm::Regex StdView("^(::)?std::(w|u8|u16|u32)?string_view$");
  if (Invalid || !StdView.match(Text) ||
      !ResultFixed.insert(&Coroutine).second)
    return;
  Text.consume_back("_view");
  const std::string Owning = Text.str();
  diag(Written.getBegin(),
       "return an owning '%0': the task's result then holds a copy",
       DiagnosticIDs::Note)
      << Owning << FixItHint::CreateReplacement(Range, Owning);
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
      !fixKeepAlive(Call, B, Ctx))
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
    // A name the function does not use, nor an earlier fix in it (two
    // temporaries bound to 'key' in one function get 'key' and 'key_arg').
    const std::string Base = B.Param ? B.Param->getName().str() : "arg";
    llvm::StringSet<> &Used = FixNames[Enclosing];
    std::string Name = Base;
    for (unsigned N = 1; isNameTaken(*Enclosing, Name) || Used.contains(Name); ++N)
      Name = Base + "_arg" + (N > 1 ? std::to_string(N) : "");
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
      Used.insert(Name);
      return true;
    }
  }
  return false;
}

/// A coroutine lambda invoked on the spot whose task's library has a
/// keep-alive wrapper (the profiles' CallableKeepAlive, still listed in
/// KeepAliveFunctions): `[&]() -> Task<> {...}(a)` becomes
/// `folly::coro::co_invoke([&]() -> Task<> {...}, a)`.
bool DanglingReferenceCheck::fixKeepAlive(const CallExpr &Call,
                                          const Binding &B, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  if (B.K != Binding::Closure || B.Helper || B.Ref.K != Referent::Temporary)
    return false;
  const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(&Call);
  const CXXRecordDecl *TaskRD = recordOf(B.Coroutine->getReturnType());
  if (!Op || Op->getNumArgs() < 1 || Op->getArg(0) != B.Arg || !TaskRD ||
      Call.getBeginLoc().isMacroID() || Call.getEndLoc().isMacroID())
    return false;
  auto [Profile, Namespace] = profileOfName(plainQualifiedName(*TaskRD));
  if (!Profile)
    return false;
  const std::string Wrapper =
      profileName(*Profile, EntryKind::CallableKeepAlive, Namespace);
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  llvm::StringRef(Wrapper).split(Parts, "::");
  std::vector<std::string> Components(Parts.begin(), Parts.end());
  if (Wrapper.empty() || !KeepAliveFunctions.matches(Components))
    return false;
  // The arguments as written (a default argument is not), each passed on by
  // value: the wrapper copies them (folly's co_invoke takes them by value),
  // so a reference parameter would bind the copy.
  unsigned Written = 0;
  for (const Expr *Arg : llvm::ArrayRef(Op->getArgs(), Op->getNumArgs()).drop_front())
    Written += !llvm::isa<CXXDefaultArgExpr>(Arg);
  if (Written > 0 && llvm::any_of(B.Coroutine->parameters(), [](const ParmVarDecl *P) {
        return P->getType()->isLValueReferenceType();
      }))
    return false;
  // The '(' that opens the call's arguments, right after the lambda.
  SourceLocation LambdaEnd =
      Lexer::getLocForEndOfToken(B.Arg->getEndLoc(), 0, SM, LO);
  std::optional<Token> Open = Lexer::findNextToken(B.Arg->getEndLoc(), SM, LO);
  if (LambdaEnd.isInvalid() || !Open || !Open->is(tok::l_paren))
    return false;
  FixItHint Close =
      Written == 0
          // `lambda()` -> `wrapper(lambda)`
          ? FixItHint::CreateReplacement(
                CharSourceRange::getCharRange(
                    LambdaEnd,
                    Lexer::getLocForEndOfToken(Call.getEndLoc(), 0, SM, LO)),
                ")")
          // `lambda(a, b)` -> `wrapper(lambda, a, b)`
          : FixItHint::CreateReplacement(
                CharSourceRange::getCharRange(LambdaEnd, Open->getEndLoc()),
                ", ");
  diag(Call.getBeginLoc(),
       "wrap the lambda in '%0', which keeps it alive until its task completes",
       DiagnosticIDs::Note)
      << Wrapper
      << FixItHint::CreateInsertion(B.Arg->getBeginLoc(), Wrapper + "(")
      << Close;
  return true;
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
