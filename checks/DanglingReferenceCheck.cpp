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
#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::coro {
namespace {

enum class Role {
  /// A function whose task argument outlives the call: spawns, detaching
  /// starts, container insertions.
  Escaping,
  /// A member function of a task that starts it detached.
  DetachingMember,
  /// A function that wraps its task argument into the task it returns.
  PassThrough,
  /// A wrapper that keeps a callable alive while its coroutine runs.
  KeepAlive,
  /// An API that copies the callable it is given.
  Storing,
  /// A task type whose coroutine starts running at once.
  Eager,
  /// A non-owning view taken by value.
  View,
};

struct ProfileEntry {
  const char *Library;
  Role R;
  const char *Name;
};

// profile data: moves to the library profiles (issue 16)
constexpr ProfileEntry Profile[] = {
    {"aio", Role::Escaping, "aio::spawn"},
    {"aio", Role::Escaping, "aio::task_group::spawn"},
    {"asio", Role::Escaping, "asio::co_spawn"},
    {"asio", Role::Escaping, "boost::asio::co_spawn"},
    {"asio", Role::Storing, "asio::co_spawn"},
    {"asio", Role::Storing, "boost::asio::co_spawn"},
    {"folly", Role::Escaping, "folly::coro::AsyncScope::add"},
    {"folly", Role::Escaping, "folly::coro::AsyncScope::addWithSourceLoc"},
    {"folly", Role::Escaping, "folly::coro::CancellableAsyncScope::add"},
    {"folly", Role::DetachingMember, "folly::coro::Task::start"},
    {"folly", Role::DetachingMember, "folly::coro::Task::startInlineUnsafe"},
    {"folly", Role::DetachingMember, "folly::coro::TaskWithExecutor::start"},
    {"folly", Role::DetachingMember,
     "folly::coro::TaskWithExecutor::startInlineUnsafe"},
    {"folly", Role::PassThrough, "folly::coro::co_withExecutor"},
    {"folly", Role::PassThrough, "folly::coro::Task::scheduleOn"},
    {"folly", Role::KeepAlive, "folly::coro::co_invoke"},
    {"folly", Role::View, "folly::Range"},
    {"async_simple", Role::DetachingMember, "async_simple::coro::Lazy::start"},
    {"async_simple", Role::DetachingMember, "async_simple::coro::Lazy::detach"},
    {"async_simple", Role::DetachingMember,
     "async_simple::coro::RescheduleLazy::start"},
    {"async_simple", Role::DetachingMember,
     "async_simple::coro::RescheduleLazy::detach"},
    {"async_simple", Role::PassThrough, "async_simple::coro::Lazy::via"},
    {"libcoro", Role::Escaping, "::coro::thread_pool::spawn"},
    {"libcoro", Role::Escaping, "::coro::io_scheduler::spawn"},
    {"libcoro", Role::Escaping, "::coro::task_container::start"},
    {"cobalt", Role::Escaping, "boost::cobalt::spawn"},
    {"seastar", Role::Eager, "seastar::future"},
    {"seastar", Role::KeepAlive, "seastar::coroutine::lambda"},
    {"concurrencpp", Role::Eager, "concurrencpp::result"},
    {"concurrencpp", Role::Eager, "concurrencpp::null_result"},
    {"qcoro", Role::Eager, "QCoro::Task"},
    {"cppwinrt", Role::Eager, "winrt::fire_and_forget"},
    {"cppwinrt", Role::Eager, "winrt::Windows::Foundation::IAsyncAction"},
    {"cppwinrt", Role::Eager, "winrt::Windows::Foundation::IAsyncOperation"},
    {"cppwinrt", Role::Eager,
     "winrt::Windows::Foundation::IAsyncActionWithProgress"},
    {"cppwinrt", Role::Eager,
     "winrt::Windows::Foundation::IAsyncOperationWithProgress"},
    {"std", Role::Escaping, "push_back"},
    {"std", Role::Escaping, "push_front"},
    {"std", Role::Escaping, "emplace_back"},
    {"std", Role::Escaping, "emplace_front"},
    {"std", Role::Escaping, "push"},
    {"std", Role::Escaping, "emplace"},
    {"std", Role::Escaping, "insert"},
    {"std", Role::Storing, "std::function::function"},
    {"std", Role::View, "std::basic_string_view"},
    {"std", Role::View, "std::span"},
};

std::string profileNames(Role R) {
  std::string Out;
  for (const ProfileEntry &E : Profile)
    if (E.R == R)
      Out += (Out.empty() ? "" : ";") + std::string(E.Name);
  return Out;
}

/// A temporary or a local that an argument refers to.
struct Referent {
  enum Kind { None, Temporary, Local } K = None;
  const Expr *E = nullptr;
  const VarDecl *Var = nullptr;
};

bool isStdFunction(const FunctionDecl *FD, llvm::StringRef Name) {
  return FD && isInStd(*FD) && isNamed(*FD, Name);
}

/// What \p Arg, passed to a parameter of type \p ParamType, refers to: the
/// temporary it binds (or a view or pointer into it), or the local it names.
Referent referentOf(const Expr *Arg, QualType ParamType) {
  const bool ByValue = !ParamType->isReferenceType();
  QualType ValueType = ParamType.getNonReferenceType().getUnqualifiedType();
  const Expr *E = Arg;
  for (unsigned Depth = 0; E && Depth < 12; ++Depth) {
    E = E->IgnoreParens();
    if (const auto *Cleanups = llvm::dyn_cast<ExprWithCleanups>(E)) {
      E = Cleanups->getSubExpr();
    } else if (const auto *Default = llvm::dyn_cast<CXXDefaultArgExpr>(E)) {
      E = Default->getExpr();
    } else if (const auto *Cast = llvm::dyn_cast<ImplicitCastExpr>(E)) {
      // Reading a value (a pointer, a view) copies it: it no longer refers
      // to the variable it was read from.
      if (Cast->getCastKind() == CK_LValueToRValue)
        return {};
      E = Cast->getSubExpr();
    } else if (const auto *Cast = llvm::dyn_cast<ExplicitCastExpr>(E)) {
      E = Cast->getSubExpr();
    } else if (const auto *Bind = llvm::dyn_cast<CXXBindTemporaryExpr>(E)) {
      E = Bind->getSubExpr();
    } else if (const auto *MTE = llvm::dyn_cast<MaterializeTemporaryExpr>(E)) {
      const CXXRecordDecl *RD = MTE->getType()->getAsCXXRecordDecl();
      // A captureless lambda holds nothing that could dangle.
      if (RD && RD->isLambda() && RD->hasDefinition() && RD->isEmpty())
        return {};
      // A view bound by value is the copy: what it views matters.
      if (ByValue && !ParamType->isPointerType() &&
          MTE->getType().getUnqualifiedType().getCanonicalType() ==
              ValueType.getCanonicalType()) {
        E = MTE->getSubExpr();
        continue;
      }
      return {Referent::Temporary, MTE, nullptr};
    } else if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E)) {
      const auto *VD = llvm::dyn_cast<VarDecl>(Ref->getDecl());
      if (!VD || !VD->hasLocalStorage() || VD->getType()->isReferenceType() ||
          Ref->refersToEnclosingVariableOrCapture())
        return {};
      // A view or pointer variable passed by value is copied.
      if (ByValue && VD->getType().getUnqualifiedType().getCanonicalType() ==
                         ValueType.getCanonicalType())
        return {};
      return {Referent::Local, Ref, VD};
    } else if (const auto *Member = llvm::dyn_cast<MemberExpr>(E)) {
      if (Member->isArrow() || !llvm::isa<FieldDecl>(Member->getMemberDecl()))
        return {};
      E = Member->getBase();
    } else if (const auto *Unary = llvm::dyn_cast<UnaryOperator>(E)) {
      if (Unary->getOpcode() != UO_AddrOf || !ParamType->isPointerType())
        return {};
      E = Unary->getSubExpr();
    } else if (const auto *Call = llvm::dyn_cast<CallExpr>(E)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if ((isStdFunction(Callee, "move") || isStdFunction(Callee, "forward")) &&
          Call->getNumArgs() == 1) {
        E = Call->getArg(0);
        continue;
      }
      // string -> string_view: the string's conversion operator.
      if (const auto *Member = llvm::dyn_cast<CXXMemberCallExpr>(Call);
          Member && ByValue &&
          llvm::isa_and_nonnull<CXXConversionDecl>(Member->getMethodDecl())) {
        E = Member->getImplicitObjectArgument();
        continue;
      }
      return {};
    } else if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(E)) {
      // Constructing the view from what it views (span(vec), string_view(s)).
      if (!ByValue || Construct->getNumArgs() == 0 ||
          ParamType->isPointerType())
        return {};
      E = Construct->getArg(0);
    } else {
      return {};
    }
  }
  return {};
}

/// The function (or lambda call operator) whose body holds \p Node.
const FunctionDecl *enclosingFunction(DynTypedNode Node, ASTContext &Ctx) {
  for (unsigned Depth = 0; Depth < 256; ++Depth) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return nullptr;
    Node = Parents[0];
    if (const auto *FD = Node.get<FunctionDecl>())
      return FD;
    if (const auto *LE = Node.get<LambdaExpr>())
      return LE->getCallOperator();
  }
  return nullptr;
}

/// Whether \p Node is (part of) the operand of a co_await, co_yield or
/// co_return in its full-expression: the full-expression's temporaries then
/// outlive the task's run. Every parent is followed: the operand of a
/// co_await is also reachable through the awaiter it builds.
bool awaitedInFullExpression(const DynTypedNode &Node, ASTContext &Ctx) {
  llvm::SmallVector<DynTypedNode, 8> Work{Node};
  for (unsigned Steps = 0; !Work.empty() && Steps < 256; ++Steps) {
    DynTypedNode Cur = Work.pop_back_val();
    for (const DynTypedNode &P : Ctx.getParents(Cur)) {
      const auto *S = P.get<Stmt>();
      if (!S)
        continue;
      if (llvm::isa<CoawaitExpr, DependentCoawaitExpr, CoyieldExpr,
                    CoreturnStmt>(S))
        return true;
      if (llvm::isa<Expr>(S))
        Work.push_back(P);
    }
  }
  return false;
}

/// The innermost block that holds \p VD's declaration, or null for a
/// parameter (whose scope is the whole function).
const CompoundStmt *scopeOf(const VarDecl &VD, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(VD);
  for (unsigned Depth = 0; Depth < 64; ++Depth) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return nullptr;
    Node = Parents[0];
    if (const auto *Block = Node.get<CompoundStmt>())
      return Block;
    if (Node.get<FunctionDecl>() || Node.get<LambdaExpr>())
      return nullptr;
  }
  return nullptr;
}

bool contains(const SourceManager &SM, SourceRange Outer, SourceLocation L) {
  return !SM.isBeforeInTranslationUnit(L, Outer.getBegin()) &&
         !SM.isBeforeInTranslationUnit(Outer.getEnd(), L);
}

/// The uses, suspension points and loops of one coroutine body. Nested
/// lambdas' uses count (they run on the coroutine's behalf); their
/// suspension points are their own.
class BodyScan : public RecursiveASTVisitor<BodyScan> {
  using Base = RecursiveASTVisitor<BodyScan>;

public:
  std::vector<const Expr *> Uses; // DeclRefExpr and CXXThisExpr
  std::vector<const Stmt *> Suspensions, Loops;

  bool TraverseLambdaExpr(LambdaExpr *LE) {
    ++LambdaDepth;
    bool R = Base::TraverseLambdaExpr(LE);
    --LambdaDepth;
    return R;
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    Uses.push_back(E);
    return true;
  }
  bool VisitCXXThisExpr(CXXThisExpr *E) {
    Uses.push_back(E);
    return true;
  }
  bool VisitCoawaitExpr(CoawaitExpr *E) { return suspension(E); }
  bool VisitDependentCoawaitExpr(DependentCoawaitExpr *E) { return suspension(E); }
  bool VisitCoyieldExpr(CoyieldExpr *E) { return suspension(E); }
  bool VisitForStmt(ForStmt *S) { return loop(S); }
  bool VisitWhileStmt(WhileStmt *S) { return loop(S); }
  bool VisitDoStmt(DoStmt *S) { return loop(S); }
  bool VisitCXXForRangeStmt(CXXForRangeStmt *S) {
    // co_await inside a range-for's range runs once, before the loop.
    return loop(S);
  }

private:
  bool suspension(const Stmt *S) {
    if (!LambdaDepth)
      Suspensions.push_back(S);
    return true;
  }
  bool loop(const Stmt *S) {
    if (!LambdaDepth)
      Loops.push_back(S);
    return true;
  }
  unsigned LambdaDepth = 0;
};

/// The first use in \p Scan that \p Matches and that can run after the
/// coroutine first suspends (\p Eager) or at all (lazy).
const Expr *firstDanglingUse(const BodyScan &Scan, bool Eager,
                             const SourceManager &SM,
                             llvm::function_ref<bool(const Expr *)> Matches) {
  for (const Expr *U : Scan.Uses) {
    if (!Matches(U))
      continue;
    if (!Eager)
      return U;
    SourceLocation L = U->getBeginLoc();
    for (const Stmt *S : Scan.Suspensions)
      if (SM.isBeforeInTranslationUnit(S->getEndLoc(), L))
        return U;
    for (const Stmt *Loop : Scan.Loops)
      if (contains(SM, Loop->getSourceRange(), L) &&
          llvm::any_of(Scan.Suspensions, [&](const Stmt *S) {
            return contains(SM, Loop->getSourceRange(), S->getBeginLoc());
          }))
        return U;
  }
  return nullptr;
}

/// Whether \p E names one of \p Lambda's captures (or its captured 'this').
bool isCaptureUse(const LambdaExpr &Lambda, const Expr *E) {
  if (llvm::isa<CXXThisExpr>(E))
    return llvm::any_of(Lambda.captures(), [](const LambdaCapture &C) {
             return C.capturesThis();
           });
  const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E);
  if (!Ref)
    return false;
  return llvm::any_of(Lambda.captures(), [&](const LambdaCapture &C) {
    return C.capturesVariable() && C.getCapturedVar() == Ref->getDecl();
  });
}

/// The lambda a temporary closure was created from.
const LambdaExpr *closureLambda(const Expr *E) {
  if (const auto *MTE = llvm::dyn_cast_or_null<MaterializeTemporaryExpr>(E))
    E = MTE->getSubExpr();
  return E ? lambdaThrough(E) : nullptr;
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

} // namespace

struct DanglingReferenceCheck::Fate {
  enum Kind {
    Safe,        // awaited in the same full-expression, or not known to escape
    StoredLocal, // initialises or is assigned to a local variable
    Stored,      // stored in a member, a global, or another object
    Returned,    // returned from a function that is not a coroutine
    Handed,      // handed to a spawn API or a container
    Detached,    // started detached by a member of the task
    Discarded,   // dropped at statement level (harmless for a lazy task)
  } K = Safe;
  /// The local variable that ends up holding the task (or its handle).
  const VarDecl *Holder = nullptr;
  /// The variable or member it is stored in, the API it is handed to, or
  /// the function it is returned from.
  const NamedDecl *Target = nullptr;
  /// For a member API (scope.add(...)): the object it is called on.
  const Expr *HandedTo = nullptr;
  SourceLocation Where;
};

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
          Options.get("KeepAliveFunctions", profileNames(Role::KeepAlive))),
      StoringFunctions(
          Options.get("StoringFunctions", profileNames(Role::Storing))),
      EscapingFunctions(
          Options.get("EscapingFunctions", profileNames(Role::Escaping))),
      DetachingMembers(profileNames(Role::DetachingMember)),
      PassThroughFunctions(profileNames(Role::PassThrough)),
      ViewTypes(Options.get("ViewTypes", profileNames(Role::View))),
      SafeViewTypes(Options.get("SafeViewTypes", "")),
      Classifier("", "", profileNames(Role::Eager), "") {}

void DanglingReferenceCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "KeepAliveFunctions", KeepAliveFunctions.raw());
  Options.store(Opts, "StoringFunctions", StoringFunctions.raw());
  Options.store(Opts, "EscapingFunctions", EscapingFunctions.raw());
  Options.store(Opts, "ViewTypes", ViewTypes.raw());
  Options.store(Opts, "SafeViewTypes", SafeViewTypes.raw());
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

DanglingReferenceCheck::Fate
DanglingReferenceCheck::fateOf(const Expr &Task, ASTContext &Ctx) {
  Fate F;
  DynTypedNode Node = DynTypedNode::create(Task);
  const Stmt *Cur = &Task;
  auto Record = [&](Fate::Kind K, const NamedDecl *Target, SourceLocation At) {
    if (F.K != Fate::Safe)
      return;
    F.K = K;
    F.Target = Target;
    F.Where = At;
  };
  auto StoreInto = [&](const Expr *LHS, SourceLocation At) {
    LHS = LHS->IgnoreParenImpCasts();
    if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(LHS))
      if (const auto *VD = llvm::dyn_cast<VarDecl>(Ref->getDecl())) {
        if (VD->hasLocalStorage() && !VD->getType()->isReferenceType()) {
          Record(Fate::StoredLocal, VD, At);
          if (!F.Holder)
            F.Holder = VD;
        } else {
          Record(Fate::Stored, VD, At);
        }
        return;
      }
    if (const auto *Member = llvm::dyn_cast<MemberExpr>(LHS))
      return Record(Fate::Stored, Member->getMemberDecl(), At);
    Record(Fate::Stored, nullptr, At);
  };

  if (awaitedInFullExpression(Node, Ctx))
    return F;
  for (unsigned Depth = 0; Depth < 32; ++Depth) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return F;
    Node = Parents[0];
    // A member initialiser's expression also has the constructor as a
    // parent: the initialiser is the one that says where the task goes.
    for (const DynTypedNode &P : Parents)
      if (P.get<CXXCtorInitializer>())
        Node = P;
    // The object of a member call: obj.start() is CXXMemberCallExpr over
    // MemberExpr over obj.
    if (const auto *Member = Node.get<MemberExpr>()) {
      DynTypedNodeList Up = Ctx.getParents(Node);
      const auto *MemberCall =
          Up.empty() ? nullptr : Up[0].get<CXXMemberCallExpr>();
      if (!MemberCall || MemberCall->getCallee() != Member)
        return F;
      Node = Up[0];
    }
    if (const auto *VD = Node.get<VarDecl>()) {
      if (VD->hasLocalStorage()) {
        Record(Fate::StoredLocal, VD, VD->getLocation());
        if (!F.Holder && !VD->getType()->isReferenceType())
          F.Holder = VD;
      } else {
        Record(Fate::Stored, VD, VD->getLocation());
      }
      return F;
    }
    if (const auto *Init = Node.get<CXXCtorInitializer>()) {
      Record(Fate::Stored, Init->getMember(), Init->getSourceLocation());
      return F;
    }
    const auto *P = Node.get<Stmt>();
    if (!P)
      return F;
    // Awaited (or yielded, or co_returned) in the same full-expression: the
    // arguments' temporaries outlive the task's run.
    if (llvm::isa<CoawaitExpr, DependentCoawaitExpr, CoyieldExpr,
                  CoreturnStmt>(P))
      return Fate{};
    if (const auto *Ret = llvm::dyn_cast<ReturnStmt>(P)) {
      const FunctionDecl *Fn = enclosingFunction(Node, Ctx);
      if (Fn && !isCoroutine(*Fn))
        Record(Fate::Returned, Fn, Ret->getBeginLoc());
      return F;
    }
    const auto *PE = llvm::dyn_cast<Expr>(P);
    if (!PE) {
      if (llvm::is_contained(statementPositions(*P), Cur))
        Record(Fate::Discarded, nullptr, Cur->getBeginLoc());
      return F;
    }
    if (const auto *Cast = llvm::dyn_cast<ExplicitCastExpr>(PE);
        Cast && Cast->getType()->isVoidType()) {
      Record(Fate::Discarded, nullptr, Cast->getBeginLoc());
      return F;
    }
    if (llvm::isa<ParenExpr, ImplicitCastExpr, ExplicitCastExpr,
                  MaterializeTemporaryExpr, CXXBindTemporaryExpr,
                  ExprWithCleanups, ConstantExpr, InitListExpr,
                  CXXStdInitializerListExpr, CXXConstructExpr>(PE)) {
      Cur = P;
      continue;
    }
    if (const auto *Binary = llvm::dyn_cast<BinaryOperator>(PE)) {
      if (Binary->getOpcode() == BO_Assign && Binary->getRHS() == Cur)
        StoreInto(Binary->getLHS(), Binary->getOperatorLoc());
      return F;
    }
    if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(PE)) {
      if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
          Op->getArg(1) == Cur) {
        StoreInto(Op->getArg(0), Op->getOperatorLoc());
        return F;
      }
    }
    if (const auto *Call = llvm::dyn_cast<CallExpr>(PE)) {
      const auto *Member = llvm::dyn_cast<CXXMemberCallExpr>(Call);
      const bool IsObject =
          Member && !llvm::is_contained(Call->arguments(), Cur);
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (!Callee || (!IsObject && Call->getCallee() == Cur))
        return F;
      if (IsObject) {
        if (DetachingMembers.matches(*Callee))
          Record(Fate::Detached, Callee, Member->getExprLoc());
        else if (!passesTaskThrough(*Call))
          return F;
      } else if (EscapingFunctions.matches(*Callee)) {
        Record(Fate::Handed, Callee, Call->getBeginLoc());
        if (Member && !F.HandedTo)
          F.HandedTo = Member->getImplicitObjectArgument();
      } else if (!passesTaskThrough(*Call)) {
        return F;
      }
      Cur = P;
      continue;
    }
    return F;
  }
  return F;
}

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
  const SourceManager &SM = Ctx.getSourceManager();
  const bool Eager = Kind.Policy == StartPolicy::Eager ||
                     Kind.Policy == StartPolicy::EagerAttached;
  const CoroutineBodyStmt *Body = coroutineBody(*Def);

  // The arguments: a member operator call (a lambda's operator()) passes
  // the object first.
  llvm::ArrayRef<const Expr *> Args(Call.getArgs(), Call.getNumArgs());
  const Expr *Object = nullptr;
  const auto *Method = llvm::dyn_cast<CXXMethodDecl>(Def);
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
  if (Body) {
    BodyScan Scan;
    Scan.TraverseStmt(Body->getBody());
    for (unsigned I = 0; I < Args.size() && I < Def->getNumParams(); ++I) {
      const ParmVarDecl *Param = Def->getParamDecl(I);
      QualType T = Param->getType();
      const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
      const bool View = !T->isReferenceType() && RD &&
                        (ViewTypes.matches(*RD) || RD->hasAttr<PointerAttr>()) &&
                        !SafeViewTypes.matches(*RD);
      if (!T->isReferenceType() && !T->isPointerType() && !View)
        continue;
      if (RD && SafeViewTypes.matches(*RD))
        continue;
      Referent R = referentOf(Args[I], T);
      if (R.K == Referent::None)
        continue;
      const Expr *Use = firstDanglingUse(Scan, Eager, SM, [&](const Expr *U) {
        const auto *Ref = llvm::dyn_cast<DeclRefExpr>(U);
        return Ref && Ref->getDecl() == Param;
      });
      if (!Use)
        continue;
      Binding B{R.K == Referent::Temporary ? Binding::Temporary
                                           : Binding::Local};
      B.Arg = Args[I];
      B.Ref = R;
      B.Param = Param;
      B.Coroutine = Def;
      B.Use = Use;
      B.Eager = Eager;
      Bindings.push_back(B);
    }
    if (Object && Method && !Object->getType()->isPointerType()) {
      Referent R = referentOf(Object, Ctx.getLValueReferenceType(Object->getType()));
      const LambdaExpr *Lambda =
          Method->getParent()->isLambda() ? closureLambda(R.E) : nullptr;
      if (R.K == Referent::Local && Method->getParent()->isLambda())
        Lambda = lambdaThrough(R.Var->getInit());
      if (R.K != Referent::None &&
          (!Method->getParent()->isLambda() || Lambda)) {
        const Expr *Use = firstDanglingUse(Scan, Eager, SM, [&](const Expr *U) {
          return Lambda ? isCaptureUse(*Lambda, U) : llvm::isa<CXXThisExpr>(U);
        });
        if (Use) {
          Binding B{Lambda ? Binding::Closure
                    : R.K == Referent::Temporary ? Binding::ThisTemporary
                                                 : Binding::ThisLocal};
          B.Arg = Object;
          B.Ref = R;
          B.Coroutine = Def;
          B.Use = Use;
          B.Eager = Eager;
          Bindings.push_back(B);
        }
      }
    }
  } else {
    // A helper that takes a coroutine lambda by reference, calls it and
    // returns its task: the closure must outlive the task.
    for (unsigned I = 0; I < Args.size() && I < Def->getNumParams(); ++I) {
      const ParmVarDecl *Param = Def->getParamDecl(I);
      if (!Param->getType()->isReferenceType())
        continue;
      Referent R = referentOf(Args[I], Param->getType());
      const LambdaExpr *Lambda =
          R.K == Referent::Temporary ? closureLambda(R.E) : nullptr;
      const CXXMethodDecl *Op = Lambda ? Lambda->getCallOperator() : nullptr;
      const CoroutineBodyStmt *LambdaBody = Op ? coroutineBody(*Op) : nullptr;
      if (!LambdaBody || !Lambda->capture_size())
        continue;
      // The helper must call it.
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
          if (const auto *Ref =
                  llvm::dyn_cast<DeclRefExpr>(Fn->IgnoreParenImpCasts()))
            Found |= Ref->getDecl() == Param;
          return !Found;
        }
      } Calls;
      Calls.Param = Param;
      Calls.TraverseStmt(const_cast<Stmt *>(Def->getBody()));
      if (!Calls.Found)
        continue;
      AwaitableKind LambdaKind = classify(Op->getReturnType());
      const bool LambdaEager = LambdaKind.Policy == StartPolicy::Eager ||
                               LambdaKind.Policy == StartPolicy::EagerAttached;
      BodyScan Scan;
      Scan.TraverseStmt(LambdaBody->getBody());
      const Expr *Use = firstDanglingUse(Scan, LambdaEager, SM, [&](const Expr *U) {
        return isCaptureUse(*Lambda, U);
      });
      if (!Use)
        continue;
      Binding B{Binding::Closure};
      B.Arg = Args[I];
      B.Ref = R;
      B.Param = Param;
      B.Coroutine = Op;
      B.Use = Use;
      B.Eager = LambdaEager;
      B.Helper = Def;
      Bindings.push_back(B);
    }
  }
  if (Bindings.empty())
    return;

  Fate F = fateOf(Call, Ctx);
  if (F.K == Fate::Safe || (F.K == Fate::Discarded && !Eager))
    return;
  const FunctionDecl *Enclosing =
      enclosingFunction(DynTypedNode::create(Call), Ctx);
  for (const Binding &B : Bindings) {
    if (B.K == Binding::Local || B.K == Binding::ThisLocal ||
        (B.K == Binding::Closure && B.Ref.K == Referent::Local)) {
      // A local dies at the end of its scope: only a task that leaves the
      // scope outlives it.
      const VarDecl &Local = *B.Ref.Var;
      if (!Enclosing || Local.getDeclContext() != Enclosing)
        continue;
      switch (F.K) {
      case Fate::Returned:
        break;
      case Fate::Stored:
        break;
      case Fate::StoredLocal: {
        const CompoundStmt *Scope = scopeOf(Local, Ctx);
        if (!Scope || !F.Holder ||
            contains(SM, Scope->getSourceRange(), F.Holder->getLocation()))
          continue;
        break;
      }
      case Fate::Handed:
      case Fate::Detached:
      case Fate::Discarded: {
        // A handle kept in a local in scope, or a spawn whose owner is
        // awaited later in this function (scope.add(...) ... co_await
        // scope.joinAsync()), is joined before the local dies.
        // The variable whose member API took the task: 'scope' in
        // scope.add(...), 'c' in c.tasks.push_back(...).
        const VarDecl *Owner = nullptr;
        for (const Expr *E = F.HandedTo; E;) {
          E = E->IgnoreParenImpCasts();
          if (const auto *Member = llvm::dyn_cast<MemberExpr>(E);
              Member && !Member->isArrow()) {
            E = Member->getBase();
            continue;
          }
          if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E))
            Owner = llvm::dyn_cast<VarDecl>(Ref->getDecl());
          break;
        }
        // ... and so is a task kept by a local container or scope object
        // that dies with (or before) the local.
        const VarDecl *Keeper = F.Holder;
        if (!Keeper && Owner && Owner->hasLocalStorage() &&
            !Owner->getType()->isReferenceType())
          Keeper = Owner;
        if (Keeper) {
          const CompoundStmt *Scope = scopeOf(Local, Ctx);
          if (!Scope ||
              contains(SM, Scope->getSourceRange(), Keeper->getLocation()))
            continue;
        }
        if (isCoroutine(*Enclosing)) {
          BodyScan Scan;
          Scan.TraverseStmt(const_cast<Stmt *>(Enclosing->getBody()));
          bool Joined = llvm::any_of(Scan.Suspensions, [&](const Stmt *S) {
            // A join after the call, before the local's scope ends.
            if (!Owner ||
                !SM.isBeforeInTranslationUnit(Call.getEndLoc(), S->getBeginLoc()))
              return false;
            if (const CompoundStmt *Scope = scopeOf(Local, Ctx);
                Scope && !contains(SM, Scope->getSourceRange(), S->getBeginLoc()))
              return false;
            BodyScan Inner;
            Inner.TraverseStmt(const_cast<Stmt *>(S));
            return llvm::any_of(Inner.Uses, [&](const Expr *U) {
              const auto *Ref = llvm::dyn_cast<DeclRefExpr>(U);
              return Ref && Ref->getDecl() == Owner;
            });
          });
          if (Joined)
            continue;
        }
        break;
      }
      case Fate::Safe:
        continue;
      }
    } else if (F.K == Fate::StoredLocal && !B.Eager && F.Holder) {
      // A lazy task kept in a local runs only when used: a local nobody
      // uses again is coro-unawaited-task's finding, not this one.
      bool UsedLater = false;
      if (Enclosing && Enclosing->getBody()) {
        BodyScan Scan;
        Scan.TraverseStmt(const_cast<Stmt *>(Enclosing->getBody()));
        UsedLater = llvm::any_of(Scan.Uses, [&](const Expr *U) {
          const auto *Ref = llvm::dyn_cast<DeclRefExpr>(U);
          return Ref && Ref->getDecl() == F.Holder &&
                 SM.isBeforeInTranslationUnit(Call.getEndLoc(), U->getBeginLoc());
        });
      }
      if (!UsedLater)
        continue;
    }
    report(Call, B, F, Ctx);
  }
}

void DanglingReferenceCheck::report(const CallExpr &Call, const Binding &B,
                                    const Fate &F, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Loc = B.Arg->getBeginLoc();
  if (Loc.isMacroID())
    Loc = SM.getExpansionLoc(Loc);
  if (!Reported.insert(Loc.getRawEncoding()).second)
    return;
  const FunctionDecl *Enclosing =
      enclosingFunction(DynTypedNode::create(Call), Ctx);

  // Where the task goes, and its first later use when it stays in a local.
  const Expr *LaterUse = nullptr;
  bool LaterAwait = false;
  if (F.Holder && Enclosing && Enclosing->getBody()) {
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
    Finder.Var = F.Holder;
    Finder.After = Call.getEndLoc();
    Finder.SM = &SM;
    Finder.TraverseStmt(const_cast<Stmt *>(Enclosing->getBody()));
    LaterUse = Finder.Found;
    LaterAwait = Finder.FoundInAwait;
  }
  std::string Outlives;
  auto TargetName = [&] {
    return F.Target && F.Target->getDeclName().isIdentifier()
               ? "'" + F.Target->getName().str() + "'"
               : std::string("another object");
  };
  switch (F.K) {
  case Fate::StoredLocal:
  case Fate::Stored:
    Outlives = "is stored in " + TargetName();
    if (LaterUse && F.K == Fate::StoredLocal)
      Outlives += (LaterAwait ? " and awaited later (line " : " and used later (line ") +
                  std::to_string(SM.getPresumedLineNumber(LaterUse->getBeginLoc())) + ")";
    break;
  case Fate::Returned:
    Outlives = "is returned from " +
               functionName(*llvm::cast<FunctionDecl>(F.Target));
    break;
  case Fate::Handed:
    Outlives = "is handed to '" +
               plainQualifiedName(*llvm::cast<FunctionDecl>(F.Target)) +
               "', which keeps it beyond this statement";
    break;
  case Fate::Detached:
    Outlives = "is started detached by '" +
               plainQualifiedName(*llvm::cast<FunctionDecl>(F.Target)) + "'";
    break;
  case Fate::Discarded:
    Outlives = "keeps running after this statement discards it";
    break;
  case Fate::Safe:
    return;
  }

  std::string Ends = "at the end of this statement";
  if (B.Ref.K == Referent::Local) {
    const CompoundStmt *Scope = scopeOf(*B.Ref.Var, Ctx);
    if (Scope && Enclosing && Scope != Enclosing->getBody() &&
        !(isCoroutine(*Enclosing) &&
          Scope == coroutineBody(*Enclosing)->getBody()))
      Ends = "at the end of its scope";
    else if (Enclosing && isCoroutine(*Enclosing))
      Ends = "when " + describeCoroutine(*Enclosing) + " finishes";
    else if (Enclosing)
      Ends = "when " + functionName(*Enclosing) + " returns";
  }
  const std::string Coroutine = describeCoroutine(*B.Coroutine);
  const std::string What =
      B.Ref.K == Referent::Temporary
          ? "temporary '" + typeName(B.Ref.E->getType(), Ctx) + "'"
          : "'" + B.Ref.Var->getName().str() + "'";
  const std::string TaskText = F.K == Fate::Discarded ? "the eager task" : "the task";
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
  bool FixGiven = false;
  // A temporary kept in a named local declared before the task, in the same
  // block, lives as long as the task.
  if (!FixGiven && B.K == Binding::Temporary && F.K == Fate::StoredLocal && F.Holder &&
      Enclosing && !Loc.isMacroID() &&
      !B.Arg->getEndLoc().isMacroID()) {
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
        FixGiven = true;
      }
    }
  }
  // A folly::coro lambda invoked on the spot: co_invoke keeps it alive.
  if (!FixGiven && B.K == Binding::Closure && !B.Helper && B.Ref.K == Referent::Temporary) {
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
      FixGiven = true;
    }
  }
  // Otherwise: take the parameter by value.
  const ParmVarDecl *Param = B.K == Binding::Temporary || B.K == Binding::Local
                                 ? B.Param
                                 : nullptr;
  // (Not for a non-const lvalue reference: the coroutine may write through
  // it.)
  const bool CopyableRef =
      Param && (Param->getType()->isRValueReferenceType() ||
                Param->getType().getNonReferenceType().isConstQualified());
  if (!FixGiven && Param && CopyableRef && !ByValueFixed.contains(Param) &&
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
        FixGiven = true;
      }
    }
  }
}

} // namespace clang::tidy::coro
