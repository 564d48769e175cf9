#!/usr/bin/env bash
# Sets up, builds, and runs every test: the lit suite (checks, driver,
# plugin, installed copy) and aio's GoogleTest suite and example, via ctest;
# then aio's tests again under ASan+UBSan and under TSan (scripts/sanitizers.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
(cd build && ctest --output-on-failure -j"$(nproc)")
bash scripts/sanitizers.sh
