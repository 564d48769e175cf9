//===--- QCoro.cpp - the qcoro profile ------------------------------------===//
//
// QCoro (Qt): https://qcoro.dev/reference/coro/task/
//
//===----------------------------------------------------------------------===//

#include "Builtin.h"

namespace clang::tidy::coro::profiles {
namespace {

using K = EntryKind;
constexpr llvm::StringLiteral Namespaces[] = {"QCoro"};
constexpr llvm::StringLiteral Headers[] = {"qcoro/", "QCoro"};
constexpr ProfileEntry Entries[] = {
    // waitFor runs a nested event loop until the task finishes.
    {K::Bridge, "QCoro::waitFor"},
    // QCoro::Task is eager: calling a coroutine from a plain function and
    // dropping its task is QCoro's way to start async work, a finding only
    // when a result or an escaping exception is lost.
    {K::EagerType, "QCoro::Task"},
    // A coroutine lambda connected to a signal: Qt drops the task each
    // emission starts. The slot is the third argument, or the fourth after
    // a context object.
    {.Kind = K::DetachedLaunch,
     .Name = "::QObject::connect",
     .WorkArgument = 3,
     .Handling = "catch and report errors inside the coroutine lambda"},
};

} // namespace

const LibraryProfile &qcoro() {
  static const LibraryProfile P{"qcoro",
                                "QCoro (Qt)",
                                "https://qcoro.dev/reference/coro/task/",
                                Namespaces,
                                Headers,
                                {},
                                Entries};
  return P;
}

} // namespace clang::tidy::coro::profiles
