//===--- Worker.cpp -------------------------------------------------------===//
//
// POSIX processes and pipes: the driver forks and executes each worker and
// watches all of them from one thread with poll(), so a worker's death is
// seen as the end of its pipes and its status from waitpid.
//
//===----------------------------------------------------------------------===//

#include "Worker.h"
#include "BaseRevision.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <poll.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using clang::tidy::ClangTidyError;
using clang::tooling::DiagnosticMessage;
using clang::tooling::Replacement;
using namespace llvm;

namespace corolint {
namespace {

/// The descriptor a worker writes its results to.
constexpr int ResultFd = 3;
/// How much of a failed worker's standard error the report keeps.
constexpr size_t ExcerptBytes = 16 * 1024;

json::Value messageToJSON(const DiagnosticMessage &M) {
  json::Array Fix;
  for (const auto &Entry : M.Fix)
    for (const Replacement &R : Entry.second)
      Fix.push_back(json::Object{{"file", R.getFilePath()},
                                 {"offset", R.getOffset()},
                                 {"length", R.getLength()},
                                 {"text", R.getReplacementText()}});
  json::Array Ranges;
  for (const auto &R : M.Ranges)
    Ranges.push_back(json::Object{
        {"file", R.FilePath}, {"offset", R.FileOffset}, {"length", R.Length}});
  return json::Object{{"message", M.Message},
                      {"file", M.FilePath},
                      {"offset", M.FileOffset},
                      {"fix", std::move(Fix)},
                      {"ranges", std::move(Ranges)}};
}

bool messageFromJSON(const json::Value &V, DiagnosticMessage &M) {
  const json::Object *O = V.getAsObject();
  if (!O)
    return false;
  auto Text = O->getString("message");
  auto File = O->getString("file");
  auto Offset = O->getInteger("offset");
  const json::Array *Fix = O->getArray("fix");
  const json::Array *Ranges = O->getArray("ranges");
  if (!Text || !File || !Offset || !Fix || !Ranges)
    return false;
  M.Message = Text->str();
  M.FilePath = File->str();
  M.FileOffset = *Offset;
  for (const json::Value &F : *Fix) {
    const json::Object *R = F.getAsObject();
    if (!R)
      return false;
    auto RFile = R->getString("file");
    auto ROffset = R->getInteger("offset");
    auto RLength = R->getInteger("length");
    auto RText = R->getString("text");
    if (!RFile || !ROffset || !RLength || !RText)
      return false;
    // The replacements come in the order the set keeps them, so adding
    // them again rebuilds the same set.
    if (Error E = M.Fix[*RFile].add(
            Replacement(*RFile, *ROffset, *RLength, *RText))) {
      consumeError(std::move(E));
      return false;
    }
  }
  for (const json::Value &R : *Ranges) {
    const json::Object *O = R.getAsObject();
    if (!O)
      return false;
    clang::tooling::FileByteRange Range;
    auto RFile = O->getString("file");
    auto ROffset = O->getInteger("offset");
    auto RLength = O->getInteger("length");
    if (!RFile || !ROffset || !RLength)
      return false;
    Range.FilePath = RFile->str();
    Range.FileOffset = *ROffset;
    Range.Length = *RLength;
    M.Ranges.push_back(std::move(Range));
  }
  return true;
}

json::Value diagnosticToJSON(const ClangTidyError &E) {
  json::Array Notes;
  for (const DiagnosticMessage &N : E.Notes)
    Notes.push_back(messageToJSON(N));
  return json::Object{{"name", E.DiagnosticName},
                      {"level", static_cast<int64_t>(E.DiagLevel)},
                      {"buildDirectory", E.BuildDirectory},
                      {"warningAsError", E.IsWarningAsError},
                      {"aliases", json::Array(E.EnabledDiagnosticAliases)},
                      {"message", messageToJSON(E.Message)},
                      {"notes", std::move(Notes)}};
}

std::optional<ClangTidyError> diagnosticFromJSON(const json::Value &V) {
  const json::Object *O = V.getAsObject();
  if (!O)
    return std::nullopt;
  auto Name = O->getString("name");
  auto Level = O->getInteger("level");
  auto BuildDirectory = O->getString("buildDirectory");
  auto AsError = O->getBoolean("warningAsError");
  const json::Array *Aliases = O->getArray("aliases");
  const json::Value *Message = O->get("message");
  const json::Array *Notes = O->getArray("notes");
  if (!Name || !Level || !BuildDirectory || !AsError || !Aliases ||
      !Message || !Notes)
    return std::nullopt;
  ClangTidyError E(*Name, static_cast<ClangTidyError::Level>(*Level),
                   *BuildDirectory, *AsError);
  for (const json::Value &A : *Aliases) {
    if (!A.getAsString())
      return std::nullopt;
    E.EnabledDiagnosticAliases.push_back(A.getAsString()->str());
  }
  if (!messageFromJSON(*Message, E.Message))
    return std::nullopt;
  for (const json::Value &N : *Notes)
    if (!messageFromJSON(N, E.Notes.emplace_back()))
      return std::nullopt;
  return E;
}

// --- The worker's side. -----------------------------------------------------

/// What a worker prints when an allocation fails under --memory-limit; the
/// driver recognises it in the worker's standard error.
const char MemoryLimitMessage[] =
    "corolint: worker: an allocation failed under --memory-limit\n";

[[noreturn]] void outOfMemory(void *, const char *, bool) {
  // Async-signal-safe calls only: the heap is exhausted. abort() lets
  // LLVM's signal handler print its stack trace: what clang was doing.
  ssize_t Ignored = ::write(2, MemoryLimitMessage, sizeof MemoryLimitMessage - 1);
  (void)Ignored;
  ::abort();
}

bool writeAll(int Fd, StringRef Data) {
  while (!Data.empty()) {
    ssize_t N = ::write(Fd, Data.data(), Data.size());
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return false;
    Data = Data.drop_front(N);
  }
  return true;
}

bool readLine(int Fd, std::string &Line) {
  Line.clear();
  char C;
  while (true) {
    ssize_t N = ::read(Fd, &C, 1);
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return !Line.empty();
    if (C == '\n')
      return true;
    Line.push_back(C);
  }
}

// --- The request: a file, or a file at a base revision. ---------------------

/// One line: the file (absolute, so never starting with "base\t"), or
/// "base\t<revision>\t<file>" for --diff's analysis of the base.
std::string request(StringRef Rev, StringRef File) {
  return (Rev.empty() ? File.str()
                      : "base\t" + Rev.str() + "\t" + File.str()) +
         "\n";
}

std::pair<std::string, std::string> parseRequest(StringRef Line) {
  if (!Line.consume_front("base\t"))
    return {"", Line.str()};
  auto [Rev, File] = Line.split('\t');
  return {Rev.str(), File.str()};
}

// --- The driver's side. -----------------------------------------------------

using Clock = std::chrono::steady_clock;

struct Worker {
  pid_t Pid = -1;
  int In = -1, Out = -1, Err = -1; // the driver's ends of the pipes
  std::optional<size_t> Task;      // the file it is analysing
  Clock::time_point Started;
  std::string Results, Stderr;
  bool OutOpen = true, ErrOpen = true;
};

void closeFd(int &Fd) {
  if (Fd >= 0)
    ::close(Fd);
  Fd = -1;
}

/// Starts a worker; a Pid of -1 (and the reason in \p Error) when it
/// cannot.
Worker startWorker(const std::vector<std::string> &Command,
                   std::string &Error) {
  Worker W;
  int In[2], Out[2], Err[2];
  if (::pipe2(In, O_CLOEXEC) || ::pipe2(Out, O_CLOEXEC) ||
      ::pipe2(Err, O_CLOEXEC)) {
    Error = std::string("cannot create a pipe: ") + strerror(errno);
    return W;
  }
  std::vector<char *> Argv;
  for (const std::string &A : Command)
    Argv.push_back(const_cast<char *>(A.c_str()));
  Argv.push_back(nullptr);
  pid_t Pid = ::fork();
  if (Pid == 0) {
    // The child: stdin from the driver, results on fd 3, stdout and stderr
    // into the driver's stderr pipe. dup2 clears close-on-exec.
    ::dup2(In[0], 0);
    ::dup2(Out[1], ResultFd);
    ::dup2(Err[1], 1);
    ::dup2(Err[1], 2);
    ::signal(SIGPIPE, SIG_DFL); // the driver ignores it; exec keeps that
    ::execv(Argv[0], Argv.data());
    const char *Msg = "corolint: cannot start a worker process\n";
    ssize_t Ignored = ::write(2, Msg, strlen(Msg));
    (void)Ignored;
    ::_exit(127);
  }
  ::close(In[0]);
  ::close(Out[1]);
  ::close(Err[1]);
  if (Pid < 0) {
    Error = std::string("cannot start a worker process: ") + strerror(errno);
    ::close(In[1]);
    ::close(Out[0]);
    ::close(Err[0]);
    return W;
  }
  W.Pid = Pid;
  W.In = In[1];
  W.Out = Out[0];
  W.Err = Err[0];
  return W;
}

/// Reads what is there on \p Fd into \p To; false at end of file.
bool readAvailable(int Fd, std::string &To) {
  char Buffer[65536];
  while (true) {
    ssize_t N = ::read(Fd, Buffer, sizeof Buffer);
    if (N < 0 && errno == EINTR)
      continue;
    if (N < 0)
      return errno == EAGAIN; // nothing more for now
    if (N == 0)
      return false;
    To.append(Buffer, N);
    if (static_cast<size_t>(N) < sizeof Buffer)
      return true;
  }
}

std::string excerpt(StringRef Stderr) {
  if (Stderr.size() <= ExcerptBytes)
    return Stderr.str();
  StringRef Tail = Stderr.take_back(ExcerptBytes);
  Tail = Tail.drop_until([](char C) { return C == '\n'; }).drop_front();
  return "[...]\n" + Tail.str();
}

std::string signalName(int Signal) {
  const char *Abbrev = sigabbrev_np(Signal);
  std::string Name =
      Abbrev ? "SIG" + std::string(Abbrev) : "signal " + std::to_string(Signal);
  if (const char *Description = strsignal(Signal))
    Name += std::string(" (") + Description + ")";
  return Name;
}

std::string formatSize(uint64_t Bytes) {
  static const std::pair<unsigned, const char *> Units[] = {
      {30, "G"}, {20, "M"}, {10, "K"}};
  for (const auto &[Shift, Suffix] : Units)
    if (Bytes % (uint64_t(1) << Shift) == 0)
      return std::to_string(Bytes >> Shift) + Suffix;
  return std::to_string(Bytes);
}

} // namespace

json::Value toJSON(const UnitResult &R) {
  json::Array Diagnostics;
  for (const ClangTidyError &E : R.Diagnostics)
    Diagnostics.push_back(diagnosticToJSON(E));
  json::Object Content;
  for (const auto &[File, Hash] : R.ContentHashes)
    Content[File] = Hash;
  const clang::tidy::ClangTidyStats &S = R.Stats;
  json::Array Inputs;
  for (const InputFile &In : R.Inputs)
    Inputs.push_back(json::Array{In.Path, In.Hash, In.Size, In.ModifiedNs});
  return json::Object{
      {"inputs", std::move(Inputs)},
      {"printed", R.Printed},
      {"file", R.File},
      {"failure", R.Failure},
      {"diagnostics", std::move(Diagnostics)},
      {"content", std::move(Content)},
      {"stats", json::Array{S.ErrorsDisplayed, S.ErrorsIgnoredCheckFilter,
                            S.ErrorsIgnoredNOLINT, S.ErrorsIgnoredNonUserCode,
                            S.ErrorsIgnoredLineFilter}}};
}

std::optional<UnitResult> unitResultFromJSON(const json::Value &V) {
  const json::Object *O = V.getAsObject();
  if (!O)
    return std::nullopt;
  auto File = O->getString("file");
  auto Failure = O->getString("failure");
  const json::Array *Diagnostics = O->getArray("diagnostics");
  const json::Object *Content = O->getObject("content");
  const json::Array *Stats = O->getArray("stats");
  if (!File || !Failure || !Diagnostics || !Content || !Stats ||
      Stats->size() != 5)
    return std::nullopt;
  UnitResult R;
  R.File = File->str();
  R.Failure = Failure->str();
  if (auto Printed = O->getString("printed"))
    R.Printed = Printed->str();
  for (const json::Value &D : *Diagnostics) {
    std::optional<ClangTidyError> E = diagnosticFromJSON(D);
    if (!E)
      return std::nullopt;
    R.Diagnostics.push_back(std::move(*E));
  }
  for (const auto &[Path, Hash] : *Content) {
    if (!Hash.getAsString())
      return std::nullopt;
    R.ContentHashes.emplace_back(Path.str(), Hash.getAsString()->str());
  }
  if (const json::Array *Inputs = O->getArray("inputs"))
    for (const json::Value &V : *Inputs) {
      const json::Array *E = V.getAsArray();
      std::optional<llvm::StringRef> P, H;
      std::optional<int64_t> S, M;
      if (E && E->size() == 4) {
        P = (*E)[0].getAsString();
        H = (*E)[1].getAsString();
        S = (*E)[2].getAsInteger();
        M = (*E)[3].getAsInteger();
      }
      if (!P || !H || !S || !M)
        return std::nullopt;
      R.Inputs.push_back(InputFile{P->str(), H->str(), uint64_t(*S), *M});
    }
  unsigned *Counts[] = {&R.Stats.ErrorsDisplayed,
                        &R.Stats.ErrorsIgnoredCheckFilter,
                        &R.Stats.ErrorsIgnoredNOLINT,
                        &R.Stats.ErrorsIgnoredNonUserCode,
                        &R.Stats.ErrorsIgnoredLineFilter};
  for (size_t I = 0; I < 5; ++I) {
    std::optional<int64_t> N = (*Stats)[I].getAsInteger();
    if (!N)
      return std::nullopt;
    *Counts[I] = *N;
  }
  return R;
}

int serveAsWorker(const clang::tooling::CompilationDatabase &DB,
                  const OptionsProviderFactory &MakeProvider,
                  const RunOptions &Options, StringRef Root) {
  if (Options.MemoryLimit) {
    struct rlimit Limit;
    Limit.rlim_cur = Limit.rlim_max = Options.MemoryLimit;
    if (::setrlimit(RLIMIT_AS, &Limit)) {
      errs() << "corolint: worker: cannot set the memory limit: "
             << strerror(errno) << "\n";
      return 2;
    }
    install_bad_alloc_error_handler(outOfMemory);
    install_out_of_memory_new_handler(); // operator new reports there too
  }
  // Base revisions read once per worker, by name.
  std::map<std::string, llvm::Expected<BaseRevision>> Bases;
  std::string Request;
  while (readLine(0, Request)) {
    UnitResult R;
    auto [Rev, File] = parseRequest(Request);
    if (Rev.empty()) {
      R = analyseUnit(File, DB, MakeProvider, Options);
    } else {
      auto It = Bases.find(Rev);
      if (It == Bases.end())
        It = Bases.emplace(Rev, BaseRevision::load(Rev, Root)).first;
      if (It->second) {
        R = analyseUnit(File, DB, MakeProvider, Options, &*It->second);
      } else {
        R.File = File;
        R.Failure = toString(It->second.takeError());
        It->second = createStringError(inconvertibleErrorCode(), R.Failure);
      }
    }
    std::string Line;
    raw_string_ostream OS(Line);
    OS << toJSON(R) << "\n";
    // Whatever the analysis printed goes before its result.
    errs().flush();
    outs().flush();
    if (!writeAll(ResultFd, Line))
      return 2;
  }
  return 0;
}

std::vector<UnitResult>
runInWorkers(const std::vector<std::string> &Files, const RunOptions &Options,
             const std::function<void(size_t, const UnitResult &)> &Done) {
  std::vector<UnitResult> Units(Files.size());
  size_t Next = 0, Finished = 0;
  const size_t Slots = std::max<size_t>(
      1, std::min<size_t>(Options.Jobs, Files.size()));
  std::vector<Worker> Workers(Slots);
  // A worker that dies after its pipe closes must not kill the driver.
  ::signal(SIGPIPE, SIG_IGN);

  auto Fail = [&](Worker &W, std::string Why) {
    size_t I = *W.Task;
    Units[I] = UnitResult();
    Units[I].File = Files[I];
    Units[I].Failure = std::move(Why);
    std::vector<std::string> Reproduce = Options.ReproduceCommand;
    std::replace(Reproduce.begin(), Reproduce.end(),
                 std::string(ReproduceFilePlaceholder), Files[I]);
    Units[I].Reproduce = shellCommand(Reproduce);
    Units[I].StderrExcerpt = excerpt(W.Stderr);
    W.Task.reset();
    ++Finished;
    Done(I, Units[I]);
  };
  auto Stop = [&](Worker &W) {
    closeFd(W.In);
    closeFd(W.Out);
    closeFd(W.Err);
    W.Pid = -1;
  };
  // Waits for a worker that has died or been killed; fails its file.
  auto Bury = [&](Worker &W, std::optional<std::string> Why) {
    int Status = 0;
    while (::waitpid(W.Pid, &Status, 0) < 0 && errno == EINTR)
      ;
    if (W.ErrOpen)
      while (readAvailable(W.Err, W.Stderr))
        ;
    if (!Why) {
      if (Options.MemoryLimit &&
          StringRef(W.Stderr).contains(MemoryLimitMessage)) {
        Why = "exceeded the memory limit (--memory-limit=" +
              formatSize(Options.MemoryLimit) + ")";
      } else if (WIFSIGNALED(Status)) {
        Why = "crashed: the worker was killed by " +
              signalName(WTERMSIG(Status));
        if (Options.MemoryLimit)
          Why->append(" (under --memory-limit=" +
                      formatSize(Options.MemoryLimit) +
                      ", which may have caused it)");
      } else {
        Why = "crashed: the worker exited with status " +
              std::to_string(WIFEXITED(Status) ? WEXITSTATUS(Status) : -1) +
              " before it reported the file";
      }
    }
    if (W.Task)
      Fail(W, std::move(*Why));
    Stop(W);
  };

  while (Finished < Files.size()) {
    // Give every idle slot a file, starting a worker where there is none.
    for (Worker &W : Workers) {
      if (W.Task || Next >= Files.size())
        continue;
      if (W.Pid < 0) {
        std::string Error;
        W = startWorker(Options.WorkerCommand, Error);
        if (W.Pid < 0) {
          W.Task = Next++;
          Fail(W, Error);
          continue;
        }
        ::fcntl(W.Out, F_SETFL, O_NONBLOCK);
        ::fcntl(W.Err, F_SETFL, O_NONBLOCK);
      }
      W.Task = Next++;
      W.Started = Clock::now();
      W.Stderr.clear();
      W.Results.clear();
      if (!writeAll(W.In, request(Options.BaseRevision, Files[*W.Task])))
        ; // The worker died; poll sees its pipes close.
    }

    std::vector<pollfd> Fds;
    std::vector<std::pair<Worker *, bool>> Owners; // worker, is stderr
    int Timeout = -1;
    for (Worker &W : Workers) {
      if (W.Pid < 0 || !W.Task)
        continue;
      if (W.OutOpen) {
        Fds.push_back({W.Out, POLLIN, 0});
        Owners.emplace_back(&W, false);
      }
      if (W.ErrOpen) {
        Fds.push_back({W.Err, POLLIN, 0});
        Owners.emplace_back(&W, true);
      }
      if (Options.TimeoutSeconds) {
        auto Deadline =
            W.Started + std::chrono::seconds(Options.TimeoutSeconds);
        auto Left = std::chrono::duration_cast<std::chrono::milliseconds>(
                        Deadline - Clock::now())
                        .count();
        int Wait = static_cast<int>(std::max<int64_t>(0, Left) + 1);
        Timeout = Timeout < 0 ? Wait : std::min(Timeout, Wait);
      }
    }
    if (Fds.empty())
      continue;
    if (::poll(Fds.data(), Fds.size(), Timeout) < 0 && errno != EINTR)
      report_fatal_error("corolint: poll failed");

    // Standard error first: a worker prints there before it reports.
    for (size_t I = 0; I < Fds.size(); ++I)
      if (Owners[I].second && Fds[I].revents)
        Owners[I].first->ErrOpen =
            readAvailable(Fds[I].fd, Owners[I].first->Stderr);
    for (size_t I = 0; I < Fds.size(); ++I)
      if (!Owners[I].second && Fds[I].revents)
        Owners[I].first->OutOpen =
            readAvailable(Fds[I].fd, Owners[I].first->Results);

    for (Worker &W : Workers) {
      if (W.Pid < 0 || !W.Task)
        continue;
      size_t End = W.Results.find('\n');
      if (End != std::string::npos) {
        Expected<json::Value> V = json::parse(StringRef(W.Results).take_front(End));
        std::optional<UnitResult> R;
        if (V)
          R = unitResultFromJSON(*V);
        else
          consumeError(V.takeError());
        if (!R) {
          ::kill(W.Pid, SIGKILL);
          Bury(W, "failed: the worker's result could not be read");
          continue;
        }
        // What the worker printed while it analysed the file (such as
        // --enable-check-profile's tables) goes with its result.
        R->Printed = std::move(W.Stderr);
        W.Stderr.clear();
        W.Results.erase(0, End + 1);
        size_t I = *W.Task;
        Units[I] = std::move(*R);
        W.Task.reset();
        ++Finished;
        Done(I, Units[I]);
        if (!W.OutOpen) { // it reported, then died: its next file is safe
          Bury(W, std::nullopt);
          W.OutOpen = W.ErrOpen = true;
        }
        continue;
      }
      if (!W.OutOpen) {
        Bury(W, std::nullopt);
        W.OutOpen = W.ErrOpen = true;
        continue;
      }
      if (Options.TimeoutSeconds &&
          Clock::now() - W.Started >=
              std::chrono::seconds(Options.TimeoutSeconds)) {
        ::kill(W.Pid, SIGKILL);
        Bury(W, "exceeded the time limit (--timeout=" +
                    std::to_string(Options.TimeoutSeconds) + "s)");
        W.OutOpen = W.ErrOpen = true;
      }
    }
  }
  for (Worker &W : Workers) {
    if (W.Pid < 0)
      continue;
    closeFd(W.In); // end of input: the worker exits
    int Status;
    while (::waitpid(W.Pid, &Status, 0) < 0 && errno == EINTR)
      ;
    Stop(W);
  }
  return Units;
}

std::optional<uint64_t> parseSize(StringRef Text) {
  uint64_t Scale = 1;
  if (!Text.empty()) {
    switch (toLower(Text.back())) {
    case 'k': Scale = uint64_t(1) << 10; break;
    case 'm': Scale = uint64_t(1) << 20; break;
    case 'g': Scale = uint64_t(1) << 30; break;
    default: break;
    }
    if (Scale != 1)
      Text = Text.drop_back();
  }
  uint64_t N;
  if (Text.getAsInteger(10, N) || N == 0 || N > UINT64_MAX / Scale)
    return std::nullopt;
  return N * Scale;
}

std::vector<std::string>
reproducingCommand(int Argc, const char **Argv,
                   const std::vector<std::string> &NamedSources) {
  std::vector<std::string> Command;
  bool Fixed = false;
  for (int I = 0; I < Argc; ++I) {
    StringRef A = Argv[I];
    if (I > 0 && !Fixed) {
      if (A == "--") {
        Fixed = true;
      } else if (is_contained(NamedSources, A)) {
        continue;
      } else if (A == "-j" || A == "--j" || A == "-jobs" || A == "--jobs") {
        ++I; // and its value
        continue;
      } else if (A.starts_with("-j") || A.starts_with("--j")) {
        continue;
      }
    }
    Command.push_back(A.str());
  }
  // The file goes before the compiler arguments, if there are any.
  auto DashDash = std::find(Command.begin(), Command.end(), "--");
  std::vector<std::string> Tail(DashDash, Command.end());
  Command.erase(DashDash, Command.end());
  Command.push_back(ReproduceFilePlaceholder);
  Command.insert(Command.end(), Tail.begin(), Tail.end());
  return Command;
}

std::string shellCommand(const std::vector<std::string> &Args) {
  std::string Out;
  for (const std::string &A : Args) {
    if (!Out.empty())
      Out += ' ';
    if (!A.empty() && A.find_first_not_of("abcdefghijklmnopqrstuvwxyz"
                                          "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                          "0123456789_-+=./:,@%") ==
                          std::string::npos) {
      Out += A;
      continue;
    }
    Out += '\'';
    for (char C : A)
      Out += C == '\'' ? std::string("'\\''") : std::string(1, C);
    Out += '\'';
  }
  return Out;
}

} // namespace corolint
