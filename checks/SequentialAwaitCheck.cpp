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
#include "utils/Coroutines.h"
#include "utils/DeclNames.h"
#include "utils/OptionValues.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/QualTypeNames.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang::ast_matchers;

namespace clang::tidy::coro {
namespace {

enum class Role {
  TaskType,          ///< a lazy task type: identifies the library
  EagerType,         ///< a task type that runs when created
  EagerAttachedType, ///< eager, and dropping it cancels it
  RangeCombinator,   ///< runs a range of tasks concurrently (named in messages)
  TupleCombinator,   ///< runs a fixed number of tasks concurrently
  Bounded,           ///< the bounded form the note names
  Concurrent,        ///< other calls that already run work concurrently
  Pacing,            ///< sleeps and timers: awaited in a loop on purpose
  Ordered,           ///< stream, socket and queue operations: order matters
  Lock,              ///< locks, guards and permits
};

struct ProfileEntry {
  llvm::StringLiteral Library;
  Role Kind;
  llvm::StringLiteral Name;
};

// profile data: moves to the library profiles (issue 16)
constexpr ProfileEntry Profile[] = {
    // aio (this project's runtime)
    {"aio", Role::TaskType, "aio::task"},
    {"aio", Role::RangeCombinator, "aio::gather"},
    {"aio", Role::TupleCombinator, "aio::gather"},
    {"aio", Role::Bounded, "aio::semaphore"},
    {"aio", Role::Concurrent, "aio::task_group::spawn"},
    {"aio", Role::Concurrent, "aio::wait_for"},
    {"aio", Role::Pacing, "aio::sleep"},
    {"aio", Role::Pacing, "aio::yield"},
    {"aio", Role::Ordered, "aio::tcp_stream::read"},
    {"aio", Role::Ordered, "aio::tcp_stream::write_bytes"},
    {"aio", Role::Ordered, "aio::tcp_stream::write_all"},
    {"aio", Role::Ordered, "aio::tcp_listener::accept"},
    {"aio", Role::Ordered, "aio::queue::pop"},
    {"aio", Role::Ordered, "aio::queue::push"},
    {"aio", Role::Ordered, "aio::event::wait"},
    {"aio", Role::Lock, "aio::mutex"},
    {"aio", Role::Lock, "aio::semaphore"},
    // cppcoro
    {"cppcoro", Role::TaskType, "cppcoro::task"},
    {"cppcoro", Role::TaskType, "cppcoro::shared_task"},
    {"cppcoro", Role::RangeCombinator, "cppcoro::when_all"},
    {"cppcoro", Role::TupleCombinator, "cppcoro::when_all"},
    {"cppcoro", Role::Concurrent, "cppcoro::when_all_ready"},
    {"cppcoro", Role::Pacing, "cppcoro::io_service::schedule_after"},
    {"cppcoro", Role::Pacing, "cppcoro::io_service::schedule"},
    {"cppcoro", Role::Pacing, "cppcoro::static_thread_pool::schedule"},
    {"cppcoro", Role::Ordered, "cppcoro::net::socket::send"},
    {"cppcoro", Role::Ordered, "cppcoro::net::socket::recv"},
    {"cppcoro", Role::Ordered, "cppcoro::read_only_file::read"},
    {"cppcoro", Role::Ordered, "cppcoro::write_only_file::write"},
    {"cppcoro", Role::Ordered, "cppcoro::single_consumer_event"},
    {"cppcoro", Role::Lock, "cppcoro::async_mutex"},
    {"cppcoro", Role::Lock, "cppcoro::async_mutex_lock"},
    // folly::coro
    {"folly", Role::TaskType, "folly::coro::Task"},
    {"folly", Role::RangeCombinator, "folly::coro::collectAllRange"},
    {"folly", Role::TupleCombinator, "folly::coro::collectAll"},
    {"folly", Role::Bounded, "folly::coro::collectAllWindowed"},
    {"folly", Role::Concurrent, "folly::coro::collectAllTry"},
    {"folly", Role::Concurrent, "folly::coro::collectAllTryRange"},
    {"folly", Role::Concurrent, "folly::coro::collectAllTryWindowed"},
    {"folly", Role::Concurrent, "folly::coro::collectAny"},
    {"folly", Role::Pacing, "folly::coro::sleep"},
    {"folly", Role::Ordered, "folly::coro::AsyncGenerator::next"},
    {"folly", Role::Ordered, "folly::coro::UnboundedQueue::dequeue"},
    {"folly", Role::Ordered, "folly::coro::BoundedAsyncPipe::write"},
    {"folly", Role::Ordered, "folly::coro::AsyncPipe::write"},
    {"folly", Role::Ordered, "folly::coro::Baton"},
    {"folly", Role::Lock, "folly::coro::Mutex"},
    {"folly", Role::Lock, "folly::coro::SharedMutex"},
    // asio and Boost.Asio (awaitable has no promise_type: listed)
    {"asio", Role::TaskType, "asio::awaitable"},
    {"asio", Role::RangeCombinator, "asio::experimental::make_parallel_group"},
    {"asio", Role::TupleCombinator, "asio::experimental::make_parallel_group"},
    {"asio", Role::Pacing, "asio::steady_timer::async_wait"},
    {"asio", Role::Pacing, "asio::basic_waitable_timer::async_wait"},
    {"asio", Role::Ordered, "asio::async_write"},
    {"asio", Role::Ordered, "asio::async_read"},
    {"asio", Role::Ordered, "asio::async_read_until"},
    {"asio", Role::Ordered, "asio::tcp_socket::async_read_some"},
    {"asio", Role::Ordered, "asio::basic_stream_socket::async_read_some"},
    {"asio", Role::Ordered, "asio::basic_stream_socket::async_write_some"},
    {"asio", Role::Ordered, "asio::basic_stream_socket::async_send"},
    {"asio", Role::Ordered, "asio::basic_stream_socket::async_receive"},
    {"asio", Role::Ordered, "asio::experimental::basic_channel::async_receive"},
    {"asio", Role::Ordered, "asio::experimental::basic_channel::async_send"},
    {"boost.asio", Role::TaskType, "boost::asio::awaitable"},
    {"boost.asio", Role::RangeCombinator,
     "boost::asio::experimental::make_parallel_group"},
    {"boost.asio", Role::TupleCombinator,
     "boost::asio::experimental::make_parallel_group"},
    // libcoro
    {"libcoro", Role::TaskType, "::coro::task"},
    {"libcoro", Role::RangeCombinator, "coro::when_all"},
    {"libcoro", Role::TupleCombinator, "coro::when_all"},
    {"libcoro", Role::Bounded, "coro::semaphore"},
    {"libcoro", Role::Concurrent, "::coro::task_container::start"},
    {"libcoro", Role::Pacing, "::coro::io_scheduler::yield_for"},
    {"libcoro", Role::Pacing, "::coro::io_scheduler::yield_until"},
    {"libcoro", Role::Pacing, "::coro::io_scheduler::schedule_after"},
    {"libcoro", Role::Pacing, "::coro::thread_pool::yield"},
    {"libcoro", Role::Pacing, "::coro::thread_pool::schedule"},
    {"libcoro", Role::Ordered, "::coro::net::tcp::client::send"},
    {"libcoro", Role::Ordered, "::coro::net::tcp::client::recv"},
    {"libcoro", Role::Ordered, "::coro::net::tcp::client::poll"},
    {"libcoro", Role::Ordered, "::coro::queue::pop"},
    {"libcoro", Role::Ordered, "::coro::queue::push"},
    {"libcoro", Role::Ordered, "::coro::ring_buffer::consume"},
    {"libcoro", Role::Ordered, "::coro::ring_buffer::produce"},
    {"libcoro", Role::Lock, "::coro::mutex"},
    {"libcoro", Role::Lock, "::coro::scoped_lock"},
    {"libcoro", Role::Lock, "::coro::semaphore"},
    // async_simple
    {"async_simple", Role::TaskType, "async_simple::coro::Lazy"},
    {"async_simple", Role::RangeCombinator, "async_simple::coro::collectAll"},
    {"async_simple", Role::TupleCombinator, "async_simple::coro::collectAll"},
    {"async_simple", Role::Bounded, "async_simple::coro::collectAllWindowed"},
    {"async_simple", Role::Concurrent, "async_simple::coro::collectAllPara"},
    {"async_simple", Role::Concurrent, "async_simple::coro::collectAny"},
    {"async_simple", Role::Pacing, "async_simple::coro::sleep"},
    {"async_simple", Role::Lock, "async_simple::coro::Mutex"},
    {"async_simple", Role::Lock, "async_simple::coro::SharedMutex"},
    {"async_simple", Role::Lock, "async_simple::coro::ScopedLock"},
    // concurrencpp
    {"concurrencpp", Role::TaskType, "concurrencpp::lazy_result"},
    {"concurrencpp", Role::EagerType, "concurrencpp::result"},
    {"concurrencpp", Role::RangeCombinator, "concurrencpp::when_all"},
    {"concurrencpp", Role::TupleCombinator, "concurrencpp::when_all"},
    {"concurrencpp", Role::Concurrent, "concurrencpp::when_any"},
    {"concurrencpp", Role::Pacing, "concurrencpp::timer_queue::make_delay_object"},
    {"concurrencpp", Role::Lock, "concurrencpp::async_lock"},
    {"concurrencpp", Role::Lock, "concurrencpp::scoped_async_lock"},
    // Boost.Cobalt
    {"cobalt", Role::TaskType, "boost::cobalt::task"},
    {"cobalt", Role::EagerAttachedType, "boost::cobalt::promise"},
    {"cobalt", Role::RangeCombinator, "boost::cobalt::join"},
    {"cobalt", Role::TupleCombinator, "boost::cobalt::join"},
    {"cobalt", Role::Concurrent, "boost::cobalt::gather"},
    {"cobalt", Role::Concurrent, "boost::cobalt::race"},
    {"cobalt", Role::Ordered, "boost::cobalt::channel::read"},
    {"cobalt", Role::Ordered, "boost::cobalt::channel::write"},
    // seastar (futures are eager)
    {"seastar", Role::EagerType, "seastar::future"},
    {"seastar", Role::RangeCombinator, "seastar::coroutine::parallel_for_each"},
    {"seastar", Role::TupleCombinator, "seastar::coroutine::all"},
    {"seastar", Role::Bounded, "seastar::max_concurrent_for_each"},
    {"seastar", Role::Concurrent, "seastar::parallel_for_each"},
    {"seastar", Role::Concurrent, "seastar::when_all"},
    {"seastar", Role::Concurrent, "seastar::when_all_succeed"},
    {"seastar", Role::Pacing, "seastar::sleep"},
    {"seastar", Role::Pacing, "seastar::sleep_abortable"},
    {"seastar", Role::Pacing, "seastar::coroutine::maybe_yield"},
    {"seastar", Role::Ordered, "seastar::output_stream::write"},
    {"seastar", Role::Ordered, "seastar::output_stream::flush"},
    {"seastar", Role::Ordered, "seastar::input_stream::read"},
    {"seastar", Role::Ordered, "seastar::input_stream::read_exactly"},
    {"seastar", Role::Ordered, "seastar::queue::pop_eventually"},
    {"seastar", Role::Ordered, "seastar::queue::push_eventually"},
    {"seastar", Role::Lock, "seastar::semaphore"},
    {"seastar", Role::Lock, "seastar::semaphore_units"},
    {"seastar", Role::Lock, "seastar::rwlock"},
    // the standard library
    {"std", Role::Lock, "std::counting_semaphore"},
    {"std", Role::Lock, "std::lock_guard"},
    {"std", Role::Lock, "std::scoped_lock"},
};

/// The profile's names of one role, as one NameList.
NameList profileNames(Role Kind) {
  NameList L;
  for (const ProfileEntry &E : Profile)
    if (E.Kind == Kind)
      L.add(E.Name);
  return L;
}

/// The profile read once: name lists per role.
struct ProfileLists {
  NameList Pacing = profileNames(Role::Pacing);
  NameList Ordered = profileNames(Role::Ordered);
  NameList Concurrent = [] {
    NameList L = profileNames(Role::Concurrent);
    for (const ProfileEntry &E : Profile)
      if (E.Kind == Role::RangeCombinator || E.Kind == Role::TupleCombinator ||
          E.Kind == Role::Bounded)
        L.add(E.Name);
    return L;
  }();
  NameList Locks = profileNames(Role::Lock);
  NameList ListedTasks = profileNames(Role::TaskType);
};

const ProfileLists &profile() {
  static const ProfileLists P;
  return P;
}

/// The library a task type belongs to, from the profile's task types.
llvm::StringRef libraryOf(const CXXRecordDecl &RD) {
  auto Parts = nameComponents(RD);
  for (const ProfileEntry &E : Profile)
    if ((E.Kind == Role::TaskType || E.Kind == Role::EagerType ||
         E.Kind == Role::EagerAttachedType) &&
        NameList(E.Name).matches(Parts))
      return E.Library;
  return "";
}

llvm::StringRef profileName(llvm::StringRef Library, Role Kind) {
  for (const ProfileEntry &E : Profile)
    if (E.Library == Library && E.Kind == Kind)
      return E.Name;
  return "";
}

//===--- Reads and writes ---------------------------------------------------===//
//
// Variables are keyed by their declaration: a VarDecl (a structured binding
// stands for the variable it decomposes), a FieldDecl for `this->field`, and
// the class itself for `*this` as a whole (a member call on this).

using KeySet = llvm::SmallPtrSet<const Decl *, 16>;

const Decl *keyOf(const ValueDecl *D) {
  if (const auto *B = llvm::dyn_cast<BindingDecl>(D))
    if (const ValueDecl *Whole = B->getDecomposedDecl())
      return Whole;
  return D;
}

const Decl *thisKey(const CXXThisExpr &This) {
  return This.getType()->getPointeeCXXRecordDecl();
}

bool isStdMove(const CallExpr &Call) {
  const FunctionDecl *FD = Call.getDirectCallee();
  return FD && Call.getNumArgs() == 1 && isInStd(*FD) &&
         (isNamed(*FD, "move") || isNamed(*FD, "forward"));
}

/// The variable whose state an lvalue expression designates: `results` for
/// `results[i]`, `results.back()`, `*results.begin()`; `field` for this->field.
const Decl *baseKey(const Expr *E) {
  for (unsigned Depth = 0; E && Depth < 16; ++Depth) {
    E = E->IgnoreParenImpCasts();
    if (const auto *DRE = llvm::dyn_cast<DeclRefExpr>(E))
      return llvm::isa<VarDecl, BindingDecl>(DRE->getDecl()) ? keyOf(DRE->getDecl())
                                                             : nullptr;
    if (const auto *This = llvm::dyn_cast<CXXThisExpr>(E))
      return thisKey(*This);
    if (const auto *ME = llvm::dyn_cast<MemberExpr>(E)) {
      const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
      if (llvm::isa<CXXThisExpr>(Base) && llvm::isa<FieldDecl>(ME->getMemberDecl()))
        return ME->getMemberDecl();
      E = Base;
    } else if (const auto *AS = llvm::dyn_cast<ArraySubscriptExpr>(E)) {
      E = AS->getBase();
    } else if (const auto *UO = llvm::dyn_cast<UnaryOperator>(E)) {
      if (UO->getOpcode() != UO_Deref && UO->getOpcode() != UO_AddrOf)
        return nullptr;
      E = UO->getSubExpr();
    } else if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(E)) {
      OverloadedOperatorKind K = Op->getOperator();
      if (Op->getNumArgs() == 0 ||
          (K != OO_Subscript && K != OO_Star && K != OO_Arrow))
        return nullptr;
      E = Op->getArg(0);
    } else if (const auto *MC = llvm::dyn_cast<CXXMemberCallExpr>(E)) {
      E = MC->getImplicitObjectArgument();
    } else if (const auto *Call = llvm::dyn_cast<CallExpr>(E);
               Call && isStdMove(*Call)) {
      E = Call->getArg(0);
    } else {
      return nullptr;
    }
  }
  return nullptr;
}

/// What a subtree reads: variables, fields of this, and *this.
class ReadCollector : public RecursiveASTVisitor<ReadCollector> {
public:
  KeySet &Out;
  explicit ReadCollector(KeySet &Out) : Out(Out) {}
  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    if (llvm::isa<VarDecl, BindingDecl>(DRE->getDecl()))
      Out.insert(keyOf(DRE->getDecl()));
    return true;
  }
  bool TraverseMemberExpr(MemberExpr *ME) {
    if (llvm::isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()) &&
        llvm::isa<FieldDecl>(ME->getMemberDecl())) {
      Out.insert(ME->getMemberDecl());
      return true;
    }
    return RecursiveASTVisitor::TraverseMemberExpr(ME);
  }
  bool VisitCXXThisExpr(CXXThisExpr *This) {
    Out.insert(thisKey(*This));
    return true;
  }
};

KeySet readsOf(const Stmt *S) {
  KeySet Out;
  if (S)
    ReadCollector(Out).TraverseStmt(const_cast<Stmt *>(S));
  return Out;
}

/// A non-const member that only gives access to part of the object
/// (v[i], v.at(i), v.front(), v.begin(), opt.value()): the write, if any,
/// is the assignment to what it returns, which is seen on its own.
bool isAccessor(const CXXMethodDecl &MD) {
  QualType R = MD.getReturnType();
  if (R->isLValueReferenceType() || R->isPointerType())
    return true;
  if (!MD.getDeclName().isIdentifier())
    return false;
  return llvm::is_contained({"begin", "end", "rbegin", "rend", "find",
                             "lower_bound", "upper_bound", "equal_range"},
                            MD.getName());
}

bool isNonConstLValueRef(QualType T) {
  return T->isLValueReferenceType() && !T.getNonReferenceType().isConstQualified();
}

/// What a subtree writes: assignments, increments, non-const member calls,
/// arguments bound to non-const references. \p Skip (the awaited call) does
/// not count as writing its own object and reference arguments: that is
/// judged separately.
class WriteCollector : public RecursiveASTVisitor<WriteCollector> {
public:
  KeySet Out;
  const Expr *Skip = nullptr;

  void add(const Expr *E) {
    if (const Decl *K = baseKey(E))
      Out.insert(K);
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->isAssignmentOp())
      add(BO->getLHS());
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->isIncrementDecrementOp())
      add(UO->getSubExpr());
    return true;
  }
  bool VisitCallExpr(CallExpr *Call) {
    // std::move only casts: the move is made by what receives it.
    if (Call == Skip || isStdMove(*Call))
      return true;
    unsigned FirstArg = 0;
    const auto *FD = Call->getDirectCallee();
    if (const auto *MC = llvm::dyn_cast<CXXMemberCallExpr>(Call)) {
      if (const CXXMethodDecl *MD = MC->getMethodDecl();
          MD && !MD->isConst() && !MD->isStatic() && !isAccessor(*MD))
        add(MC->getImplicitObjectArgument());
    } else if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(Call)) {
      const auto *MD = llvm::dyn_cast_or_null<CXXMethodDecl>(FD);
      if (MD && !MD->isStatic()) {
        FirstArg = 1;
        if (!MD->isConst() && !isAccessor(*MD) && Op->getNumArgs() > 0)
          add(Op->getArg(0));
      }
      if (Op->isAssignmentOp() || Op->getOperator() == OO_PlusPlus ||
          Op->getOperator() == OO_MinusMinus)
        if (Op->getNumArgs() > 0)
          add(Op->getArg(0));
    }
    if (!FD)
      return true;
    for (unsigned I = FirstArg; I < Call->getNumArgs(); ++I) {
      unsigned P = I - FirstArg;
      if (P >= FD->getNumParams())
        break;
      QualType T = FD->getParamDecl(P)->getType();
      if (isNonConstLValueRef(T) || T->isRValueReferenceType())
        add(Call->getArg(I));
      else if (T->isPointerType() && !T->getPointeeType().isConstQualified())
        if (const auto *UO = llvm::dyn_cast<UnaryOperator>(
                Call->getArg(I)->IgnoreParenImpCasts());
            UO && UO->getOpcode() == UO_AddrOf)
          add(UO->getSubExpr());
    }
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
    const CXXConstructorDecl *Ctor = CE->getConstructor();
    for (unsigned I = 0; I < CE->getNumArgs() && I < Ctor->getNumParams(); ++I)
      if (QualType T = Ctor->getParamDecl(I)->getType();
          isNonConstLValueRef(T) || T->isRValueReferenceType())
        add(CE->getArg(I));
    return true;
  }
};

bool intersects(const KeySet &A, const KeySet &B) {
  for (const Decl *D : A) {
    if (B.contains(D))
      return true;
    // *this and a field of it overlap.
    if (const auto *FD = llvm::dyn_cast<FieldDecl>(D))
      if (B.contains(FD->getParent()))
        return true;
    if (const auto *RD = llvm::dyn_cast<CXXRecordDecl>(D))
      for (const Decl *Other : B)
        if (const auto *FD = llvm::dyn_cast<FieldDecl>(Other);
            FD && FD->getParent() == RD)
          return true;
  }
  return false;
}

/// A lock, guard or permit type: listed, or BasicLockable (has unlock()).
bool isLockType(QualType T) {
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  const CXXRecordDecl *RD = recordOf(T);
  return RD && (profile().Locks.matches(*RD) || hasMemberNamed(*RD, "unlock"));
}

/// A local that holds a lock or permit for its scope.
bool isLockLocal(const VarDecl &VD) {
  if (isLockType(VD.getType()))
    return true;
  const Expr *E = VD.getInit() ? ignoreWrappers(VD.getInit()) : nullptr;
  if (const auto *Await = llvm::dyn_cast_or_null<CoawaitExpr>(E))
    E = ignoreWrappers(Await->getOperand());
  if (!E)
    return false;
  if (const auto *MC = llvm::dyn_cast<CXXMemberCallExpr>(E))
    if (isLockType(MC->getImplicitObjectArgument()->getType()))
      return true;
  auto AnyLockArg = [](auto Args) {
    return llvm::any_of(Args, [](const Expr *A) { return isLockType(A->getType()); });
  };
  if (const auto *CE = llvm::dyn_cast<CXXConstructExpr>(E))
    return AnyLockArg(CE->arguments());
  if (const auto *Call = llvm::dyn_cast<CallExpr>(E))
    return AnyLockArg(Call->arguments());
  return false;
}

/// m.lock(), co_await m.co_lock(): acquiring a lockable without a guard.
bool isLockCall(const CXXMemberCallExpr &MC) {
  const CXXMethodDecl *MD = MC.getMethodDecl();
  if (!MD || !MD->getDeclName().isIdentifier())
    return false;
  std::string Name = MD->getName().lower();
  llvm::StringRef N(Name);
  return N.contains("lock") && !N.contains("unlock") && !N.starts_with("try") &&
         isLockType(MC.getImplicitObjectArgument()->getType());
}

//===--- The body of one loop -----------------------------------------------===//

struct Jump {
  const Stmt *S;
  llvm::SmallVector<const Expr *, 4> Conditions; ///< of the ifs around it
};

/// What runs in a loop's body, in the coroutine's own context.
class LoopBodyScan : public ContextVisitor<LoopBodyScan> {
  using Base = ContextVisitor<LoopBodyScan>;

public:
  llvm::SmallVector<const Expr *, 2> Awaits; ///< directly in the body
  llvm::SmallPtrSet<const Expr *, 8> InTry, Discarded;
  bool OtherSuspension = false; ///< co_yield, or an await in a nested loop
  bool TakesLock = false;
  bool CallsOnPurpose = false; ///< a SequentialOnPurpose function is called
  const NameList *OnPurpose = nullptr;
  std::vector<Jump> Jumps;
  llvm::SmallVector<const VarDecl *, 8> Declared;

  bool VisitStmt(Stmt *S) {
    for (const Stmt *C : statementPositions(*S))
      if (const auto *E = llvm::dyn_cast<Expr>(C))
        Discarded.insert(ignoreWrappers(E));
    return true;
  }
  bool VisitCoawaitExpr(CoawaitExpr *E) {
    if (!E->isImplicit())
      addAwait(E);
    return true;
  }
  bool VisitDependentCoawaitExpr(DependentCoawaitExpr *E) {
    addAwait(E);
    return true;
  }
  bool VisitCoyieldExpr(CoyieldExpr *) {
    OtherSuspension = true;
    return true;
  }
  bool VisitVarDecl(VarDecl *VD) {
    Declared.push_back(VD);
    if (isLockLocal(*VD))
      TakesLock = true;
    return true;
  }
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *MC) {
    if (isLockCall(*MC))
      TakesLock = true;
    return true;
  }
  bool VisitCallExpr(CallExpr *Call) {
    if (const FunctionDecl *Callee = Call->getDirectCallee();
        Callee && OnPurpose && OnPurpose->matches(*Callee))
      CallsOnPurpose = true;
    return true;
  }
  bool VisitBreakStmt(BreakStmt *S) {
    if (NestedLoops == 0 && Switches == 0)
      Jumps.push_back({S, Conditions});
    return true;
  }
  bool VisitReturnStmt(ReturnStmt *S) { return jump(S); }
  bool VisitCoreturnStmt(CoreturnStmt *S) { return jump(S); }
  bool VisitGotoStmt(GotoStmt *S) { return jump(S); }
  bool VisitCXXThrowExpr(CXXThrowExpr *S) { return jump(S); }

  bool TraverseIfStmt(IfStmt *S) {
    return withCondition(S->getCond(), [&] { return Base::TraverseIfStmt(S); });
  }
  bool TraverseSwitchStmt(SwitchStmt *S) {
    ++Switches;
    bool R = withCondition(S->getCond(), [&] { return Base::TraverseSwitchStmt(S); });
    --Switches;
    return R;
  }
  bool TraverseConditionalOperator(ConditionalOperator *S) {
    return withCondition(S->getCond(),
                         [&] { return Base::TraverseConditionalOperator(S); });
  }
  bool TraverseCXXTryStmt(CXXTryStmt *S) {
    ++Tries;
    bool R = Base::TraverseStmt(S->getTryBlock());
    --Tries;
    for (unsigned I = 0; R && I < S->getNumHandlers(); ++I)
      R = Base::TraverseStmt(S->getHandler(I));
    return R;
  }
#define NESTED_LOOP(CLASS, COND)                                               \
  bool Traverse##CLASS(CLASS *S) {                                             \
    ++NestedLoops;                                                             \
    bool R = withCondition(COND, [&] { return Base::Traverse##CLASS(S); });    \
    --NestedLoops;                                                             \
    return R;                                                                  \
  }
  NESTED_LOOP(ForStmt, S->getCond())
  NESTED_LOOP(WhileStmt, S->getCond())
  NESTED_LOOP(DoStmt, S->getCond())
  NESTED_LOOP(CXXForRangeStmt, nullptr)
#undef NESTED_LOOP

private:
  unsigned NestedLoops = 0, Switches = 0, Tries = 0;
  llvm::SmallVector<const Expr *, 4> Conditions;

  void addAwait(const Expr *E) {
    if (NestedLoops)
      OtherSuspension = true;
    Awaits.push_back(E);
    if (Tries)
      InTry.insert(E);
  }
  bool jump(const Stmt *S) {
    Jumps.push_back({S, Conditions});
    return true;
  }
  template <typename F> bool withCondition(const Expr *Cond, F Body) {
    if (Cond)
      Conditions.push_back(Cond);
    bool R = Body();
    if (Cond)
      Conditions.pop_back();
    return R;
  }
};

/// Whether a suspension (co_await, co_yield) is in \p S, own context.
class SuspensionFinder : public ContextVisitor<SuspensionFinder> {
public:
  bool Found = false;
  bool VisitCoawaitExpr(CoawaitExpr *E) { return !(Found = !E->isImplicit()); }
  bool VisitDependentCoawaitExpr(DependentCoawaitExpr *) { return !(Found = true); }
  bool VisitCoyieldExpr(CoyieldExpr *) { return !(Found = true); }
};

bool suspendsIn(const Stmt *S) {
  if (!S)
    return false;
  SuspensionFinder F;
  F.TraverseStmt(const_cast<Stmt *>(S));
  return F.Found;
}

const Stmt *loopBody(const Stmt &Loop) {
  if (const auto *F = llvm::dyn_cast<ForStmt>(&Loop))
    return F->getBody();
  if (const auto *R = llvm::dyn_cast<CXXForRangeStmt>(&Loop))
    return R->getBody();
  if (const auto *W = llvm::dyn_cast<WhileStmt>(&Loop))
    return W->getBody();
  if (const auto *D = llvm::dyn_cast<DoStmt>(&Loop))
    return D->getBody();
  return nullptr;
}

/// The written operand of an await (its common expression once transformed).
const Expr *awaitOperand(const Expr *Await) {
  if (const auto *A = llvm::dyn_cast<CoawaitExpr>(Await))
    return A->getOperand();
  if (const auto *D = llvm::dyn_cast<DependentCoawaitExpr>(Await))
    return D->getOperand();
  return nullptr;
}

/// The call an await starts, when it awaits the result of a call.
const CallExpr *awaitedCall(const Expr *Await) {
  const Expr *Op = awaitOperand(Await);
  return Op ? llvm::dyn_cast<CallExpr>(ignoreWrappers(Op)) : nullptr;
}

/// The callee's declaration (a lambda's call operator included).
const FunctionDecl *calleeOf(const CallExpr &Call) {
  return Call.getDirectCallee();
}

} // namespace

//===--- The check ------------------------------------------------------------===//

namespace {

/// One coroutine's analysis: finds loops and statement runs and reports.
class Analysis {
public:
  Analysis(ClangTidyCheck &Check, const FunctionDecl &FD, ASTContext &Ctx,
           const AwaitableClassifier &Classifier,
           const std::vector<std::pair<NameList, std::string>> &UserCombinators,
           const NameList &OnPurpose, unsigned MinConsecutive)
      : Check(Check), FD(FD), Ctx(Ctx), SM(Ctx.getSourceManager()),
        Classifier(Classifier), UserCombinators(UserCombinators),
        OnPurpose(OnPurpose), MinConsecutive(MinConsecutive) {}

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
  const Stmt *FunctionBody = nullptr;

  friend class FunctionScan;
  void checkLoop(const Stmt &Loop);
  void checkRun(llvm::ArrayRef<const Stmt *> Statements,
                llvm::ArrayRef<bool> Locked);

  SequentialAwaitCheck::Library libraryFor(QualType T) const;
  AwaitableKind taskKind(QualType T) const;
  bool excludedCallee(const CallExpr &Call) const;
  bool sharesOrderedObject(const CallExpr &Call, const KeySet &Element,
                           const KeySet &Declared, bool ResultDiscarded) const;
  const Stmt *creationSite(const VarDecl &Container, const Stmt &Loop,
                           QualType Task) const;
  std::string text(SourceRange R) const;
  std::string describeCall(const CallExpr &Call) const;
  void reportLoop(const Stmt &Loop, const Expr &Await, const CallExpr &Call,
                  const LoopBodyScan &Scan);
  std::optional<FixItHint> gatherRewrite(const Stmt &Loop, const Expr &Await,
                                         const CallExpr &Call,
                                         const LoopBodyScan &Scan) const;
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
    if (VD->isLocalVarDecl() && isLockLocal(*VD))
      ++Locks;
    return true;
  }
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *MC) {
    if (isLockCall(*MC))
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
  llvm::StringRef Lib = libraryOf(*RD);
  if (Lib.empty())
    return L;
  L.Range = profileName(Lib, Role::RangeCombinator).str();
  L.Tuple = profileName(Lib, Role::TupleCombinator).str();
  L.Bounded = profileName(Lib, Role::Bounded).str();
  L.Aio = Lib == "aio";
  return L;
}

/// The start policy of an awaited type when it is a task (structure, or the
/// profile's task types, which asio::awaitable needs).
AwaitableKind Analysis::taskKind(QualType T) const {
  AwaitableKind K = Classifier.classify(T);
  if (K && K.Policy == StartPolicy::NotATask)
    if (const CXXRecordDecl *RD = recordOf(T);
        RD && profile().ListedTasks.matches(*RD))
      K.Policy = StartPolicy::Lazy;
  if (K && K.Policy == StartPolicy::Unknown)
    if (const CXXRecordDecl *RD = recordOf(T);
        RD && profile().ListedTasks.matches(*RD))
      K.Policy = StartPolicy::Lazy;
  return K;
}

bool Analysis::excludedCallee(const CallExpr &Call) const {
  const FunctionDecl *Callee = calleeOf(Call);
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

/// Whether \p Call acts on one object shared by every iteration: through a
/// non-const reference or pointer parameter (reads into one buffer, writes to
/// one socket), or, when its result is discarded, through a non-const member
/// (appends to one journal, sends on one stream). Order matters there.
bool Analysis::sharesOrderedObject(const CallExpr &Call, const KeySet &Element,
                                   const KeySet &Declared,
                                   bool ResultDiscarded) const {
  auto Shared = [&](const Expr *E) {
    const Decl *K = baseKey(E);
    if (!K)
      return false;
    // The element's own object (conns[i], or a body local) is not shared.
    return !Element.contains(K) && !Declared.contains(K) &&
           !intersects(readsOf(E), Element);
  };
  const FunctionDecl *Callee = calleeOf(Call);
  unsigned FirstArg = 0;
  if (const auto *MC = llvm::dyn_cast<CXXMemberCallExpr>(&Call)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (ResultDiscarded && MD && !MD->isConst() && !MD->isStatic() &&
        Shared(MC->getImplicitObjectArgument()))
      return true;
  } else if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(&Call)) {
    const auto *MD = llvm::dyn_cast_or_null<CXXMethodDecl>(Callee);
    if (MD && !MD->isStatic()) {
      FirstArg = 1;
      if (ResultDiscarded && !MD->isConst() && Op->getNumArgs() > 0 &&
          Shared(Op->getArg(0)))
        return true;
    }
  }
  if (!Callee)
    return false;
  for (unsigned I = FirstArg; I < Call.getNumArgs(); ++I) {
    unsigned P = I - FirstArg;
    if (P >= Callee->getNumParams())
      break;
    QualType T = Callee->getParamDecl(P)->getType();
    if ((isNonConstLValueRef(T) ||
         (T->isPointerType() && !T->getPointeeType().isConstQualified())) &&
        Shared(Call.getArg(I)))
      return true;
  }
  return false;
}

std::string Analysis::text(SourceRange R) const {
  return Lexer::getSourceText(CharSourceRange::getTokenRange(R), SM,
                              Ctx.getLangOpts())
      .str();
}

std::string Analysis::describeCall(const CallExpr &Call) const {
  if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(&Call);
      Op && Op->getOperator() == OO_Call)
    if (const auto *DRE =
            llvm::dyn_cast<DeclRefExpr>(Op->getArg(0)->IgnoreParenImpCasts()))
      return DRE->getDecl()->getNameAsString();
  if (const FunctionDecl *Callee = calleeOf(Call))
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

void Analysis::checkLoop(const Stmt &Loop) {
  const Stmt *Body = loopBody(Loop);
  if (!Body)
    return;
  // What the loop's header reads, and which variables change per iteration.
  KeySet HeaderReads, Element;
  const VarDecl *LoopVar = nullptr;
  const Expr *RangeInit = nullptr;
  if (const auto *F = llvm::dyn_cast<ForStmt>(&Loop)) {
    if (suspendsIn(F->getCond()) || suspendsIn(F->getInc()) ||
        suspendsIn(F->getConditionVariableDeclStmt()))
      return;
    for (const Stmt *S : {static_cast<const Stmt *>(F->getCond()),
                          static_cast<const Stmt *>(F->getInc()),
                          static_cast<const Stmt *>(F->getConditionVariableDeclStmt())})
      for (const Decl *K : readsOf(S))
        HeaderReads.insert(K);
    WriteCollector Inc;
    if (F->getInc())
      Inc.TraverseStmt(const_cast<Expr *>(F->getInc()));
    Element = Inc.Out;
  } else if (const auto *R = llvm::dyn_cast<CXXForRangeStmt>(&Loop)) {
    LoopVar = R->getLoopVariable();
    RangeInit = R->getRangeInit();
    if (R->getCoawaitLoc().isValid() || suspendsIn(RangeInit))
      return;
    // Walking a generator: each element is produced on demand.
    if (const CXXRecordDecl *RD = recordOf(RangeInit->getType());
        RD && (hasMemberNamed(*RD, "promise_type") || taskKind(RangeInit->getType())))
      return;
    HeaderReads = readsOf(RangeInit);
    Element.insert(LoopVar);
  } else {
    const Expr *Cond = llvm::isa<WhileStmt>(Loop)
                           ? llvm::cast<WhileStmt>(Loop).getCond()
                           : llvm::cast<DoStmt>(Loop).getCond();
    if (suspendsIn(Cond))
      return;
    HeaderReads = readsOf(Cond);
  }

  LoopBodyScan Scan;
  Scan.OnPurpose = &OnPurpose;
  Scan.TraverseStmt(const_cast<Stmt *>(Body));
  if (Scan.OtherSuspension || Scan.TakesLock || Scan.CallsOnPurpose ||
      Scan.Awaits.size() != 1)
    return;
  const Expr &Await = *Scan.Awaits.front();
  // Loops left on a result (a search, a retry) or left at all after the await.
  KeySet Declared;
  for (const VarDecl *VD : Scan.Declared)
    Declared.insert(VD);
  if (LoopVar)
    Declared.insert(LoopVar);

  const Expr *Operand = ignoreWrappers(awaitOperand(&Await));
  // A call that creates the awaited task (not an element access: ts[i]).
  const CallExpr *Call = awaitedCall(&Await);
  if (Call && (!Call->isPRValue() ||
               (llvm::isa<CXXOperatorCallExpr>(Call) &&
                llvm::cast<CXXOperatorCallExpr>(Call)->getOperator() ==
                    OO_Subscript)))
    Call = nullptr;
  WriteCollector Writes;
  Writes.Skip = Call;
  Writes.TraverseStmt(const_cast<Stmt *>(Body));
  KeySet Carried; // written in one iteration, alive in the next
  for (const Decl *K : Writes.Out)
    if (!Declared.contains(K))
      Carried.insert(K);
  for (const Jump &J : Scan.Jumps) {
    if (!SM.isBeforeInTranslationUnit(J.S->getBeginLoc(), Await.getBeginLoc()))
      return;
    for (const Expr *Cond : J.Conditions)
      if (intersects(readsOf(Cond), Carried))
        return;
  }
  if (intersects(HeaderReads, Carried))
    return;
  if (Element.empty())
    return;

  // What the awaited operation reads, through the locals of the body that it
  // uses (their initialisers run in the same iteration).
  KeySet Reads = readsOf(awaitOperand(&Await));
  for (bool Grew = true; Grew;) {
    Grew = false;
    for (const VarDecl *VD : Scan.Declared)
      if (Reads.contains(VD) && VD->getInit())
        for (const Decl *K : readsOf(VD->getInit()))
          Grew |= Reads.insert(K).second;
  }
  if (!intersects(Reads, Element) || intersects(Reads, Carried))
    return;

  if (!Call) {
    // Form 2: the elements of a container of lazy tasks, awaited in turn.
    const Decl *ContainerKey = nullptr;
    if (const auto *DRE = llvm::dyn_cast<DeclRefExpr>(Operand);
        DRE && LoopVar && keyOf(DRE->getDecl()) == LoopVar)
      ContainerKey = baseKey(RangeInit);
    else if (llvm::isa<ArraySubscriptExpr, CXXOperatorCallExpr,
                       CXXMemberCallExpr>(Operand))
      ContainerKey = baseKey(Operand);
    const auto *Container = llvm::dyn_cast_or_null<VarDecl>(ContainerKey);
    if (!Container || !Container->isLocalVarDecl())
      return;
    QualType Task = Operand->getType();
    if (taskKind(Task).Policy != StartPolicy::Lazy)
      return;
    const Stmt *Created = creationSite(*Container, Loop, Task.getUnqualifiedType());
    if (!Created)
      return;
    SequentialAwaitCheck::Library Lib = libraryFor(Task);
    Check.diag(Await.getBeginLoc(),
               "the lazy tasks in '%0' are awaited one at a time, so they run "
               "one after another (a lazy task starts only when awaited): "
               "await them together with %1")
        << Container->getName()
        << (Lib.Range.empty() ? "the library's when_all/gather combinator"
                              : "'" + Lib.Range + "'");
    Check.diag(Created->getBeginLoc(), "the tasks are created here",
               DiagnosticIDs::Note);
    return;
  }

  // Form 1: one call per element.
  if (excludedCallee(*Call))
    return;
  AwaitableKind Kind = taskKind(Call->getType());
  if (!Kind || Kind.Policy == StartPolicy::NotATask)
    return;
  const bool ResultDiscarded =
      Await.getType()->isVoidType() || Scan.Discarded.contains(&Await) ||
      Scan.Discarded.contains(ignoreWrappers(&Await));
  if (sharesOrderedObject(*Call, Element, Declared, ResultDiscarded))
    return;
  reportLoop(Loop, Await, *Call, Scan);
}

void Analysis::reportLoop(const Stmt &Loop, const Expr &Await,
                          const CallExpr &Call, const LoopBodyScan &Scan) {
  SequentialAwaitCheck::Library Lib = libraryFor(Call.getType());
  std::string Per = "iteration";
  if (const auto *R = llvm::dyn_cast<CXXForRangeStmt>(&Loop)) {
    const Expr *Range = R->getRangeInit()->IgnoreParenImpCasts();
    std::string Spelled = text(Range->getSourceRange());
    Per = Spelled.empty() || Spelled.size() > 40 || Range->getBeginLoc().isMacroID()
              ? "element of the range"
              : "element of '" + Spelled + "'";
  }
  std::string Combinator =
      Lib.Range.empty() ? "the library's when_all/gather combinator"
                        : "'" + Lib.Range + "'";
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
    Fix = gatherRewrite(Loop, Await, Call, Scan);
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

/// The mechanical rewrite for aio: collect the tasks in a vector, then
/// `co_await aio::gather(std::move(tasks))`. Only for a body that is the
/// await alone or `sink.push_back(co_await call)`, a call that cannot dangle
/// (parameters by value, or references to storage that outlives the loop),
/// and no macros.
std::optional<FixItHint>
Analysis::gatherRewrite(const Stmt &Loop, const Expr &Await,
                        const CallExpr &Call, const LoopBodyScan &Scan) const {
  SourceLocation HeaderEnd;
  SourceLocation ForLoc;
  const VarDecl *LoopVar = nullptr;
  if (const auto *F = llvm::dyn_cast<ForStmt>(&Loop)) {
    ForLoc = F->getForLoc();
    HeaderEnd = F->getRParenLoc();
  } else if (const auto *R = llvm::dyn_cast<CXXForRangeStmt>(&Loop)) {
    ForLoc = R->getForLoc();
    HeaderEnd = R->getRParenLoc();
    LoopVar = R->getLoopVariable();
  } else {
    return std::nullopt;
  }
  if (Loop.getBeginLoc().isMacroID() || Loop.getEndLoc().isMacroID() ||
      Scan.InTry.contains(&Await))
    return std::nullopt;
  const Stmt *Body = loopBody(Loop);
  const bool Braced = llvm::isa<CompoundStmt>(Body);
  if (const auto *CS = llvm::dyn_cast<CompoundStmt>(Body)) {
    if (CS->size() != 1)
      return std::nullopt;
    Body = CS->body_front();
  }
  const auto *BodyExpr = llvm::dyn_cast<Expr>(Body);
  if (!BodyExpr)
    return std::nullopt;
  const Expr *Top = ignoreWrappers(BodyExpr);
  const Expr *Sink = nullptr;
  llvm::StringRef SinkMethod;
  if (Top != &Await) {
    const auto *MC = llvm::dyn_cast<CXXMemberCallExpr>(Top);
    const CXXMethodDecl *MD = MC ? MC->getMethodDecl() : nullptr;
    if (!MD || MC->getNumArgs() != 1 || ignoreWrappers(MC->getArg(0)) != &Await ||
        (!isNamed(*MD, "push_back") && !isNamed(*MD, "emplace_back")))
      return std::nullopt;
    const auto *Obj = llvm::dyn_cast<DeclRefExpr>(
        MC->getImplicitObjectArgument()->IgnoreParenImpCasts());
    if (!Obj || llvm::is_contained(Scan.Declared, Obj->getDecl()) ||
        Obj->getDecl() == LoopVar)
      return std::nullopt;
    Sink = Obj;
    SinkMethod = MD->getName();
  }
  // The tasks outlive the iteration that creates them: nothing they refer
  // to may die with it.
  const FunctionDecl *Callee = calleeOf(Call);
  if (!Callee || llvm::isa<CXXOperatorCallExpr>(Call))
    return std::nullopt;
  if (const auto *MC = llvm::dyn_cast<CXXMemberCallExpr>(&Call)) {
    const Decl *Obj = baseKey(MC->getImplicitObjectArgument());
    if (!Obj || llvm::is_contained(Scan.Declared, Obj) || Obj == LoopVar)
      return std::nullopt;
  }
  for (unsigned I = 0; I < Call.getNumArgs() && I < Callee->getNumParams(); ++I) {
    QualType T = Callee->getParamDecl(I)->getType();
    if (!T->isReferenceType() && !T->isPointerType())
      continue;
    const Expr *Arg = Call.getArg(I)->IgnoreParenImpCasts();
    const auto *DRE = llvm::dyn_cast<DeclRefExpr>(Arg);
    const auto *VD = DRE ? llvm::dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (!VD || llvm::is_contained(Scan.Declared, VD))
      return std::nullopt;
    if (VD == LoopVar && !VD->getType()->isReferenceType())
      return std::nullopt;
  }
  // Fresh names: nothing in the function is called that.
  llvm::StringSet<> Used;
  struct Names : RecursiveASTVisitor<Names> {
    llvm::StringSet<> *Out;
    bool VisitNamedDecl(NamedDecl *D) {
      if (D->getDeclName().isIdentifier())
        Out->insert(D->getName());
      return true;
    }
    bool VisitDeclRefExpr(DeclRefExpr *E) {
      if (E->getDecl()->getDeclName().isIdentifier())
        Out->insert(E->getDecl()->getName());
      return true;
    }
  } N;
  N.Out = &Used;
  N.TraverseStmt(const_cast<Stmt *>(FunctionBody));
  for (const ParmVarDecl *P : FD.parameters())
    Used.insert(P->getName());
  auto Fresh = [&](llvm::StringRef Base) {
    std::string Name = Base.str();
    for (unsigned I = 2; Used.contains(Name); ++I)
      Name = Base.str() + std::to_string(I);
    Used.insert(Name);
    return Name;
  };
  std::string Tasks = Fresh("tasks"), Result = Fresh("result");

  PrintingPolicy Policy(Ctx.getLangOpts());
  Policy.SuppressUnwrittenScope = true;
  std::string TaskType = TypeName::getFullyQualifiedName(
      Call.getType().getUnqualifiedType(), Ctx, Policy);
  std::string Header = text({ForLoc, HeaderEnd});
  std::string CallText = text(Call.getSourceRange());
  if (Header.empty() || CallText.empty() || TaskType.empty())
    return std::nullopt;
  // Indentation of the loop's line.
  auto [FileID, Offset] = SM.getDecomposedLoc(SM.getSpellingLoc(ForLoc));
  llvm::StringRef Buffer = SM.getBufferData(FileID);
  size_t LineStart = Buffer.rfind('\n', Offset);
  LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
  llvm::StringRef Indent = Buffer.slice(LineStart, Offset);
  if (Indent.find_first_not_of(" \t") != llvm::StringRef::npos)
    return std::nullopt;
  std::string Step = Indent.str() + "  ";
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << "std::vector<" << TaskType << "> " << Tasks << ";\n"
     << Indent << Header << "\n"
     << Step << Tasks << ".push_back(" << CallText << ");\n"
     << Indent;
  std::string Gathered = "co_await aio::gather(std::move(" + Tasks + "))";
  if (Sink)
    OS << "for (auto &" << Result << " : " << Gathered << ")\n"
       << Step << text(Sink->getSourceRange()) << "." << SinkMethod
       << "(std::move(" << Result << "))";
  else
    OS << Gathered;
  if (Braced)
    OS << ";";
  // Without braces the body's own ';' (not part of the loop) ends the last
  // statement.
  return FixItHint::CreateReplacement(
      CharSourceRange::getTokenRange(Loop.getBeginLoc(), Loop.getEndLoc()),
      OS.str());
}

/// Form 3: runs of statements each awaiting a call whose arguments read
/// nothing an earlier statement of the run declared or wrote.
void Analysis::checkRun(llvm::ArrayRef<const Stmt *> Statements,
                        llvm::ArrayRef<bool> Locked) {
  struct Member {
    const Expr *Await;
    const CallExpr *Call;
  };
  llvm::SmallVector<Member, 8> Run;
  KeySet Produced; // declared or written by the run so far
  auto Flush = [&] {
    if (Run.size() >= MinConsecutive && Run.size() >= 2) {
      SequentialAwaitCheck::Library Lib = libraryFor(Run.front().Call->getType());
      std::string Names;
      for (size_t I = 0; I < Run.size(); ++I)
        Names += (I == 0 ? "'" : I + 1 == Run.size() ? "' and '" : "', '") +
                 describeCall(*Run[I].Call);
      Names += "'";
      Check.diag(Run.front().Await->getBeginLoc(),
                 "%0 independent calls are awaited one after another (%1); run "
                 "them concurrently with %2")
          << static_cast<unsigned>(Run.size()) << Names
          << (Lib.Tuple.empty() ? "the library's when_all/gather combinator"
                                : "'" + Lib.Tuple + "'");
    }
    Run.clear();
    Produced.clear();
  };
  for (size_t I = 0; I < Statements.size(); ++I) {
    const Stmt *S = Statements[I];
    const Expr *Await = nullptr;
    KeySet Declares;
    if (const auto *DS = llvm::dyn_cast<DeclStmt>(S)) {
      if (DS->isSingleDecl())
        if (const auto *VD = llvm::dyn_cast<VarDecl>(DS->getSingleDecl());
            VD && VD->getInit()) {
          Await = ignoreWrappers(VD->getInit());
          Declares.insert(VD);
        }
    } else if (const auto *E = llvm::dyn_cast<Expr>(S)) {
      Await = ignoreWrappers(E);
      if (const auto *BO = llvm::dyn_cast<BinaryOperator>(Await);
          BO && BO->getOpcode() == BO_Assign)
        Await = ignoreWrappers(BO->getRHS());
      else if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(Await);
               Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
        Await = ignoreWrappers(Op->getArg(1));
    }
    const CallExpr *Call =
        Await && llvm::isa<CoawaitExpr>(Await) &&
                !llvm::cast<CoawaitExpr>(Await)->isImplicit()
            ? awaitedCall(Await)
            : nullptr;
    if (Call && !Call->isPRValue())
      Call = nullptr;
    bool Candidate = Call && !Locked[I] && !excludedCallee(*Call);
    if (Candidate) {
      AwaitableKind Kind = taskKind(Call->getType());
      Candidate = Kind && Kind.Policy != StartPolicy::NotATask &&
                  !suspendsIn(Call) &&
                  !sharesOrderedObject(*Call, KeySet(), KeySet(),
                                       Await->getType()->isVoidType() ||
                                           ignoreWrappers(llvm::dyn_cast<Expr>(S)) ==
                                               Await);
    }
    if (!Candidate) {
      Flush();
      continue;
    }
    if (intersects(readsOf(Call), Produced))
      Flush();
    Run.push_back({Await, Call});
    WriteCollector W;
    W.TraverseStmt(const_cast<Stmt *>(S));
    for (const Decl *K : W.Out)
      Produced.insert(K);
    for (const Decl *K : Declares)
      Produced.insert(K);
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
