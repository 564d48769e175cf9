//===--- NonBlockingIO.h - I/O on descriptors made non-blocking ---*- C++ -*-===//
//
// Whether a call to a descriptor I/O function (read, write, recv*, send*,
// accept*, connect), which blocks on a blocking descriptor, cannot block
// where it is made: the call asks not to (MSG_DONTWAIT), the function
// handles the non-blocking outcome (errno or the result compared with
// EAGAIN, EWOULDBLOCK or EINPROGRESS), or its descriptor was made
// non-blocking (created with SOCK_NONBLOCK, O_NONBLOCK, EFD_NONBLOCK...,
// fcntl/ioctl, a set_nonblocking-style helper), is an eventfd being
// written, or is awaited for readiness through the runtime, in the same
// function or, for a member, anywhere in the same class; or whether a read
// (read, fscanf, fgets, fread, getline) is from a file of /proc or /sys that
// the same function opened by a literal path, which formats kernel state and
// never waits. Read from the shape of the code, for any library.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_UTILS_NONBLOCKINGIO_H
#define COROLINT_CHECKS_UTILS_NONBLOCKINGIO_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::coro {

class NonBlockingIO {
public:
  /// Whether \p Call, made in the body of \p Function, is descriptor I/O
  /// that cannot block there.
  bool isNonBlocking(const Expr &Call, const FunctionDecl &Function) const;
  /// Forgets what was learnt (at the end of a translation unit).
  void clear() {
    PerFunction.clear();
    PerClass.clear();
  }

  /// What a body says about descriptors: each descriptor is the declaration
  /// it is reached from (a local, a parameter, a field).
  struct Evidence {
    /// The body compares with EAGAIN, EWOULDBLOCK or EINPROGRESS.
    bool HandlesWouldBlock = false;
    /// Made non-blocking, or awaited for readiness.
    llvm::SmallPtrSet<const Decl *, 4> NonBlocking;
    /// Created by eventfd(): writing to it does not block.
    llvm::SmallPtrSet<const Decl *, 4> EventFds;
    /// Opened from a /proc or /sys path (fopen, open): reading it does not
    /// wait.
    llvm::SmallPtrSet<const Decl *, 4> KernelFiles;
  };

private:
  const Evidence &ofFunction(const FunctionDecl &FD) const;
  const Evidence &ofClass(const CXXRecordDecl &RD) const;

  mutable llvm::DenseMap<const FunctionDecl *, Evidence> PerFunction;
  mutable llvm::DenseMap<const CXXRecordDecl *, Evidence> PerClass;
};

} // namespace clang::tidy::coro

#endif
