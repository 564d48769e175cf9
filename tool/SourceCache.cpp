//===--- SourceCache.cpp --------------------------------------------------===//

#include "SourceCache.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/MemoryBuffer.h"
#include <map>

namespace corolint {

SourceCache::Entry &SourceCache::get(const std::string &File) {
  auto &Slot = Files[File];
  if (Slot)
    return *Slot;
  Slot = std::make_unique<Entry>();
  if (auto Buffer = llvm::MemoryBuffer::getFile(File, /*IsText=*/false,
                                                /*RequiresNullTerminator=*/false))
    index(*Slot, (*Buffer)->getBuffer().str());
  else
    Slot->LineStarts.push_back(0); // an unreadable file is one empty line
  return *Slot;
}

void SourceCache::assume(const std::string &File, std::string Text) {
  auto &Slot = Files[File];
  Slot = std::make_unique<Entry>();
  index(*Slot, std::move(Text));
}

void SourceCache::index(Entry &E, std::string Text) {
  E.Text = std::move(Text);
  E.Readable = true;
  E.LineStarts.push_back(0);
  for (size_t I = 0; I < E.Text.size(); ++I)
    if (E.Text[I] == '\n')
      E.LineStarts.push_back(I + 1);
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

namespace {

/// GitHub's rolling hash (the upload action's), fed one UTF-16 code unit at
/// a time: each line's hash covers the next 100 non-blank characters.
class LineHasher {
public:
  LineHasher() {
    for (unsigned I = 0; I < BlockSize; ++I)
      FirstMod *= Mod;
  }

  void add(uint32_t Current) {
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
      output();
    if (LineStart) {
      LineStart = false;
      LineNumbers[Index] = ++LineNumber;
    }
    if (Current == '\n')
      LineStart = true;
    update(Current);
  }

  std::vector<std::string> finish() {
    add(65535); // the action's end-of-file marker
    for (unsigned I = 0; I < BlockSize; ++I) {
      if (LineNumbers[Index] != -1)
        output();
      update(0);
    }
    return std::move(Hashes);
  }

private:
  static constexpr unsigned BlockSize = 100;
  static constexpr uint64_t Mod = 37;

  void output() {
    std::string Value = llvm::utohexstr(Hash, /*LowerCase=*/true);
    unsigned N = ++Counts[Value];
    int Line = LineNumbers[Index];
    if (Hashes.size() <= size_t(Line))
      Hashes.resize(Line + 1);
    Hashes[Line] = Value + ":" + std::to_string(N);
    LineNumbers[Index] = -1;
  }

  void update(uint32_t Current) {
    uint32_t Begin = Window[Index];
    Window[Index] = Current;
    Hash = Mod * Hash + Current - FirstMod * Begin;
    Index = (Index + 1) % BlockSize;
  }

  uint64_t FirstMod = 1;
  std::vector<std::string> Hashes = std::vector<std::string>(1);
  std::vector<uint32_t> Window = std::vector<uint32_t>(BlockSize, 0);
  std::vector<int> LineNumbers = std::vector<int>(BlockSize, -1);
  std::map<std::string, unsigned> Counts;
  uint64_t Hash = 0;
  unsigned Index = 0;
  int LineNumber = 0;
  bool LineStart = true, PrevCR = false;
};

} // namespace

std::vector<std::string> githubLineHashes(llvm::StringRef Text) {
  // The upload action reads the file as UTF-8 and hashes UTF-16 code units
  // with 64-bit two's-complement arithmetic.
  llvm::SmallVector<llvm::UTF16, 0> Units;
  if (!llvm::convertUTF8ToUTF16String(Text, Units)) {
    Units.clear();
    for (char C : Text)
      Units.push_back(static_cast<unsigned char>(C));
  }
  LineHasher Hasher;
  for (llvm::UTF16 U : Units)
    Hasher.add(U);
  return Hasher.finish();
}

} // namespace corolint
