//===--- ListProfiles.cpp -------------------------------------------------===//

#include "ListProfiles.h"
#include "utils/ProfileSelection.h"
#include "utils/ProjectProfile.h"
#include "llvm/Support/FileSystem.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/Tooling.h"

using namespace clang::tidy::coro;

namespace corolint {
namespace {

std::string joined(llvm::ArrayRef<llvm::StringLiteral> Items) {
  std::string Out;
  for (llvm::StringRef I : Items)
    Out += (Out.empty() ? "" : ", ") + I.str();
  return Out;
}

std::string activation(const LibraryProfile &P) {
  if (P.Namespaces.empty())
    return "always active";
  std::string Out = "namespace " + joined(P.Namespaces);
  for (llvm::StringRef A : P.Aliases)
    if (!llvm::is_contained(P.Namespaces, A))
      Out += ", " + A.str();
  return Out + " declared, or a header under " + joined(P.Headers) +
         " included";
}

/// Prints the choices for the translation unit it is given.
class ChoiceConsumer : public clang::ASTConsumer {
public:
  ChoiceConsumer(std::string File, std::string Option, std::string Project,
                 llvm::raw_ostream &OS)
      : File(std::move(File)), Option(std::move(Option)),
        Project(std::move(Project)), OS(OS) {}
  void HandleTranslationUnit(clang::ASTContext &Ctx) override {
    OS << File << ":\n";
    for (const ProfileChoice &C : chooseProfiles(Ctx, Option))
      OS << "  " << C.Profile->Name << ": "
         << (C.Active ? "active" : "inactive") << " (" << C.Why << ")\n";
    if (!Project.empty())
      OS << "  project: " << Project << "\n";
  }

private:
  std::string File, Option, Project;
  llvm::raw_ostream &OS;
};

/// What --list-profiles says of the project profile \p Opts name: "active
/// (3 entries from ...)", or empty when they name none.
std::string projectLine(const clang::tidy::ClangTidyOptions &Opts) {
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  auto Loaded = clang::tidy::coro::loadProjectProfile(
      Opts.CheckOptions, {std::string(Cwd)});
  if (!Loaded)
    return "invalid: " + llvm::toString(Loaded.takeError());
  if (!*Loaded)
    return {};
  const LibraryProfile &P = (*Loaded)->profile();
  return ("active (always; " + llvm::Twine((*Loaded)->size()) +
          " entries from " + P.DocURL + ")")
      .str();
}

class ChoiceAction : public clang::ASTFrontendAction {
public:
  ChoiceAction(clang::tidy::ClangTidyOptionsProvider &Provider,
               llvm::raw_ostream &OS)
      : Provider(Provider), OS(OS) {}
  std::unique_ptr<clang::ASTConsumer>
  CreateASTConsumer(clang::CompilerInstance &, llvm::StringRef File) override {
    clang::tidy::ClangTidyOptions Opts = Provider.getOptions(File);
    auto It = Opts.CheckOptions.find("Profiles");
    std::string Option =
        It == Opts.CheckOptions.end() ? "" : It->getValue().Value;
    return std::make_unique<ChoiceConsumer>(File.str(), Option,
                                            projectLine(Opts), OS);
  }

private:
  clang::tidy::ClangTidyOptionsProvider &Provider;
  llvm::raw_ostream &OS;
};

} // namespace

void listProfiles(llvm::raw_ostream &OS) {
  for (const LibraryProfile &P : builtinProfiles())
    OS << P.Name << ": " << P.Title << "\n  docs: " << P.DocURL
       << "\n  active when: " << activation(P) << "\n";
  OS << "Force a profile on or off with the option Profiles, e.g. "
        "\"CheckOptions: {Profiles: '-seastar,+folly-coro'}\".\n"
        "Describe a project's own runtime and wrappers with the options "
        "ProjectProfile (the table inline) or ProjectProfileFile (a YAML "
        "file): see docs/profiles.md.\n";
}

bool listProfilesFor(const clang::tooling::CompilationDatabase &DB,
                     const std::vector<std::string> &Files,
                     clang::tidy::ClangTidyOptionsProvider &Provider,
                     llvm::raw_ostream &OS) {
  clang::tooling::ClangTool Tool(DB, Files);
  struct Factory : clang::tooling::FrontendActionFactory {
    Factory(clang::tidy::ClangTidyOptionsProvider &P, llvm::raw_ostream &OS)
        : P(P), OS(OS) {}
    std::unique_ptr<clang::FrontendAction> create() override {
      return std::make_unique<ChoiceAction>(P, OS);
    }
    clang::tidy::ClangTidyOptionsProvider &P;
    llvm::raw_ostream &OS;
  } F(Provider, OS);
  return Tool.run(&F) == 0;
}

} // namespace corolint
