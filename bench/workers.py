"""Two server processes against one on the per-family reads: absolute requests/second, alternating.

    .venv/bin/python bench/workers.py --database-url URL [--rounds 3] [--seconds 5] [--concurrency 8]

Each round starts `bondgenoot serve --workers 1`, then `--workers 2` (every process listening before the
load starts), and drives the five per-family reads of one supporter with wrk (threads when wrk is absent),
one after the other. Rounds alternate so a change in the machine's load hits both sides; the ratio is
two-process req/s over one-process req/s per round. With SO_REUSEPORT the kernel spreads connections over
the processes by a hash, so use at least 8 connections.

Beside the ratio it prints the CPU seconds per request of the API processes, the database's server processes
and the load generator in the one-process run, and from them the best ratio two processes could reach on
this machine's cores (bench/cpu.py): on a machine whose cores also run the database and the load, that bound
is below 2, and on a busy machine the measured ratio falls further short of it.
"""

import argparse
import os

import cpu  # bench/cpu.py, load.py and server.py, beside this script
import httpx
import load
from load import Result, closed_loop, wrk_available
from server import PASSWORD, environment, serving

READS = ("", "/plan", "/timeline", "/outcomes", "/measurement-plan")


def supporter(base: str) -> tuple[dict[str, str], str]:
    """A copied supporter's token (or the demo's) and one family of their caseload."""
    for email in ("s1.fatima@demo.bondgenoot.nl", "fatima@demo.bondgenoot.nl"):
        token = httpx.post(
            f"{base}/auth/token",
            data={"grant_type": "password", "username": email, "password": PASSWORD},
            timeout=60,
        )
        if token.is_success:
            headers = {"Authorization": f"Bearer {token.json()['access_token']}"}
            family = httpx.get(f"{base}/families?limit=1", headers=headers, timeout=60).json()["items"][0]
            return headers, family["id"]
    raise SystemExit("no supporter to log in as")


def measure(env: dict[str, str], workers: int, args: argparse.Namespace) -> tuple[float, cpu.Share]:
    """Requests per second over the per-family reads, summed as one mix (total requests / total time), and
    the CPU seconds per request each side spent while the load ran."""
    with serving(env, workers) as (base, pid):
        headers, family = supporter(base)
        done = api = database = generator = 0.0
        for suffix in READS:
            url = f"{base}/families/{family}{suffix}"
            closed_loop(Result("warm-up", "-"), url, headers, 1, args.concurrency, tool=args.load)
            servers, backends = cpu.tree(pid), cpu.backends(args.database_url)
            before = (cpu.seconds(servers), cpu.seconds(backends), cpu.children())
            result = Result(suffix or "/", "supporter")
            closed_loop(result, url, headers, args.seconds, args.concurrency, tool=args.load)
            # Processes that appeared during the run (a new pool connection) count from zero.
            servers, backends = (
                cpu.tree(pid),
                [*backends, *set(cpu.backends(args.database_url)) - set(backends)],
            )
            api += cpu.seconds(servers) - before[0]
            database += cpu.seconds(backends) - before[1]
            generator += cpu.children() - before[2]
            done += result.rate * args.seconds
        requests = max(done, 1.0)
        return done / (args.seconds * len(READS)), cpu.Share(
            api / requests, database / requests, generator / requests
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--load", choices=["wrk", "threads"], default="wrk" if wrk_available() else "threads")
    parser.add_argument(
        "--no-migrate", action="store_true", help="measure the database as it is (no migrate, no demo seed)"
    )
    args = parser.parse_args()
    load.TIMEOUT = 60
    env = environment(args.database_url, prepare=not args.no_migrate)
    print(f"load: {args.load}, {args.concurrency} connections, {args.seconds:.0f} s per read", flush=True)
    cores = os.cpu_count() or 1
    print(
        "| round | 1 process req/s | 2 processes req/s | ratio | CPU ms per request: API · database · load "
        f"(1 process) | bound for 2 against 1 on {cores} cores | load average |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |", flush=True)
    for round_ in range(1, args.rounds + 1):
        one, share = measure(env, 1, args)
        two, _ = measure(env, 2, args)
        bound = share.bound(2, cores) / share.bound(1, cores)
        spent = " · ".join(f"{1000 * v:.1f}" for v in (share.api, share.database, share.load))
        average = " ".join(f"{v:.1f}" for v in os.getloadavg())
        print(
            f"| {round_} | {one:.1f} | {two:.1f} | {two / one:.2f} | {spent} | {bound:.2f} | {average} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
