//===--- Runner.h - analyse translation units in parallel -----------------===//

#ifndef COROLINT_TOOL_RUNNER_H
#define COROLINT_TOOL_RUNNER_H

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang/Tooling/CompilationDatabase.h"
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace corolint {

struct RunOptions {
  unsigned Jobs = 1;
  bool ApplyAnyFix = false; // --fix-notes: collect fixes from notes too
  bool EnableCheckProfile = false;
  bool Progress = false;    // one-line progress display on stderr
};

struct RunResult {
  /// Every diagnostic of every translation unit, de-duplicated (a finding in
  /// a header seen by several translation units appears once) and sorted by
  /// file, offset and check: the same whatever the number of jobs.
  std::vector<clang::tidy::ClangTidyError> Errors;
  /// Files whose translation unit did not parse, with the reason.
  std::vector<std::pair<std::string, std::string>> Failed;
  clang::tidy::ClangTidyStats Stats;
  unsigned Analysed = 0;
};

using OptionsProviderFactory =
    std::function<std::unique_ptr<clang::tidy::ClangTidyOptionsProvider>()>;

RunResult runParallel(const std::vector<std::string> &Files,
                      const clang::tooling::CompilationDatabase &DB,
                      const OptionsProviderFactory &MakeProvider,
                      const RunOptions &Options);

/// Whether \p E is a compiler error rather than a check's finding.
bool isCompilerError(const clang::tidy::ClangTidyError &E);

} // namespace corolint

#endif
