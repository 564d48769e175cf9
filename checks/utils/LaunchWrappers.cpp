//===--- LaunchWrappers.cpp -----------------------------------------------===//

#include "LaunchWrappers.h"
#include "Coroutines.h"
#include "DeclNames.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::coro {
namespace {

/// \p E without what ignoreWrappers strips and without std::forward<F>(...).
const Expr *ignoreForward(const Expr *E) {
  for (unsigned Depth = 0; E && Depth < 4; ++Depth) {
    E = ignoreWrappers(E);
    const auto *Call = llvm::dyn_cast<CallExpr>(E);
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    if (!Callee || Call->getNumArgs() != 1 || !isInStd(*Callee) ||
        !isNamed(*Callee, "forward"))
      return E;
    E = Call->getArg(0);
  }
  return E;
}

/// The expression a lambda whose body is one statement hands on: the value
/// of `return v;`, `co_return v;`, `co_await v;` or `v;`, with co_await
/// peeled.
const Expr *onlyStatementValue(const FunctionDecl &Op) {
  const CoroutineBodyStmt *Coroutine = coroutineBody(Op);
  const auto *Block = llvm::dyn_cast_or_null<CompoundStmt>(
      Coroutine ? Coroutine->getBody() : Op.getBody());
  if (!Block || Block->size() != 1)
    return nullptr;
  const Stmt *S = Block->body_front();
  const Expr *V = nullptr;
  if (const auto *Ret = llvm::dyn_cast<ReturnStmt>(S))
    V = Ret->getRetValue();
  else if (const auto *CoRet = llvm::dyn_cast<CoreturnStmt>(S))
    V = CoRet->getOperand();
  else
    V = llvm::dyn_cast<Expr>(S);
  V = V ? ignoreWrappers(V) : nullptr;
  if (const auto *Await = llvm::dyn_cast_or_null<CoawaitExpr>(V))
    V = ignoreWrappers(Await->getOperand());
  return V;
}

ForwardedParam forwarded(const Expr *E, const FunctionDecl &In,
                         const AwaitableClassifier &Types,
                          const NameList &Handlers, unsigned Depth);

/// \p E is the parameter itself, or a variable initialised from it (an
/// init-capture, a local): the parameter and whether it was called on the
/// way.
ForwardedParam referenced(const Expr *E, const FunctionDecl &In,
                          const AwaitableClassifier &Types,
                          const NameList &Handlers, unsigned Depth) {
  const auto *Ref = llvm::dyn_cast_or_null<DeclRefExpr>(ignoreForward(E));
  if (!Ref)
    return {};
  if (const auto *P = llvm::dyn_cast<ParmVarDecl>(Ref->getDecl()))
    return P->getDeclContext() == &In ? ForwardedParam{P} : ForwardedParam{};
  const auto *VD = llvm::dyn_cast<VarDecl>(Ref->getDecl());
  if (!VD || !VD->hasInit() || Depth >= 4 ||
      !(VD->isInitCapture() || VD->isLocalVarDecl()) || VD->isStaticLocal())
    return {};
  ForwardedParam F = forwarded(VD->getInit(), In, Types, Handlers, Depth + 1);
  return F.How == ForwardedParam::Itself || F.How == ForwardedParam::Called
             ? F
             : ForwardedParam{};
}

/// \p E calls the parameter: fn(), std::move(fn)(), std::invoke(fn, ...).
ForwardedParam called(const Expr *E, const FunctionDecl &In,
                      const AwaitableClassifier &Types,
                          const NameList &Handlers, unsigned Depth) {
  const auto *Call = llvm::dyn_cast_or_null<CallExpr>(E);
  if (!Call)
    return {};
  const Expr *Fn = nullptr;
  if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(Call)) {
    if (Op->getOperator() == OO_Call && Op->getNumArgs() >= 1)
      Fn = Op->getArg(0);
  } else if (const FunctionDecl *Callee = Call->getDirectCallee()) {
    if (Call->getNumArgs() >= 1 && isInStd(*Callee) &&
        isNamed(*Callee, "invoke"))
      Fn = Call->getArg(0);
  } else {
    Fn = Call->getCallee(); // a function pointer
  }
  ForwardedParam F = Fn ? referenced(Fn, In, Types, Handlers, Depth) : ForwardedParam{};
  if (F && F.How == ForwardedParam::Itself)
    F.How = ForwardedParam::Called;
  else if (F)
    F = {}; // a call of a call's result
  return F;
}

ForwardedParam forwarded(const Expr *E, const FunctionDecl &In,
                         const AwaitableClassifier &Types,
                          const NameList &Handlers, unsigned Depth) {
  E = ignoreForward(E);
  if (!E || Depth >= 6)
    return {};
  if (ForwardedParam F = referenced(E, In, Types, Handlers, Depth))
    return F;
  if (ForwardedParam F = called(E, In, Types, Handlers, Depth))
    return F;
  // A lambda that does nothing but hand the parameter on.
  if (const LambdaExpr *LE = lambdaThrough(E)) {
    const FunctionDecl *Op = LE->getCallOperator();
    const Expr *V = Op ? onlyStatementValue(*Op) : nullptr;
    ForwardedParam F = V ? forwarded(V, In, Types, Handlers, Depth + 1) : ForwardedParam{};
    if (!F || (F.How != ForwardedParam::Itself &&
               F.How != ForwardedParam::Called))
      return {};
    F.How = coroutineBody(*Op) ? ForwardedParam::WrappedCoroutine
                               : ForwardedParam::Wrapped;
    return F;
  }
  // std::move(t).scheduleOn(ex), co_withExecutor(ex, t): an awaitable that
  // runs the task it is given. (A coroutine of the project's own handed the
  // parameter is work of its own, judged where it is launched.)
  const auto *Call = llvm::dyn_cast<CallExpr>(E);
  if (!Call || !Types.classify(Call->getType()) || startedCoroutine(Call) ||
      (Call->getDirectCallee() && Handlers.matches(*Call->getDirectCallee())))
    return {};
  auto Through = [&](const Expr *Arg) -> ForwardedParam {
    if (!Types.classify(Arg->getType()))
      return {};
    ForwardedParam F = forwarded(Arg, In, Types, Handlers, Depth + 1);
    return F.How == ForwardedParam::Itself || F.How == ForwardedParam::Called
               ? F
               : ForwardedParam{};
  };
  if (const auto *Member = llvm::dyn_cast<CXXMemberCallExpr>(Call))
    if (ForwardedParam F = Through(Member->getImplicitObjectArgument()))
      return F;
  for (const Expr *Arg : Call->arguments())
    if (ForwardedParam F = Through(Arg))
      return F;
  return {};
}

/// The shape of the work a wrapper's caller hands over, from how the
/// wrapper hands it on and whether that launch catches callables.
WorkShape shapeOf(ForwardedParam::Form How, bool Catches) {
  switch (How) {
  case ForwardedParam::Called:
    return WorkShape::Result;
  case ForwardedParam::WrappedCoroutine:
    return WorkShape::Callable;
  case ForwardedParam::Itself:
  case ForwardedParam::Wrapped:
    break;
  }
  return Catches ? WorkShape::Callable : WorkShape::Result;
}

class CallCollector : public ContextVisitor<CallCollector> {
public:
  std::vector<const CallExpr *> Calls;
  bool VisitCallExpr(CallExpr *E) {
    Calls.push_back(E);
    return true;
  }
};

} // namespace

std::vector<const CallExpr *> ownCalls(const Stmt &Body) {
  CallCollector Calls;
  Calls.TraverseStmt(const_cast<Stmt *>(&Body));
  return std::move(Calls.Calls);
}

ForwardedParam forwardedParameter(const Expr &E, const FunctionDecl &In,
                                  const AwaitableClassifier &Types,
                                  const NameList &Handlers) {
  return forwarded(&E, In, Types, Handlers, 0);
}

void LaunchWrappers::add(std::vector<WrappedLaunch> &Out,
                         const FunctionDecl &FD, const Expr &At,
                         const Expr &Arg, bool Catches,
                         const WrappedLaunch *Inner, llvm::StringRef By) {
  ForwardedParam F = forwardedParameter(Arg, FD, Types, Handlers);
  if (!F)
    return;
  const unsigned Index = F.Param->getFunctionScopeIndex();
  if (llvm::any_of(Out, [&](const WrappedLaunch &W) { return W.Param == Index; }))
    return;
  WrappedLaunch W{Index, shapeOf(F.How, Catches), {{&At, &FD}}, By.str()};
  if (Inner)
    W.Steps.append(Inner->Steps.begin(), Inner->Steps.end());
  Out.push_back(std::move(W));
}

const std::vector<WrappedLaunch> &LaunchWrappers::of(const FunctionDecl &FD,
                                                     unsigned Levels) {
  auto Key = std::make_pair(&FD, Levels);
  if (auto It = Cache.find(Key); It != Cache.end())
    return It->second;
  std::vector<WrappedLaunch> &Result = Cache[Key];
  if (Levels == 0 || FD.getNumParams() == 0 || !FD.hasBody() ||
      FD.getBody() == nullptr || FD.isDependentContext() || isInStd(FD))
    return Result;
  const SourceManager &SM = FD.getASTContext().getSourceManager();
  if (SM.isInSystemHeader(SM.getExpansionLoc(FD.getLocation())) || Known(FD))
    return Result;
  // The launches in its own body.
  for (const LaunchSite &Site : Find(FD))
    for (const LaunchSite::Work &W : Site.Works)
      add(Result, FD, *Site.Call, *W.Arg, W.Callable, nullptr, Site.By);
  if (Levels <= 1)
    return Result;
  // Calls of other wrappers that hand one of its parameters on.
  for (const CallExpr *Call : ownCalls(*FD.getBody())) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || Callee == &FD)
      continue;
    const FunctionDecl *Def = nullptr;
    if (!Callee->hasBody(Def) || !Def)
      continue;
    // operator() of a class: its first argument is the object.
    const unsigned Offset = llvm::isa<CXXOperatorCallExpr>(Call) &&
                                    llvm::isa<CXXMethodDecl>(Callee)
                                ? 1
                                : 0;
    for (const WrappedLaunch &Inner : of(*Def, Levels - 1)) {
      const unsigned Arg = Inner.Param + Offset;
      if (Arg >= Call->getNumArgs() ||
          llvm::isa<CXXDefaultArgExpr>(Call->getArg(Arg)))
        continue;
      add(Result, FD, *Call, *Call->getArg(Arg),
          Inner.Shape == WorkShape::Callable, &Inner, Inner.By);
    }
  }
  return Result;
}

} // namespace clang::tidy::coro
