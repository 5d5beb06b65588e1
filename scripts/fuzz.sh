#!/usr/bin/env bash
# Runs the seeded fuzzer (tests/fuzz) with N inputs against its own dev
# server: scripts/fuzz.sh N [SEED]. The test command runs the same fuzzer
# with 100,000 inputs; this is for longer runs (docs/testing.md). Built
# with the release profile, which is ~5x faster per input than the debug
# build the test command uses.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 1 ]; then
    echo "usage: scripts/fuzz.sh N [SEED]" >&2
    exit 2
fi
export TC_FUZZ_COUNT="$1"
if [ $# -ge 2 ]; then
    export TC_FUZZ_SEED="$2"
fi
exec cargo test --release --test fuzz -- --nocapture --test-threads=1 seeded_fuzz_over_every_export
