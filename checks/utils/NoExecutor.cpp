//===--- NoExecutor.cpp ---------------------------------------------------===//

#include "NoExecutor.h"
#include "Completion.h"
#include "NameList.h"
#include "Profiles.h"
#include "Suspensions.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::coro {
namespace {

/// The profiles' ExecutorQuery entries, read once per project profile.
struct ExecutorQueries {
  NameList Names{profileNames(EntryKind::ExecutorQuery)};
};

const Expr *strip(const Expr *E) {
  return E ? E->IgnoreImplicit()->IgnoreParenImpCasts() : nullptr;
}

/// Whether \p V holds the result of an executor query: its initialiser
/// co_awaits a value whose type is an ExecutorQuery entry.
bool holdsExecutor(const VarDecl &V) {
  // (In a coroutine template the await and the variable's type may still
  // be dependent: the operand's type is what counts.)
  const Expr *Init = strip(V.getInit());
  if (!Init || !llvm::isa<CoawaitExpr, DependentCoawaitExpr>(Init))
    return false;
  const Expr *Operand = awaitOperand(Init);
  if (!Operand)
    return false;
  const TagDecl *Tag = Operand->getType()->getAsTagDecl();
  return Tag && forProfileTables<ExecutorQueries>().Names.matches(*Tag);
}

/// The executor variable \p E reads, or null.
const VarDecl *executorRead(const Expr *E) {
  const auto *DRE = llvm::dyn_cast_or_null<DeclRefExpr>(strip(E));
  const auto *V = DRE ? llvm::dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return V && holdsExecutor(*V) ? V : nullptr;
}

bool isNull(const Expr *E) {
  E = strip(E);
  return E && (llvm::isa<CXXNullPtrLiteralExpr, GNUNullExpr>(E) ||
               (llvm::isa<IntegerLiteral>(E) &&
                llvm::cast<IntegerLiteral>(E)->getValue() == 0));
}

/// Whether \p Cond being \p WhenTrue means the coroutine has no executor.
bool meansNoExecutor(const Expr *Cond, bool WhenTrue) {
  Cond = strip(Cond);
  if (!Cond)
    return false;
  if (const auto *UO = llvm::dyn_cast<UnaryOperator>(Cond))
    return UO->getOpcode() == UO_LNot &&
           meansNoExecutor(UO->getSubExpr(), !WhenTrue);
  if (const auto *BO = llvm::dyn_cast<BinaryOperator>(Cond)) {
    switch (BO->getOpcode()) {
    case BO_LAnd: // both hold when it is true
      return WhenTrue && (meansNoExecutor(BO->getLHS(), true) ||
                          meansNoExecutor(BO->getRHS(), true));
    case BO_LOr: // both fail when it is false
      return !WhenTrue && (meansNoExecutor(BO->getLHS(), false) ||
                           meansNoExecutor(BO->getRHS(), false));
    case BO_EQ:
    case BO_NE: {
      const bool ComparesNull =
          (executorRead(BO->getLHS()) && isNull(BO->getRHS())) ||
          (executorRead(BO->getRHS()) && isNull(BO->getLHS()));
      // ex == nullptr is true, ex != nullptr is false: no executor.
      return ComparesNull && WhenTrue == (BO->getOpcode() == BO_EQ);
    }
    default:
      return false;
    }
  }
  // 'if (ex)': false means null.
  return !WhenTrue && executorRead(Cond);
}

} // namespace

bool onNoExecutorPath(const Stmt &S, ASTContext &Ctx) {
  DynTypedNode Child = DynTypedNode::create(S);
  for (unsigned Depth = 0; Depth < 64; ++Depth) {
    const auto Parents = Ctx.getParents(Child);
    if (Parents.empty())
      return false;
    const Stmt *P = Parents[0].get<Stmt>();
    if (!P || llvm::isa<LambdaExpr>(P))
      return false;
    const Stmt *C = Child.get<Stmt>();
    if (const auto *If = llvm::dyn_cast<IfStmt>(P)) {
      if (C == If->getThen() && meansNoExecutor(If->getCond(), true))
        return true;
      if (C == If->getElse() && meansNoExecutor(If->getCond(), false))
        return true;
    } else if (const auto *CS = llvm::dyn_cast<CompoundStmt>(P)) {
      // An earlier 'if' that leaves whenever there is an executor.
      for (const Stmt *Before : CS->body()) {
        if (Before == C)
          break;
        if (const auto *If = llvm::dyn_cast<IfStmt>(Before))
          if (!If->getElse() && cannotFallThrough(If->getThen()) &&
              meansNoExecutor(If->getCond(), false))
            return true;
      }
    }
    Child = Parents[0];
  }
  return false;
}

} // namespace clang::tidy::coro
