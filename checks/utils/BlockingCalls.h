//===--- BlockingCalls.h - which calls block the calling thread -----------===//
//
// The built-in knowledge of what blocks (sleeping, waiting, blocking I/O) and
// of runtimes' blocking bridges (sync_wait and friends), plus the
// corolint::blocking / corolint::nonblocking annotations, so that every check
// that needs "does this call block?" asks the same question.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_UTILS_BLOCKINGCALLS_H
#define COROLINT_CHECKS_UTILS_BLOCKINGCALLS_H

#include "NameList.h"
#include "clang/AST/Expr.h"
#include <corolint/annotations.h>
#include <string>

namespace clang::tidy::coro {

enum class BlockKind {
  None,
  /// Blocks the thread (sleep, wait, blocking I/O).
  Blocking,
  /// A runtime's synchronous bridge into async code (sync_wait, aio::run):
  /// from a coroutine it can deadlock, not only stall.
  Bridge,
};

struct BlockingCall {
  BlockKind Kind = BlockKind::None;
  /// What to call it in a message: "std::this_thread::sleep_for".
  std::string Name;
  explicit operator bool() const { return Kind != BlockKind::None; }
};

/// The annotation strings corolint reads from [[clang::annotate(...)]], as
/// <corolint/annotations.h> spells them for users and libraries.
inline constexpr llvm::StringLiteral BlockingAnnotation =
    COROLINT_BLOCKING_ANNOTATION;
inline constexpr llvm::StringLiteral NonBlockingAnnotation =
    COROLINT_NONBLOCKING_ANNOTATION;

/// Whether \p FD (or any redeclaration or its template pattern) carries
/// [[clang::annotate(Annotation)]].
bool hasAnnotation(const FunctionDecl &FD, llvm::StringRef Annotation);

class BlockingClassifier {
public:
  /// \p Extra and \p Allowed are names added to and removed from the
  /// built-in set; \p Bridges the runtimes' blocking bridges. With
  /// \p FilesystemMetadata, every std::filesystem operation blocks, single
  /// metadata queries (exists, file_size, ...) too.
  BlockingClassifier(NameList Extra, NameList Allowed, NameList Bridges,
                     bool FilesystemMetadata = false);

  /// Classifies the call-like expression \p E (CallExpr or CXXConstructExpr).
  BlockingCall classify(const Expr &E) const;

  /// Whether \p FD is exempt from all blocking analysis (AllowedFunctions or
  /// corolint::nonblocking).
  bool isAllowed(const FunctionDecl &FD) const;

private:
  BlockingCall classifyCallee(const FunctionDecl &FD) const;
  NameList Blocking, Bridges, UserBlocking, Allowed;
  bool FilesystemMetadata;
};

/// The function a call-like expression calls, or null (dependent, indirect).
const FunctionDecl *calleeOf(const Expr &E);

} // namespace clang::tidy::coro

#endif
