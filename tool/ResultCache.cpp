//===--- ResultCache.cpp --------------------------------------------------===//

#include "ResultCache.h"
#include "Worker.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/BLAKE3.h"
#include "llvm/Support/Chrono.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fcntl.h>
#include <sys/stat.h>

namespace fs = llvm::sys::fs;
namespace path = llvm::sys::path;
namespace json = llvm::json;

namespace corolint {
namespace {

/// Bump when the entry format or the meaning of a key changes.
constexpr int FormatVersion = 1;

int64_t nanoseconds(llvm::sys::TimePoint<> T) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             T.time_since_epoch())
      .count();
}

/// A file changed this recently may change again without its modification
/// time moving (coarse file system clocks): its time is not trusted.
constexpr int64_t TrustAfterNs = 2'000'000'000;

class RecordingFileSystem;

/// A file whose bytes, when read, go into the manifest.
class RecordingFile : public llvm::vfs::File {
public:
  RecordingFile(std::unique_ptr<llvm::vfs::File> Inner, RecordingFileSystem &FS,
                std::string Path)
      : Inner(std::move(Inner)), FS(FS), Path(std::move(Path)) {}
  llvm::ErrorOr<llvm::vfs::Status> status() override { return Inner->status(); }
  llvm::ErrorOr<std::string> getName() override { return Inner->getName(); }
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>>
  getBuffer(const llvm::Twine &Name, int64_t FileSize,
            bool RequiresNullTerminator, bool IsVolatile) override;
  std::error_code close() override { return Inner->close(); }

private:
  std::unique_ptr<llvm::vfs::File> Inner;
  RecordingFileSystem &FS;
  std::string Path;
};

class RecordingFileSystem : public llvm::vfs::ProxyFileSystem {
public:
  RecordingFileSystem(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Base,
                      std::shared_ptr<std::vector<InputFile>> Into)
      : ProxyFileSystem(std::move(Base)), Into(std::move(Into)) {}

  llvm::ErrorOr<llvm::vfs::Status> status(const llvm::Twine &Path) override {
    auto S = ProxyFileSystem::status(Path);
    if (!S)
      noteAbsent(Path, S.getError());
    return S;
  }
  bool exists(const llvm::Twine &Path) override {
    return static_cast<bool>(status(Path));
  }
  llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>>
  openFileForRead(const llvm::Twine &Path) override {
    auto F = ProxyFileSystem::openFileForRead(Path);
    if (!F) {
      noteAbsent(Path, F.getError());
      return F;
    }
    return std::unique_ptr<llvm::vfs::File>(
        std::make_unique<RecordingFile>(std::move(*F), *this, absolute(Path)));
  }

  void noteRead(const std::string &Path, llvm::StringRef Bytes,
                const llvm::vfs::Status &S) {
    if (!Read.insert(Path).second)
      return;
    InputFile In{Path, bytesHash(Bytes), Bytes.size(), 0};
    int64_t Modified = nanoseconds(S.getLastModificationTime());
    int64_t Now = nanoseconds(std::chrono::system_clock::now());
    if (S.getSize() == Bytes.size() && Now - Modified > TrustAfterNs)
      In.ModifiedNs = Modified;
    Into->push_back(std::move(In));
  }

private:
  std::string absolute(const llvm::Twine &Path) const {
    llvm::SmallString<256> P;
    Path.toVector(P);
    getUnderlyingFS().makeAbsolute(P);
    path::remove_dots(P, /*remove_dot_dot=*/false);
    return P.str().str();
  }
  void noteAbsent(const llvm::Twine &Path, std::error_code EC) {
    if (EC != std::errc::no_such_file_or_directory)
      return;
    std::string P = absolute(Path);
    if (Absent.insert(P).second)
      Into->push_back(InputFile{std::move(P), "", 0, 0});
  }

  std::shared_ptr<std::vector<InputFile>> Into;
  llvm::StringSet<> Read, Absent;
};

llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>>
RecordingFile::getBuffer(const llvm::Twine &Name, int64_t FileSize,
                         bool RequiresNullTerminator, bool IsVolatile) {
  auto B = Inner->getBuffer(Name, FileSize, RequiresNullTerminator, IsVolatile);
  if (B)
    if (auto S = Inner->status())
      FS.noteRead(Path, (*B)->getBuffer(), *S);
  return B;
}

/// True when \p In is as the manifest says: there with the same bytes, or
/// still absent.
bool unchanged(const InputFile &In) {
  fs::file_status S;
  if (fs::status(In.Path, S) || !fs::exists(S))
    return In.Hash.empty();
  if (In.Hash.empty() || fs::is_directory(S))
    return false;
  if (In.ModifiedNs && S.getSize() == In.Size &&
      nanoseconds(S.getLastModificationTime()) == In.ModifiedNs)
    return true;
  return contentHash(In.Path) == In.Hash;
}

/// Writes \p Text to \p Path through a temporary file in the same directory
/// and a rename: readers see the old entry or the new one, never part.
void writeAtomically(llvm::StringRef Path, llvm::StringRef Text) {
  llvm::SmallString<256> Temp;
  int FD;
  if (fs::createUniqueFile(Path + ".tmp-%%%%%%%%", FD, Temp))
    return;
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Text;
    OS.flush();
    if (OS.has_error()) {
      OS.clear_error();
      fs::remove(Temp);
      return;
    }
  }
  if (fs::rename(Temp, Path))
    fs::remove(Temp);
}

struct Entry {
  std::string Path;
  uint64_t Size;
  int64_t Used;
};

/// Every entry and stray temporary file of the cache in \p Dir.
std::vector<Entry> listEntries(llvm::StringRef Dir) {
  std::vector<Entry> Out;
  std::error_code EC;
  for (fs::recursive_directory_iterator I(Dir, EC), E; I != E && !EC;
       I.increment(EC)) {
    fs::file_status S;
    if (fs::status(I->path(), S) || !fs::is_regular_file(S))
      continue;
    Out.push_back(
        {I->path(), S.getSize(), nanoseconds(S.getLastModificationTime())});
  }
  return Out;
}

} // namespace

std::string defaultCacheDirectory() {
  llvm::SmallString<256> Dir;
  if (std::optional<std::string> X = llvm::sys::Process::GetEnv("XDG_CACHE_HOME");
      X && path::is_absolute(*X))
    Dir = *X;
  else if (!path::cache_directory(Dir))
    return "";
  path::append(Dir, "corolint");
  return Dir.str().str();
}

llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>
recordingFileSystem(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Base,
                    std::shared_ptr<std::vector<InputFile>> Into) {
  return new RecordingFileSystem(std::move(Base), std::move(Into));
}

llvm::Expected<std::unique_ptr<ResultCache>>
openResultCache(const CacheOptions &Options,
                const clang::tooling::CompilationDatabase &DB,
                clang::tidy::ClangTidyOptionsProvider &Provider,
                const RunOptions &Run, llvm::StringRef Executable) {
  if (Options.Directory.empty())
    return nullptr;
  std::error_code EC = fs::create_directories(Options.Directory);
  if (!EC && fs::access(Options.Directory, fs::AccessMode::Write))
    EC = std::make_error_code(std::errc::permission_denied);
  if (EC) {
    if (!Options.Explicit)
      return nullptr; // a read-only home: analyse as if --no-cache
    return llvm::createStringError(EC, "cannot use '" + Options.Directory +
                                           "' as the result cache (--cache-dir): " +
                                           EC.message());
  }
  return std::make_unique<ResultCache>(Options, DB, Provider, Run, Executable);
}

void printCacheStats(const CacheStats &S, llvm::StringRef Directory) {
  auto Count = [](unsigned N, llvm::StringRef One, llvm::StringRef Many) {
    return std::to_string(N) + " " + (N == 1 ? One : Many).str();
  };
  llvm::errs() << "corolint: result cache: " << Count(S.Hits, "hit", "hits")
               << ", " << Count(S.Misses, "miss", "misses") << ", "
               << S.Stored << " stored, " << S.Evicted << " evicted; "
               << (S.Size + 1023) / 1024 << " KiB in " << Directory << "\n";
}

ResultCache::ResultCache(CacheOptions O,
                         const clang::tooling::CompilationDatabase &DB,
                         clang::tidy::ClangTidyOptionsProvider &Provider,
                         const RunOptions &Run, llvm::StringRef Executable)
    : Options(std::move(O)), DB(DB), Provider(Provider) {
  // What every key of this run shares: the analyser itself (its bytes, so a
  // rebuilt corolint never reuses an older one's results), the options that
  // change what a run reports, and the environment the compiler reads.
  llvm::BLAKE3 H;
  H.update(std::to_string(FormatVersion) + "\n" COROLINT_VERSION "\n");
  H.update(contentHash(Executable) + "\n");
  H.update(Run.ApplyAnyFix ? "fix-notes\n" : "\n");
  for (const char *Var : {"CPATH", "C_INCLUDE_PATH", "CPLUS_INCLUDE_PATH"})
    H.update(std::string(Var) + "=" +
             llvm::sys::Process::GetEnv(Var).value_or("") + "\n");
  for (const auto &Range : Provider.getGlobalOptions().LineFilter) {
    H.update(Range.Name + ":");
    for (const auto &[Begin, End] : Range.LineRanges)
      H.update(std::to_string(Begin) + "-" + std::to_string(End) + ",");
    H.update("\n");
  }
  Fixed = llvm::toHex(H.final(), /*LowerCase=*/true);
}

std::string ResultCache::key(const std::string &File) const {
  llvm::BLAKE3 H;
  H.update(Fixed);
  // Not the file's content: the manifest holds it like every other file
  // the analysis read, so a lookup does not read and hash it twice.
  H.update(File + "\n");
  for (const clang::tooling::CompileCommand &C : DB.getCompileCommands(File)) {
    H.update(C.Directory + "\n" + C.Filename + "\n");
    for (const std::string &Arg : C.CommandLine)
      H.update(Arg + "\n");
  }
  clang::tidy::ClangTidyOptions Opts = Provider.getOptions(File);
  H.update(clang::tidy::configurationAsText(Opts));
  // The project profile file the configuration names (made absolute by the
  // provider): its entries change what the checks know.
  if (auto It = Opts.CheckOptions.find("ProjectProfileFile");
      It != Opts.CheckOptions.end())
    if (auto Buffer = llvm::MemoryBuffer::getFile(It->getValue().Value))
      H.update((*Buffer)->getBuffer());
  return llvm::toHex(H.final(), /*LowerCase=*/true);
}

std::string ResultCache::entryPath(llvm::StringRef Key) const {
  llvm::SmallString<256> P(Options.Directory);
  path::append(P, Key.take_front(2), Key.drop_front(2) + ".json");
  return P.str().str();
}

std::optional<UnitResult> ResultCache::lookup(const std::string &File) {
  std::string Key = key(File);
  Keys[File] = Key;
  std::string Path = entryPath(Key);
  auto Miss = [&]() -> std::optional<UnitResult> {
    ++Stats.Misses;
    return std::nullopt;
  };
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return Miss();
  llvm::Expected<json::Value> V = json::parse((*Buffer)->getBuffer());
  if (!V) {
    llvm::consumeError(V.takeError());
    return Miss();
  }
  const json::Object *O = V->getAsObject();
  const json::Value *Result = O ? O->get("result") : nullptr;
  std::optional<UnitResult> R =
      Result ? unitResultFromJSON(*Result) : std::nullopt;
  if (!R || R->File != File || R->Inputs.empty() ||
      !llvm::all_of(R->Inputs, unchanged))
    return Miss();
  R->Inputs.clear();
  // Least recently used means least recently hit, too.
  ::utimensat(AT_FDCWD, Path.c_str(), nullptr, 0);
  ++Stats.Hits;
  R->FromCache = true;
  return R;
}

void ResultCache::store(const UnitResult &R) {
  // A file that does not parse fails the same way with the same inputs: it
  // is stored. A worker that died or overran a limit, or a file that could
  // not be read, may do better next time: analysed again.
  const bool Deterministic =
      R.Failure.empty() || llvm::StringRef(R.Failure).starts_with("does not parse");
  if (!Deterministic || !R.Reproduce.empty() || R.Inputs.empty())
    return;
  auto Known = Keys.find(R.File);
  std::string Path =
      entryPath(Known != Keys.end() ? Known->second : key(R.File));
  if (fs::create_directories(path::parent_path(Path)))
    return;
  json::Object Entry{{"format", FormatVersion}, {"result", toJSON(R)}};
  std::string Text;
  llvm::raw_string_ostream(Text) << json::Value(std::move(Entry));
  writeAtomically(Path, Text);
  ++Stats.Stored;
}

CacheStats ResultCache::finish() {
  if (!Stats.Stored && !Options.PrintStats)
    return Stats;
  std::vector<Entry> Entries = listEntries(Options.Directory);
  const int64_t Now = nanoseconds(std::chrono::system_clock::now());
  uint64_t Total = 0;
  std::vector<Entry> Kept;
  for (Entry &E : Entries) {
    // A temporary file an hour old belongs to a process that died.
    if (llvm::StringRef(E.Path).contains(".tmp-")) {
      if (Now - E.Used > int64_t(3600) * 1'000'000'000)
        fs::remove(E.Path);
      continue;
    }
    Total += E.Size;
    Kept.push_back(std::move(E));
  }
  if (Total > Options.MaxSize) {
    // Down to 90% of the cap, so the next run does not evict again at once.
    std::sort(Kept.begin(), Kept.end(),
              [](const Entry &A, const Entry &B) { return A.Used < B.Used; });
    for (const Entry &E : Kept) {
      if (Total <= Options.MaxSize / 10 * 9)
        break;
      if (!fs::remove(E.Path)) {
        Total -= E.Size;
        ++Stats.Evicted;
      }
    }
  }
  Stats.Size = Total;
  return Stats;
}

} // namespace corolint
