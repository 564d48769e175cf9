#!/usr/bin/env bash
# Sets up, builds, and runs every test: the lit suite (checks, driver,
# plugin, installed copy) and aio's GoogleTest suite and example, via ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cd build
ctest --output-on-failure -j"$(nproc)"
