#!/usr/bin/env bash
# The one test command: installs what it needs (scripts/setup.sh), checks
# formatting, lints and the header, builds the release library and runs
# every test suite (Rust C-ABI tests, C program, Python package) against a
# real Temporal dev server and worker.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh

echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy -D warnings"
cargo clippy --all-targets --features test-hooks -- -D warnings
echo "== cargo build --release"
cargo build --release --lib
echo "== cargo test (unit, C ABI, header drift, C program)"
cargo test --features test-hooks -- --test-threads=4
echo "== Python package (pytest bindings/python/tests)"
.venv/bin/python -m pytest -q -p no:cacheprovider bindings/python/tests
