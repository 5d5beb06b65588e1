"""Builds a wheel that carries the release ``libtemporal_capi.so``.

The library is taken from ``$TEMPORAL_CAPI_LIBRARY``, else from the cargo
target directory (``$CARGO_TARGET_DIR`` or the repository's ``target``),
``release/libtemporal_capi.so``; build it first with
``cargo build --release --lib``. The wheel is platform-specific.

The wheel carries the library stripped of its debug info
(scripts/split-debug.sh); the debug info is written next to the source
library as ``libtemporal_capi.so.debug``, the file its ``.gnu_debuglink``
names, for symbolizing crashes.
"""

import os
import shutil
import subprocess
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.dist import Distribution

LIBRARY = "libtemporal_capi.so"
REPOSITORY = Path(__file__).resolve().parent.parent.parent


def native_library() -> Path:
    """The shared library to package."""
    override = os.environ.get("TEMPORAL_CAPI_LIBRARY")
    target = Path(os.environ.get("CARGO_TARGET_DIR") or REPOSITORY / "target")
    path = Path(override) if override else target / "release" / LIBRARY
    if not path.is_file():
        raise SystemExit(f"{path} not found: run `cargo build --release --lib` first")
    return path


class BuildWithLibrary(build_py):
    """Copies the native library into the built package."""

    def run(self) -> None:
        super().run()
        source = native_library()
        destination = Path(self.build_lib) / "temporal_capi" / LIBRARY
        subprocess.run([str(REPOSITORY / "scripts" / "split-debug.sh"), str(source), str(destination)], check=True)
        shutil.move(destination.with_name(LIBRARY + ".debug"), source.with_name(LIBRARY + ".debug"))


class BinaryDistribution(Distribution):
    """Marks the wheel as platform-specific (it contains native code)."""

    def has_ext_modules(self) -> bool:
        return True


setup(cmdclass={"build_py": BuildWithLibrary}, distclass=BinaryDistribution)
