//===--- Configuration.cpp ------------------------------------------------===//

#include "Configuration.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/GlobList.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang::tidy;
using llvm::StringRef;

namespace corolint {

std::unique_ptr<ClangTidyOptionsProvider> TidyConfig::makeProvider() const {
  if (Config)
    return std::make_unique<ConfigOptionsProvider>(
        Global, ClangTidyOptions::getDefaults().merge(Defaults, 0), *Config,
        ClangTidyOptions(Overrides));
  return std::make_unique<FileOptionsProvider>(Global, Defaults, Overrides);
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
  }
  return Errors;
}

} // namespace

llvm::Expected<CheckSelection> selectChecks(const TidyConfig &Config,
                                            const std::string &ConfigPath) {
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
    OS << configurationAsText(
              ClangTidyOptions::getDefaults().merge(Effective, 0))
       << "\n";
    return;
  }
  }
}

} // namespace corolint
