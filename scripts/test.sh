#!/usr/bin/env bash
# Sets up, builds, and runs every test: the lit suite (checks, driver,
# plugin, installed copy) and aio's GoogleTest suite and example, via ctest;
# then aio's tests again under ASan+UBSan and under TSan, and the driver tests
# with corolint's driver under ASan and under TSan (scripts/sanitizers.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
# The SARIF validation test must run here, not be skipped.
export COROLINT_REQUIRE_SARIF_VALIDATOR=1
# And the Bazel aspect's test (integrations/bazel).
export COROLINT_REQUIRE_BAZEL=1
(cd build && ctest --output-on-failure -j"$(nproc)")
bash scripts/sanitizers.sh
bash scripts/fuzz.sh 90   # the checks under libFuzzer + ASan for 90 s (fuzz/README.md)
