"""Writes ``temporal_capi/sync.pyi``, the stub of the blocking API, from the twins (``_twin.render_stub``).

Run it after changing the asyncio API (``tests/test_sync_stub.py`` fails
while the committed stub is stale)::

    TEMPORAL_CAPI_LIBRARY=target/release/libtemporal_capi.so .venv/bin/python bindings/python/render_sync_stub.py
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from temporal_capi import sync  # noqa: E402 - after the path above
from temporal_capi._twin import render_stub  # noqa: E402

if __name__ == "__main__":
    stub = Path(sync.__file__).with_suffix(".pyi")
    stub.write_text(render_stub(sync))
    print(f"wrote {stub}")
