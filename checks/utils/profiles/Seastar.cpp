//===--- Seastar.cpp - the seastar profile --------------------------------===//
//
// Seastar: https://docs.seastar.io/master/tutorial.html
//
//===----------------------------------------------------------------------===//

#include "Builtin.h"

namespace clang::tidy::coro::profiles {
namespace {

using K = EntryKind;
constexpr llvm::StringLiteral Namespaces[] = {"seastar"};
constexpr llvm::StringLiteral Headers[] = {"seastar/"};
constexpr ProfileEntry Entries[] = {
    {K::EagerType, "seastar::future"},
    {K::Consuming, "seastar::engine::run"},
    {.Kind = K::Combinator,
     .Name = "seastar::when_all",
     .ForType = "seastar::future"},
    {.Kind = K::Combinator,
     .Name = "seastar::when_all_succeed",
     .ForType = "seastar::future"},
    {K::AsyncPermit, "seastar::get_units"},
    {K::AsyncLockType, "seastar::shared_mutex"},
    {K::KeepAlive, "seastar::do_with"},
};

} // namespace

const LibraryProfile &seastar() {
  static const LibraryProfile P{
      "seastar",  "Seastar", "https://docs.seastar.io/master/tutorial.html",
      Namespaces, Headers,   {},
      Entries};
  return P;
}

} // namespace clang::tidy::coro::profiles
