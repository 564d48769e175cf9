#!/usr/bin/env bash
# Installs what is missing (scripts/packages.sh) and builds corolint into
# build/. Run by example.sh and test.sh:
#   setup.sh example   the corolint driver only
#   setup.sh test      everything, tests included, and the SARIF validator
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-}"
bash scripts/packages.sh "$mode"
if [ "$mode" = example ]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF >/dev/null
  cmake --build build --target corolint
  exit 0
fi
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=ON >/dev/null
cmake --build build

# The SARIF validator the tests run (npm's @microsoft/sarif-multitool, a
# self-contained .NET tool), into the build directory, as the user running this.
VALIDATOR=build/sarif-validator/node_modules/.bin/sarif-multitool
if [ ! -x "$VALIDATOR" ]; then
  npm install --silent --no-audit --no-fund --prefix build/sarif-validator \
    @microsoft/sarif-multitool@5.7.0 >/dev/null
  # npm may skip the package's install script, which only does this.
  chmod u+x build/sarif-validator/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
fi
