//===--- BodyValues.h - what a function body does with its values ---------===//
//
// The skeleton of every check that asks "is something this body makes
// dropped?": the body to look at (a coroutine's own body, else the function's),
// the values it discards (expression statements, with a cast to void peeled
// and remembered), and its named locals with an initialiser and how often
// each is used. A check reads these and applies its rules.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_UTILS_BODYVALUES_H
#define COROLINT_CHECKS_UTILS_BODYVALUES_H

#include "clang/AST/Decl.h"
#include "clang/AST/StmtCXX.h"
#include <vector>

namespace clang::tidy::coro {

/// A value the body computes and drops: an expression in statement position.
struct DiscardedValue {
  /// The dropped expression without implicit nodes and parentheses, and
  /// without the cast when it is discarded by a cast to void.
  const Expr *Value;
  /// Whether it is discarded by an explicit cast to void: (void)fetch();
  bool VoidCast;
};

/// A named local variable (not static, not a parameter, not
/// [[maybe_unused]]) that is initialised.
struct InitialisedLocal {
  const VarDecl *Var;
  /// Its initialiser without wrappers (ignoreWrappers): the call, the
  /// co_await, the lambda.
  const Expr *Init;
  /// How often it is referenced (a lambda capturing it references it).
  unsigned Uses;
};

/// The values of one function's own context (nested lambdas, blocks and
/// local classes are their own functions): collected once on construction.
class BodyValues {
public:
  explicit BodyValues(const FunctionDecl &FD);

  /// The coroutine's body when \p FD is a coroutine, else its body.
  const Stmt *body() const { return Body; }
  bool isCoroutine() const { return Coroutine != nullptr; }
  /// The discarded values of this body, in source order.
  const std::vector<DiscardedValue> &discarded() const { return Discarded; }
  /// The named locals initialised by an expression, with their uses, in
  /// source order.
  const std::vector<InitialisedLocal> &initialisedLocals() const {
    return Locals;
  }

private:
  const CoroutineBodyStmt *Coroutine;
  const Stmt *Body;
  std::vector<DiscardedValue> Discarded;
  std::vector<InitialisedLocal> Locals;
};

} // namespace clang::tidy::coro

#endif
