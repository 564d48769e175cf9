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

/// Whether \p S is the always-true guard that a throws-assertion macro
/// wraps around its statement (gtest's `if (TrueWithString gtest_msg{})
/// { try { stmt } ... goto fail; } else fail: ...`): its else branch is
/// reached only by a jump from inside, never by skipping the statement.
bool isThrowAssertionGuard(const Stmt &S, const ASTContext &Ctx);

} // namespace clang::tidy::coro

#endif
