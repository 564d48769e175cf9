//===--- Inputs.cpp -------------------------------------------------------===//

#include "Inputs.h"
#include "CompileDatabase.h"
#include "Findings.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/TargetSelect.h"
#include <algorithm>

namespace corolint {
namespace {

llvm::Error problem(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

/// The unified diff --diff names: `git diff` since a revision, or standard
/// input for "-".
llvm::Expected<std::string> readDiff(llvm::StringRef Diff,
                                     llvm::StringRef Root) {
  if (Diff != "-")
    return gitDiff(Diff, Root);
  auto In = llvm::MemoryBuffer::getSTDIN();
  if (!In)
    return problem("cannot read the diff on standard input: " +
                   In.getError().message());
  return (*In)->getBuffer().str();
}

} // namespace

llvm::Expected<Inputs> loadInputs(Options &Opts, const char *Argv0) {
  DatabaseRequest Request;
  Request.BuildPath = Opts.BuildPath;
  Request.Fixed = std::move(Opts.FixedDatabase);
  Request.Sources = Opts.Sources;
  Request.ExtraArgs = Opts.ExtraArgs;
  Request.ExtraArgsBefore = Opts.ExtraArgsBefore;
  auto Loaded = loadCompileDatabase(std::move(Request), Argv0);
  if (!Loaded)
    return Loaded.takeError();
  Inputs In;
  In.Database = std::move(Loaded->Database);
  In.SkippedOtherLanguages = Loaded->SkippedOtherLanguages;
  // One analysis per file, whatever the database lists it as.
  In.Files = std::move(Loaded->Files);
  std::sort(In.Files.begin(), In.Files.end());
  In.Files.erase(std::unique(In.Files.begin(), In.Files.end()), In.Files.end());
  Opts.Root = findRoot(Opts.Root, In.Files, Opts.BuildPath);
  Opts.Tidy.reportHeadersUnder(Opts.Root);

  // Parsing (for --diff's include scan, and the run) needs the targets.
  llvm::InitializeAllTargetInfos();
  llvm::InitializeAllTargetMCs();
  llvm::InitializeAllAsmParsers();

  if (Opts.Diff.empty())
    return std::move(In);
  auto Text = readDiff(Opts.Diff, Opts.Root);
  if (!Text)
    return Text.takeError();
  auto Changes = ChangedLines::parse(*Text, Opts.Root);
  if (!Changes)
    return problem("--diff: " + llvm::toString(Changes.takeError()));
  In.Changes = std::move(*Changes);
  In.DiffText = std::move(*Text);
  if (Opts.Mode == DiffMode::New) {
    auto Base = BaseRevision::load(Opts.Diff, Opts.Root);
    if (!Base)
      return Base.takeError();
    In.Base = std::move(*Base);
  }
  In.Files = affectedTranslationUnits(In.Files, *In.Changes, *In.Database);
  return std::move(In);
}

} // namespace corolint
