#!/usr/bin/env bash
# The main job: starts the local dev server and a worker, then drives a
# workflow (start, signal, query, result) through the library's C ABI.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cargo run --quiet --release --example demo
