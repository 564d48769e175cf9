//===--- Configuration.cpp ------------------------------------------------===//

#include "Configuration.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/GlobList.h"
#include "utils/ProfileSelection.h"
#include "utils/ProjectProfile.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang::tidy;
namespace coro = clang::tidy::coro;
using llvm::StringRef;

namespace corolint {

void resolveProjectProfileFile(ClangTidyOptions &Opts, StringRef Source) {
  auto It = Opts.CheckOptions.find(coro::ProjectProfileFileOption);
  if (It == Opts.CheckOptions.end())
    return;
  std::string &Value = It->getValue().Value;
  if (StringRef(Value).trim().empty() || llvm::sys::path::is_absolute(Value))
    return;
  llvm::SmallString<256> Dir;
  if (llvm::sys::fs::is_regular_file(Source)) {
    Dir = llvm::sys::path::parent_path(Source);
    llvm::sys::fs::make_absolute(Dir);
  } else {
    llvm::sys::fs::current_path(Dir);
  }
  llvm::sys::path::append(Dir, StringRef(Value).trim());
  llvm::sys::path::remove_dots(Dir, /*remove_dot_dot=*/true);
  Value = std::string(Dir);
}

namespace {

/// clang-tidy's provider, with each configuration's relative
/// ProjectProfileFile made absolute against the configuration's directory
/// before the checks read it: they cannot tell which file named it.
class ResolvingProvider : public ClangTidyOptionsProvider {
public:
  explicit ResolvingProvider(std::unique_ptr<ClangTidyOptionsProvider> Inner)
      : Inner(std::move(Inner)) {}
  const ClangTidyGlobalOptions &getGlobalOptions() override {
    return Inner->getGlobalOptions();
  }
  std::vector<OptionsSource> getRawOptions(StringRef FileName) override {
    std::vector<OptionsSource> Raw = Inner->getRawOptions(FileName);
    for (auto &[Opts, Source] : Raw)
      resolveProjectProfileFile(Opts, Source);
    return Raw;
  }

private:
  std::unique_ptr<ClangTidyOptionsProvider> Inner;
};

} // namespace

std::unique_ptr<ClangTidyOptionsProvider> TidyConfig::makeProvider() const {
  if (Config)
    return std::make_unique<ResolvingProvider>(
        std::make_unique<ConfigOptionsProvider>(
            Global, ClangTidyOptions::getDefaults().merge(Defaults, 0),
            *Config, ClangTidyOptions(Overrides)));
  return std::make_unique<ResolvingProvider>(
      std::make_unique<FileOptionsProvider>(Global, Defaults, Overrides));
}

void TidyConfig::reportHeadersUnder(StringRef Root) {
  if (Overrides.HeaderFilterRegex)
    return;
  std::string Dir = Root.str();
  if (!StringRef(Dir).ends_with("/"))
    Dir += "/";
  // Under the root; or a name relative to the compile command's directory
  // (an "-I include" or "-iquote ." search path: "include/x.h", "./x.h")
  // that does not climb out of it.
  Defaults.HeaderFilterRegex =
      "^(" + llvm::Regex::escape(Dir) + "|(\\./)*[^/.])";
}

namespace {

StringRef closest(StringRef Value, const llvm::StringSet<> &Allowed) {
  unsigned MaxEdit = 5U;
  StringRef Closest;
  for (StringRef Item : Allowed.keys()) {
    unsigned Cur = Value.edit_distance_insensitive(Item, true, MaxEdit);
    if (Cur < MaxEdit) {
      Closest = Item;
      MaxEdit = Cur;
    }
  }
  return Closest;
}

std::string didYouMean(StringRef Value, const llvm::StringSet<> &Allowed) {
  StringRef Near = closest(Value, Allowed);
  return Near.empty() ? "" : "; did you mean '" + Near.str() + "'?";
}

llvm::Error problem(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

/// The unknown check names among the 'Checks' of \p Opts. \p Ours: given to
/// corolint, not read from a .clang-tidy file.
llvm::Error verifyChecks(const ClangTidyOptions &Opts, StringRef Source,
                         bool Ours, const NamesAndOptions &Valid) {
  llvm::Error Errors = llvm::Error::success();
  if (!Opts.Checks)
    return Errors;
  GlobList Globs(*Opts.Checks);
  for (const auto &Item : Globs.getItems()) {
    if (!Item.IsPositive || Item.Text.starts_with("clang-diagnostic"))
      continue;
    if (!Ours && !Item.Text.starts_with("coro-"))
      continue;
    if (llvm::any_of(Valid.Names.keys(),
                     [&](StringRef S) { return Item.Regex.match(S); }))
      continue;
    Errors = llvm::joinErrors(
        std::move(Errors),
        problem("unknown check '" + Item.Text + "' in " + Source.str() +
                didYouMean(Item.Text, Valid.Names) +
                " (see --list-checks --checks=*)"));
  }
  return Errors;
}

/// The unknown check options among the 'CheckOptions' of \p Opts.
llvm::Error verifyCheckOptions(const ClangTidyOptions &Opts, StringRef Source,
                               bool Ours, const NamesAndOptions &Valid) {
  llvm::Error Errors = llvm::Error::success();
  for (const auto &KV : Opts.CheckOptions) {
    StringRef Key = KV.getKey();
    if (Valid.Options.contains(Key) || (!Ours && !Key.starts_with("coro-")))
      continue;
    if (!Key.contains('.'))
      continue; // a global option such as StrictMode
    Errors = llvm::joinErrors(
        std::move(Errors), problem("unknown check option '" + Key.str() +
                                   "' in " + Source.str() +
                                   didYouMean(Key, Valid.Options)));
  }
  return Errors;
}

/// An unknown profile name in the global option Profiles of \p Opts.
llvm::Error verifyProfiles(const ClangTidyOptions &Opts, StringRef Source) {
  auto It = Opts.CheckOptions.find("Profiles");
  if (It == Opts.CheckOptions.end())
    return llvm::Error::success();
  auto Parsed = clang::tidy::coro::parseProfilesOption(It->getValue().Value);
  if (Parsed)
    return llvm::Error::success();
  return problem("invalid configuration in " + Source + ": " +
                 llvm::toString(Parsed.takeError()));
}

/// A project profile (ProjectProfile, ProjectProfileFile) of \p Opts that
/// cannot be read or does not parse.
llvm::Error verifyProjectProfile(const ClangTidyOptions &Opts,
                                 StringRef Source) {
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  auto Loaded = coro::loadProjectProfile(Opts.CheckOptions,
                                         {std::string(Cwd)});
  if (Loaded)
    return llvm::Error::success();
  if (Source == ClangTidyOptionsProvider::OptionsSourceTypeConfigCommandLineOption)
    Source = "--config";
  return problem("invalid configuration in " + Source + ": " +
                 llvm::toString(Loaded.takeError()));
}

llvm::Error verifyConfiguration(ClangTidyOptionsProvider &Provider,
                                StringRef FilePath) {
  NamesAndOptions Valid = getAllChecksAndOptions();
  llvm::Error Errors = llvm::Error::success();
  for (const auto &[Opts, Source] : Provider.getRawOptions(FilePath)) {
    if (Source == "clang-tidy binary")
      continue;
    const bool Ours = !llvm::sys::fs::exists(Source);
    Errors = llvm::joinErrors(std::move(Errors),
                              verifyChecks(Opts, Source, Ours, Valid));
    Errors = llvm::joinErrors(std::move(Errors),
                              verifyCheckOptions(Opts, Source, Ours, Valid));
    Errors = llvm::joinErrors(std::move(Errors), verifyProfiles(Opts, Source));
    Errors =
        llvm::joinErrors(std::move(Errors), verifyProjectProfile(Opts, Source));
  }
  return Errors;
}

} // namespace

llvm::Expected<ClangTidyOptions> parseConfig(StringRef Text, StringRef Source) {
  std::string First;
  auto Parsed = parseConfigurationWithDiags(
      llvm::MemoryBufferRef(Text, Source), [&](const llvm::SMDiagnostic &D) {
        if (First.empty() && D.getKind() == llvm::SourceMgr::DK_Error)
          First = (D.getFilename() + ":" + llvm::Twine(D.getLineNo()) + ":" +
                   llvm::Twine(D.getColumnNo() + 1) + ": " + D.getMessage())
                      .str();
      });
  if (Parsed)
    return std::move(*Parsed);
  if (First.empty())
    First = (Source + ": " + Parsed.getError().message()).str();
  return problem("invalid configuration in " + First);
}

llvm::Error verifyConfigFiles(const TidyConfig &Config,
                              llvm::ArrayRef<std::string> Files) {
  if (Config.Config)
    return llvm::Error::success(); // .clang-tidy files are not read
  llvm::StringSet<> Seen;
  for (const std::string &File : Files) {
    // As clang-tidy's FileOptionsProvider: up from the file's directory,
    // until a file that does not inherit its parent's configuration.
    for (std::string Dir = llvm::sys::path::parent_path(File).str();
         !Dir.empty(); Dir = llvm::sys::path::parent_path(Dir).str()) {
      if (!Seen.insert(Dir).second)
        break;
      llvm::SmallString<256> Path(Dir);
      llvm::sys::path::append(Path, ".clang-tidy");
      if (llvm::sys::fs::is_regular_file(Path)) {
        auto Buffer = llvm::MemoryBuffer::getFile(Path);
        if (!Buffer)
          return problem("cannot read " + Path + ": " +
                         Buffer.getError().message());
        auto Parsed = parseConfig((*Buffer)->getBuffer(), Path);
        if (!Parsed)
          return Parsed.takeError();
        resolveProjectProfileFile(*Parsed, Path);
        if (llvm::Error E = verifyProjectProfile(*Parsed, Path))
          return E;
        if (!Parsed->InheritParentConfig.value_or(false))
          break;
      }
      if (llvm::sys::path::parent_path(Dir) == Dir)
        break;
    }
  }
  return llvm::Error::success();
}

llvm::Expected<CheckSelection> selectChecks(const TidyConfig &Config,
                                            const std::string &ConfigPath) {
  // Before clang-tidy reads them: it would complain about a broken file at
  // every lookup and go on without it.
  if (llvm::Error E = verifyConfigFiles(Config, {ConfigPath}))
    return std::move(E);
  std::unique_ptr<ClangTidyOptionsProvider> Provider = Config.makeProvider();
  CheckSelection Checks;
  Checks.Effective = Provider->getOptions(ConfigPath);
  Checks.Enabled = getCheckNames(Checks.Effective, false);
  if (llvm::Error E = verifyConfiguration(*Provider, ConfigPath))
    return std::move(E);
  return Checks;
}

void answerQuery(ConfigQuery Query, const CheckSelection &Checks) {
  llvm::raw_ostream &OS = llvm::outs();
  switch (Query) {
  case ConfigQuery::None:
    return;
  case ConfigQuery::VerifyConfig:
    OS << "No config errors detected.\n";
    return;
  case ConfigQuery::ListChecks:
    OS << "Enabled checks:";
    for (const std::string &C : Checks.Enabled)
      OS << "\n    " << C;
    OS << "\n\n";
    return;
  case ConfigQuery::DumpConfig: {
    ClangTidyOptions Effective = Checks.Effective;
    Effective.CheckOptions = getCheckOptions(Effective, false);
    // The global profile selection: empty means chosen per translation unit.
    auto Set = Checks.Effective.CheckOptions.find("Profiles");
    Effective.CheckOptions["Profiles"] =
        Set == Checks.Effective.CheckOptions.end()
            ? ClangTidyOptions::ClangTidyValue("")
            : Set->getValue();
    for (llvm::StringRef Key :
         {coro::ProjectProfileOption, coro::ProjectProfileFileOption})
      if (auto It = Checks.Effective.CheckOptions.find(Key);
          It != Checks.Effective.CheckOptions.end())
        Effective.CheckOptions[Key] = It->getValue();
    OS << configurationAsText(
              ClangTidyOptions::getDefaults().merge(Effective, 0))
       << "\n";
    return;
  }
  }
}

} // namespace corolint
