//===--- ReadsWrites.h - which variables a piece of code reads and writes -===//
//
// The state an expression touches, keyed by declaration: a VarDecl (a
// structured binding stands for the variable it decomposes), a FieldDecl for
// `this->field`, and the class itself for `*this` as a whole (a member call on
// this). In a class template *this is keyed by the template's pattern, and a
// member it cannot resolve yet (this->x, base<T>::x of a dependent base) by
// the class holding it; a call naming no function yet may write its object
// and arguments. Keys are never null.
// Reads are every mention; writes are assignments, increments,
// non-const member calls and arguments bound to non-const references. The
// base of the data-dependence questions (does this call feed that one? does
// this loop carry state from one iteration to the next?).
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_UTILS_READSWRITES_H
#define COROLINT_CHECKS_UTILS_READSWRITES_H

#include "clang/AST/Expr.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::coro {

/// A set of variables, fields of this, and classes (*this), see above.
using KeySet = llvm::SmallPtrSet<const Decl *, 16>;

/// The key of a variable: the decomposed variable for a structured binding.
const Decl *keyOf(const ValueDecl *D);

/// The variable whose state an lvalue expression designates: `results` for
/// `results[i]`, `results.back()`, `*results.begin()`; `field` for
/// this->field. Null when it designates none (a temporary, a call's result).
const Decl *baseKey(const Expr *E);

/// What \p S reads: every variable, field of this and *this it mentions.
KeySet readsOf(const Stmt *S);

/// What \p S writes. \p Skip (a call inside \p S) does not count as writing
/// its own object and reference arguments: the caller judges it separately.
KeySet writesOf(const Stmt *S, const Expr *Skip = nullptr);

/// Whether the sets overlap: a shared key, *this and one of its fields, or
/// either of those and a base class of it (or a field of one).
bool intersects(const KeySet &A, const KeySet &B);

/// Whether \p T is a reference to non-const: an argument bound to it may be
/// written.
bool isNonConstLValueRef(QualType T);

/// std::move(x) or std::forward(x): only casts, the move is made by what
/// receives it.
bool isStdMove(const CallExpr &Call);

} // namespace clang::tidy::coro

#endif
