//===--- Inputs.h - the inputs stage: database, files, --diff -------------===//
//
// What to analyse, decided once: the compile database, the translation
// units (every one of the build, or the named ones; with --diff only those
// the change affects) and the changed lines findings must be on. Later
// stages read these decisions; they do not re-derive them.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_TOOL_INPUTS_H
#define COROLINT_TOOL_INPUTS_H

#include "BaseRevision.h"
#include "ChangedLines.h"
#include "CommandLine.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace corolint {

struct Inputs {
  std::unique_ptr<clang::tooling::CompilationDatabase> Database;
  /// The translation units to analyse: absolute, sorted, each once. Empty
  /// only when a --diff change affects none.
  std::vector<std::string> Files;
  /// --diff: the changed lines (which decide the files, and in
  /// --diff-mode=lines the findings), and the diff they come from.
  std::optional<ChangedLines> Changes;
  std::optional<std::string> DiffText;
  /// --diff=<rev> in --diff-mode=new: the revision the findings are
  /// compared with. Changes then only chose the files.
  std::optional<BaseRevision> Base;
  /// Files of other languages the build lists, not analysed.
  size_t SkippedOtherLanguages = 0;
};

/// Loads the inputs \p Opts name; takes its fixed database (the compiler
/// arguments after "--"). Errors are one line, ready to print.
llvm::Expected<Inputs> loadInputs(Options &Opts, const char *Argv0);

} // namespace corolint

#endif
