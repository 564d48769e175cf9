//===--- ChangedLines.cpp -------------------------------------------------===//

#include "ChangedLines.h"
#include "BaseRevision.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <set>

namespace corolint {

llvm::Expected<ChangedLines> ChangedLines::parse(llvm::StringRef Diff,
                                                 llvm::StringRef Root) {
  ChangedLines Out;
  std::string Current;
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  Diff.split(Lines, '\n');
  bool SawFile = false;
  // Inside a hunk: the lines of the old and new side still to come, and the
  // new side's line number of the next line.
  unsigned OldLeft = 0, NewLeft = 0, NewLine = 0;
  auto Malformed = [](llvm::StringRef L) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "malformed hunk header '%s'",
                                   L.str().c_str());
  };
  for (llvm::StringRef L : Lines) {
    L = L.rtrim('\r');
    if (OldLeft || NewLeft) {
      // The hunk's body: only added lines and removals count, not context.
      char Kind = L.empty() ? ' ' : L.front();
      if (Kind == '\\')
        continue; // "\ No newline at end of file"
      if (Kind == '+' && NewLeft) {
        if (!Current.empty())
          Out.Ranges[Current].push_back({NewLine, NewLine});
        ++NewLine, --NewLeft;
      } else if (Kind == '-' && OldLeft) {
        if (!Current.empty())
          Out.Deletions[Current].push_back(NewLine - 1);
        --OldLeft;
      } else {
        if (OldLeft)
          --OldLeft;
        if (NewLeft)
          ++NewLine, --NewLeft;
      }
      continue;
    }
    if (L.consume_front("+++ ")) {
      SawFile = true;
      L = L.split('\t').first; // some diffs append a timestamp
      if (L == "/dev/null") {
        Current.clear();
        continue;
      }
      if (L.starts_with("b/"))
        L = L.drop_front(2);
      llvm::SmallString<256> Path;
      if (llvm::sys::path::is_absolute(L))
        Path = L;
      else {
        Path = Root;
        llvm::sys::path::append(Path, L);
      }
      llvm::sys::path::remove_dots(Path, true);
      Current = std::string(Path);
      continue;
    }
    if (L.starts_with("@@ ")) {
      // @@ -a[,b] +c[,d] @@
      size_t Minus = L.find(" -"), Plus = L.find(" +");
      if (Minus == llvm::StringRef::npos || Plus == llvm::StringRef::npos)
        return Malformed(L);
      auto Range = [](llvm::StringRef Spec, unsigned &Start, unsigned &Count) {
        auto [StartText, CountText] = Spec.split(' ').first.split(',');
        Count = 1;
        return !StartText.getAsInteger(10, Start) &&
               (CountText.empty() || !CountText.getAsInteger(10, Count));
      };
      unsigned OldStart, NewStart;
      if (!Range(L.drop_front(Minus + 2), OldStart, OldLeft) ||
          !Range(L.drop_front(Plus + 2), NewStart, NewLeft))
        return Malformed(L);
      // A hunk that adds nothing names the line after which it removes.
      NewLine = NewLeft ? NewStart : NewStart + 1;
      if (!Current.empty())
        Out.Ranges[Current]; // the file changed
      continue;
    }
  }
  if (!SawFile && !Diff.trim().empty())
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "the input is not a unified diff (no '+++' "
                                   "file header)");
  return Out;
}

bool ChangedLines::contains(const std::string &File, unsigned Line) const {
  return overlaps(File, Line, Line);
}

bool ChangedLines::overlaps(const std::string &File, unsigned From,
                            unsigned To) const {
  auto It = Ranges.find(File);
  if (It == Ranges.end())
    return false;
  for (const auto &[First, Last] : It->second)
    if (First <= To && From <= Last)
      return true;
  if (From == To)
    return false; // a single line: a deletion is beside it, not on it
  auto D = Deletions.find(File);
  if (D != Deletions.end())
    for (unsigned After : D->second)
      if (From <= After && After < To)
        return true;
  return false;
}

llvm::Expected<std::string> gitDiff(llvm::StringRef Rev, llvm::StringRef Root) {
  auto Text = runGit(Root, {"diff", "-U0", "--no-color", "--no-ext-diff",
                            "--relative", Rev.str(), "--"});
  if (!Text)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "git diff %s failed: %s", Rev.str().c_str(),
                                   llvm::toString(Text.takeError()).c_str());
  return Text;
}

namespace {

/// Records whether a translation unit includes any of the changed files.
class IncludeProbe : public clang::PreprocessOnlyAction {
public:
  IncludeProbe(const ChangedLines &Changes, bool &Hit)
      : Changes(Changes), Hit(Hit) {}

  bool BeginSourceFileAction(clang::CompilerInstance &CI) override {
    struct Callbacks : clang::PPCallbacks {
      Callbacks(const ChangedLines &C, bool &H, clang::SourceManager &SM)
          : Changes(C), Hit(H), SM(SM) {}
      void FileChanged(clang::SourceLocation Loc, FileChangeReason Reason,
                       clang::SrcMgr::CharacteristicKind,
                       clang::FileID) override {
        if (Reason != EnterFile || Hit)
          return;
        if (auto Entry = SM.getFileEntryRefForID(SM.getFileID(Loc))) {
          llvm::SmallString<256> Path(Entry->getName());
          llvm::sys::fs::make_absolute(Path);
          llvm::sys::path::remove_dots(Path, true);
          if (Changes.touches(std::string(Path)))
            Hit = true;
        }
      }
      const ChangedLines &Changes;
      bool &Hit;
      clang::SourceManager &SM;
    };
    CI.getPreprocessor().addPPCallbacks(
        std::make_unique<Callbacks>(Changes, Hit, CI.getSourceManager()));
    return true;
  }

private:
  const ChangedLines &Changes;
  bool &Hit;
};

} // namespace

std::vector<std::string>
affectedTranslationUnits(const std::vector<std::string> &Files,
                         const ChangedLines &Changes,
                         const clang::tooling::CompilationDatabase &DB) {
  std::vector<std::string> Out, Unsure;
  for (const std::string &F : Files)
    (Changes.touches(F) ? Out : Unsure).push_back(F);
  // Only a changed file that is not itself being analysed (a header) makes
  // it worth preprocessing the rest.
  bool HeaderChanged = false;
  std::set<std::string> Analysed(Files.begin(), Files.end());
  for (const auto &[File, Ranges] : Changes.files())
    if (!Analysed.count(File))
      HeaderChanged = true;
  if (!HeaderChanged)
    return Out;
  for (const std::string &F : Unsure) {
    bool Hit = false;
    // Its own physical file system: no change of the process's directory.
    clang::tooling::ClangTool Tool(DB, {F},
                                   std::make_shared<clang::PCHContainerOperations>(),
                                   llvm::vfs::createPhysicalFileSystem());
    clang::IgnoringDiagConsumer Ignore;
    Tool.setDiagnosticConsumer(&Ignore);
    struct Factory : clang::tooling::FrontendActionFactory {
      Factory(const ChangedLines &C, bool &H) : C(C), H(H) {}
      std::unique_ptr<clang::FrontendAction> create() override {
        return std::make_unique<IncludeProbe>(C, H);
      }
      const ChangedLines &C;
      bool &H;
    } Make(Changes, Hit);
    Tool.run(&Make);
    if (Hit)
      Out.push_back(F);
  }
  std::sort(Out.begin(), Out.end());
  return Out;
}

} // namespace corolint
