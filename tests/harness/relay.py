"""The loopback TCP relay behind the test proxies (tls_proxy.py,
header_proxy.py): accept, connect to the target, copy bytes both ways."""

import asyncio
import json
import ssl
import sys
from collections.abc import Awaitable, Callable

Pump = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


async def pump(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """Copies `reader` to `writer` until EOF or a connection error, then closes `writer`."""
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, ssl.SSLError):
        pass
    finally:
        writer.close()


async def relay(target: str, client_to_server: Pump = pump, context: ssl.SSLContext | None = None) -> None:
    """Listens on a free loopback port (with TLS when `context` is given),
    prints ``{"address": "127.0.0.1:P"}``, relays every connection to
    `target` (client bytes through `client_to_server`) and returns when
    stdin reaches EOF."""
    host, port = target.rsplit(":", 1)

    async def forward(client_reader, client_writer) -> None:
        try:
            server_reader, server_writer = await asyncio.open_connection(host, int(port))
        except OSError:
            client_writer.close()
            return
        await asyncio.gather(
            client_to_server(client_reader, server_writer), pump(server_reader, client_writer)
        )

    server = await asyncio.start_server(forward, "127.0.0.1", 0, ssl=context)
    address = server.sockets[0].getsockname()
    print(json.dumps({"address": f"{address[0]}:{address[1]}"}), flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
    server.close()
