#!/usr/bin/env bash
# The main job: builds the library, installs the Python package into .venv,
# then starts the local dev server and a worker and drives a workflow
# (start, signal, query, result) through the package (examples/python/demo.py).
# Installs only what the demo needs (scripts/setup.sh --demo); the server's
# and the worker's logs go to .demo/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --demo
mkdir -p .demo
echo "building the library (cargo build --release; minutes the first time, log in .demo/build.log) ..."
if ! cargo build --release --lib >.demo/build.log 2>&1; then
    tail -n 30 .demo/build.log >&2
    exit 1
fi
echo "installing the Python package into .venv ..."
.venv/bin/pip install -q --disable-pip-version-check bindings/python >.demo/pip.log 2>&1 || {
    cat .demo/pip.log >&2
    exit 1
}
.venv/bin/python examples/python/demo.py
