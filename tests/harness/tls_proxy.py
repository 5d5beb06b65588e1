"""A TLS-terminating TCP proxy in front of the dev server, for TLS tests.

    python tests/harness/tls_proxy.py --target HOST:PORT --cert PEM --key PEM
        [--client-ca PEM]

Listens on a free loopback port with the given server certificate (ALPN
``h2``), forwards every accepted connection's plaintext to ``--target`` and
prints one JSON line ``{"address": "127.0.0.1:P"}`` to stdout. With
``--client-ca`` it requires a client certificate signed by that CA (mTLS).
A handshake the client or the proxy rejects just closes that connection.
It stops when stdin reaches EOF.
"""

import argparse
import asyncio
import json
import ssl
import sys


def server_context(cert: str, key: str, client_ca: str | None) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    context.set_alpn_protocols(["h2"])
    if client_ca:
        context.verify_mode = ssl.CERT_REQUIRED
        context.load_verify_locations(client_ca)
    return context


async def pump(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, ssl.SSLError):
        pass
    finally:
        writer.close()


async def serve(args: argparse.Namespace) -> None:
    host, port = args.target.rsplit(":", 1)

    async def forward(client_reader, client_writer) -> None:
        try:
            server_reader, server_writer = await asyncio.open_connection(host, int(port))
        except OSError:
            client_writer.close()
            return
        await asyncio.gather(
            pump(client_reader, server_writer), pump(server_reader, client_writer)
        )

    context = server_context(args.cert, args.key, args.client_ca)
    server = await asyncio.start_server(forward, "127.0.0.1", 0, ssl=context)
    address = server.sockets[0].getsockname()
    print(json.dumps({"address": f"{address[0]}:{address[1]}"}), flush=True)
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, sys.stdin.read)
    server.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--target", required=True)
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--client-ca")
    asyncio.run(serve(parser.parse_args()))


if __name__ == "__main__":
    main()
