//===--- CompileDatabase.cpp ----------------------------------------------===//

#include "CompileDatabase.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
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

namespace {

/// Where a compile database that LLVM's reader rejects goes wrong, as
/// "entry 3, key 'command': ...", read with a JSON parser that keeps the
/// structure; "" when it cannot say better than LLVM's reader.
std::string locateDatabaseProblem(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return "";
  auto Parsed = llvm::json::parse((*Buffer)->getBuffer());
  if (!Parsed) {
    std::string Why = llvm::toString(Parsed.takeError());
    return "not JSON: " + Why;
  }
  const llvm::json::Array *Entries = Parsed->getAsArray();
  if (!Entries)
    return "the top level is not a list of entries";
  for (size_t I = 0; I < Entries->size(); ++I) {
    std::string Where = "entry " + std::to_string(I) + " (counting from 0)";
    const llvm::json::Object *Entry = (*Entries)[I].getAsObject();
    if (!Entry)
      return Where + " is not an object";
    for (const auto &KV : *Entry) {
      llvm::StringRef Key = KV.first;
      std::string At = Where + ", key '" + Key.str() + "'";
      if (Key == "arguments") {
        const llvm::json::Array *Args = KV.second.getAsArray();
        if (!Args)
          return At + ": expected a list of strings";
        for (const llvm::json::Value &Arg : *Args)
          if (!Arg.getAsString())
            return At + ": expected a list of strings";
      } else if (!KV.second.getAsString()) {
        return At + ": expected a string";
      }
    }
    for (llvm::StringRef Required : {"directory", "file"})
      if (!Entry->get(Required))
        return Where + ": no '" + Required.str() + "'";
  }
  return "";
}

/// The database -p names: a build directory or a compile_commands.json.
llvm::Expected<std::unique_ptr<CompilationDatabase>>
loadBuildDatabase(const std::string &BuildPath) {
  std::string Err;
  llvm::SmallString<256> Path(BuildPath);
  if (!llvm::sys::fs::exists(Path))
    return error("compile database directory '" + BuildPath +
                 "' does not exist; pass -p <build-dir> of a configured build");
  if (llvm::sys::fs::is_directory(Path)) {
    llvm::SmallString<256> Json(Path);
    llvm::sys::path::append(Json, "compile_commands.json");
    if (llvm::sys::fs::exists(Json))
      Path = Json;
  }
  if (llvm::sys::path::extension(Path) != ".json") {
    auto DB = CompilationDatabase::loadFromDirectory(Path, Err);
    if (!DB)
      return error("no compile_commands.json in '" + BuildPath +
                   "'; configure the build with "
                   "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON, or pass compiler "
                   "flags after '--'");
    return std::move(DB);
  }
  if (!isReadable(Path))
    return error("cannot read compile database '" + Path +
                 "': permission denied");
  auto DB = JSONCompilationDatabase::loadFromFile(
      Path, Err, JSONCommandLineSyntax::AutoDetect);
  if (!DB) {
    std::string Where = locateDatabaseProblem(Path);
    return error("malformed compile database '" + Path + "': " +
                 (Where.empty() ? llvm::StringRef(Err).trim().rtrim(';').str()
                                : Where) +
                 "; regenerate it (cmake -DCMAKE_EXPORT_COMPILE_COMMANDS=ON)");
  }
  return std::move(DB);
}

/// The database found from the first source's directory upwards.
llvm::Expected<std::unique_ptr<CompilationDatabase>>
detectDatabase(const std::vector<std::string> &Sources) {
  if (Sources.empty())
    return error("no input files and no compile database; pass -p "
                 "<build-dir> or source files");
  std::string Err;
  auto DB = CompilationDatabase::autoDetectFromSource(Sources.front(), Err);
  if (!DB)
    return error("no compile database found for '" + Sources.front() +
                 "' or its parent directories; pass -p <build-dir> or "
                 "compiler flags after '--'");
  return std::move(DB);
}

/// \p Path made absolute against \p Dir, without "." and ".." parts.
std::string absoluteIn(llvm::StringRef Dir, llvm::StringRef Path) {
  llvm::SmallString<256> Abs(Path);
  llvm::sys::fs::make_absolute(Dir, Abs);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs);
}

/// A database whose commands name files by absolute paths: the source file
/// and the include search paths (-I, -iquote, -isystem, -idirafter, -include
/// and the like, joined or separate) are taken relative to the command's
/// directory. Headers then have the names the header filter, the reports and
/// the configuration lookup expect wherever corolint was started; a relative
/// "-I ../include" would otherwise name them "../include/x.h", which is
/// outside the project as seen from the command's directory and read from
/// the current directory by the reports.
class AbsolutePathsDatabase : public CompilationDatabase {
public:
  explicit AbsolutePathsDatabase(std::unique_ptr<CompilationDatabase> Inner)
      : Inner(std::move(Inner)) {}

  std::vector<CompileCommand>
  getCompileCommands(llvm::StringRef FilePath) const override {
    return absolute(Inner->getCompileCommands(FilePath));
  }
  std::vector<std::string> getAllFiles() const override {
    return Inner->getAllFiles();
  }
  std::vector<CompileCommand> getAllCompileCommands() const override {
    return absolute(Inner->getAllCompileCommands());
  }

private:
  static std::vector<CompileCommand>
  absolute(std::vector<CompileCommand> Commands) {
    for (CompileCommand &C : Commands)
      makeAbsolute(C);
    return Commands;
  }

  static void makeAbsolute(CompileCommand &C) {
    if (!llvm::sys::path::is_absolute(C.Directory) || isClangCL(C.CommandLine))
      return;
    // Flags whose value is a path, separate (-I dir) or joined (-Idir,
    // --include-directory=dir); a flag before any flag it begins.
    static const llvm::StringRef PathFlags[] = {
        "--include-directory=", "--include-directory", "-include-pch",
        "-include", "-imacros", "-iquote", "-isystem", "-idirafter",
        "-iframework", "-cxx-isystem", "-I", "-F"};
    const std::string Source = C.Filename;
    C.Filename = absoluteIn(C.Directory, C.Filename);
    std::vector<std::string> &Args = C.CommandLine;
    for (size_t I = 1; I < Args.size(); ++I) {
      llvm::StringRef A = Args[I];
      if (A == Source) {
        Args[I] = C.Filename;
        continue;
      }
      for (llvm::StringRef Flag : PathFlags) {
        if (!A.starts_with(Flag))
          continue;
        // "=dir" is under the sysroot, "-I-" splits the search: as written.
        // A forced include ("-include utility") is looked up like an
        // #include: made absolute only when the command's directory has it.
        const bool IsFile = Flag.starts_with("-include") || Flag == "-imacros";
        auto Rewrite = [&](llvm::StringRef Value) {
          if (Value.empty() || Value == "-" || Value.starts_with("="))
            return Value.str();
          std::string Abs = absoluteIn(C.Directory, Value);
          return IsFile && !llvm::sys::fs::exists(Abs) ? Value.str() : Abs;
        };
        if (A.size() > Flag.size())
          Args[I] = Flag.str() + Rewrite(A.drop_front(Flag.size()));
        else if (!Flag.ends_with("=") && I + 1 < Args.size())
          Args[I + 1] = Rewrite(Args[I + 1]), ++I;
        break;
      }
    }
  }

  std::unique_ptr<CompilationDatabase> Inner;
};

/// \p DB adjusted: paths absolute, GCC-only flags dropped, the extra
/// arguments added, quiet about warning counts, and clang's builtin headers
/// found.
std::unique_ptr<CompilationDatabase>
adjustCommands(std::unique_ptr<CompilationDatabase> DB,
               const DatabaseRequest &Request, const char *Argv0) {
  auto Adjusting = std::make_unique<ArgumentsAdjustingCompilations>(
      std::make_unique<AbsolutePathsDatabase>(std::move(DB)));
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
  return Adjusting;
}

/// The whole build: the C and C++ sources of \p Loaded's database (builds
/// list assembly and other languages too).
llvm::Error listBuildFiles(LoadedDatabase &Loaded, const std::string &BuildPath) {
  for (std::string &F : Loaded.Database->getAllFiles())
    if (isCOrCxxSource(F))
      Loaded.Files.push_back(std::move(F));
    else
      ++Loaded.SkippedOtherLanguages;
  if (Loaded.Files.empty())
    return error("the compile database in '" + BuildPath + "' lists no files");
  return llvm::Error::success();
}

/// A directory among the sources stands for the database's C and C++
/// sources under it, as `ruff check src` does; never a file that "does not
/// parse".
llvm::Error expandDirectories(LoadedDatabase &Loaded, bool Fixed) {
  std::vector<std::string> Files, All;
  bool Listed = false;
  for (std::string &Source : Loaded.Files) {
    if (!llvm::sys::fs::is_directory(Source)) {
      Files.push_back(std::move(Source));
      continue;
    }
    if (Fixed)
      return error("'" + Source + "' is a directory; with compiler flags "
                   "after '--' name the source files, or pass -p <build-dir> "
                   "to analyse the sources its database lists under it");
    if (!Listed) {
      All = Loaded.Database->getAllFiles();
      Listed = true;
    }
    std::string Prefix = Source;
    if (!llvm::StringRef(Prefix).ends_with("/"))
      Prefix += "/";
    const size_t Before = Files.size();
    for (const std::string &File : All)
      if (llvm::StringRef(File).starts_with(Prefix) && isCOrCxxSource(File))
        Files.push_back(File);
    if (Files.size() == Before)
      return error("the compile database lists no C or C++ sources under '" +
                   Source + "'");
  }
  Loaded.Files = std::move(Files);
  return llvm::Error::success();
}

} // namespace

llvm::Expected<LoadedDatabase> loadCompileDatabase(DatabaseRequest Request,
                                                   const char *Argv0) {
  const bool Fixed = Request.Fixed != nullptr;
  llvm::Expected<std::unique_ptr<CompilationDatabase>> DB =
      std::move(Request.Fixed);
  if (!Fixed)
    DB = Request.BuildPath.empty() ? detectDatabase(Request.Sources)
                                   : loadBuildDatabase(Request.BuildPath);
  if (!DB)
    return DB.takeError();
  // Compile commands for files a build's database does not list.
  if (!Fixed)
    *DB = inferMissingCompileCommands(std::move(*DB));
  *DB = inferTargetAndDriverMode(std::move(*DB));
  *DB = expandResponseFiles(std::move(*DB), llvm::vfs::getRealFileSystem());

  LoadedDatabase Loaded;
  Loaded.Database = adjustCommands(std::move(*DB), Request, Argv0);
  Loaded.Files = std::move(Request.Sources);
  if (llvm::Error E = expandDirectories(Loaded, Fixed))
    return std::move(E);
  if (!Loaded.Files.empty())
    return std::move(Loaded);
  // No sources: the whole build, if -p named one.
  if (Fixed)
    return error("no input files; name source files or pass -p <build-dir> "
                 "to analyse the whole build");
  if (llvm::Error E = listBuildFiles(Loaded, Request.BuildPath))
    return std::move(E);
  return std::move(Loaded);
}

} // namespace corolint
