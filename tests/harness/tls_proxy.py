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
import ssl

from relay import relay


def server_context(cert: str, key: str, client_ca: str | None) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    context.set_alpn_protocols(["h2"])
    if client_ca:
        context.verify_mode = ssl.CERT_REQUIRED
        context.load_verify_locations(client_ca)
    return context


async def serve(args: argparse.Namespace) -> None:
    await relay(args.target, context=server_context(args.cert, args.key, args.client_ca))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--target", required=True)
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--client-ca")
    asyncio.run(serve(parser.parse_args()))


if __name__ == "__main__":
    main()
