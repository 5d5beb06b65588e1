#!/usr/bin/env bash
# Coverage-guided fuzzing of the request parsers and the env-config TOML
# loader with AFL++ (docs/testing.md).
#
#   scripts/afl.sh TARGET [SECONDS]   fuzz TARGET (requests | envconfig) for
#                                     SECONDS (default 600), starting from
#                                     fuzz/corpus/TARGET; findings go to
#                                     fuzz/out/TARGET (not committed)
#   scripts/afl.sh minimize TARGET    merge the run's queue into
#                                     fuzz/corpus/TARGET (afl-cmin)
#   scripts/afl.sh replay             run the committed corpus and any
#                                     crashes through the targets without AFL
#
# Needs the Debian package afl++ and `cargo install cargo-afl` (both work
# on stable Rust); fuzz/ is its own crate, outside the main build.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"

need() {
    command -v afl-fuzz >/dev/null || { apt-get update -qq && apt-get install -y -qq afl++; }
    cargo afl --version >/dev/null 2>&1 || cargo install cargo-afl
}

case "${1:-}" in
requests | envconfig)
    need
    target="$1"
    seconds="${2:-600}"
    cargo afl build --release --bin "$target"
    mkdir -p "out/$target"
    # Several fuzzers per machine share its cores; no CPU pinning.
    AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
        cargo afl fuzz -V "$seconds" -i "corpus/$target" -o "out/$target" \
        "target/release/$target"
    stats="out/$target/default/fuzzer_stats"
    grep -E '^(run_time|execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|bitmap_cvg) ' "$stats"
    crashes=$(find "out/$target/default/crashes" -type f -name 'id:*' | wc -l)
    hangs=$(find "out/$target/default/hangs" -type f -name 'id:*' | wc -l)
    echo "$target: $crashes crashes, $hangs hangs (out/$target/default)"
    ;;
minimize)
    need
    target="$2"
    cargo afl build --release --bin "$target"
    rm -rf "out/$target/cmin"
    cargo afl cmin -i "out/$target/default/queue" -o "out/$target/cmin" -- "target/release/$target"
    cp -n "out/$target/cmin/"* "corpus/$target/" || true
    ls "corpus/$target" | wc -l
    ;;
replay)
    cargo build --release --bin replay
    for target in requests envconfig; do
        files=("corpus/$target"/*)
        if [ -d "out/$target/default/crashes" ]; then
            files+=($(find "out/$target/default/crashes" -type f -name 'id:*'))
        fi
        target/release/replay "$target" "${files[@]}"
    done
    ;;
*)
    sed -n '2,16p' "$0" >&2
    exit 2
    ;;
esac
