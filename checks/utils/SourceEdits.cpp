//===--- SourceEdits.cpp --------------------------------------------------===//

#include "SourceEdits.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::coro {

std::string sourceText(SourceRange R, const ASTContext &Ctx) {
  return Lexer::getSourceText(CharSourceRange::getTokenRange(R),
                              Ctx.getSourceManager(), Ctx.getLangOpts())
      .str();
}

std::optional<std::string> lineIndent(SourceLocation Loc,
                                      const SourceManager &SM) {
  auto [FileID, Offset] = SM.getDecomposedLoc(SM.getSpellingLoc(Loc));
  llvm::StringRef Buffer = SM.getBufferData(FileID);
  size_t LineStart = Buffer.rfind('\n', Offset);
  LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
  llvm::StringRef Indent = Buffer.slice(LineStart, Offset);
  if (Indent.find_first_not_of(" \t") != llvm::StringRef::npos)
    return std::nullopt;
  return Indent.str();
}

namespace {

/// One indentation step of the code \p Body is in.
std::string indentStep(const CompoundStmt *Body, const SourceManager &SM) {
  if (Body && !Body->body_empty()) {
    auto Inner = lineIndent((*Body->body_begin())->getBeginLoc(), SM);
    auto Outer = lineIndent(Body->getRBracLoc(), SM);
    if (Inner && Outer && Inner->size() > Outer->size() &&
        llvm::StringRef(*Inner).starts_with(*Outer))
      return Inner->substr(Outer->size());
  }
  return "  ";
}

} // namespace

const CompoundStmt *functionBlock(const FunctionDecl &FD) {
  const Stmt *Body = FD.getBody();
  if (const auto *Coro = llvm::dyn_cast_or_null<CoroutineBodyStmt>(Body))
    Body = Coro->getBody();
  return llvm::dyn_cast_or_null<CompoundStmt>(Body);
}

std::string statementForEmptyBlock(const CompoundStmt &Block,
                                   const CompoundStmt *Body,
                                   llvm::StringRef Code,
                                   const SourceManager &SM) {
  SourceLocation L = Block.getLBracLoc(), R = Block.getRBracLoc();
  if (L.getLocWithOffset(1) == R)
    return (" " + Code + " ").str();
  std::optional<std::string> Closing = lineIndent(R, SM);
  if (!Closing || SM.getSpellingLineNumber(L) == SM.getSpellingLineNumber(R))
    return (" " + Code).str();
  return "\n" + *Closing + indentStep(Body, SM) + Code.str();
}

llvm::StringSet<> namesUsedIn(const FunctionDecl &FD, const Stmt *Body) {
  struct Names : RecursiveASTVisitor<Names> {
    llvm::StringSet<> Out;
    bool VisitNamedDecl(NamedDecl *D) {
      if (D->getDeclName().isIdentifier())
        Out.insert(D->getName());
      return true;
    }
    bool VisitDeclRefExpr(DeclRefExpr *E) {
      if (E->getDecl()->getDeclName().isIdentifier())
        Out.insert(E->getDecl()->getName());
      return true;
    }
  } N;
  N.TraverseStmt(const_cast<Stmt *>(Body));
  for (const ParmVarDecl *P : FD.parameters())
    N.Out.insert(P->getName());
  return std::move(N.Out);
}

std::string freshName(llvm::StringRef Base, llvm::StringSet<> &Used) {
  std::string Name = Base.str();
  for (unsigned I = 2; Used.contains(Name); ++I)
    Name = Base.str() + std::to_string(I);
  Used.insert(Name);
  return Name;
}

} // namespace clang::tidy::coro
