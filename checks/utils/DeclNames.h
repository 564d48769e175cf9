//===--- DeclNames.h - what a declaration is called, and where ------------===//
//
// The questions every check asks about a declaration's name, answered once:
// its simple name, its qualified name without template arguments or inline
// namespaces, and whether it belongs to the standard library.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_UTILS_DECLNAMES_H
#define COROLINT_CHECKS_UTILS_DECLNAMES_H

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace clang {
class Decl;
class DeclContext;
class NamedDecl;
namespace tidy::coro {

/// Whether \p D's name is the plain identifier \p Name (false for
/// constructors, operators and other names without an identifier).
bool isNamed(const NamedDecl &D, llvm::StringRef Name);

/// Whether \p D is declared in namespace std or in a namespace or class
/// nested in it, looking through inline namespaces (std::__1, std::__cxx11):
/// std::move, std::chrono::steady_clock, std::future<T>::get.
bool isInStd(const Decl &D);

/// The components of a declaration's qualified name without template
/// arguments or inline namespaces: {"std", "future", "get"}.
llvm::SmallVector<std::string, 4> nameComponents(const NamedDecl &D);

/// "std::future::get" for std::future<int>::get.
std::string plainQualifiedName(const NamedDecl &D);

/// The outermost named, non-inline namespace enclosing \p DC ("std" for
/// std::__1::filesystem), or an empty string.
llvm::StringRef outermostNamespace(const DeclContext *DC);

} // namespace tidy::coro
} // namespace clang

#endif
