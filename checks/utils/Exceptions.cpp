//===--- Exceptions.cpp ---------------------------------------------------===//

#include "Exceptions.h"
#include "Awaitables.h"
#include "Completion.h"
#include "Coroutines.h"
#include "DeclNames.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseMap.h"

namespace clang::tidy::coro {
namespace {

bool declaredNoThrow(const FunctionDecl &FD) {
  if (FD.getBuiltinID() != 0)
    return true;
  const auto *Proto = FD.getType()->getAs<FunctionProtoType>();
  return Proto && Proto->isNothrow();
}

bool cannotThrow(const FunctionDecl &FD, unsigned Depth);

/// Finds what can throw in a function body that is not declared noexcept:
/// a throw, a call or construction of something that can, an allocation
/// that throws on failure, a dynamic_cast to a reference, a typeid of a
/// polymorphic glvalue.
class ThrowFinder : public ContextVisitor<ThrowFinder> {
public:
  explicit ThrowFinder(unsigned Depth) : Depth(Depth) {}
  bool Throws = false;

  bool VisitCXXThrowExpr(CXXThrowExpr *) { return found(); }
  bool VisitCallExpr(CallExpr *E) {
    const FunctionDecl *Callee = E->getDirectCallee();
    return (Callee && cannotThrow(*Callee, Depth)) || found();
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *E) {
    return cannotThrow(*E->getConstructor(), Depth) || found();
  }
  bool VisitCXXNewExpr(CXXNewExpr *E) {
    return E->shouldNullCheckAllocation() || found();
  }
  bool VisitCXXDynamicCastExpr(CXXDynamicCastExpr *E) {
    return !E->getType()->isReferenceType() || found();
  }
  bool VisitCXXTypeidExpr(CXXTypeidExpr *E) {
    return !E->isPotentiallyEvaluated() || found();
  }
  bool VisitCoroutineBodyStmt(CoroutineBodyStmt *) { return found(); }
  // Anything unresolved in a template: unknown, so it can throw.
  bool VisitExpr(Expr *E) {
    return !E->isInstantiationDependent() || found();
  }

private:
  bool found() {
    Throws = true;
    return false;
  }
  unsigned Depth;
};

/// Whether calling \p FD cannot throw: it is declared so (noexcept, a
/// builtin), or, up to \p Depth calls deep, its visible body has nothing
/// that can (a helper whose body is `_load[cpu]--;`). A virtual function
/// that can be overridden, a coroutine, a function without a visible body:
/// can throw.
bool cannotThrow(const FunctionDecl &FD, unsigned Depth) {
  if (declaredNoThrow(FD))
    return true;
  if (Depth == 0)
    return false;
  const FunctionDecl *Def = FD.getDefinition();
  if (!Def || !Def->hasBody() || Def->isDependentContext() || isCoroutine(*Def))
    return false;
  if (const auto *MD = llvm::dyn_cast<CXXMethodDecl>(Def))
    if (MD->isVirtual() && !MD->hasAttr<FinalAttr>() &&
        !MD->getParent()->hasAttr<FinalAttr>())
      return false;
  // Per translation unit (declarations are not shared between them).
  thread_local const ASTContext *Ctx = nullptr;
  thread_local llvm::DenseMap<const FunctionDecl *, bool> Known;
  if (Ctx != &Def->getASTContext()) {
    Ctx = &Def->getASTContext();
    Known.clear();
  }
  if (auto It = Known.find(Def); It != Known.end())
    return It->second;
  Known[Def] = false; // recursion: assume the worst until known
  ThrowFinder F(Depth - 1);
  if (const auto *Ctor = llvm::dyn_cast<CXXConstructorDecl>(Def))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (!F.Throws && Init->isWritten())
        F.TraverseStmt(Init->getInit());
  if (!F.Throws)
    F.TraverseStmt(Def->getBody());
  // A deeper query may have cleared the map (another context): re-find.
  Known[Def] = !F.Throws;
  return !F.Throws;
}

/// How deep cannotThrow looks through helpers' bodies.
constexpr unsigned HelperDepth = 3;

bool cannotThrow(const FunctionDecl &FD) {
  return cannotThrow(FD, HelperDepth);
}

/// Whether \p T reports errors as a value: a tuple, pair or variant led by
/// an error_code (asio's as_tuple/as_single), or an expected/result type.
bool isErrorAsValue(QualType T) {
  const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || !RD->getDeclName().isIdentifier())
    return false;
  llvm::StringRef Name = RD->getName();
  if (Name == "expected" || Name == "result")
    return true;
  if (Name != "tuple" && Name != "pair" && Name != "variant")
    return false;
  const auto *Spec = llvm::dyn_cast<ClassTemplateSpecializationDecl>(RD);
  if (!Spec || Spec->getTemplateArgs().size() == 0)
    return false;
  const TemplateArgument &First = Spec->getTemplateArgs()[0];
  QualType FirstType;
  if (First.getKind() == TemplateArgument::Type)
    FirstType = First.getAsType();
  else if (First.getKind() == TemplateArgument::Pack && First.pack_size() != 0 &&
           First.pack_begin()->getKind() == TemplateArgument::Type)
    FirstType = First.pack_begin()->getAsType();
  const auto *FirstRD = FirstType.isNull() ? nullptr : FirstType->getAsCXXRecordDecl();
  return FirstRD && isNamed(*FirstRD, "error_code");
}

/// Whether awaiting cannot throw: the awaiter's await_resume is noexcept
/// (asio's co_await this_coro::executor), or the result carries errors as
/// values (co_await op(asio::as_tuple(use_awaitable))).
bool awaitCannotThrow(const CoroutineSuspendExpr &E) {
  if (isErrorAsValue(E.getType()))
    return true;
  const Expr *Resume = E.getResumeExpr();
  if (!Resume)
    return false;
  Resume = Resume->IgnoreImplicit();
  if (const auto *Call = llvm::dyn_cast<CallExpr>(Resume))
    if (const FunctionDecl *FD = Call->getDirectCallee())
      return cannotThrow(*FD);
  return false;
}

/// Whether \p Operand (what is awaited) is a call to one of \p Holding,
/// resolved or, in a template, still an unresolved name.
bool callsHolding(const Expr *Operand, const NameList &Holding) {
  const auto *Call = llvm::dyn_cast_or_null<CallExpr>(ignoreWrappers(Operand));
  if (!Call)
    return false;
  if (const FunctionDecl *FD = Call->getDirectCallee())
    return Holding.matches(*FD);
  if (const auto *Unresolved = llvm::dyn_cast<UnresolvedLookupExpr>(
          Call->getCallee()->IgnoreParenImpCasts()))
    return llvm::any_of(Unresolved->decls(), [&](const NamedDecl *D) {
      return Holding.matches(*D);
    });
  return false;
}

/// Whether \p Try has a handler that catches (nearly) everything, catch (...)
/// or catch (const std::exception &), and lets the code after it run: the
/// coroutine handled the errors of its work there, and what follows is
/// finalisation.
bool catchAllFallsThrough(const CXXTryStmt &Try) {
  for (unsigned I = 0, N = Try.getNumHandlers(); I != N; ++I) {
    const CXXCatchStmt *H = Try.getHandler(I);
    const QualType T = H->getCaughtType();
    const CXXRecordDecl *RD =
        T.isNull() ? nullptr : T.getNonReferenceType()->getAsCXXRecordDecl();
    const bool All = T.isNull() || (RD && isNamed(*RD, "exception") && isInStd(*RD));
    if (All && !cannotFallThrough(H->getHandlerBlock()))
      return true;
  }
  return false;
}

/// Whether \p Call rethrows an exception held as a value
/// (std::rethrow_exception(ep), std::rethrow_if_nested(e)).
bool rethrowsHeld(const CallExpr &Call) {
  const FunctionDecl *FD = Call.getDirectCallee();
  return FD && isInStd(*FD) &&
         (isNamed(*FD, "rethrow_exception") || isNamed(*FD, "rethrow_if_nested"));
}

class EscapeFinder : public ContextVisitor<EscapeFinder> {
  using Base = ContextVisitor<EscapeFinder>;

public:
  explicit EscapeFinder(const NameList &Holding) : Holding(Holding) {}
  EscapePoint Found;

  bool TraverseCXXTryStmt(CXXTryStmt *S) {
    // The try block is covered; its handlers run unprotected, but only an
    // explicit (re)throw there lets the error out.
    for (unsigned I = 0, N = S->getNumHandlers(); I != N; ++I) {
      ++InHandler;
      const bool OuterReported = HandlerReported;
      HandlerReported = false;
      bool Continue = TraverseStmt(S->getHandler(I)->getHandlerBlock());
      HandlerReported = OuterReported;
      --InHandler;
      if (!Continue)
        return false;
    }
    return true;
  }

  /// After a try whose catch-all handler falls through, the rest of the
  /// block is finalisation (closing a stream, leaving a gate): its awaits and
  /// calls are not taken for the errors the work lost; an explicit throw or
  /// rethrow there still is.
  bool TraverseCompoundStmt(CompoundStmt *S) {
    const bool Outer = Finalising;
    for (Stmt *C : S->body()) {
      if (!TraverseStmt(C)) {
        Finalising = Outer;
        return false;
      }
      if (const auto *Try = llvm::dyn_cast<CXXTryStmt>(C);
          Try && !InHandler && catchAllFallsThrough(*Try))
        Finalising = true;
    }
    Finalising = Outer;
    return true;
  }

  bool VisitCXXThrowExpr(CXXThrowExpr *E) {
    // catch (...) { log(...); throw; }: the error was reported on its way.
    if (InHandler && !E->getSubExpr() && HandlerReported)
      return true;
    return record(E, E->getSubExpr() ? "the exception thrown here escapes"
                                     : "the rethrow here escapes");
  }
  bool VisitCoawaitExpr(CoawaitExpr *E) {
    return InHandler || Finalising || awaitCannotThrow(*E) ||
           callsHolding(E->getOperand(), Holding) ||
           record(E, "'co_await' can throw here");
  }
  bool VisitDependentCoawaitExpr(DependentCoawaitExpr *E) {
    return InHandler || Finalising || callsHolding(E->getOperand(), Holding) ||
           record(E, "'co_await' can throw here");
  }
  bool VisitCoyieldExpr(CoyieldExpr *E) {
    return InHandler || Finalising || awaitCannotThrow(*E) ||
           record(E, "'co_yield' can throw here");
  }
  bool VisitCallExpr(CallExpr *E) {
    if (InHandler)
      HandlerReported = true;
    if (Finalising && !InHandler && rethrowsHeld(*E))
      return record(E, "the rethrow here escapes");
    if (InHandler || Finalising || FirstCall)
      return true;
    const FunctionDecl *Callee = E->getDirectCallee();
    if (Callee && cannotThrow(*Callee))
      return true;
    // A call that makes a task or awaitable (socket.async_read_some(...),
    // fetch(url)): its errors surface where it is awaited, judged there.
    if (structuralAwaitables().classify(E->getType()))
      return true;
    FirstCall = {E, Callee ? "the call to '" + plainQualifiedName(*Callee) +
                                 "' can throw"
                           : "this call can throw"};
    return true;
  }

  /// A co_await or throw is the better example: it is what readers of
  /// coroutine code expect to fail. A call otherwise.
  EscapePoint result() const { return Found ? Found : FirstCall; }

private:
  bool record(const Stmt *S, std::string What) {
    Found = {S, std::move(What)};
    return false; // the first one is enough
  }
  const NameList &Holding;
  EscapePoint FirstCall;
  unsigned InHandler = 0;
  /// Whether the statements being walked follow, in their block, a try whose
  /// catch-all handler falls through.
  bool Finalising = false;
  /// Whether the innermost handler being walked has called something yet.
  bool HandlerReported = false;
};

} // namespace

EscapePoint firstEscapePoint(const Stmt &Body, const NameList &ExceptionHolding) {
  EscapeFinder F(ExceptionHolding);
  F.TraverseStmt(const_cast<Stmt *>(&Body));
  return F.result();
}

bool isExceptionPtr(QualType T) {
  const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  return RD && isNamed(*RD, "exception_ptr") && isInStd(*RD);
}

} // namespace clang::tidy::coro
