//===--- Findings.cpp -----------------------------------------------------===//

#include "Findings.h"
#include "FunctionExtents.h"
#include "Baseline.h"
#include "ChangedLines.h"
#include "Diagnostics.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA1.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <map>

namespace corolint {

namespace {

/// The git work tree \p Dir is in, or "".
std::string gitTopLevel(llvm::StringRef Dir) {
  for (std::string Probe = Dir.str(); !Probe.empty();
       Probe = llvm::sys::path::parent_path(Probe).str()) {
    llvm::SmallString<256> Git(Probe);
    llvm::sys::path::append(Git, ".git");
    if (llvm::sys::fs::exists(Git))
      return std::string(Probe);
    if (llvm::sys::path::parent_path(Probe) == Probe)
      break;
  }
  return "";
}

} // namespace

std::string findRoot(llvm::StringRef Explicit,
                     llvm::ArrayRef<std::string> Files,
                     llvm::StringRef BuildPath) {
  auto Absolute = [](llvm::StringRef Path) {
    llvm::SmallString<256> Abs(Path);
    llvm::sys::fs::make_absolute(Abs);
    llvm::sys::path::remove_dots(Abs, true);
    return std::string(Abs);
  };
  if (!Explicit.empty())
    return Absolute(Explicit);
  std::string DatabaseDir;
  if (!BuildPath.empty()) {
    DatabaseDir = Absolute(BuildPath);
    if (llvm::sys::fs::is_regular_file(DatabaseDir))
      DatabaseDir = llvm::sys::path::parent_path(DatabaseDir).str();
  }
  std::string SourceDir =
      Files.empty() ? "" : llvm::sys::path::parent_path(Files.front()).str();
  for (llvm::StringRef Dir : {llvm::StringRef(SourceDir), llvm::StringRef(DatabaseDir)})
    if (!Dir.empty())
      if (std::string Top = gitTopLevel(Dir); !Top.empty())
        return Top;
  if (!DatabaseDir.empty())
    return DatabaseDir;
  if (!SourceDir.empty())
    return SourceDir;
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  return std::string(Cwd);
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

Finding makeFinding(clang::tidy::ClangTidyError E, llvm::StringRef Root,
                    SourceCache &Sources) {
  Finding F(std::move(E));
  const clang::tooling::DiagnosticMessage &M = F.Diagnostic.Message;
  F.Check = F.Diagnostic.DiagnosticName;
  F.Message = M.Message;
  F.Error = F.Diagnostic.DiagLevel == clang::tooling::Diagnostic::Error ||
            F.Diagnostic.IsWarningAsError;
  F.Where = position(M.FilePath, M.FileOffset, &M.Ranges, Root, Sources);
  for (const auto &N : F.Diagnostic.Notes) {
    if (N.FilePath.empty())
      continue;
    F.Notes.push_back(
        {position(N.FilePath, N.FileOffset, &N.Ranges, Root, Sources), N.Message});
  }
  return F;
}

/// Fingerprints: content, not line numbers; identical ones in a file are
/// told apart by their order.
void addFingerprints(std::vector<Finding> &Findings, SourceCache &Sources) {
  std::map<std::string, unsigned> Seen;
  auto Number = [&](std::string Digest) {
    Digest.resize(32);
    return Digest + ":" + std::to_string(++Seen[Digest]);
  };
  for (Finding &F : Findings) {
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
}

} // namespace

Results collectFindings(std::vector<clang::tidy::ClangTidyError> Diagnostics,
                        llvm::StringRef Root, const FindingFilter &Filter,
                        SourceCache &Sources) {
  const bool Filtering = Filter.Changes || Filter.Accepted || Filter.Base;
  Results R;
  for (clang::tidy::ClangTidyError &E : Diagnostics) {
    DiagnosticKind Kind = classify(E);
    if (Kind == DiagnosticKind::Finding)
      R.Findings.push_back(makeFinding(std::move(E), Root, Sources));
    else if (Kind != DiagnosticKind::Unplaced || !Filtering)
      R.Others.push_back(std::move(E));
  }
  // Over all findings, before filtering: a finding's occurrence number must
  // not depend on what is reported.
  addFingerprints(R.Findings, Sources);
  if (Filter.Changes) {
    // The function around a finding, per file, read once.
    std::map<std::string, std::unique_ptr<FunctionExtents>> Extents;
    auto InChangedFunction = [&](const Finding &F) {
      if (!Filter.Changes->touches(F.Where.File))
        return false;
      std::unique_ptr<FunctionExtents> &E = Extents[F.Where.File];
      if (!E) {
        const std::string *Text = Sources.text(F.Where.File);
        if (!Text)
          return false;
        E = std::make_unique<FunctionExtents>(*Text);
      }
      auto Range = E->around(F.Diagnostic.Message.FileOffset);
      return Range &&
             Filter.Changes->overlaps(
                 F.Where.File, Sources.lineColumn(F.Where.File, Range->first).first,
                 Sources.lineColumn(F.Where.File, Range->second).first);
    };
    llvm::erase_if(R.Findings, [&](const Finding &F) {
      if (Filter.Changes->contains(F.Where.File, F.Where.Line) ||
          llvm::any_of(F.Notes, [&](const Note &N) {
            return Filter.Changes->contains(N.Where.File, N.Where.Line);
          }))
        return false;
      return !InChangedFunction(F);
    });
  }
  if (Filter.Base)
    subtractBaseline(R.Findings, *Filter.Base);
  if (Filter.Accepted)
    R.Baselined =
        subtractBaseline(R.Findings, *Filter.Accepted, &R.Suppressed);
  return R;
}

std::vector<clang::tidy::ClangTidyError> diagnosticsOf(const Results &R) {
  std::vector<clang::tidy::ClangTidyError> All = R.Others;
  for (const Finding &F : R.Findings)
    All.push_back(F.Diagnostic);
  std::stable_sort(All.begin(), All.end(), reportOrder);
  return All;
}

} // namespace corolint
