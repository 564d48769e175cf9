//===--- Worker.h - translation units analysed in worker processes --------===//
//
// corolint runs each translation unit in a worker process: itself, started
// again with the same command line plus --corolint-worker. The driver sends
// a worker one file name per line on its standard input; the worker answers
// on file descriptor 3 with one line per file, the UnitResult as JSON. A
// worker that dies (a signal, the --memory-limit) or overruns --timeout
// costs its one file, which is reported as failed with the reason, the
// command that reproduces it and the end of the worker's standard error
// (where LLVM prints its crash stack trace); the run goes on with a fresh
// worker.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_TOOL_WORKER_H
#define COROLINT_TOOL_WORKER_H

#include "Runner.h"
#include "llvm/Support/JSON.h"
#include <optional>
#include <string>
#include <vector>

namespace corolint {

/// A UnitResult as JSON and back: what crosses the pipe from a worker.
llvm::json::Value toJSON(const UnitResult &R);
std::optional<UnitResult> unitResultFromJSON(const llvm::json::Value &V);

/// The worker's side: analyses the files named on standard input, one per
/// line, until end of input; a line "base<TAB>REV<TAB>file" analyses the
/// file as git revision REV of the work tree at \p Root has it
/// (BaseRevision.h). Returns the process's exit status.
int serveAsWorker(const clang::tooling::CompilationDatabase &DB,
                  const OptionsProviderFactory &MakeProvider,
                  const RunOptions &Options, llvm::StringRef Root);

/// The driver's side: analyses \p Files on Options.Jobs worker processes
/// started from Options.WorkerCommand, in input order (as
/// Options.BaseRevision has them, when it is set).
/// \p Done is called with each file's index and result as it completes
/// (the result stays where it is until runInWorkers returns).
std::vector<UnitResult>
runInWorkers(const std::vector<std::string> &Files, const RunOptions &Options,
             const std::function<void(size_t, const UnitResult &)> &Done);

/// Parses a --memory-limit value: bytes, or a number with a K, M or G
/// suffix (powers of 1024). nullopt when malformed.
std::optional<uint64_t> parseSize(llvm::StringRef Text);

/// Where reproducingCommand puts the file.
inline constexpr const char *ReproduceFilePlaceholder = "<file>";

/// \p Argv without the source files named on it and without -j, with a
/// placeholder for one file: the command that analyses that file
/// alone as this run did.
std::vector<std::string>
reproducingCommand(int Argc, const char **Argv,
                   const std::vector<std::string> &NamedSources);

/// \p Args quoted for a POSIX shell, space-separated.
std::string shellCommand(const std::vector<std::string> &Args);

} // namespace corolint

#endif
