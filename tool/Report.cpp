//===--- Report.cpp -------------------------------------------------------===//

#include "Report.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace corolint {
namespace {

struct CheckDoc {
  const char *Name;
  const char *Markdown;
};
// docs/checks/*.md, embedded at build time (tool/CMakeLists.txt).
const CheckDoc Docs[] = {
#include "CheckDocs.inc"
};

/// Percent-encodes what a URI path may not hold as is.
std::string uriPath(llvm::StringRef Path) {
  std::string Out;
  for (char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("/-._~").contains(C))
      Out += C;
    else
      Out += "%" + llvm::utohexstr(static_cast<unsigned char>(C), false, 2);
  }
  return Out;
}


/// \p File relative to \p Root when it is under it.
std::string underRoot(llvm::StringRef Root, llvm::StringRef File) {
  std::string Prefix = Root.str();
  if (!llvm::StringRef(Prefix).ends_with("/"))
    Prefix += "/";
  return File.starts_with(Prefix) ? File.drop_front(Prefix.size()).str()
                                  : File.str();
}

/// An artifact location: relative to %SRCROOT% under the root, else a file
/// URI.
llvm::json::Object artifactLocation(llvm::StringRef RelativeOrAbsolute) {
  llvm::json::Object Artifact;
  if (llvm::sys::path::is_absolute(RelativeOrAbsolute)) {
    Artifact["uri"] = fileUri(RelativeOrAbsolute);
  } else {
    Artifact["uri"] = uriPath(RelativeOrAbsolute);
    Artifact["uriBaseId"] = "%SRCROOT%";
  }
  return Artifact;
}

llvm::json::Object physicalLocation(const Position &P) {
  return llvm::json::Object{
      {"artifactLocation", artifactLocation(P.RelativeFile)},
      {"region", llvm::json::Object{{"startLine", P.Line},
                                    {"startColumn", P.Column},
                                    {"endLine", P.EndLine},
                                    {"endColumn", P.EndColumn}}}};
}

llvm::json::Object positionJson(const Position &P) {
  return llvm::json::Object{{"file", P.RelativeFile},
                            {"line", P.Line},
                            {"column", P.Column},
                            {"endLine", P.EndLine},
                            {"endColumn", P.EndColumn}};
}

/// Workflow-command escaping: data, and property values (which also
/// escape ':' and ',').
std::string escapeData(llvm::StringRef S) {
  std::string Out;
  for (char C : S) {
    if (C == '%')
      Out += "%25";
    else if (C == '\r')
      Out += "%0D";
    else if (C == '\n')
      Out += "%0A";
    else
      Out += C;
  }
  return Out;
}
std::string escapeProperty(llvm::StringRef S) {
  std::string Out;
  for (char C : escapeData(S)) {
    if (C == ':')
      Out += "%3A";
    else if (C == ',')
      Out += "%2C";
    else
      Out += C;
  }
  return Out;
}

/// "CoroBlockingCall" for "coro-blocking-call": SARIF wants a readable name
/// distinct from the opaque id.
std::string ruleName(llvm::StringRef Id) {
  std::string Out;
  bool Upper = true;
  for (char C : Id) {
    if (!llvm::isAlnum(C)) {
      Upper = true;
      continue;
    }
    Out += Upper ? llvm::toUpper(C) : C;
    Upper = false;
  }
  return Out;
}

} // namespace

std::string fileUri(llvm::StringRef Path) { return "file://" + uriPath(Path); }

llvm::StringRef checkDocumentation(llvm::StringRef Check) {
  for (const CheckDoc &D : Docs)
    if (Check == D.Name)
      return D.Markdown;
  return {};
}

std::string checkSummary(llvm::StringRef Check) {
  llvm::StringRef Doc = checkDocumentation(Check);
  if (Doc.empty())
    return Check.starts_with("clang-diagnostic-")
               ? "Compiler warning " + Check.drop_front(17).str()
               : Check.str();
  // The first paragraph after the title.
  llvm::SmallVector<llvm::StringRef, 8> Paragraphs;
  Doc.split(Paragraphs, "\n\n", -1, false);
  for (llvm::StringRef P : Paragraphs) {
    P = P.trim();
    if (P.empty() || P.starts_with("#"))
      continue;
    std::string Joined;
    llvm::SmallVector<llvm::StringRef, 4> Lines;
    P.split(Lines, '\n');
    for (llvm::StringRef L : Lines)
      Joined += (Joined.empty() ? "" : " ") + L.trim().str();
    return Joined;
  }
  return Check.str();
}

std::string checkDescription(llvm::StringRef Check) {
  std::string What = checkSummary(Check);
  // The first paragraph of "## Why it is a problem".
  llvm::StringRef Doc = checkDocumentation(Check);
  size_t At = Doc.find("\n## Why");
  if (At == llvm::StringRef::npos)
    return What;
  llvm::StringRef Why = Doc.drop_front(At + 1);
  Why = Why.drop_until([](char C) { return C == '\n'; }).ltrim();
  Why = Why.substr(0, std::min(Why.find("\n\n"), Why.find("\n#")));
  std::string Joined;
  llvm::SmallVector<llvm::StringRef, 8> Lines;
  Why.split(Lines, '\n');
  for (llvm::StringRef L : Lines)
    Joined += " " + L.trim().str();
  return What + Joined;
}

std::string checkDocsUrl(llvm::StringRef DocsUrl, llvm::StringRef Check) {
  if (DocsUrl.empty())
    return {};
  std::string Url = DocsUrl.str();
  size_t At = Url.find("{check}");
  if (At != std::string::npos)
    return Url.replace(At, 7, Check.str());
  if (!llvm::StringRef(Url).ends_with("/"))
    Url += "/";
  return Url + Check.str() + ".md";
}

namespace {

/// The SARIF rules: one per enabled check, and per other check (a compiler
/// warning) that has a finding; sorted.
std::vector<std::string> sarifRuleIds(const std::vector<Finding> &Findings,
                                      const ReportInfo &Info) {
  std::vector<std::string> Rules = Info.Checks;
  for (const Finding &F : Findings)
    if (!llvm::is_contained(Rules, F.Check))
      Rules.push_back(F.Check);
  llvm::sort(Rules);
  Rules.erase(std::unique(Rules.begin(), Rules.end()), Rules.end());
  return Rules;
}

llvm::json::Object sarifRule(const std::string &Id, llvm::StringRef DocsUrl) {
  std::string Summary = checkSummary(Id);
  llvm::StringRef Doc = checkDocumentation(Id);
  llvm::json::Object Rule{
      {"id", Id},
      {"name", ruleName(Id)},
      {"shortDescription", llvm::json::Object{{"text", Summary}}},
      {"fullDescription", llvm::json::Object{{"text", checkDescription(Id)}}},
      {"defaultConfiguration", llvm::json::Object{{"level", "warning"}}},
      {"properties",
       llvm::json::Object{{"tags", llvm::json::Array{"coroutines", "async"}}}}};
  if (!Doc.empty()) {
    Rule["help"] = llvm::json::Object{{"text", Doc}, {"markdown", Doc}};
    if (!DocsUrl.empty())
      Rule["helpUri"] = checkDocsUrl(DocsUrl, Id);
  }
  return Rule;
}


/// One way to fix a finding: its own fix-it, or the fix-it of one of its
/// notes (clang-tidy applies those only with --fix-notes).
struct FixAlternative {
  std::string Description;
  std::vector<clang::tooling::Replacement> Edits;
};

std::vector<FixAlternative> fixesOf(const Finding &F) {
  std::vector<FixAlternative> Out;
  auto Add = [&](const std::string &Description,
                 const llvm::StringMap<clang::tooling::Replacements> &Fix) {
    FixAlternative A{Description, {}};
    std::vector<std::string> Files;
    for (const auto &Entry : Fix)
      Files.push_back(Entry.getKey().str());
    llvm::sort(Files);
    for (const std::string &File : Files)
      for (const clang::tooling::Replacement &R : Fix.find(File)->second)
        A.Edits.push_back(R);
    if (!A.Edits.empty())
      Out.push_back(std::move(A));
  };
  Add(F.Message, F.Diagnostic.Message.Fix);
  for (const clang::tooling::DiagnosticMessage &N : F.Diagnostic.Notes)
    Add(N.Message, N.Fix);
  return Out;
}

/// The region a replacement deletes, in lines and columns like every other
/// region of the report, and in bytes.
llvm::json::Object replacedRegion(const clang::tooling::Replacement &R,
                                  SourceCache &Sources) {
  std::string File = R.getFilePath().str();
  auto [Line, Column] = Sources.lineColumn(File, R.getOffset());
  auto [EndLine, EndColumn] =
      Sources.lineColumn(File, R.getOffset() + R.getLength());
  return llvm::json::Object{{"startLine", Line},
                            {"startColumn", Column},
                            {"endLine", EndLine},
                            {"endColumn", EndColumn},
                            {"byteOffset", R.getOffset()},
                            {"byteLength", R.getLength()}};
}

/// SARIF fixes: each alternative a fix, its edits grouped by file.
llvm::json::Array sarifFixes(const std::vector<FixAlternative> &Fixes,
                             llvm::StringRef Root, SourceCache &Sources) {
  llvm::json::Array Out;
  for (const FixAlternative &A : Fixes) {
    llvm::json::Array Changes;
    for (size_t I = 0; I < A.Edits.size();) {
      llvm::StringRef File = A.Edits[I].getFilePath();
      llvm::json::Array Replacements;
      for (; I < A.Edits.size() && A.Edits[I].getFilePath() == File; ++I)
        Replacements.push_back(llvm::json::Object{
            {"deletedRegion", replacedRegion(A.Edits[I], Sources)},
            {"insertedContent",
             llvm::json::Object{
                 {"text", A.Edits[I].getReplacementText().str()}}}});
      Changes.push_back(llvm::json::Object{
          {"artifactLocation", artifactLocation(underRoot(Root, File))},
          {"replacements", std::move(Replacements)}});
    }
    Out.push_back(llvm::json::Object{
        {"description", llvm::json::Object{{"text", A.Description}}},
        {"artifactChanges", std::move(Changes)}});
  }
  return Out;
}

/// The same in corolint's JSON: a flat list of edits per alternative.
llvm::json::Array jsonFixes(const std::vector<FixAlternative> &Fixes,
                            llvm::StringRef Root, SourceCache &Sources) {
  llvm::json::Array Out;
  for (const FixAlternative &A : Fixes) {
    llvm::json::Array Edits;
    for (const clang::tooling::Replacement &R : A.Edits) {
      llvm::json::Object Region = replacedRegion(R, Sources);
      Edits.push_back(llvm::json::Object{
          {"file", underRoot(Root, R.getFilePath())},
          {"line", Region["startLine"]},
          {"column", Region["startColumn"]},
          {"endLine", Region["endLine"]},
          {"endColumn", Region["endColumn"]},
          {"offset", R.getOffset()},
          {"length", R.getLength()},
          {"text", R.getReplacementText().str()}});
    }
    Out.push_back(llvm::json::Object{{"description", A.Description},
                                     {"edits", std::move(Edits)}});
  }
  return Out;
}

llvm::json::Object sarifResult(const Finding &F,
                               const std::vector<std::string> &Rules,
                               llvm::StringRef Root, SourceCache &Sources) {
  llvm::json::Array Related;
  unsigned Id = 0;
  for (const Note &N : F.Notes)
    Related.push_back(llvm::json::Object{
        {"id", Id++},
        {"physicalLocation", physicalLocation(N.Where)},
        {"message", llvm::json::Object{{"text", N.Message}}}});
  llvm::json::Object Fingerprints{{"corolint/v1", F.Fingerprint}};
  const std::vector<std::string> &Hashes = Sources.lineHashes(F.Where.File);
  if (F.Where.Line < Hashes.size() && !Hashes[F.Where.Line].empty())
    Fingerprints["primaryLocationLineHash"] = Hashes[F.Where.Line];
  llvm::json::Object Result{
      {"ruleId", F.Check},
      {"ruleIndex", std::find(Rules.begin(), Rules.end(), F.Check) - Rules.begin()},
      {"level", F.Error ? "error" : "warning"},
      {"message", llvm::json::Object{{"text", F.Message}}},
      {"locations",
       llvm::json::Array{llvm::json::Object{
           {"physicalLocation", physicalLocation(F.Where)}}}},
      {"partialFingerprints", std::move(Fingerprints)}};
  if (!Related.empty())
    Result["relatedLocations"] = std::move(Related);
  std::vector<FixAlternative> Fixes = fixesOf(F);
  if (!Fixes.empty())
    Result["fixes"] = sarifFixes(Fixes, Root, Sources);
  return Result;
}

} // namespace

namespace {


std::string failureMessage(const std::pair<std::string, std::string> &Failed) {
  return "'" + Failed.first + "' " + Failed.second +
         "; its findings are missing from this report";
}

/// The invocation: successful only when every file was analysed, with a
/// notification per file that was not.
llvm::json::Object sarifInvocation(const ReportInfo &Info) {
  llvm::json::Array Notifications;
  for (const auto &Failed : Info.Failed) {
    llvm::json::Object Location{
        {"physicalLocation",
         llvm::json::Object{{"artifactLocation",
                             artifactLocation(underRoot(Info.Root, Failed.first))}}}};
    Notifications.push_back(llvm::json::Object{
        {"level", "error"},
        {"message", llvm::json::Object{{"text", failureMessage(Failed)}}},
        {"locations", llvm::json::Array{std::move(Location)}}});
  }
  llvm::json::Object Invocation{{"executionSuccessful", Info.Failed.empty()}};
  if (!Notifications.empty())
    Invocation["toolExecutionNotifications"] = std::move(Notifications);
  return Invocation;
}

} // namespace

void writeSarif(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
                const ReportInfo &Info, SourceCache &Sources) {
  std::vector<std::string> Rules = sarifRuleIds(Findings, Info);
  llvm::json::Array RuleArray;
  for (const std::string &R : Rules)
    RuleArray.push_back(sarifRule(R, Info.DocsUrl));
  llvm::json::Array Results;
  for (const Finding &F : Findings)
    Results.push_back(sarifResult(F, Rules, Info.Root, Sources));
  // The baseline's findings, as suppressed results: code scanning shows
  // them as dismissed rather than not at all.
  if (Info.Suppressed)
    for (const Finding &F : *Info.Suppressed) {
      llvm::json::Object Result = sarifResult(F, Rules, Info.Root, Sources);
      Result["suppressions"] = llvm::json::Array{llvm::json::Object{
          {"kind", "external"},
          {"justification", "accepted in the baseline (--baseline)"}}};
      Results.push_back(std::move(Result));
    }

  std::string RootUri = fileUri(Info.Root);
  if (!llvm::StringRef(RootUri).ends_with("/"))
    RootUri += "/";
  llvm::json::Object Driver{{"name", "corolint"},
                            {"version", Info.Version},
                            {"semanticVersion", Info.Version},
                            {"rules", std::move(RuleArray)}};
  // The documentation's top: the URL up to where the check's name goes.
  if (!Info.DocsUrl.empty()) {
    llvm::StringRef Top(Info.DocsUrl);
    size_t At = Top.find("{check}");
    if (At != llvm::StringRef::npos)
      Top = Top.take_front(Top.take_front(At).rfind('/') + 1);
    if (!Top.empty())
      Driver["informationUri"] = Top.str();
  }
  llvm::json::Object Run{
      {"tool", llvm::json::Object{{"driver", std::move(Driver)}}},
      {"originalUriBaseIds",
       llvm::json::Object{{"%SRCROOT%", llvm::json::Object{{"uri", RootUri}}}}},
      {"columnKind", "utf16CodeUnits"},
      {"invocations", llvm::json::Array{sarifInvocation(Info)}},
      {"results", std::move(Results)}};
  llvm::json::Value Log = llvm::json::Object{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", llvm::json::Array{std::move(Run)}}};
  OS << llvm::formatv("{0:2}", Log) << "\n";
}

void writeJson(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
               const ReportInfo &Info, SourceCache &Sources) {
  auto Items = [&](const std::vector<Finding> &List) {
    llvm::json::Array Items;
    for (const Finding &F : List) {
      llvm::json::Array Notes;
      for (const Note &N : F.Notes) {
        llvm::json::Object O = positionJson(N.Where);
        O["message"] = N.Message;
        Notes.push_back(std::move(O));
      }
      llvm::json::Object O = positionJson(F.Where);
      O["check"] = F.Check;
      O["severity"] = F.Error ? "error" : "warning";
      O["message"] = F.Message;
      O["fingerprint"] = F.Fingerprint;
      O["notes"] = std::move(Notes);
      O["fixes"] = jsonFixes(fixesOf(F), Info.Root, Sources);
      Items.push_back(std::move(O));
    }
    return Items;
  };
  llvm::json::Array Failures;
  for (const auto &[File, Why] : Info.Failed)
    Failures.push_back(llvm::json::Object{{"file", File}, {"reason", Why}});
  llvm::json::Value Doc = llvm::json::Object{
      {"tool", "corolint"},
      {"version", Info.Version},
      {"root", Info.Root},
      {"filesAnalysed", Info.FilesAnalysed},
      {"baselined", static_cast<int64_t>(Info.Baselined)},
      {"failures", std::move(Failures)},
      {"findings", Items(Findings)}};
  if (Info.Suppressed)
    Doc.getAsObject()->try_emplace("suppressed", Items(*Info.Suppressed));
  if (Info.Shard)
    Doc.getAsObject()->try_emplace("shard", *Info.Shard);
  OS << llvm::formatv("{0:2}", Doc) << "\n";
}

void writeGithub(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
                 const ReportInfo &Info) {
  for (const auto &Failed : Info.Failed)
    OS << "::error file=" << escapeProperty(underRoot(Info.Root, Failed.first))
       << ",title=corolint::" << escapeData(failureMessage(Failed)) << "\n";
  for (const Finding &F : Findings) {
    std::string Message = F.Message;
    for (const Note &N : F.Notes)
      Message += "\n" + N.Where.RelativeFile + ":" + std::to_string(N.Where.Line) +
                 ": " + N.Message;
    OS << "::" << (F.Error ? "error" : "warning")
       << " file=" << escapeProperty(F.Where.RelativeFile)
       << ",line=" << F.Where.Line << ",col=" << F.Where.Column
       << ",endLine=" << F.Where.EndLine << ",endColumn=" << F.Where.EndColumn
       << ",title=" << escapeProperty(F.Check) << "::" << escapeData(Message)
       << "\n";
  }
}

} // namespace corolint
