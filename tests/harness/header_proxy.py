"""A plain-text HTTP/2 proxy in front of the dev server that reports the
request headers clients send, for tests of header and API-key rotation.

    python tests/harness/header_proxy.py --target HOST:PORT

Listens on a free loopback port and prints ``{"address": "127.0.0.1:P"}``,
then one JSON line per request a client sends: ``{"path": ":path value",
"headers": {name: value}}`` (pseudo-headers left out). Bytes are forwarded
unchanged both ways; only the client's HEADERS and CONTINUATION frames are
decoded (HPACK, with one decoder per connection as the protocol requires).
It stops when stdin reaches EOF.
"""

import argparse
import asyncio
import json

from hpack import Decoder
from relay import relay

PREFACE = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"
HEADERS, CONTINUATION = 0x1, 0x9
END_HEADERS, PADDED, PRIORITY = 0x4, 0x8, 0x20


def report(block: bytes, decoder: Decoder) -> None:
    fields = decoder.decode(block)
    path = next((value for name, value in fields if name == ":path"), None)
    headers = {name: value for name, value in fields if not name.startswith(":")}
    print(json.dumps({"path": path, "headers": headers}), flush=True)


def header_fragment(flags: int, payload: bytes) -> bytes:
    start, end = 0, len(payload)
    if flags & PADDED:
        start, end = 1, len(payload) - payload[0]
    if flags & PRIORITY:
        start += 5
    return payload[start:end]


async def client_to_server(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """Forwards the client's bytes, decoding its header blocks on the way."""
    decoder = Decoder()
    block = b""
    try:
        preface = await reader.readexactly(len(PREFACE))
        writer.write(preface)
        while True:
            head = await reader.readexactly(9)
            length = int.from_bytes(head[:3], "big")
            kind, flags = head[3], head[4]
            payload = await reader.readexactly(length)
            writer.write(head + payload)
            await writer.drain()
            if kind == HEADERS:
                block = header_fragment(flags, payload)
            elif kind == CONTINUATION:
                block += payload
            if kind in (HEADERS, CONTINUATION) and flags & END_HEADERS:
                report(block, decoder)
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--target", required=True)
    asyncio.run(relay(parser.parse_args().target, client_to_server))


if __name__ == "__main__":
    main()
