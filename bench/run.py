"""Every read a supporter, a coordinator and a funder makes, measured against GET /health on one server.

    .venv/bin/python bench/run.py [--database-url URL] [--workers 1] [--seconds 3] [--concurrency 4]
                                  [--rate 20] [--only PATTERN]

Without --database-url it builds a scratch SQLite file with the demo (30 families). Give it a database made by
`bench/generate.py` to measure at national scale. It starts `bondgenoot serve --workers N`, then per read:

- throughput: `concurrency` connections for `seconds` (wrk when installed, else client threads), as
  requests/second and as a ratio to /health;
- latency at a fixed rate: p50/p99 while sending `rate` requests per second (skipped when one request takes
  longer than the interval, then p50/p99 of the throughput phase are shown);
- queries per request: the statements one request sends, counted in this process with the same app.

Absolute numbers depend on the machine and on what else runs; compare ratios between changes.
"""

import argparse
import time
from datetime import date

import httpx
import load  # bench/load.py, queries.py and server.py, beside this script
from load import Result, closed_loop, fixed_rate, percentile, wrk_available
from queries import count_queries
from server import PASSWORD, environment, serving


def login(base: str, email: str) -> dict[str, str]:
    response = httpx.post(
        f"{base}/auth/token",
        timeout=load.TIMEOUT,
        data={"grant_type": "password", "username": email, "password": PASSWORD},
    )
    response.raise_for_status()
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def funder_headers(base: str, admin: dict[str, str], count: int = 9) -> dict[str, str]:
    """A client of the funder with the most regions, for (up to) `count` of them, and its token."""
    regions = httpx.get(timeout=load.TIMEOUT, url=f"{base}/regions", headers=admin).json()["items"]
    funders = [r["funder_name"] for r in regions]
    funder = max(sorted(set(funders)), key=funders.count)  # a client is bound to one funder's regions
    mine = [r["id"] for r in regions if r["funder_name"] == funder][:count]
    client = httpx.post(
        f"{base}/funder/clients",
        timeout=load.TIMEOUT,
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
        timeout=load.TIMEOUT,
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
    own = httpx.get(timeout=load.TIMEOUT, url=f"{base}/families?limit=1", headers=supporter).json()["items"][
        0
    ]
    family, supporter_id = own["id"], own["supporter_id"]
    region = own["region_id"]
    cursor = None
    for _ in range(20):  # page 21 of the coordinator's list
        url = f"{base}/families?limit=25" + (f"&cursor={cursor}" if cursor else "")
        page = httpx.get(url, headers=coordinator, timeout=load.TIMEOUT)
        cursor = page.json()["next_cursor"]
    team_cursor = httpx.get(f"{base}/team", headers=coordinator, timeout=load.TIMEOUT).json()["next_cursor"]
    today = date.today()
    year = today.year
    first = httpx.get(f"{base}/funder/trajectories?limit=1", headers=funder, timeout=load.TIMEOUT)
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
        (s, "GET /checkin-summary", "/checkin-summary", supporter),
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
        (c, "GET /meetings upcoming", f"/meetings?status=planned&from={today}&order=asc", coordinator),
        (c, "GET /meetings?flagged=true", "/meetings?flagged=true", coordinator),
        (c, "GET /meetings?scope=mine", "/meetings?scope=mine", coordinator),
        (c, "GET /checkin-alerts", "/checkin-alerts", coordinator),
        (c, "GET /checkin-alerts?state=all", "/checkin-alerts?state=all", coordinator),
        (c, "GET /checkin-alerts/count", "/checkin-alerts/count", coordinator),
        (c, "GET /checkin-summary", "/checkin-summary", coordinator),
        (c, "GET /team", "/team", coordinator),
        (c, "GET /team page 2", f"/team?cursor={team_cursor}", coordinator),
        (c, "GET /worklist?supporter_id=", f"/worklist?supporter_id={supporter_id}", coordinator),
        (c, "GET /users", "/users", coordinator),
        (c, "GET /notifications/messages (admin)", "/notifications/messages", admin),
        (c, "GET /outcomes/cohort", "/outcomes/cohort", coordinator),
        (c, "GET /families/{id}/access-log", f"/families/{family}/access-log", coordinator),
        (c, "GET /audit-events (admin)", "/audit-events", admin),
        (c, "GET /audit-events?actor_id= (admin)", f"/audit-events?actor_id={supporter_id}", admin),
        (c, "GET /audit-events?family_id= (admin)", f"/audit-events?family_id={family}", admin),
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
    parser.add_argument(
        "--load",
        choices=["wrk", "threads"],
        default="wrk" if wrk_available() else "threads",
        help="closed-loop load generator (default: wrk when installed)",
    )
    parser.add_argument(
        "--no-migrate", action="store_true", help="measure the database as it is (no migrate, no demo seed)"
    )
    args = parser.parse_args()
    load.TIMEOUT = args.timeout
    env = environment(args.database_url, prepare=not args.no_migrate)
    results: list[Result] = []
    with serving(env, args.workers) as (base, _pid):
        measured = [("-", "GET /health (baseline)", "/health", {})] + [
            r for r in reads(base) if args.only in r[1] and not (args.skip and args.skip in r[1])
        ]
        counter = None if args.no_queries else count_queries(env)
        for role, name, path, headers in measured:
            result = Result(name=name, role=role)
            closed_loop(result, base + path, headers, args.seconds, args.concurrency, tool=args.load)
            if result.closed_p50() < 1 / args.rate:
                fixed_rate(result, base + path, headers, args.seconds, args.rate)
            if counter is not None and role != "-" and result.closed_p50() < 5:
                result.queries = counter("/api/v1" + path, headers)
            results.append(result)
            if len(results) == 1:
                header(args)
            row(result, results[0].rate)


def header(args: argparse.Namespace) -> None:
    database = "PostgreSQL" if args.database_url and "postgres" in args.database_url else "SQLite"
    print(
        f"database: {database}; {args.workers} server process(es); closed loop: {args.load}, "
        f"{args.concurrency} connections, "
        f"{args.seconds:.0f} s per read; p50/p99 at {args.rate:.0f} req/s where one request fits the interval"
    )
    print("| role | read | req/s | ratio to /health | p50 ms | p99 ms | queries |")
    print("| --- | --- | --- | --- | --- | --- | --- |", flush=True)


def row(r: Result, baseline: float) -> None:
    p50, p99 = (
        (percentile(r.fixed, 0.5), percentile(r.fixed, 0.99)) if r.fixed else (r.closed_p50(), r.closed_p99())
    )
    mark = "" if r.fixed else " (closed loop)"
    errors = f" ({r.errors} errors)" if r.errors else ""
    print(
        f"| {r.role} | `{r.name}`{errors} | {r.rate:.1f} | {r.rate / baseline:.3f} | "
        f"{1000 * p50:.0f}{mark} | {1000 * p99:.0f} | "
        f"{'' if r.queries is None else r.queries} |",
        flush=True,
    )


if __name__ == "__main__":
    main()
