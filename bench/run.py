"""Every read a supporter, a coordinator and a funder makes, measured against GET /health on one server.

    .venv/bin/python bench/run.py [--database-url URL] [--workers 1] [--seconds 3] [--concurrency 4]
                                  [--rate 20] [--only PATTERN]

Without --database-url it builds a scratch SQLite file with the demo (30 families). Give it a database made by
`bench/generate.py` to measure at national scale. It starts `bondgenoot serve --workers N`, then per read:

- throughput: `concurrency` client threads for `seconds`, as requests/second and as a ratio to /health;
- latency at a fixed rate: p50/p99 while sending `rate` requests per second (skipped when one request takes
  longer than the interval, then p50/p99 of the throughput phase are shown);
- queries per request: the statements one request sends, counted in this process with the same app.

Absolute numbers depend on the machine and on what else runs; compare ratios between changes.
"""

import argparse
import contextlib
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import httpx
from queries import count_queries  # bench/queries.py, beside this script

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PASSWORD = "bench-password"


@dataclass
class Result:
    name: str
    role: str
    rate: float = 0.0
    latencies: list[float] = field(default_factory=list)
    fixed: list[float] = field(default_factory=list)
    errors: int = 0
    queries: int | None = None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


TIMEOUT = 300.0


def throughput(result: Result, url: str, headers: dict[str, str], seconds: float, concurrency: int) -> None:
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


def login(base: str, email: str) -> dict[str, str]:
    response = httpx.post(
        f"{base}/auth/token",
        timeout=TIMEOUT,
        data={"grant_type": "password", "username": email, "password": PASSWORD},
    )
    response.raise_for_status()
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def funder_headers(base: str, admin: dict[str, str], count: int = 9) -> dict[str, str]:
    """A client of the funder with the most regions, for (up to) `count` of them, and its token."""
    regions = httpx.get(timeout=TIMEOUT, url=f"{base}/regions", headers=admin).json()["items"]
    funders = [r["funder_name"] for r in regions]
    funder = max(sorted(set(funders)), key=funders.count)  # a client is bound to one funder's regions
    mine = [r["id"] for r in regions if r["funder_name"] == funder][:count]
    client = httpx.post(
        f"{base}/funder/clients",
        timeout=TIMEOUT,
        headers=admin,
        json={
            "name": f"bench {count} {time.time():.0f}",
            "funder_name": funder,
            "region_ids": mine,
            "scopes": ["outcomes:read", "trajectories:read"],
        },
    )
    client.raise_for_status()
    body = client.json()
    token = httpx.post(
        f"{base}/auth/token",
        timeout=TIMEOUT,
        data={
            "grant_type": "client_credentials",
            "client_id": body["client_id"],
            "client_secret": body["client_secret"],
        },
    )
    token.raise_for_status()
    return {"Authorization": f"Bearer {token.json()['access_token']}"}


def reads(base: str) -> list[tuple[str, str, str, dict[str, str]]]:
    """(role, name, path, headers) for every read measured."""
    coordinator = login(base, "coordinator@demo.bondgenoot.nl")
    admin = login(base, "admin@demo.bondgenoot.nl")
    # At scale the demo's supporters are copied (s1.fatima@…) with a caseload of about 40 families.
    try:
        supporter = login(base, "s1.fatima@demo.bondgenoot.nl")
    except httpx.HTTPStatusError:
        supporter = login(base, "fatima@demo.bondgenoot.nl")
    funder = funder_headers(base, admin)
    one_region = funder_headers(base, admin, 1)
    own = httpx.get(timeout=TIMEOUT, url=f"{base}/families?limit=1", headers=supporter).json()["items"][0]
    family, supporter_id = own["id"], own["supporter_id"]
    region = own["region_id"]
    cursor = None
    for _ in range(20):  # page 21 of the coordinator's list
        url = f"{base}/families?limit=25" + (f"&cursor={cursor}" if cursor else "")
        page = httpx.get(url, headers=coordinator, timeout=TIMEOUT)
        cursor = page.json()["next_cursor"]
    year = date.today().year
    first = httpx.get(f"{base}/funder/trajectories?limit=1", headers=funder, timeout=TIMEOUT)
    trajectories = first.json()["items"]
    s, c, f = "supporter", "coordinator", "funder"
    paths = [
        (s, "GET /users/me", "/users/me", supporter),
        (s, "GET /families (own caseload)", "/families?limit=25", supporter),
        (s, "GET /families/{id}", f"/families/{family}", supporter),
        (s, "GET /families/{id}/plan", f"/families/{family}/plan", supporter),
        (s, "GET /families/{id}/timeline", f"/families/{family}/timeline", supporter),
        (s, "GET /families/{id}/outcomes", f"/families/{family}/outcomes", supporter),
        (s, "GET /families/{id}/measurement-plan", f"/families/{family}/measurement-plan", supporter),
        (s, "GET /evaluation-debt", "/evaluation-debt", supporter),
        (s, "GET /evaluation-debt?family_id=", f"/evaluation-debt?family_id={family}", supporter),
        (s, "GET /measurements/due", "/measurements/due", supporter),
        (s, "GET /meetings?limit=25", "/meetings?limit=25", supporter),
        (s, "GET /checkin-alerts", "/checkin-alerts", supporter),
        (c, "GET /families?limit=25", "/families?limit=25", coordinator),
        (c, "GET /families?limit=100", "/families?limit=100", coordinator),
        (c, "GET /families?status=active", "/families?status=active&limit=25", coordinator),
        (c, "GET /families?region_id=", f"/families?region_id={region}&limit=25", coordinator),
        (c, "GET /families?supporter_id=", f"/families?supporter_id={supporter_id}&limit=25", coordinator),
        (c, "GET /families?q=", "/families?q=de%20v&limit=25", coordinator),
        (c, "GET /families?q= (reference)", "/families?q=BG-&limit=25", coordinator),
        (c, "GET /families page 21", f"/families?limit=25&cursor={cursor}", coordinator),
        (
            c,
            "GET /families?supporter_id= sort=attention",
            f"/families?supporter_id={supporter_id}&sort=attention",
            coordinator,
        ),
        (s, "GET /families?attention=true", "/families?attention=true", supporter),
        (s, "GET /worklist", "/worklist", supporter),
        (c, "GET /evaluation-debt (organisation)", "/evaluation-debt", coordinator),
        (c, "GET /evaluation-debt/summary", "/evaluation-debt/summary", coordinator),
        (c, "GET /meetings?limit=25", "/meetings?limit=25", coordinator),
        (c, "GET /checkin-alerts", "/checkin-alerts", coordinator),
        (c, "GET /outcomes/cohort", "/outcomes/cohort", coordinator),
        (c, "GET /families/{id}/access-log", f"/families/{family}/access-log", coordinator),
        (c, "GET /audit-events (admin)", "/audit-events", admin),
        (
            f,
            "GET /funder/outcomes (year)",
            f"/funder/outcomes?from={year}-01-01&to={year}-12-31&period=year",
            funder,
        ),
        (
            f,
            "GET /funder/outcomes (one region, quarters)",
            f"/funder/outcomes?from={year - 1}-01-01&to={year}-12-31&period=quarter",
            one_region,
        ),
        (
            f,
            "GET /funder/outcomes (quarters)",
            f"/funder/outcomes?from={year - 1}-01-01&to={year}-12-31&period=quarter",
            funder,
        ),
        (f, "GET /funder/trajectories", "/funder/trajectories?limit=100", funder),
    ]
    if trajectories:
        pseudonym = trajectories[0]["pseudonym"]
        paths.append(
            (f, "GET /funder/trajectories/{p}/fhir", f"/funder/trajectories/{pseudonym}/fhir", funder)
        )
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--seconds", type=float, default=3)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--rate", type=float, default=20, help="requests per second for p50/p99")
    parser.add_argument("--only", default="", help="measure only reads whose name contains this")
    parser.add_argument("--skip", default=None, help="leave out reads whose name contains this")
    parser.add_argument(
        "--timeout", type=float, default=300, help="seconds before a request counts as failed"
    )
    parser.add_argument("--no-queries", action="store_true", help="skip counting queries per request")
    args = parser.parse_args()
    global TIMEOUT
    TIMEOUT = args.timeout

    scratch = tempfile.mkdtemp(prefix="bondgenoot-bench-")
    env = {
        "BONDGENOOT_DATABASE_URL": args.database_url or f"sqlite:///{scratch}/bench.db",
        "BONDGENOOT_ENVIRONMENT": "development",
        "BONDGENOOT_DEMO_PASSWORD": PASSWORD,
    }
    for command in ("migrate", "seed-demo"):
        subprocess.run([BIN / "bondgenoot", command], env=os.environ | env, check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen(
        [BIN / "bondgenoot", "serve", "--port", str(port), "--workers", str(args.workers)],
        env=os.environ | env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/api/v1"
    results: list[Result] = []
    try:
        for _ in range(200):
            try:
                httpx.get(f"{base}/health", timeout=TIMEOUT).raise_for_status()
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        measured = [("-", "GET /health (baseline)", "/health", {})] + [
            r for r in reads(base) if args.only in r[1] and not (args.skip and args.skip in r[1])
        ]
        counter = None if args.no_queries else count_queries(env)
        for role, name, path, headers in measured:
            result = Result(name=name, role=role)
            throughput(result, base + path, headers, args.seconds, args.concurrency)
            if percentile(result.latencies, 0.5) < 1 / args.rate:
                fixed_rate(result, base + path, headers, args.seconds, args.rate)
            if counter is not None and role != "-" and percentile(result.latencies, 0.5) < 5:
                result.queries = counter("/api/v1" + path, headers)
            results.append(result)
            if len(results) == 1:
                header(args)
            row(result, results[0].rate)
    finally:
        server.terminate()
        server.wait()


def header(args: argparse.Namespace) -> None:
    database = "PostgreSQL" if args.database_url and "postgres" in args.database_url else "SQLite"
    print(
        f"database: {database}; {args.workers} server process(es); {args.concurrency} client threads, "
        f"{args.seconds:.0f} s per read; p50/p99 at {args.rate:.0f} req/s where one request fits the interval"
    )
    print("| role | read | req/s | ratio to /health | p50 ms | p99 ms | queries |")
    print("| --- | --- | --- | --- | --- | --- | --- |", flush=True)


def row(r: Result, baseline: float) -> None:
    latencies = r.fixed or r.latencies
    mark = "" if r.fixed else " (closed loop)"
    errors = f" ({r.errors} errors)" if r.errors else ""
    print(
        f"| {r.role} | `{r.name}`{errors} | {r.rate:.1f} | {r.rate / baseline:.3f} | "
        f"{1000 * statistics.median(latencies):.0f}{mark} | {1000 * percentile(latencies, 0.99):.0f} | "
        f"{'' if r.queries is None else r.queries} |",
        flush=True,
    )


if __name__ == "__main__":
    main()
