"""Throughput of the main read endpoints as a fraction of a trivial endpoint's, on one server in one run.

    .venv/bin/python bench/run.py [--database-url URL] [--seconds 5] [--concurrency 4]

Starts `bondgenoot serve` on a scratch database with the demo data, then for each endpoint sends
requests from `concurrency` threads for `seconds` and reports requests/second and the ratio to
GET /api/v1/health. Absolute numbers depend on the machine; compare the ratios between changes.
"""

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def measure(url: str, headers: dict[str, str], seconds: float, concurrency: int) -> float:
    done = [0] * concurrency
    stop = time.perf_counter() + seconds

    def worker(slot: int) -> None:
        with httpx.Client(headers=headers, timeout=30) as client:
            while time.perf_counter() < stop:
                client.get(url).raise_for_status()
                done[slot] += 1

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(concurrency)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(done) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args()

    scratch = tempfile.mkdtemp(prefix="bondgenoot-bench-")
    env = os.environ | {
        "BONDGENOOT_DATABASE_URL": args.database_url or f"sqlite:///{scratch}/bench.db",
        "BONDGENOOT_ENVIRONMENT": "development",
        "BONDGENOOT_DEMO_PASSWORD": "bench-password",
    }
    for command in ("migrate", "seed-demo"):
        subprocess.run([BIN / "bondgenoot", command], env=env, check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen(
        [BIN / "bondgenoot", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/api/v1"
    try:
        for _ in range(100):
            try:
                httpx.get(f"{base}/health").raise_for_status()
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        token = httpx.post(
            f"{base}/auth/token",
            data={
                "grant_type": "password",
                "username": "coordinator@demo.bondgenoot.nl",
                "password": "bench-password",
            },
        ).json()["access_token"]
        headers = {"Authorization": f"Bearer {token}"}
        family_id = httpx.get(f"{base}/families?limit=1", headers=headers).json()["items"][0]["id"]
        endpoints = {
            "GET /health (baseline)": f"{base}/health",
            "GET /users/me": f"{base}/users/me",
            "GET /families?limit=25": f"{base}/families?limit=25",
            "GET /families?limit=100": f"{base}/families?limit=100",
            "GET /families/{id}": f"{base}/families/{family_id}",
            "GET /families/{id}/plan": f"{base}/families/{family_id}/plan",
            "GET /families/{id}/timeline": f"{base}/families/{family_id}/timeline",
            "GET /families/{id}/outcomes": f"{base}/families/{family_id}/outcomes",
            "GET /meetings?limit=25": f"{base}/meetings?limit=25",
            "GET /checkin-alerts": f"{base}/checkin-alerts",
            "GET /outcomes/cohort": f"{base}/outcomes/cohort",
        }
        results = {
            name: measure(url, headers, args.seconds, args.concurrency) for name, url in endpoints.items()
        }
    finally:
        server.terminate()
        server.wait()
    baseline = results["GET /health (baseline)"]
    database = "PostgreSQL" if args.database_url and "postgres" in args.database_url else "SQLite"
    print(f"database: {database}; {args.concurrency} client threads, {args.seconds:.0f} s per endpoint")
    print(f"{'endpoint':<34}{'req/s':>10}{'ratio':>10}")
    for name, rate in results.items():
        print(f"{name:<34}{rate:>10.0f}{rate / baseline:>10.2f}")


if __name__ == "__main__":
    main()
