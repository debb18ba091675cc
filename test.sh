#!/usr/bin/env bash
# Installs what is missing, builds (warnings are errors), and runs every test. The database tests
# start their own throwaway PostgreSQL cluster and remove it afterwards.
#
#   ./test.sh              everything
#   ./test.sh -L unit      only tests with a CTest label (unit, database, ui, e2e)
set -euo pipefail
cd "$(dirname "$0")"

packaging/install-deps
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)"
ctest --preset release -j "$(nproc)" "$@"
