//===--- ListProfiles.h - corolint --list-profiles ------------------------===//
//
// Every built-in library profile with its documentation and how it activates;
// given translation units, which profiles apply to each and why.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_TOOL_LISTPROFILES_H
#define COROLINT_TOOL_LISTPROFILES_H

#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/raw_ostream.h"
#include <string>
#include <vector>

namespace corolint {

/// Prints every built-in profile: name, title, documentation, activation.
void listProfiles(llvm::raw_ostream &OS);

/// Parses each of \p Files and prints which profiles apply to it and why,
/// with the Profiles option its configuration sets. Returns false when a
/// file could not be parsed.
bool listProfilesFor(const clang::tooling::CompilationDatabase &DB,
                     const std::vector<std::string> &Files,
                     clang::tidy::ClangTidyOptionsProvider &Provider,
                     llvm::raw_ostream &OS);

} // namespace corolint

#endif
