//===--- ProjectProfile.cpp -----------------------------------------------===//

#include "ProjectProfile.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"
#include <mutex>

namespace clang::tidy::coro {
namespace {

namespace yaml = llvm::yaml;

llvm::Error problem(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

/// "; did you mean 'X'?" for the closest of \p Known, or nothing.
std::string didYouMean(llvm::StringRef Value,
                       llvm::ArrayRef<llvm::StringRef> Known) {
  unsigned Best = 4;
  llvm::StringRef Closest;
  for (llvm::StringRef K : Known)
    if (unsigned D = Value.edit_distance_insensitive(K, true, Best); D < Best) {
      Best = D;
      Closest = K;
    }
  return Closest.empty() ? "" : "; did you mean '" + Closest.str() + "'?";
}

/// Reads one table: a sequence of entries, or a mapping with an Entries
/// sequence (and an optional Title). Errors carry "Where:LINE:COLUMN: ".
class TableReader {
public:
  TableReader(llvm::StringRef Where) : Where(Where) {
    SM.setDiagHandler(
        [](const llvm::SMDiagnostic &D, void *Self) {
          auto &R = *static_cast<TableReader *>(Self);
          if (R.First.empty())
            R.First =
                R.at(D.getLineNo(), D.getColumnNo() + 1) + D.getMessage().str();
        },
        this);
  }

  llvm::SourceMgr SM;
  llvm::StringRef Where;
  std::string First;

  /// "file:2:13: ", or "option 'ProjectProfile' (line 2, column 13): "
  /// for a table written in an option.
  std::string at(unsigned Line, unsigned Column) const {
    if (Where.starts_with("option "))
      return (Where + " (line " + llvm::Twine(Line) + ", column " +
              llvm::Twine(Column) + "): ")
          .str();
    return (Where + ":" + llvm::Twine(Line) + ":" + llvm::Twine(Column) + ": ")
        .str();
  }
  llvm::Error error(const yaml::Node *N, const llvm::Twine &Message) {
    auto [Line, Column] = SM.getLineAndColumn(N->getSourceRange().Start);
    return problem(at(Line, Column) + Message);
  }
  /// A scalar's text, or an error naming \p What.
  llvm::Expected<std::string> scalar(yaml::Node *N, llvm::StringRef What) {
    auto *S = llvm::dyn_cast_or_null<yaml::ScalarNode>(N);
    if (!S)
      return error(N, "'" + What + "' must be a single value");
    llvm::SmallString<64> Storage;
    return S->getValue(Storage).str();
  }
};

struct Cached {
  std::unique_ptr<ProjectProfile> Profile;
  std::string Error;
};

thread_local const LibraryProfile *Current = nullptr;

} // namespace

llvm::StringRef ProjectProfile::keep(llvm::StringRef S) {
  Strings.push_back(S.str());
  return Strings.back();
}

llvm::Error ProjectProfile::parse(llvm::StringRef Text, llvm::StringRef Where) {
  TableReader R(Where);
  yaml::Stream Stream(Text, R.SM, /*ShowColors=*/false);
  auto Doc = Stream.begin();
  yaml::Node *Root = Doc == Stream.end() ? nullptr : Doc->getRoot();
  if (!R.First.empty())
    return problem(R.First);
  // llvm::yaml parses as it is read: the entries are read where they are.
  auto ReadEntries = [&](yaml::SequenceNode *List) -> llvm::Error {
    for (yaml::Node &Item : *List) {
      if (!R.First.empty())
        return problem(R.First);
      auto *Map = llvm::dyn_cast<yaml::MappingNode>(&Item);
      if (!Map)
        return R.error(&Item,
                       "an entry is a mapping with at least 'Kind' and 'Name'");
      ProfileEntry E{EntryKind::Blocking, ""};
      bool HasKind = false;
      yaml::Node *Only[4] = {}; // where a kind-specific key was given
      for (yaml::KeyValueNode &KV : *Map) {
        auto Key = R.scalar(KV.getKey(), "key");
        if (!Key)
          return Key.takeError();
        auto Value = R.scalar(KV.getValue(), *Key);
        if (!Value)
          return Value.takeError();
        yaml::Node *V = KV.getValue();
        auto Int = [&](int &Out) -> llvm::Error {
          if (llvm::StringRef(*Value).getAsInteger(10, Out) || Out < -1)
            return R.error(V, "'" + *Key +
                                  "' must be an argument index (0 is the "
                                  "first argument, -1 the object of a member "
                                  "call)");
          return llvm::Error::success();
        };
        if (*Key == "Kind") {
          auto K = entryKindOfName(*Value);
          if (!K)
            return R.error(V, "unknown entry kind '" + *Value + "'" +
                                  didYouMean(*Value, entryKindNames()) +
                                  " (docs/profiles.md lists the kinds)");
          E.Kind = *K;
          HasKind = true;
        } else if (*Key == "Name") {
          llvm::StringRef N = llvm::StringRef(*Value).trim();
          if (N.empty() || N.find_first_of(" \t;,()") != llvm::StringRef::npos)
            return R.error(V, "'Name' must be one qualified name such as "
                              "'app::start_in_background'");
          E.Name = keep(N);
        } else if (*Key == "Replacement") {
          E.Replacement = keep(*Value);
          Only[0] = V;
        } else if (*Key == "WorkArgument") {
          if (llvm::Error Err = Int(E.WorkArgument))
            return Err;
          Only[1] = V;
        } else if (*Key == "HandlerArgument") {
          if (llvm::Error Err = Int(E.HandlerArgument))
            return Err;
          Only[1] = V;
        } else if (*Key == "Handling") {
          E.Handling = keep(*Value);
          Only[1] = V;
        } else if (*Key == "CatchesCallable") {
          if (*Value != "true" && *Value != "false")
            return R.error(V, "'CatchesCallable' must be true or false");
          E.CatchesCallable = *Value == "true";
          Only[1] = V;
        } else if (*Key == "ObjectFlag") {
          llvm::StringRef N = llvm::StringRef(*Value).trim();
          if (N.empty() || N.find_first_of(" \t;,():") != llvm::StringRef::npos)
            return R.error(V, "'ObjectFlag' must be the name of a constructor "
                              "parameter such as 'throwOnJoin'");
          E.ObjectFlag = keep(N);
          Only[1] = V;
        } else if (*Key == "ForType") {
          E.ForType = keep(*Value);
          Only[2] = V;
        } else {
          static const llvm::StringRef Keys[] = {"Kind",
                                                 "Name",
                                                 "Replacement",
                                                 "WorkArgument",
                                                 "Handling",
                                                 "HandlerArgument",
                                                 "CatchesCallable",
                                                 "ObjectFlag",
                                                 "ForType"};
          return R.error(KV.getKey(),
                         "unknown key '" + *Key + "'" + didYouMean(*Key, Keys));
        }
      }
      if (!R.First.empty())
        return problem(R.First);
      if (!HasKind || E.Name.empty())
        return R.error(&Item, HasKind ? "the entry has no 'Name'"
                                      : "the entry has no 'Kind'");
      const bool TakesReplacement = E.Kind == EntryKind::Blocking ||
                                    E.Kind == EntryKind::ExceptionHolding ||
                                    E.Kind == EntryKind::Offload;
      if (Only[0] && !TakesReplacement)
        return R.error(Only[0],
                       "'Replacement' applies to Blocking, Offload and "
                       "ExceptionHolding entries only");
      if (Only[1] && E.Kind != EntryKind::DetachedLaunch)
        return R.error(Only[1], "'WorkArgument', 'HandlerArgument', 'Handling', "
                                "'CatchesCallable' and 'ObjectFlag' apply to "
                                "DetachedLaunch entries only");
      if (Only[2] && E.Kind != EntryKind::Combinator)
        return R.error(Only[2], "'ForType' applies to Combinator entries only");
      if (E.Kind == EntryKind::DetachedLaunch && E.Handling.empty())
        E.Handling = "handle its errors where the work runs";
      Parsed.push_back(E);
    }
    return llvm::Error::success();
  };

  bool HasEntries = false;
  if (!Root || llvm::isa<yaml::NullNode>(Root))
    return problem(Where + ": the project profile is empty");
  if (auto *Seq = llvm::dyn_cast<yaml::SequenceNode>(Root)) {
    if (llvm::Error E = ReadEntries(Seq))
      return E;
    HasEntries = true;
  } else if (auto *Map = llvm::dyn_cast<yaml::MappingNode>(Root)) {
    for (yaml::KeyValueNode &KV : *Map) {
      auto Key = R.scalar(KV.getKey(), "key");
      if (!Key)
        return Key.takeError();
      if (*Key == "Entries") {
        auto *List = llvm::dyn_cast_or_null<yaml::SequenceNode>(KV.getValue());
        if (!List)
          return R.error(KV.getValue() ? KV.getValue() : KV.getKey(),
                         "'Entries' must be a list of entries");
        if (llvm::Error E = ReadEntries(List))
          return E;
        HasEntries = true;
      } else if (*Key == "Title") {
        auto Value = R.scalar(KV.getValue(), "Title");
        if (!Value)
          return Value.takeError();
        Title = *Value;
      } else {
        return R.error(KV.getKey(), "unknown key '" + *Key +
                                        "' (known: Title, Entries)" +
                                        didYouMean(*Key, {"Title", "Entries"}));
      }
      if (!R.First.empty())
        return problem(R.First);
    }
    if (!HasEntries)
      return R.error(Root, "no 'Entries' list");
  } else {
    return R.error(Root, "a project profile is a list of entries, or a "
                         "mapping with an 'Entries' list");
  }

  if (!R.First.empty())
    return problem(R.First);
  Entries.assign(Parsed.begin(), Parsed.end());
  Sources.push_back(Where.str());
  std::string Description = Title.empty() ? "project profile" : Title;
  std::string From;
  for (const std::string &S : Sources)
    From += (From.empty() ? "" : ", ") + S;
  Profile = LibraryProfile{"project", keep(Description), keep(From), {}, {}, {},
                           Entries};
  return llvm::Error::success();
}

std::string resolveProjectProfileFile(llvm::StringRef Value,
                                      llvm::ArrayRef<std::string> BaseDirs) {
  if (llvm::sys::path::is_absolute(Value) || BaseDirs.empty())
    return Value.str();
  for (const std::string &Dir : BaseDirs) {
    llvm::SmallString<256> Path(Dir);
    llvm::sys::path::append(Path, Value);
    if (llvm::sys::fs::is_regular_file(Path))
      return std::string(Path);
  }
  llvm::SmallString<256> Path(BaseDirs.front());
  llvm::sys::path::append(Path, Value);
  return std::string(Path);
}

llvm::Expected<const ProjectProfile *>
loadProjectProfile(const ClangTidyOptions::OptionMap &Options,
                   llvm::ArrayRef<std::string> BaseDirs) {
  auto Inline = Options.find(ProjectProfileOption);
  auto File = Options.find(ProjectProfileFileOption);
  llvm::StringRef Text =
      Inline == Options.end() ? "" : llvm::StringRef(Inline->getValue().Value);
  llvm::StringRef FileValue =
      File == Options.end() ? "" : llvm::StringRef(File->getValue().Value);
  if (Text.trim().empty() && FileValue.trim().empty())
    return nullptr;

  std::string Path, Contents;
  if (!FileValue.trim().empty()) {
    Path = resolveProjectProfileFile(FileValue.trim(), BaseDirs);
    auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
    if (!Buffer)
      return problem("cannot read the project profile '" + Path +
                     "' (option '" + ProjectProfileFileOption +
                     "'): " + Buffer.getError().message());
    Contents = (*Buffer)->getBuffer().str();
  }

  static std::mutex Lock;
  static llvm::StringMap<std::unique_ptr<Cached>> Cache;
  std::string Key =
      (Text + llvm::Twine('\0') + Path + llvm::Twine('\0') + Contents).str();
  std::lock_guard<std::mutex> Guard(Lock);
  std::unique_ptr<Cached> &Slot = Cache[Key];
  if (!Slot) {
    Slot = std::make_unique<Cached>();
    auto P = std::make_unique<ProjectProfile>();
    llvm::Error E = llvm::Error::success();
    if (!Text.trim().empty())
      E = P->parse(
          Text, ("option '" + ProjectProfileOption + "'").str());
    if (!E && !Path.empty())
      E = P->parse(Contents, Path);
    if (E)
      Slot->Error = llvm::toString(std::move(E));
    else
      Slot->Profile = std::move(P);
  }
  if (!Slot->Profile)
    return problem(Slot->Error);
  return Slot->Profile.get();
}

void selectProjectProfile(ClangTidyContext &Context) {
  Current = nullptr;
  const ClangTidyOptions &Options = Context.getOptions();
  if (!Options.CheckOptions.count(ProjectProfileOption) &&
      !Options.CheckOptions.count(ProjectProfileFileOption))
    return;
  // The driver has made a relative file absolute against the directory of
  // the configuration that names it; another host (clangd) has not: look
  // from the analysed file's directory upwards, then in the working
  // directory.
  std::vector<std::string> BaseDirs;
  for (llvm::StringRef Dir =
           llvm::sys::path::parent_path(Context.getCurrentFile());
       !Dir.empty(); Dir = llvm::sys::path::parent_path(Dir))
    BaseDirs.push_back(Dir.str());
  llvm::SmallString<256> Cwd;
  if (!llvm::sys::fs::current_path(Cwd))
    BaseDirs.push_back(std::string(Cwd));
  auto Loaded =
      loadProjectProfile(Options.CheckOptions, BaseDirs);
  if (!Loaded) {
    // Once per translation unit, not once per check.
    thread_local std::string ReportedFor;
    std::string Message = llvm::toString(Loaded.takeError());
    std::string Key = Context.getCurrentFile().str() + '\0' + Message;
    if (ReportedFor != Key) {
      ReportedFor = Key;
      Context.configurationDiag(Message, DiagnosticIDs::Error);
    }
    return;
  }
  if (*Loaded)
    Current = &(*Loaded)->profile();
}

const LibraryProfile *currentProjectProfile() { return Current; }

} // namespace clang::tidy::coro
