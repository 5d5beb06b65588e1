#!/usr/bin/env bash
# The main job: builds the library, installs the Python package into .venv,
# then starts the local dev server and a worker and drives a workflow
# (start, signal, query, result) through the package (examples/python/demo.py).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cargo build --release --lib
.venv/bin/pip install -q --disable-pip-version-check bindings/python
.venv/bin/python examples/python/demo.py
