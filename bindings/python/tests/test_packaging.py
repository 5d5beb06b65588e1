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


def temporal_capi_version() -> str:
    """The version the installed package must report."""
    import temporal_capi

    return temporal_capi.__version__
