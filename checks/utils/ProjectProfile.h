//===--- ProjectProfile.h - a project's own profile, from its configuration
//
// A project describes its own runtime and wrappers (a start_in_background
// that drops the future of the callable it runs, a blocking bridge of its
// own) in the table format of the built-in profiles, in its configuration:
//
//   CheckOptions:
//     ProjectProfile: |
//       - { Kind: DetachedLaunch, Name: app::start_in_background,
//           WorkArgument: 1 }
//     ProjectProfileFile: tools/corolint-profile.yaml
//
// Both options are global (no check prefix) and may be given together. The
// table applies to every translation unit whose configuration names it: its
// entries join the built-in ones (profileTables()), at the end of every list
// option's default. A relative ProjectProfileFile is relative to the
// directory of the configuration file that names it (the corolint driver
// resolves it so); a plugin host that cannot tell (clangd) looks for it from
// the analysed file's directory upwards, then in the working directory.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_UTILS_PROJECTPROFILE_H
#define COROLINT_CHECKS_UTILS_PROJECTPROFILE_H

#include "Profiles.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/Support/Error.h"
#include <deque>
#include <memory>
#include <string>
#include <vector>

namespace clang::tidy {
class ClangTidyContext;
namespace coro {

/// The option names, in CheckOptions.
inline constexpr llvm::StringLiteral ProjectProfileOption = "ProjectProfile";
inline constexpr llvm::StringLiteral ProjectProfileFileOption =
    "ProjectProfileFile";

class ProjectProfile {
public:
  const LibraryProfile &profile() const { return Profile; }
  size_t size() const { return Entries.size(); }

  /// Parses the table in \p Text into this profile, after the entries
  /// already read. \p Where names the text in messages: a file, or
  /// "option 'ProjectProfile' in /p/.clang-tidy". An error says
  /// "Where:LINE:COLUMN: what is wrong".
  llvm::Error parse(llvm::StringRef Text, llvm::StringRef Where);

private:
  llvm::StringRef keep(llvm::StringRef S);

  std::deque<std::string> Strings;
  std::deque<ProfileEntry> Parsed;
  std::vector<ProfileEntry> Entries;
  std::vector<std::string> Sources;
  std::string Title;
  LibraryProfile Profile{"project", "", "", {}, {}, {}, {}};
};

/// Where a ProjectProfileFile value \p Value names: itself when absolute;
/// else the first existing file \p Value under \p BaseDirs; else \p Value
/// relative to the first of them.
std::string resolveProjectProfileFile(llvm::StringRef Value,
                                      llvm::ArrayRef<std::string> BaseDirs);

/// The project profile that \p Options name, read and parsed once per
/// distinct text and file contents; null when they name none.
/// \p BaseDirs are where a relative ProjectProfileFile is looked for.
llvm::Expected<const ProjectProfile *>
loadProjectProfile(const ClangTidyOptions::OptionMap &Options,
                   llvm::ArrayRef<std::string> BaseDirs);

/// Selects, for the checks made next on this thread, the project profile
/// of the file \p Context is about to analyse (a check factory calls it); a
/// broken one is reported as a configuration error and ignored.
void selectProjectProfile(ClangTidyContext &Context);

/// The project profile selected on this thread, or null.
const LibraryProfile *currentProjectProfile();

} // namespace coro
} // namespace clang::tidy

#endif
