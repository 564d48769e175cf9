//===--- ExpectedThrow.h - code a test expects to throw -----------*- C++ -*-===//
//
// Test frameworks assert that code throws by running it inside a try block
// (gtest's EXPECT_THROW, Catch2's REQUIRE_THROWS, doctest's CHECK_THROWS,
// Boost.Test's BOOST_CHECK_THROW all expand to 'try { stmt } catch ...') or by
// calling a lambda that holds it (assert_throws([&] { ... })). What such code
// would have returned is never used: it is expected to throw before.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_UTILS_EXPECTEDTHROW_H
#define COROLINT_CHECKS_UTILS_EXPECTEDTHROW_H

#include "clang/AST/ASTContext.h"

namespace clang::tidy::coro {

/// Whether \p S runs as code a test expects to throw: in the try block of a
/// macro whose name says it asserts a throw (EXPECT_THROW, REQUIRE_THROWS_AS,
/// BOOST_CHECK_THROW, ...), or in the body of a lambda handed to a function
/// whose name does (assert_throws, assertThrows, expect_throw, ...).
bool isExpectedToThrow(const Stmt &S, ASTContext &Ctx);

/// Whether \p FD is the call operator of a lambda handed to a function whose
/// name says it asserts a throw.
bool isExpectedToThrow(const FunctionDecl &FD, ASTContext &Ctx);

/// Whether \p S is an always-true guard that a throws-assertion macro wraps
/// around the statement it is given (gtest's `if (TrueWithString gtest_msg{})
/// { try { stmt } ... goto fail; } else fail: ...` and `if (AlwaysTrue())
/// { stmt; }`): an `if` from the macro whose then branch holds code spelled
/// in the macro's argument. Its false branch never skips the statement.
bool isThrowAssertionGuard(const Stmt &S, const ASTContext &Ctx);

} // namespace clang::tidy::coro

#endif
