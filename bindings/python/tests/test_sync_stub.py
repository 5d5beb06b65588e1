"""The committed stub of the blocking API (``temporal_capi/sync.pyi``) is what the twins render now."""

from __future__ import annotations

import ast
from pathlib import Path

from temporal_capi import sync
from temporal_capi._twin import render_stub

STUB = Path(sync.__file__).with_suffix(".pyi")


def test_the_stub_is_what_the_twins_render() -> None:
    assert STUB.read_text() == render_stub(sync), (
        "temporal_capi/sync.pyi is stale: run bindings/python/render_sync_stub.py"
    )


def test_the_stub_declares_every_twin_member() -> None:
    tree = ast.parse(STUB.read_text())
    classes = {node.name: node for node in tree.body if isinstance(node, ast.ClassDef)}
    for name in sync.__all__:
        twin = getattr(sync, name)
        if name not in classes:
            continue
        declared = {node.name for node in classes[name].body if isinstance(node, ast.FunctionDef)}
        public = {member for member in dir(twin) if not member.startswith("_")}
        assert public <= declared, f"{name} lacks {sorted(public - declared)}"
    assert set(classes) | {"Runtime"} == set(sync.__all__)
