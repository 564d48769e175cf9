//===--- WinRT.cpp - the winrt profile ------------------------------------===//
//
// C++/WinRT:
// https://learn.microsoft.com/windows/uwp/cpp-and-winrt-apis/concurrency
//
//===----------------------------------------------------------------------===//

#include "Builtin.h"

namespace clang::tidy::coro::profiles {
namespace {

using K = EntryKind;
constexpr llvm::StringLiteral Namespaces[] = {"winrt"};
constexpr llvm::StringLiteral Headers[] = {"winrt/"};
// get() and wait_for() of the async interfaces are declared by the consume_
// templates in winrt::impl. Blocking on one from a coroutine deadlocks on a
// single-threaded apartment (the completion needs this thread): co_await it.
constexpr ProfileEntry Entries[] = {
    {K::Bridge, "winrt::impl::consume_Windows_Foundation_IAsyncAction::get"},
    {K::Bridge,
     "winrt::impl::consume_Windows_Foundation_IAsyncAction::wait_for"},
    {K::Bridge,
     "winrt::impl::consume_Windows_Foundation_IAsyncActionWithProgress::get"},
    {K::Bridge, "winrt::impl::consume_Windows_Foundation_"
                "IAsyncActionWithProgress::wait_for"},
    {K::Bridge, "winrt::impl::consume_Windows_Foundation_IAsyncOperation::get"},
    {K::Bridge,
     "winrt::impl::consume_Windows_Foundation_IAsyncOperation::wait_for"},
    {K::Bridge, "winrt::impl::consume_Windows_Foundation_"
                "IAsyncOperationWithProgress::get"},
    {K::Bridge, "winrt::impl::consume_Windows_Foundation_"
                "IAsyncOperationWithProgress::wait_for"},
    // A fire_and_forget coroutine runs detached: an exception that leaves
    // it terminates the process.
    {K::DetachedType, "winrt::fire_and_forget"},
    // Coroutines returning the async interfaces start at once.
    {K::EagerType, "winrt::Windows::Foundation::IAsyncAction"},
    {K::EagerType, "winrt::Windows::Foundation::IAsyncActionWithProgress"},
    {K::EagerType, "winrt::Windows::Foundation::IAsyncOperation"},
    {K::EagerType, "winrt::Windows::Foundation::IAsyncOperationWithProgress"},
};

} // namespace

const LibraryProfile &winrt() {
  static const LibraryProfile P{
      "winrt",
      "C++/WinRT",
      "https://learn.microsoft.com/windows/uwp/cpp-and-winrt-apis/concurrency",
      Namespaces,
      Headers,
      {},
      Entries};
  return P;
}

} // namespace clang::tidy::coro::profiles
