"""``pip install bindings/python`` gives a working package in a fresh venv."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import REPOSITORY


def test_pip_install_into_a_fresh_venv_carries_the_library(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    environment = {k: v for k, v in os.environ.items() if k not in ("TEMPORAL_CAPI_LIBRARY", "PYTHONPATH")}
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(REPOSITORY / "bindings/python")],
        check=True,
        env=environment,
    )
    probe = (
        "import temporal_capi, temporal_capi._library as l, pathlib;"
        "package = pathlib.Path(temporal_capi.__file__).parent;"
        "print(temporal_capi.__version__);"
        "print(l.library_path().parent == package);"
        "print(sorted(p.name for p in package.glob('*.pyi')), (package / 'py.typed').is_file())"
    )
    shown = subprocess.run(
        [str(python), "-c", probe], check=True, capture_output=True, text=True, env=environment, cwd=tmp_path
    ).stdout.splitlines()
    assert shown == [temporal_capi_version(), "True", "['sync.pyi'] True"], "the library, the stub and py.typed ship"
    site = subprocess.run(
        [str(python), "-c", "import temporal_capi, pathlib; print(pathlib.Path(temporal_capi.__file__).parent)"],
        check=True, capture_output=True, text=True, env=environment, cwd=tmp_path,
    ).stdout.strip()
    assert sections(Path(site) / "libtemporal_capi.so") >= {".gnu_debuglink"}, "the shipped library links its debug file"
    assert not {".debug_info", ".debug_line"} & sections(Path(site) / "libtemporal_capi.so"), "the shipped library is stripped"
    assert not list(Path(site).glob("*.debug")), "the debug file is not in the package"


def sections(library: Path) -> set[str]:
    """The section names of an ELF file (readelf -S)."""
    listing = subprocess.run(["readelf", "-S", "-W", str(library)], check=True, capture_output=True, text=True).stdout
    return {word for line in listing.splitlines() for word in line.split() if word.startswith(".")}


def temporal_capi_version() -> str:
    """The version the installed package must report."""
    import temporal_capi

    return temporal_capi.__version__
