//===--- BaseRevision.h - the sources as a git revision has them ----------===//
//
// --diff's default mode reports the findings the base revision did not have,
// so the affected translation units are analysed twice: as the work tree has
// them, and as the base revision had them. The base is read without touching
// any checkout: the files that differ are taken from `git show REV:path` and
// laid over the real file system (files the base lacks are hidden), and the
// analysis of the base reads through that overlay.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_TOOL_BASEREVISION_H
#define COROLINT_TOOL_BASEREVISION_H

#include "llvm/ADT/IntrusiveRefCntPtr.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <map>
#include <optional>
#include <string>

namespace corolint {

class BaseRevision {
public:
  /// The files that differ between revision \p Rev and the work tree at
  /// \p Root, as \p Rev has them. Errors are one line, ready to print.
  static llvm::Expected<BaseRevision> load(llvm::StringRef Rev,
                                           llvm::StringRef Root);

  const std::string &revision() const { return Rev; }
  /// Whether \p File (absolute) exists at the base revision.
  bool exists(const std::string &File) const;
  /// \p File's text at the base, when it differs from the work tree's;
  /// nullopt when it does not differ or the base lacks it (see exists).
  const std::string *changedText(const std::string &File) const;
  /// Every differing file: absolute path -> its text at the base, nullopt
  /// when the base lacks it.
  const std::map<std::string, std::optional<std::string>> &changed() const {
    return Changed;
  }
  /// \p Real with the base's version of every differing file over it.
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>
  overlay(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Real) const;

private:
  std::string Rev;
  /// Absolute path -> content at the base; nullopt: absent at the base.
  std::map<std::string, std::optional<std::string>> Changed;
};

/// Runs git with \p Args in \p Dir; its standard output, or an error whose
/// message is the first line git printed on standard error.
llvm::Expected<std::string> runGit(llvm::StringRef Dir,
                                   llvm::ArrayRef<std::string> Args);

} // namespace corolint

#endif
