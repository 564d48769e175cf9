//===--- BaseRevision.cpp -------------------------------------------------===//

#include "BaseRevision.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include <set>
#include <unistd.h>

namespace corolint {
namespace {

std::string normalised(llvm::StringRef Path) {
  llvm::SmallString<256> P(Path);
  llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return std::string(P);
}

/// The real file system minus the files the base revision lacks.
class HidingFileSystem : public llvm::vfs::ProxyFileSystem {
public:
  HidingFileSystem(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS,
                   std::set<std::string> Hidden)
      : ProxyFileSystem(std::move(FS)), Hidden(std::move(Hidden)) {}

  llvm::ErrorOr<llvm::vfs::Status> status(const llvm::Twine &Path) override {
    if (hidden(Path))
      return std::make_error_code(std::errc::no_such_file_or_directory);
    return ProxyFileSystem::status(Path);
  }
  llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>>
  openFileForRead(const llvm::Twine &Path) override {
    if (hidden(Path))
      return std::make_error_code(std::errc::no_such_file_or_directory);
    return ProxyFileSystem::openFileForRead(Path);
  }

private:
  bool hidden(const llvm::Twine &Path) {
    llvm::SmallString<256> P;
    Path.toVector(P);
    if (makeAbsolute(P))
      return false;
    return Hidden.count(normalised(P));
  }
  std::set<std::string> Hidden;
};

} // namespace

llvm::Expected<std::string> runGit(llvm::StringRef Dir,
                                   llvm::ArrayRef<std::string> Args) {
  auto Git = llvm::sys::findProgramByName("git");
  if (!Git)
    return llvm::createStringError(Git.getError(),
                                   "--diff needs git, which is not on PATH");
  llvm::SmallString<128> Out, Err;
  int FD;
  for (auto *Path : {&Out, &Err}) {
    if (auto EC = llvm::sys::fs::createTemporaryFile("corolint-git", "txt", FD,
                                                     *Path))
      return llvm::createStringError(EC, "cannot create a temporary file");
    ::close(FD);
  }
  std::vector<llvm::StringRef> Argv = {*Git, "-C", Dir};
  Argv.insert(Argv.end(), Args.begin(), Args.end());
  std::optional<llvm::StringRef> Redirects[] = {std::nullopt, Out.str(),
                                                Err.str()};
  std::string ErrMsg;
  int RC = llvm::sys::ExecuteAndWait(*Git, Argv, std::nullopt, Redirects, 0, 0,
                                     &ErrMsg);
  auto Text = llvm::MemoryBuffer::getFile(Out, /*IsText=*/false,
                                          /*RequiresNullTerminator=*/false);
  auto ErrText = llvm::MemoryBuffer::getFile(Err);
  llvm::sys::fs::remove(Out);
  llvm::sys::fs::remove(Err);
  if (RC != 0) {
    std::string Why = ErrText ? (*ErrText)->getBuffer().trim().str() : ErrMsg;
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   llvm::StringRef(Why).split('\n').first);
  }
  return Text ? (*Text)->getBuffer().str() : std::string();
}

llvm::Expected<BaseRevision> BaseRevision::load(llvm::StringRef Rev,
                                                llvm::StringRef Root) {
  BaseRevision B;
  B.Rev = Rev.str();
  // Renames as a deletion and an addition: the old path exists at the base
  // only, the new one in the work tree only.
  auto Names = runGit(Root, {"diff", "--name-only", "--no-renames", "-z",
                             "--relative", B.Rev, "--"});
  if (!Names)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(), "git diff %s failed: %s",
        B.Rev.c_str(), llvm::toString(Names.takeError()).c_str());
  llvm::SmallVector<llvm::StringRef, 16> Paths;
  llvm::StringRef(*Names).split(Paths, '\0', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Rel : Paths) {
    llvm::SmallString<256> Abs(Root);
    llvm::sys::path::append(Abs, Rel);
    // "REV:./path" is relative to the -C directory, like --relative's names.
    auto Text = runGit(Root, {"show", B.Rev + ":./" + Rel.str()});
    if (Text) {
      B.Changed[normalised(Abs)] = std::move(*Text);
    } else {
      llvm::consumeError(Text.takeError()); // not at the base
      B.Changed[normalised(Abs)] = std::nullopt;
    }
  }
  return B;
}

bool BaseRevision::exists(const std::string &File) const {
  auto It = Changed.find(normalised(File));
  if (It != Changed.end())
    return It->second.has_value();
  return llvm::sys::fs::exists(File);
}

const std::string *BaseRevision::changedText(const std::string &File) const {
  auto It = Changed.find(normalised(File));
  return It != Changed.end() && It->second ? &*It->second : nullptr;
}

llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> BaseRevision::overlay(
    llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Real) const {
  llvm::IntrusiveRefCntPtr<llvm::vfs::InMemoryFileSystem> Memory(
      new llvm::vfs::InMemoryFileSystem);
  std::set<std::string> Hidden;
  for (const auto &[Path, Text] : Changed) {
    if (Text)
      Memory->addFile(Path, /*ModificationTime=*/0,
                      llvm::MemoryBuffer::getMemBufferCopy(*Text, Path));
    else
      Hidden.insert(Path);
  }
  llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> Layers(
      new llvm::vfs::OverlayFileSystem(std::move(Real)));
  Layers->pushOverlay(std::move(Memory));
  return llvm::makeIntrusiveRefCnt<HidingFileSystem>(std::move(Layers),
                                                     std::move(Hidden));
}

} // namespace corolint
