//===--- CompileDatabase.h - loading and adjusting compile commands -------===//

#ifndef COROLINT_TOOL_COMPILEDATABASE_H
#define COROLINT_TOOL_COMPILEDATABASE_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <string>
#include <vector>

namespace corolint {

struct DatabaseRequest {
  /// -p: a build directory or a compile_commands.json path ("" if not given).
  std::string BuildPath;
  /// The database made of the compiler arguments after "--", if given.
  std::unique_ptr<clang::tooling::CompilationDatabase> Fixed;
  /// Source files named on the command line (for auto-detection).
  std::vector<std::string> Sources;
  std::vector<std::string> ExtraArgs, ExtraArgsBefore;
};

/// A compile database and the files to analyse with it.
struct LoadedDatabase {
  std::unique_ptr<clang::tooling::CompilationDatabase> Database;
  /// The sources requested, or with none, the C and C++ sources the -p
  /// database lists (absolute, unsorted, possibly repeated).
  std::vector<std::string> Files;
  /// Files of other languages (assembly, ...) the database lists.
  size_t SkippedOtherLanguages = 0;
};

/// Loads the compile database the way clang-tidy does (fixed args after
/// "--", -p, or auto-detection from the first source's directory), with
/// interpolation for files the database does not list, and adjusted so that
/// GCC-only flags do not stop the analysis and clang's builtin headers are
/// found. Without sources, the files are the whole -p build's. Errors are
/// one line, ready to print.
llvm::Expected<LoadedDatabase> loadCompileDatabase(DatabaseRequest Request,
                                                   const char *Argv0);

/// The resource directory (clang's builtin headers) corolint uses: one beside
/// the executable if there is one, else the one of the Clang it was built
/// against. Empty when neither exists.
std::string findResourceDir(const char *Argv0);

/// Whether \p Path names a C, C++ or Objective-C source by its extension
/// (not assembly, not another language a build may list).
bool isCOrCxxSource(llvm::StringRef Path);

/// Whether \p Path can be opened for reading.
bool isReadable(const llvm::Twine &Path);

/// Drops arguments clang's driver does not know (GCC-only flags) and the
/// flags that would turn warnings into errors, as clangd tolerates them.
std::vector<std::string>
filterUnknownArguments(const std::vector<std::string> &Args);

} // namespace corolint

#endif
