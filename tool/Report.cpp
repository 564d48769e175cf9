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

std::string fileUri(llvm::StringRef Path) { return "file://" + uriPath(Path); }

llvm::json::Object physicalLocation(const Position &P) {
  llvm::json::Object Artifact;
  if (llvm::sys::path::is_absolute(P.RelativeFile)) {
    Artifact["uri"] = fileUri(P.RelativeFile);
  } else {
    Artifact["uri"] = uriPath(P.RelativeFile);
    Artifact["uriBaseId"] = "%SRCROOT%";
  }
  return llvm::json::Object{
      {"artifactLocation", std::move(Artifact)},
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

llvm::json::Object sarifRule(const std::string &Id) {
  std::string Summary = checkSummary(Id);
  llvm::StringRef Doc = checkDocumentation(Id);
  llvm::json::Object Rule{
      {"id", Id},
      {"name", ruleName(Id)},
      {"shortDescription", llvm::json::Object{{"text", Summary}}},
      {"fullDescription", llvm::json::Object{{"text", Summary}}},
      {"defaultConfiguration", llvm::json::Object{{"level", "warning"}}},
      {"properties",
       llvm::json::Object{{"tags", llvm::json::Array{"coroutines", "async"}}}}};
  if (!Doc.empty())
    Rule["help"] = llvm::json::Object{{"text", Doc}, {"markdown", Doc}};
  return Rule;
}

llvm::json::Object sarifResult(const Finding &F,
                               const std::vector<std::string> &Rules,
                               SourceCache &Sources) {
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
  return Result;
}

} // namespace

namespace {

/// \p File relative to \p Root when it is under it.
std::string underRoot(llvm::StringRef Root, llvm::StringRef File) {
  std::string Prefix = Root.str();
  if (!llvm::StringRef(Prefix).ends_with("/"))
    Prefix += "/";
  return File.starts_with(Prefix) ? File.drop_front(Prefix.size()).str()
                                  : File.str();
}

std::string failureMessage(const std::pair<std::string, std::string> &Failed) {
  return "'" + Failed.first + "' " + Failed.second +
         "; its findings are missing from this report";
}

/// The invocation: successful only when every file was analysed, with a
/// notification per file that was not.
llvm::json::Object sarifInvocation(const ReportInfo &Info) {
  llvm::json::Array Notifications;
  for (const auto &Failed : Info.Failed) {
    std::string Path = underRoot(Info.Root, Failed.first);
    llvm::json::Object Artifact;
    if (llvm::sys::path::is_absolute(Path)) {
      Artifact["uri"] = fileUri(Path);
    } else {
      Artifact["uri"] = uriPath(Path);
      Artifact["uriBaseId"] = "%SRCROOT%";
    }
    llvm::json::Object Location{
        {"physicalLocation",
         llvm::json::Object{{"artifactLocation", std::move(Artifact)}}}};
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
    RuleArray.push_back(sarifRule(R));
  llvm::json::Array Results;
  for (const Finding &F : Findings)
    Results.push_back(sarifResult(F, Rules, Sources));

  std::string RootUri = fileUri(Info.Root);
  if (!llvm::StringRef(RootUri).ends_with("/"))
    RootUri += "/";
  llvm::json::Object Run{
      {"tool",
       llvm::json::Object{
           {"driver",
            llvm::json::Object{
                {"name", "corolint"},
                {"version", Info.Version},
                {"semanticVersion", Info.Version},
                {"rules", std::move(RuleArray)}}}}},
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
               const ReportInfo &Info) {
  llvm::json::Array Items;
  for (const Finding &F : Findings) {
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
    Items.push_back(std::move(O));
  }
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
      {"findings", std::move(Items)}};
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
