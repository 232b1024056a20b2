"""The server a benchmark measures: `bondgenoot serve --workers N` on a free port, on a prepared database."""

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

BIN = Path(sys.executable).parent
PASSWORD = "bench-password"


def environment(database_url: str | None, *, prepare: bool = True) -> dict[str, str]:
    """Migrate and seed the demo (a scratch SQLite file without a URL; `prepare=False` leaves a database as
    it is, e.g. one another branch migrated further); the variables the server needs."""
    scratch = tempfile.mkdtemp(prefix="bondgenoot-bench-")
    env = {
        "BONDGENOOT_DATABASE_URL": database_url or f"sqlite:///{scratch}/bench.db",
        "BONDGENOOT_ENVIRONMENT": "development",
        "BONDGENOOT_DEMO_PASSWORD": PASSWORD,
    }
    for command in ("migrate", "seed-demo") if prepare or not database_url else ():
        subprocess.run([BIN / "bondgenoot", command], env=os.environ | env, check=True, capture_output=True)
    return env


def listening(port: int) -> int:
    """How many sockets listen on `port` (with SO_REUSEPORT: one per server process; Linux only, else 1)."""
    try:
        lines = Path("/proc/net/tcp").read_text().splitlines()[1:]
    except OSError:
        return 1
    return sum(1 for line in lines if line.split()[1].endswith(f":{port:04X}") and line.split()[3] == "0A")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(env: dict[str, str], workers: int) -> Iterator[tuple[str, int]]:
    """The API's base URL once every process listens and /health answers, and the server's process id."""
    port = free_port()
    server = subprocess.Popen(
        [BIN / "bondgenoot", "serve", "--port", str(port), "--workers", str(workers)],
        env=os.environ | env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/api/v1"
    try:
        for _ in range(1200):  # a process listens only once it has imported the app (api/serving.py)
            try:
                if listening(port) >= workers and httpx.get(f"{base}/health", timeout=5).is_success:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        yield base, server.pid
    finally:
        server.terminate()
        server.wait()
