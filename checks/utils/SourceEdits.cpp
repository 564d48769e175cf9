//===--- SourceEdits.cpp --------------------------------------------------===//

#include "SourceEdits.h"
#include "clang/AST/RecursiveASTVisitor.h"
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
