"""The benchmark suite (scripts/bench.sh runs it): every peer does the same
work against one dev server and one worker, each in its own process, and
the client's own CPU per operation is compared as ratios. See
bench/README.md for the peers, the work and the last results.

    .venv/bin/python bench/run.py [--n N] [--latency-n N] [--rounds R]
        [--concurrency 1,64,256] [--payload-bytes B] [--peers direct,c_abi,cpp_abi,dotnet,c_abi+none,temporal_capi,...]
        [--waits RUNSxWAITS,...] [--boundary SMALL,LARGE]

Not a test: nothing here asserts timings.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY / "tests" / "harness"))
OPS = ("start", "describe", "signal", "query", "terminate", "payload")
RATIOS = (
    ("", "c_abi", "direct"),
    ("", "cpp_abi", "c_abi"),
    ("", "dotnet", "c_abi"),
    ("", "temporal_capi", "temporalio"),
    ("floor: ", "c_abi", "temporalio"),
    ("", "temporal_capi+none", "temporalio"),
)
"""The ratio columns of a table, (label prefix, peer, over peer), shown when both peers ran."""


def library() -> Path:
    """The library the C and Python peers load."""
    return Path(os.environ.get("TEMPORAL_CAPI_LIBRARY", REPOSITORY / "target/release/libtemporal_capi.so"))


def build() -> dict[str, list[str]]:
    """Builds the native peers; returns each peer's command prefix."""
    built = subprocess.run(["cargo", "build", "--release", "--bench", "direct", "-q", "--message-format=json"],
                           cwd=REPOSITORY, check=True, capture_output=True, text=True).stdout
    direct = next(message["executable"] for message in map(json.loads, built.splitlines())
                  if message.get("reason") == "compiler-artifact" and message["target"]["name"] == "direct"
                  and message.get("executable"))
    out = REPOSITORY / "target" / "bench"
    out.mkdir(parents=True, exist_ok=True)
    lib = library()
    for name in ("c_abi", "waits"):
        subprocess.run(["cc", "-O2", "-o", str(out / name), str(REPOSITORY / "bench" / f"{name}.c"),
                        "-I", str(REPOSITORY / "include"), "-L", str(lib.parent), "-ltemporal_capi",
                        "-lpthread", f"-Wl,-rpath,{lib.parent}"], check=True)
    subprocess.run(["c++", "-std=c++17", "-O2", "-o", str(out / "cpp_abi"), str(REPOSITORY / "bench" / "cpp_abi.cpp"),
                    "-I", str(REPOSITORY / "include"), "-L", str(lib.parent), "-ltemporal_capi", "-pthread",
                    f"-Wl,-rpath,{lib.parent}"], check=True)
    dotnet = out / "dotnet"
    dotnet.mkdir(exist_ok=True)
    mcs = ["mcs", "-langversion:7", "-nologo", "-optimize+"]
    subprocess.run([*mcs, "-target:library", "-r:System.Runtime.Serialization.dll",
                    f"-out:{dotnet / 'TemporalCapi.dll'}", f"-recurse:{REPOSITORY / 'bindings/dotnet/src'}/*.cs"],
                   check=True)
    subprocess.run([*mcs, f"-r:{dotnet / 'TemporalCapi.dll'}", f"-out:{dotnet / 'dotnet_peer.exe'}",
                    str(REPOSITORY / "bench" / "dotnet_peer.cs")], check=True)
    python = [sys.executable, str(REPOSITORY / "bench" / "python_peer.py")]
    return {
        "direct": [direct],
        "c_abi": [str(out / "c_abi")],
        "cpp_abi": [str(out / "cpp_abi")],
        "dotnet": ["mono", str(dotnet / "dotnet_peer.exe")],
        "temporal_capi": [*python, "temporal_capi"],
        "temporalio": [*python, "temporalio"],
        "waits": [str(out / "waits")],
    }


def run_peer(peer: str, commands: dict[str, list[str]], env, n: int, concurrency: int,
             payload_bytes: int) -> dict[str, dict]:
    """Runs one peer once; returns its phases by op. `x+none` is peer `x` with `grpc_compression: none`."""
    name, _, compression = peer.partition("+")
    expected = [op for op in OPS if op != "payload" or payload_bytes]
    for _attempt in range(3):
        out = subprocess.run([*commands[name], *peer_args(env, n, concurrency, payload_bytes)], cwd=REPOSITORY,
                             capture_output=True, text=True, env=peer_env(compression))
        lines = [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]
        phases = {line["op"]: line for line in lines}
        if out.returncode != 0:
            print(f"# {peer} c={concurrency} exited with {out.returncode} after phases {list(phases)}:\n"
                  + out.stderr[-2000:], file=sys.stderr, flush=True)
        if all(op in phases for op in expected):
            return phases
    raise RuntimeError(f"{peer} did not complete its phases in 3 attempts")


def peer_args(env, n: int, concurrency: int, payload_bytes: int) -> list[str]:
    """The command-line arguments every peer takes, with a fresh workflow-id prefix."""
    return [env.address, env.task_queue, f"bench-{uuid.uuid4().hex[:12]}", str(n), str(concurrency),
            str(payload_bytes)]


def peer_env(compression: str) -> dict[str, str]:
    """The environment of a peer: this repository's package and library, and the compression to use."""
    return {**os.environ, "PYTHONPATH": str(REPOSITORY / "bindings" / "python"),
            "TEMPORAL_CAPI_LIBRARY": str(library()), "LD_LIBRARY_PATH": str(library().parent),
            "TC_BENCH_GRPC_COMPRESSION": compression or "gzip"}


def instructions(command: list[str], env, n: int) -> int:
    """User-space instructions (callgrind's Ir) a native peer executes doing every phase `n` times, one at a time."""
    with tempfile.TemporaryDirectory() as scratch:
        output = Path(scratch) / "callgrind.out"
        subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={output}", *command,
                        *peer_args(env, n, 1, 0)], cwd=REPOSITORY, check=True, capture_output=True,
                       env=peer_env("gzip"))
        totals = re.search(r"^(?:summary|totals): (\d+)", output.read_text(), re.MULTILINE)
        assert totals, f"no totals in {output}"
        return int(totals.group(1))


def boundary(commands: dict[str, list[str]], env, small: int, large: int) -> str:
    """What the C ABI adds per operation over direct Rust, in instructions: each native peer runs
    under callgrind with `small` and with `large` calls per phase, and the difference divided by
    the extra operations is its cost per operation (start-up and connect cancel out)."""
    per_op = {}
    for peer in ("direct", "c_abi", "cpp_abi"):
        extra_ops = (large - small) * 5
        per_op[peer] = (instructions(commands[peer], env, large) - instructions(commands[peer], env, small)) / extra_ops
    lines = ["boundary (callgrind, instructions per operation, mean of start/describe/signal/query/terminate "
             "at 1 in flight)", "", "| peer | instructions/op | over direct |", "|---|---|---|"]
    for peer, count in per_op.items():
        lines.append(f"| {peer} | {count:,.0f} | {count - per_op['direct']:+,.0f} |")
    return "\n".join(lines)


def best(rounds: list[dict[str, dict]]) -> dict[str, dict]:
    """Per op, the round with the least CPU."""
    return {op: min((r[op] for r in rounds), key=lambda p: p["cpu_s"]) for op in rounds[0]}


def cpu_us(phase: dict) -> float:
    """CPU microseconds per operation of a phase."""
    return phase["cpu_s"] / phase["n"] * 1e6


def table(results: dict[str, dict[str, dict]], concurrency: int) -> str:
    """A markdown table of CPU per op and the ratios that matter."""
    peers = list(results)
    head = "| op | " + " | ".join(f"{p} CPU µs/op" for p in peers)
    ratios = [(f"{label}{a} / {b}", a, b) for label, a, b in RATIOS if {a, b} <= set(peers)]
    head += "".join(f" | {name}" for name, _, _ in ratios) + " |"
    lines = [f"concurrency {concurrency}", "", head, "|" + "---|" * (1 + len(peers) + len(ratios))]
    for op in OPS:
        if op not in results[peers[0]]:
            continue
        cells = [f"{cpu_us(results[p][op]):.0f}" for p in peers]
        cells += [f"{cpu_us(results[a][op]) / cpu_us(results[b][op]):.2f}×" for _, a, b in ratios]
        lines.append(f"| {op} | " + " | ".join(cells) + " |")
    if concurrency == 1:
        lines += ["", "| op | " + " | ".join(f"{p} p50/p99 µs" for p in peers) + " |",
                  "|" + "---|" * (1 + len(peers))]
        for op in filter(results[peers[0]].__contains__, OPS):
            cells = [f"{results[p][op]['p50_us']}/{results[p][op]['p99_us']}" for p in peers]
            lines.append(f"| {op} | " + " | ".join(cells) + " |")
    else:
        lines += ["", "| op | " + " | ".join(f"{p} ops/s" for p in peers) + " |",
                  "|" + "---|" * (1 + len(peers))]
        for op in OPS[:-1]:
            cells = [f"{results[p][op]['n'] / results[p][op]['wall_s']:.0f}" for p in peers]
            lines.append(f"| {op} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    """Runs every peer at concurrency 1, 64 and 256, then the waits, and prints the tables."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=1000, help="operations per phase at 64 and at 256 in flight")
    parser.add_argument("--latency-n", type=int, default=200, help="operations per phase at 1 in flight")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--concurrency", default="1,64,256", help="the in-flight levels to run")
    parser.add_argument("--payload-bytes", type=int, default=1 << 20)
    parser.add_argument("--peers", default="direct,c_abi,cpp_abi,dotnet,c_abi+none,temporal_capi,temporal_capi+none,temporalio")
    parser.add_argument("--waits", default="100x100,10000x1")
    parser.add_argument("--boundary", default="20,60",
                        help="SMALL,LARGE calls per phase of the callgrind boundary measurement; empty to skip")
    args = parser.parse_args()
    commands = build()
    import devenv

    with devenv.dev_env() as env:
        for concurrency in map(int, args.concurrency.split(",")):
            n = args.latency_n if concurrency == 1 else args.n
            results = {}
            payload_bytes = args.payload_bytes if concurrency == 1 else 0
            for peer in args.peers.split(","):
                rounds = [run_peer(peer, commands, env, n, concurrency, payload_bytes)
                          for _ in range(args.rounds)]
                results[peer] = best(rounds)
                print(f"# {peer} c={concurrency}: " + json.dumps(results[peer]), file=sys.stderr, flush=True)
            print(table(results, concurrency) + "\n", flush=True)
        for shape in filter(None, args.waits.split(",")):
            runs, waits = shape.split("x")
            out = subprocess.run([*commands["waits"], env.address, env.task_queue,
                                  f"waits-{uuid.uuid4().hex[:12]}", runs, waits],
                                 check=True, capture_output=True, text=True)
            print(f"waits {shape}: {out.stdout.strip()}", flush=True)
        if args.boundary:
            small, large = map(int, args.boundary.split(","))
            print("\n" + boundary(commands, env, small, large), flush=True)


if __name__ == "__main__":
    main()
