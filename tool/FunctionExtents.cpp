//===--- FunctionExtents.cpp ----------------------------------------------===//

#include "FunctionExtents.h"
#include "clang/Basic/LangOptions.h"
#include "clang/Lex/Lexer.h"
#include <string>

namespace corolint {
FunctionExtents::FunctionExtents(llvm::StringRef Text) {
  // The raw lexer wants a null-terminated buffer.
  const std::string Buffer = Text.str();
  clang::LangOptions Lang;
  Lang.CPlusPlus = Lang.CPlusPlus11 = Lang.CPlusPlus14 = Lang.CPlusPlus17 =
      Lang.CPlusPlus20 = true;
  Lang.LineComment = Lang.Bool = true;
  const auto Start = clang::SourceLocation::getFromRawEncoding(1);
  clang::Lexer L(Start, Lang, Buffer.data(), Buffer.data(),
                 Buffer.data() + Buffer.size());
  clang::Token T;
  bool InDirective = false;
  while (true) {
    L.LexFromRawLexer(T);
    if (T.is(clang::tok::eof))
      break;
    if (T.isAtStartOfLine())
      InDirective = T.is(clang::tok::hash);
    if (InDirective)
      continue;
    Token Tok;
    Tok.Offset = T.getLocation().getRawEncoding() - Start.getRawEncoding();
    Tok.Punct = 0;
    switch (T.getKind()) {
    case clang::tok::l_brace: Tok.Punct = '{'; break;
    case clang::tok::r_brace: Tok.Punct = '}'; break;
    case clang::tok::l_paren: Tok.Punct = '('; break;
    case clang::tok::r_paren: Tok.Punct = ')'; break;
    case clang::tok::semi: Tok.Punct = ';'; break;
    case clang::tok::colon: Tok.Punct = ':'; break;
    case clang::tok::comma: Tok.Punct = ','; break;
    case clang::tok::less: Tok.Punct = '<'; break;
    case clang::tok::greater: Tok.Punct = '>'; break;
    case clang::tok::greatergreater: Tok.Punct = 'G'; break;
    case clang::tok::l_square: Tok.Punct = '['; break;
    case clang::tok::r_square: Tok.Punct = ']'; break;
    case clang::tok::raw_identifier:
      Tok.Text = Text.substr(Tok.Offset, T.getLength()); // outlives Buffer
      break;
    case clang::tok::string_literal: Tok.Punct = '"'; break;
    default: break;
    }
    Tokens.push_back(Tok);
  }
  Match.assign(Tokens.size(), -1);
  std::vector<size_t> Braces, Parens;
  for (size_t I = 0; I < Tokens.size(); ++I) {
    char P = Tokens[I].Punct;
    std::vector<size_t> &Stack = (P == '{' || P == '}') ? Braces : Parens;
    if (P == '{' || P == '(') {
      Stack.push_back(I);
    } else if ((P == '}' || P == ')') && !Stack.empty()) {
      Match[I] = static_cast<int>(Stack.back());
      Match[Stack.back()] = static_cast<int>(I);
      Stack.pop_back();
    }
  }
}

size_t FunctionExtents::headStart(size_t Open) const {
  size_t I = Open;
  while (I > 0) {
    const Token &Prev = Tokens[I - 1];
    if (Prev.Punct == ')' && Match[I - 1] >= 0) {
      I = Match[I - 1];
      continue;
    }
    if (Prev.Punct == ';' || Prev.Punct == '{')
      break;
    if (Prev.Punct == '}') {
      // A braced member initialiser (": m{a}, n{b} {") is part of the head.
      int O = Match[I - 1];
      if (O >= 2 && (!Tokens[O - 1].Text.empty() || Tokens[O - 1].Punct == '>') &&
          (Tokens[O - 2].Punct == ':' || Tokens[O - 2].Punct == ',')) {
        I = O;
        continue;
      }
      break;
    }
    --I;
  }
  return I;
}

bool FunctionExtents::isFunctionBody(size_t Head, size_t Open) const {
  size_t I = Head;
  // Attributes and template heads say nothing about what is declared.
  while (I < Open) {
    if (Tokens[I].Text == "template" && I + 1 < Open &&
        Tokens[I + 1].Punct == '<') {
      int Depth = 0;
      size_t J = I + 1;
      for (; J < Open; ++J) {
        char P = Tokens[J].Punct;
        if (P == '(' && Match[J] > 0)
          J = Match[J];
        else if (P == '<')
          ++Depth;
        else if ((P == '>' && --Depth == 0) || (P == 'G' && (Depth -= 2) <= 0))
          break;
      }
      I = J + 1;
      continue;
    }
    if (Tokens[I].Punct == '[' && I + 1 < Open && Tokens[I + 1].Punct == '[') {
      size_t J = I + 2;
      while (J + 1 < Open &&
             !(Tokens[J].Punct == ']' && Tokens[J + 1].Punct == ']'))
        ++J;
      I = J + 2;
      continue;
    }
    break;
  }
  if (I >= Open)
    return false;
  llvm::StringRef First = Tokens[I].Text;
  if (First == "namespace" || First == "class" || First == "struct" ||
      First == "union" || First == "enum" || First == "concept" ||
      (First == "extern" && I + 1 < Open && Tokens[I + 1].Punct == '"'))
    return false;
  // A declarator with a parameter list (or a macro invocation such as
  // TEST(Suite, Name)); a braced initialiser ("= {", "x{") has none.
  for (size_t J = I; J < Open; ++J)
    if (Tokens[J].Punct == '(')
      return true;
  return false;
}

std::optional<std::pair<unsigned, unsigned>>
FunctionExtents::around(unsigned Offset) const {
  // Offsets: the caller has the lines (SourceCache).
  for (size_t I = 0; I < Tokens.size(); ++I) {
    if (Tokens[I].Punct != '{' || Match[I] < 0)
      continue;
    const Token &Close = Tokens[Match[I]];
    if (Close.Offset < Offset)
      continue; // ends before it
    size_t Head = headStart(I);
    if (Tokens[Head].Offset > Offset)
      break; // every later block starts after it
    if (isFunctionBody(Head, I))
      return std::make_pair(Tokens[Head].Offset, Close.Offset);
  }
  return std::nullopt;
}

} // namespace corolint
