//===--- CompileDatabase.cpp ----------------------------------------------===//

#include "CompileDatabase.h"
#include "clang/Driver/Options.h"
#include "clang/Driver/Types.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Option/OptTable.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/VirtualFileSystem.h"

#ifndef COROLINT_CLANG_RESOURCE_DIR
#error "COROLINT_CLANG_RESOURCE_DIR must be defined by the build"
#endif

using namespace clang::tooling;

namespace corolint {
namespace {

llvm::Error error(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

bool hasBuiltinHeaders(llvm::StringRef Dir) {
  llvm::SmallString<256> Probe(Dir);
  llvm::sys::path::append(Probe, "include", "stddef.h");
  return llvm::sys::fs::exists(Probe);
}

bool isClangCL(const std::vector<std::string> &Args) {
  for (const std::string &A : Args)
    if (A == "--driver-mode=cl")
      return true;
  return !Args.empty() && (llvm::StringRef(llvm::sys::path::stem(Args[0]))
                               .ends_with_insensitive("cl"));
}

} // namespace

bool isReadable(const llvm::Twine &Path) {
  int FD;
  if (llvm::sys::fs::openFileForRead(Path, FD))
    return false;
  llvm::sys::Process::SafelyCloseFileDescriptor(FD);
  return true;
}

bool isCOrCxxSource(llvm::StringRef Path) {
  llvm::StringRef Ext = llvm::sys::path::extension(Path);
  if (!Ext.consume_front("."))
    return false;
  clang::driver::types::ID Type = clang::driver::types::lookupTypeForExtension(Ext);
  return Type == clang::driver::types::TY_C || clang::driver::types::isCXX(Type) ||
         clang::driver::types::isObjC(Type);
}

std::string findResourceDir(const char *Argv0) {
  // Installed or build-tree layouts that ship their own copy:
  // <prefix>/bin/corolint and <prefix>/lib/clang/<major>.
  std::string Exe = llvm::sys::fs::getMainExecutable(
      Argv0, reinterpret_cast<void *>(&findResourceDir));
  if (!Exe.empty()) {
    llvm::SmallString<256> Beside(llvm::sys::path::parent_path(
        llvm::sys::path::parent_path(Exe)));
    llvm::sys::path::append(Beside, "lib", "clang",
                            std::to_string(LLVM_VERSION_MAJOR));
    if (hasBuiltinHeaders(Beside))
      return std::string(Beside);
  }
  if (hasBuiltinHeaders(COROLINT_CLANG_RESOURCE_DIR))
    return COROLINT_CLANG_RESOURCE_DIR;
  return {};
}

std::vector<std::string>
filterUnknownArguments(const std::vector<std::string> &Args) {
  if (Args.size() < 2 || isClangCL(Args))
    return Args;
  std::vector<const char *> Raw;
  for (size_t I = 1; I < Args.size(); ++I)
    Raw.push_back(Args[I].c_str());
  const llvm::opt::OptTable &Table = clang::driver::getDriverOptTable();
  unsigned MissingIndex = 0, MissingCount = 0;
  llvm::opt::InputArgList Parsed =
      Table.ParseArgs(Raw, MissingIndex, MissingCount,
                      llvm::opt::Visibility(clang::driver::options::ClangOption));
  std::vector<bool> Drop(Raw.size(), false);
  for (const llvm::opt::Arg *A : Parsed) {
    unsigned Index = A->getIndex();
    if (Index >= Drop.size())
      continue;
    if (A->getOption().getKind() == llvm::opt::Option::UnknownClass)
      Drop[Index] = true;
    // A finding must not depend on warning flags: never let -Werror turn a
    // GCC-only or unknown warning option into a failed translation unit.
    if (A->getOption().matches(clang::driver::options::OPT_W_Joined) &&
        llvm::StringRef(A->getValue()).starts_with("error"))
      Drop[Index] = true;
    if (A->getOption().matches(clang::driver::options::OPT_pedantic_errors))
      Drop[Index] = true;
  }
  std::vector<std::string> Result{Args[0]};
  for (size_t I = 0; I < Raw.size(); ++I)
    if (!Drop[I])
      Result.push_back(Args[I + 1]);
  return Result;
}

llvm::Expected<std::unique_ptr<CompilationDatabase>>
loadCompileDatabase(DatabaseRequest Request, const char *Argv0) {
  std::unique_ptr<CompilationDatabase> DB;
  std::string Err;
  const bool Fixed = Request.Fixed != nullptr;
  if (Fixed) {
    DB = std::move(Request.Fixed);
  } else if (!Request.BuildPath.empty()) {
    llvm::SmallString<256> Path(Request.BuildPath);
    if (!llvm::sys::fs::exists(Path))
      return error("compile database directory '" + Request.BuildPath +
                   "' does not exist; pass -p <build-dir> of a configured build");
    if (llvm::sys::fs::is_directory(Path)) {
      llvm::SmallString<256> Json(Path);
      llvm::sys::path::append(Json, "compile_commands.json");
      if (llvm::sys::fs::exists(Json))
        Path = Json;
    }
    if (llvm::sys::path::extension(Path) == ".json") {
      if (!isReadable(Path))
        return error("cannot read compile database '" + Path +
                     "': permission denied");
      DB = JSONCompilationDatabase::loadFromFile(
          Path, Err, JSONCommandLineSyntax::AutoDetect);
      if (!DB)
        return error("malformed compile database '" + Path + "': " +
                     llvm::StringRef(Err).trim() +
                     "; regenerate it (cmake -DCMAKE_EXPORT_COMPILE_COMMANDS=ON)");
    } else {
      DB = CompilationDatabase::loadFromDirectory(Path, Err);
      if (!DB)
        return error("no compile_commands.json in '" + Request.BuildPath +
                     "'; configure the build with "
                     "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON, or pass compiler "
                     "flags after '--'");
    }
  } else {
    if (Request.Sources.empty())
      return error("no input files and no compile database; pass -p "
                   "<build-dir> or source files");
    DB = CompilationDatabase::autoDetectFromSource(Request.Sources.front(),
                                                   Err);
    if (!DB)
      return error("no compile database found for '" +
                   Request.Sources.front() +
                   "' or its parent directories; pass -p <build-dir> or "
                   "compiler flags after '--'");
  }

  if (!Fixed)
    DB = inferMissingCompileCommands(std::move(DB));
  DB = inferTargetAndDriverMode(std::move(DB));
  DB = expandResponseFiles(std::move(DB), llvm::vfs::getRealFileSystem());

  auto Adjusting = std::make_unique<ArgumentsAdjustingCompilations>(
      std::move(DB));
  Adjusting->appendArgumentsAdjuster(
      [](const CommandLineArguments &Args, llvm::StringRef) {
        return filterUnknownArguments(Args);
      });
  if (!Request.ExtraArgsBefore.empty())
    Adjusting->appendArgumentsAdjuster(getInsertArgumentAdjuster(
        Request.ExtraArgsBefore, ArgumentInsertPosition::BEGIN));
  if (!Request.ExtraArgs.empty())
    Adjusting->appendArgumentsAdjuster(getInsertArgumentAdjuster(
        Request.ExtraArgs, ArgumentInsertPosition::END));
  // No "N warnings generated." from each translation unit: corolint prints
  // its own summary. Unknown warning options are GCC's, not errors.
  Adjusting->appendArgumentsAdjuster(getInsertArgumentAdjuster(
      {"-fno-caret-diagnostics", "-Wno-unknown-warning-option"},
      ArgumentInsertPosition::END));
  std::string ResourceDir = findResourceDir(Argv0);
  if (!ResourceDir.empty())
    Adjusting->appendArgumentsAdjuster(
        [ResourceDir](const CommandLineArguments &Args, llvm::StringRef) {
          for (const std::string &A : Args)
            if (llvm::StringRef(A).starts_with("-resource-dir"))
              return Args;
          CommandLineArguments Out = Args;
          Out.insert(Out.begin() + (Out.empty() ? 0 : 1),
                     "-resource-dir=" + ResourceDir);
          return Out;
        });
  return std::unique_ptr<CompilationDatabase>(std::move(Adjusting));
}

} // namespace corolint
