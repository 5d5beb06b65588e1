#!/usr/bin/env bash
# Runs the benchmark suite (bench/run.py; bench/README.md explains it):
#
#   scripts/bench.sh [bench/run.py options]
#
# Sets up the toolchain and venv like the test command, builds the release
# library, then runs every peer against one dev server and prints tables of
# client CPU per operation, latencies and ratios. Takes 10-20 minutes on
# two cores. Not a test: nothing asserts timings.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cargo build --release --lib --bench direct
exec .venv/bin/python bench/run.py "$@"
