//===--- BlockingCalls.cpp ------------------------------------------------===//

#include "BlockingCalls.h"
#include "DeclNames.h"
#include "Profiles.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::coro {
namespace {

// std::filesystem free functions that do not touch the file system.
constexpr llvm::StringLiteral PureFilesystemFunctions[] = {
    "swap", "hash_value", "u8path", "begin", "end"};

/// A free function std::filesystem::<name> (whose nameComponents() are
/// \p Parts) that touches the file system.
bool isFilesystemOperation(const FunctionDecl &FD,
                           llvm::ArrayRef<std::string> Parts) {
  if (llvm::isa<CXXMethodDecl>(FD) || FD.isOverloadedOperator() ||
      !FD.getDeclName().isIdentifier())
    return false;
  if (Parts.size() != 3 || Parts[0] != "std" || Parts[1] != "filesystem")
    return false;
  return !llvm::is_contained(PureFilesystemFunctions, FD.getName());
}

/// Whether \p E names the standard input stream.
bool isStdIn(const Expr *E) {
  const auto *DRE = llvm::dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  if (!DRE)
    return false;
  const auto *VD = llvm::dyn_cast<VarDecl>(DRE->getDecl());
  if (!VD || (!isNamed(*VD, "cin") && !isNamed(*VD, "wcin")))
    return false;
  return plainQualifiedName(*VD) == "std::" + VD->getName().str();
}

} // namespace

bool hasAnnotation(const FunctionDecl &FD, llvm::StringRef Annotation) {
  auto Has = [&](const FunctionDecl *D) {
    for (const FunctionDecl *R : D->redecls())
      for (const auto *A : R->specific_attrs<AnnotateAttr>())
        if (A->getAnnotation() == Annotation)
          return true;
    return false;
  };
  if (Has(&FD))
    return true;
  if (const FunctionDecl *Pattern = FD.getTemplateInstantiationPattern())
    return Has(Pattern);
  return false;
}

const FunctionDecl *calleeOf(const Expr &E) {
  if (const auto *CE = llvm::dyn_cast<CallExpr>(&E))
    return CE->getDirectCallee();
  if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(&E))
    return Construct->getConstructor();
  return nullptr;
}

BlockingClassifier::BlockingClassifier(NameList Extra, NameList AllowedNames,
                                       NameList BridgeNames,
                                       bool FilesystemMetadata)
    : Blocking(profileNames(EntryKind::Blocking)), Bridges(std::move(BridgeNames)),
      UserBlocking(std::move(Extra)), Allowed(std::move(AllowedNames)),
      FilesystemMetadata(FilesystemMetadata) {}

bool BlockingClassifier::isAllowed(const FunctionDecl &FD) const {
  return Allowed.matches(FD) || hasAnnotation(FD, NonBlockingAnnotation);
}

BlockingCall BlockingClassifier::classifyCallee(const FunctionDecl &FD) const {
  // Every call in every coroutine comes here: name the callee once.
  const llvm::SmallVector<std::string, 4> Parts = nameComponents(FD);
  if (Allowed.matches(Parts) || hasAnnotation(FD, NonBlockingAnnotation))
    return {};
  // A bridge first: aio::run is also annotated blocking, and "may deadlock"
  // is the more precise verdict.
  if (Bridges.matches(FD, Parts))
    return {BlockKind::Bridge, llvm::join(Parts, "::")};
  if (hasAnnotation(FD, BlockingAnnotation) || UserBlocking.matches(Parts))
    return {BlockKind::Blocking, llvm::join(Parts, "::")};
  // Making an empty, copied or moved object (an end iterator) does nothing.
  if (const auto *Ctor = llvm::dyn_cast<CXXConstructorDecl>(&FD);
      Ctor && (Ctor->isDefaultConstructor() || Ctor->isCopyOrMoveConstructor()))
    return {};
  if (Blocking.matches(FD, Parts) ||
      (FilesystemMetadata && isFilesystemOperation(FD, Parts)))
    return {BlockKind::Blocking, llvm::join(Parts, "::")};
  return {};
}

BlockingCall BlockingClassifier::classify(const Expr &E) const {
  const FunctionDecl *FD = calleeOf(E);
  if (!FD)
    return {};
  if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(&E)) {
    // std::cin >> x (only the innermost >> of a chain reads first).
    if (Op->getOperator() == OO_GreaterGreater && Op->getNumArgs() == 2 &&
        isStdIn(Op->getArg(0)) && !isAllowed(*FD))
      return {BlockKind::Blocking, "operator>> on std::cin"};
    // A function object standing for a function: folly::coro::blockingWait(t).
    if (Op->getOperator() == OO_Call)
      if (const auto *DRE = llvm::dyn_cast<DeclRefExpr>(
              Op->getArg(0)->IgnoreParenImpCasts()))
        if (const auto *VD = llvm::dyn_cast<VarDecl>(DRE->getDecl())) {
          if (Bridges.matches(*VD) && !isAllowed(*FD))
            return {BlockKind::Bridge, plainQualifiedName(*VD)};
          if (UserBlocking.matches(*VD) && !isAllowed(*FD))
            return {BlockKind::Blocking, plainQualifiedName(*VD)};
        }
  }
  if (const auto *CE = llvm::dyn_cast<CallExpr>(&E))
    if (isNamed(*FD, "getline") && CE->getNumArgs() >= 1 &&
        plainQualifiedName(*FD) == "std::getline") {
      if (isStdIn(CE->getArg(0)) && !isAllowed(*FD))
        return {BlockKind::Blocking, "std::getline on std::cin"};
      return {};
    }
  return classifyCallee(*FD);
}

} // namespace clang::tidy::coro
