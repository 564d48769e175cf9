//===--- Findings.cpp -----------------------------------------------------===//

#include "Findings.h"
#include "Runner.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA1.h"
#include "llvm/Support/raw_ostream.h"
#include <map>

namespace corolint {

SourceCache::Entry &SourceCache::get(const std::string &File) {
  auto &Slot = Files[File];
  if (Slot)
    return *Slot;
  Slot = std::make_unique<Entry>();
  if (auto Buffer = llvm::MemoryBuffer::getFile(File, /*IsText=*/false,
                                                /*RequiresNullTerminator=*/false)) {
    Slot->Text = (*Buffer)->getBuffer().str();
    Slot->Readable = true;
  }
  Slot->LineStarts.push_back(0);
  for (size_t I = 0; I < Slot->Text.size(); ++I)
    if (Slot->Text[I] == '\n')
      Slot->LineStarts.push_back(I + 1);
  return *Slot;
}

const std::string *SourceCache::text(const std::string &File) {
  Entry &E = get(File);
  return E.Readable ? &E.Text : nullptr;
}

std::pair<unsigned, unsigned> SourceCache::lineColumn(const std::string &File,
                                                      unsigned Offset) {
  Entry &E = get(File);
  auto It = llvm::upper_bound(E.LineStarts, Offset);
  unsigned Line = It - E.LineStarts.begin();
  // Columns in UTF-16 code units, as SARIF's default columnKind says: a
  // UTF-8 sequence counts once, or twice when it encodes a code point
  // outside the BMP (a four-byte sequence).
  unsigned Column = 1;
  for (size_t I = E.LineStarts[Line - 1]; I < Offset && I < E.Text.size(); ++I) {
    unsigned char C = E.Text[I];
    if ((C & 0xC0) == 0x80)
      continue; // a continuation byte
    Column += C >= 0xF0 ? 2 : 1;
  }
  return {Line, Column};
}

llvm::StringRef SourceCache::line(const std::string &File, unsigned Line) {
  Entry &E = get(File);
  if (Line == 0 || Line > E.LineStarts.size())
    return {};
  size_t Begin = E.LineStarts[Line - 1];
  size_t End = Line < E.LineStarts.size() ? E.LineStarts[Line] : E.Text.size();
  return llvm::StringRef(E.Text).slice(Begin, End).rtrim("\r\n");
}

const std::vector<std::string> &SourceCache::lineHashes(const std::string &File) {
  Entry &E = get(File);
  if (!E.Hashed) {
    E.Hashes = githubLineHashes(E.Text);
    E.Hashed = true;
  }
  return E.Hashes;
}

std::vector<std::string> githubLineHashes(llvm::StringRef Text) {
  // The upload action reads the file as UTF-8 and hashes UTF-16 code units
  // with 64-bit two's-complement arithmetic.
  llvm::SmallVector<llvm::UTF16, 0> Units;
  if (!llvm::convertUTF8ToUTF16String(Text, Units)) {
    Units.clear();
    for (char C : Text)
      Units.push_back(static_cast<unsigned char>(C));
  }
  constexpr unsigned BlockSize = 100;
  constexpr uint64_t Mod = 37;
  uint64_t FirstMod = 1;
  for (unsigned I = 0; I < BlockSize; ++I)
    FirstMod *= Mod;

  std::vector<std::string> Hashes(1);
  std::vector<uint32_t> Window(BlockSize, 0);
  std::vector<int> LineNumbers(BlockSize, -1);
  std::map<std::string, unsigned> Counts;
  uint64_t Hash = 0;
  unsigned Index = 0;
  int LineNumber = 0;
  bool LineStart = true, PrevCR = false;

  auto Output = [&] {
    std::string Value = llvm::utohexstr(Hash, /*LowerCase=*/true);
    unsigned N = ++Counts[Value];
    int Line = LineNumbers[Index];
    if (Hashes.size() <= size_t(Line))
      Hashes.resize(Line + 1);
    Hashes[Line] = Value + ":" + std::to_string(N);
    LineNumbers[Index] = -1;
  };
  auto Update = [&](uint32_t Current) {
    uint32_t Begin = Window[Index];
    Window[Index] = Current;
    Hash = Mod * Hash + Current - FirstMod * Begin;
    Index = (Index + 1) % BlockSize;
  };
  auto Process = [&](uint32_t Current) {
    if (Current == ' ' || Current == '\t' || (PrevCR && Current == '\n')) {
      PrevCR = false;
      return;
    }
    if (Current == '\r') {
      Current = '\n';
      PrevCR = true;
    } else {
      PrevCR = false;
    }
    if (LineNumbers[Index] != -1)
      Output();
    if (LineStart) {
      LineStart = false;
      LineNumbers[Index] = ++LineNumber;
    }
    if (Current == '\n')
      LineStart = true;
    Update(Current);
  };
  for (llvm::UTF16 U : Units)
    Process(U);
  Process(65535); // the action's end-of-file marker
  for (unsigned I = 0; I < BlockSize; ++I) {
    if (LineNumbers[Index] != -1)
      Output();
    Update(0);
  }
  return Hashes;
}

std::string findRoot(llvm::StringRef Explicit) {
  llvm::SmallString<256> Dir;
  if (!Explicit.empty()) {
    Dir = Explicit;
    llvm::sys::fs::make_absolute(Dir);
    llvm::sys::path::remove_dots(Dir, true);
    return std::string(Dir);
  }
  llvm::sys::fs::current_path(Dir);
  for (llvm::SmallString<256> Probe = Dir; !Probe.empty();
       Probe = llvm::sys::path::parent_path(Probe)) {
    llvm::SmallString<256> Git = Probe;
    llvm::sys::path::append(Git, ".git");
    if (llvm::sys::fs::exists(Git))
      return std::string(Probe);
    if (llvm::sys::path::parent_path(Probe) == Probe)
      break;
  }
  return std::string(Dir);
}

namespace {

std::string relativeTo(llvm::StringRef Root, llvm::StringRef File) {
  llvm::SmallString<256> Prefix(Root);
  if (!Prefix.ends_with("/"))
    Prefix += "/";
  if (File.starts_with(Prefix))
    return File.drop_front(Prefix.size()).str();
  return File.str();
}

Position position(const std::string &File, unsigned Offset,
                  const llvm::SmallVectorImpl<clang::tooling::FileByteRange> *Ranges,
                  llvm::StringRef Root, SourceCache &Sources) {
  Position P;
  P.File = File;
  P.RelativeFile = relativeTo(Root, File);
  std::tie(P.Line, P.Column) = Sources.lineColumn(File, Offset);
  P.EndLine = P.Line;
  P.EndColumn = P.Column + 1;
  if (Ranges)
    for (const auto &R : *Ranges)
      if (R.FilePath == File && R.FileOffset <= Offset &&
          Offset <= R.FileOffset + R.Length && R.Length > 0) {
        std::tie(P.EndLine, P.EndColumn) =
            Sources.lineColumn(File, R.FileOffset + R.Length);
        break;
      }
  return P;
}

std::string withoutBlanks(llvm::StringRef S) {
  std::string Out;
  for (char C : S)
    if (C != ' ' && C != '\t' && C != '\r')
      Out += C;
  return Out;
}

} // namespace

std::vector<Finding>
makeFindings(const std::vector<clang::tidy::ClangTidyError> &Errors,
             llvm::StringRef Root, SourceCache &Sources) {
  std::vector<Finding> Out;
  for (size_t I = 0; I < Errors.size(); ++I) {
    const clang::tidy::ClangTidyError &E = Errors[I];
    if (isCompilerError(E) || E.DiagnosticName == "clang-tidy-config" ||
        E.Message.FilePath.empty())
      continue;
    Finding F;
    F.ErrorIndex = I;
    F.Check = E.DiagnosticName;
    F.Message = E.Message.Message;
    F.Error = E.DiagLevel == clang::tooling::Diagnostic::Error;
    F.Where = position(E.Message.FilePath, E.Message.FileOffset, &E.Message.Ranges,
                       Root, Sources);
    for (const auto &N : E.Notes) {
      if (N.FilePath.empty())
        continue;
      F.Notes.push_back({position(N.FilePath, N.FileOffset, &N.Ranges, Root, Sources),
                         N.Message});
    }
    Out.push_back(std::move(F));
  }

  // Fingerprints: content, not line numbers; identical ones in a file are
  // told apart by their order.
  std::map<std::string, unsigned> Seen;
  auto Number = [&](std::string Digest) {
    Digest.resize(32);
    return Digest + ":" + std::to_string(++Seen[Digest]);
  };
  for (Finding &F : Out) {
    auto Hash = [&](unsigned FirstLine, unsigned LastLine) {
      llvm::SHA1 Hasher;
      auto Add = [&](llvm::StringRef S) {
        Hasher.update(S);
        Hasher.update(llvm::StringRef("\0", 1));
      };
      Add(F.Check);
      Add(F.Where.RelativeFile);
      Add(F.Message);
      for (unsigned L = FirstLine; L <= LastLine; ++L)
        Add(withoutBlanks(Sources.line(F.Where.File, L)));
      return llvm::toHex(Hasher.final(), /*LowerCase=*/true);
    };
    unsigned Line = F.Where.Line;
    F.Fingerprint = Number(Hash(Line > 1 ? Line - 1 : 1, Line + 1));
    F.LineFingerprint = Number("L" + Hash(Line, Line));
  }
  return Out;
}

} // namespace corolint
