//===--- Baseline.h - accepted findings (--write-baseline, --baseline) ----===//

#ifndef COROLINT_TOOL_BASELINE_H
#define COROLINT_TOOL_BASELINE_H

#include "Findings.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"
#include <map>
#include <string>
#include <vector>

namespace corolint {

/// A baseline: the fingerprints of findings accepted for now, with and
/// without their neighbouring lines (fingerprint -> count).
struct Baseline {
  /// Context fingerprint -> the entry's line fingerprint.
  std::multimap<std::string, std::string> Context;
  std::map<std::string, unsigned> Line;
};

/// The baseline that accepts \p Findings.
Baseline baselineOf(const std::vector<Finding> &Findings);

void writeBaseline(llvm::raw_ostream &OS, const std::vector<Finding> &Findings);
llvm::Expected<Baseline> readBaseline(llvm::StringRef Path);

/// Removes from \p Findings those in \p B; returns how many were removed.
size_t subtractBaseline(std::vector<Finding> &Findings, Baseline B,
                        std::vector<Finding> *Removed = nullptr);

} // namespace corolint

#endif
