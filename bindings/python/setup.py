"""Builds a wheel that carries the release ``libtemporal_capi.so``.

The library is taken from ``$TEMPORAL_CAPI_LIBRARY``; else, in a checkout
of the repository, from the cargo target directory (``$CARGO_TARGET_DIR``
or the repository's ``target``), ``release/libtemporal_capi.so``: build it
first with ``cargo build --release --lib``. An sdist (scripts/package.sh)
carries the crate in ``rust/`` and builds the library with cargo
(``cargo build --release --lib``, into ``$CARGO_TARGET_DIR`` or
``build/cargo``; ``$TEMPORAL_CAPI_CARGO_PROFILE`` picks another cargo
profile, e.g. ``dev`` for a quick unoptimised build). The wheel is tagged ``py3-none-<platform>``:
it holds native code but no CPython extension (the package loads the
library with ctypes), so one wheel serves every CPython >= 3.10; ``auditwheel
repair`` turns its ``linux_x86_64`` tag into ``manylinux_*`` (scripts/package.sh).
The version is Cargo.toml's (``[package] version``), the one source of the
library's, the header's and the packages' version.

The wheel carries the library stripped of its debug info
(scripts/split-debug.sh); the debug info is written next to the source
library as ``libtemporal_capi.so.debug``, the file its ``.gnu_debuglink``
names, for symbolizing crashes.
"""

import os
import re
import shutil
import subprocess
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.dist import Distribution

try:
    from setuptools.command.bdist_wheel import bdist_wheel
except ImportError:  # setuptools < 70.1
    from wheel.bdist_wheel import bdist_wheel

LIBRARY = "libtemporal_capi.so"
HERE = Path(__file__).resolve().parent
SDIST_CRATE = HERE / "rust"
"""Where an sdist carries the crate."""
CRATE = SDIST_CRATE if (SDIST_CRATE / "Cargo.toml").is_file() else HERE.parent.parent
"""The crate the library is built from: the sdist's copy, or the repository this file is in."""


def cargo_version() -> str:
    """The ``version`` of Cargo.toml's ``[package]`` table."""
    manifest = (CRATE / "Cargo.toml").read_text()
    package = manifest.split("[package]", 1)[1].split("\n[", 1)[0]
    found = re.search(r'^version\s*=\s*"([^"]+)"', package, re.MULTILINE)
    if not found:
        raise SystemExit(f"no [package] version in {CRATE / 'Cargo.toml'}")
    return found.group(1)


def build_with_cargo() -> Path:
    """Builds the sdist's crate with cargo; returns the built library."""
    profile = os.environ.get("TEMPORAL_CAPI_CARGO_PROFILE", "release")
    target = Path(os.environ.get("CARGO_TARGET_DIR") or HERE / "build" / "cargo")
    cargo = os.environ.get("CARGO", "cargo")
    command = [cargo, "build", "--lib", "--profile", profile, "--manifest-path", str(CRATE / "Cargo.toml")]
    try:
        subprocess.run(command, check=True, env={**os.environ, "CARGO_TARGET_DIR": str(target)})
    except FileNotFoundError as err:
        raise SystemExit(f"building temporal-capi from source needs Rust's cargo ({err})") from err
    return target / ("debug" if profile == "dev" else profile) / LIBRARY


def native_library() -> Path:
    """The shared library to package."""
    override = os.environ.get("TEMPORAL_CAPI_LIBRARY")
    if override:
        path = Path(override)
    elif CRATE == SDIST_CRATE:
        path = build_with_cargo()
    else:
        path = Path(os.environ.get("CARGO_TARGET_DIR") or CRATE / "target") / "release" / LIBRARY
    if not path.is_file():
        raise SystemExit(f"{path} not found: run `cargo build --release --lib` first")
    return path


class BuildWithLibrary(build_py):
    """Copies the native library into the built package."""

    def run(self) -> None:
        super().run()
        source = native_library()
        destination = Path(self.build_lib) / "temporal_capi" / LIBRARY
        subprocess.run(
            ["bash", str(CRATE / "scripts" / "split-debug.sh"), str(source), str(destination)], check=True
        )
        shutil.move(destination.with_name(LIBRARY + ".debug"), source.with_name(LIBRARY + ".debug"))


class BinaryDistribution(Distribution):
    """Marks the distribution as platform-specific (it contains native code), so it installs into platlib."""

    def has_ext_modules(self) -> bool:
        return True


class PlatformWheel(bdist_wheel):
    """A ``py3-none-<platform>`` wheel: platform-specific, independent of the Python version and ABI."""

    def get_tag(self) -> tuple[str, str, str]:
        return "py3", "none", super().get_tag()[2]


setup(
    version=cargo_version(),
    cmdclass={"build_py": BuildWithLibrary, "bdist_wheel": PlatformWheel},
    distclass=BinaryDistribution,
)
