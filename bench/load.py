"""Load for bench/run.py and bench/workers.py: a closed loop (wrk when installed, else client threads) and an
open loop at a fixed rate.

wrk (`apt-get install wrk`) drives the server from one event loop in C, so on a small machine the load
generator takes little of the CPU the server needs; the Python threads are the fallback (`--load threads`)."""

import contextlib
import re
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass, field

import httpx

TIMEOUT = 300.0


@dataclass
class Result:
    name: str
    role: str
    rate: float = 0.0
    latencies: list[float] = field(default_factory=list)  # closed loop, per request (threads)
    closed: tuple[float, float] | None = None  # closed loop p50/p99 as wrk reports them
    fixed: list[float] = field(default_factory=list)
    errors: int = 0
    queries: int | None = None

    def closed_p50(self) -> float:
        return self.closed[0] if self.closed else percentile(self.latencies, 0.5)

    def closed_p99(self) -> float:
        return self.closed[1] if self.closed else percentile(self.latencies, 0.99)


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def wrk_available() -> bool:
    return shutil.which("wrk") is not None


def closed_loop(
    result: Result, url: str, headers: dict[str, str], seconds: float, concurrency: int, *, tool: str
) -> None:
    """`concurrency` requests in flight for `seconds`; `tool` is "wrk" or "threads"."""
    if tool == "wrk":
        _wrk(result, url, headers, seconds, concurrency)
    else:
        _threads(result, url, headers, seconds, concurrency)


_UNITS = {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}


def _seconds(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()  # type: ignore[union-attr]
    return float(number) * _UNITS[unit]


def _wrk(result: Result, url: str, headers: dict[str, str], seconds: float, concurrency: int) -> None:
    command = ["wrk", "-t1", f"-c{concurrency}", f"-d{max(1, round(seconds))}s", "--latency"]
    command += [f"--timeout={int(TIMEOUT)}s"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    out = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    done = re.search(r"(\d+) requests in", out)
    shares = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", out, re.MULTILINE))
    if done is None or int(done.group(1)) < concurrency or len(shares) < 2:
        # wrk drops what is still in flight when time is up: a read slower than that needs the threads
        _threads(result, url, headers, seconds, concurrency)
        return
    result.rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    result.closed = (_seconds(shares["50"]), _seconds(shares["99"]))
    failed = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    timeouts = re.search(r"Socket errors:.*timeout (\d+)", out)
    result.errors = int(failed.group(1) if failed else 0) + int(timeouts.group(1) if timeouts else 0)


def _threads(result: Result, url: str, headers: dict[str, str], seconds: float, concurrency: int) -> None:
    stop = time.perf_counter() + seconds
    lock = threading.Lock()

    def worker() -> None:
        with httpx.Client(headers=headers, timeout=TIMEOUT) as client:
            while time.perf_counter() < stop:
                started = time.perf_counter()
                try:
                    failed = client.get(url).status_code >= 400
                except httpx.HTTPError:
                    failed = True
                elapsed = time.perf_counter() - started
                with lock:
                    result.latencies.append(elapsed)
                    result.errors += failed

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    result.rate = len(result.latencies) / (time.perf_counter() - started)


def fixed_rate(result: Result, url: str, headers: dict[str, str], seconds: float, rate: float) -> None:
    """Open loop: a request every 1/rate seconds (a pool of senders: a slow answer never delays the next)."""
    interval = 1 / rate
    count = max(1, int(seconds * rate))
    lock = threading.Lock()
    start = time.perf_counter()
    clients = [httpx.Client(headers=headers, timeout=TIMEOUT) for _ in range(8)]

    def send(i: int) -> None:
        delay = start + i * interval - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        began = time.perf_counter()
        with contextlib.suppress(httpx.HTTPError):
            clients[i % len(clients)].get(url)
        with lock:
            result.fixed.append(time.perf_counter() - began)

    slots: list[list[int]] = [list(range(i, count, 8)) for i in range(8)]

    def run(indices: list[int]) -> None:
        for i in indices:
            send(i)

    threads = [threading.Thread(target=run, args=(s,)) for s in slots]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for c in clients:
        c.close()
