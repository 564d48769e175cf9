//===--- Configuration.h - clang-tidy's configuration, as corolint uses it -===//
//
// The options, .clang-tidy lookup and check options are clang-tidy's; this
// file only assembles them from the command line (defaults, overrides,
// --config/--config-file), verifies what the user wrote, and answers
// --verify-config, --list-checks and --dump-config.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_TOOL_CONFIGURATION_H
#define COROLINT_TOOL_CONFIGURATION_H

#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace corolint {

constexpr char DefaultChecks[] = "coro-*";

/// What makes a clang-tidy options provider: one per translation unit.
struct TidyConfig {
  clang::tidy::ClangTidyGlobalOptions Global; // --line-filter
  clang::tidy::ClangTidyOptions Defaults;     // under .clang-tidy files
  clang::tidy::ClangTidyOptions Overrides;    // --checks and the like
  /// --config or --config-file: used instead of .clang-tidy files.
  std::optional<clang::tidy::ClangTidyOptions> Config;

  std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> makeProvider() const;

  /// The default header filter: findings in the headers under \p Root (the
  /// project's own), unless --header-filter is given; HeaderFilterRegex in
  /// a .clang-tidy file overrides it as any default.
  void reportHeadersUnder(llvm::StringRef Root);
};

/// Makes the ProjectProfileFile option of \p Opts, if relative, absolute
/// against the directory of \p Source (the configuration file that names
/// it), or the working directory when \p Source is not a file (--config).
void resolveProjectProfileFile(clang::tidy::ClangTidyOptions &Opts,
                               llvm::StringRef Source);

/// \p Text parsed as clang-tidy configuration (YAML), or its first problem
/// as one line: "invalid configuration in <source>:<line>:<column>: <what>".
llvm::Expected<clang::tidy::ClangTidyOptions> parseConfig(llvm::StringRef Text,
                                                          llvm::StringRef Source);

/// The .clang-tidy files clang-tidy would read for \p Files, parsed: a file
/// that does not parse (unknown key, YAML error) is an error, where clang-tidy
/// would print it at every lookup and run without the file.
llvm::Error verifyConfigFiles(const TidyConfig &Config,
                              llvm::ArrayRef<std::string> Files);

/// The checks that run for a file, with the options they run with.
struct CheckSelection {
  clang::tidy::ClangTidyOptions Effective;
  std::vector<std::string> Enabled;
};

/// The checks enabled for \p ConfigPath, once the configuration is verified:
/// unknown check names and options are errors when the user gave them to
/// corolint; in .clang-tidy files, which clang-tidy reads too, only names in
/// corolint's own "coro-" space are. One error per problem.
llvm::Expected<CheckSelection> selectChecks(const TidyConfig &Config,
                                            const std::string &ConfigPath);

enum class ConfigQuery { None, VerifyConfig, ListChecks, DumpConfig };

/// Prints the answer to \p Query to standard output.
void answerQuery(ConfigQuery Query, const CheckSelection &Checks);

} // namespace corolint

#endif
