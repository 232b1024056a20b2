"""CPU seconds spent by each side of a benchmark (Linux /proc), so a throughput ratio can be read against
what the machine could give at all.

Throughput on a machine of C cores is bounded twice: by the API processes (n processes use at most n cores,
so n / a requests per second for `a` API CPU seconds per request) and by the machine (C / (a + d + l) with
`d` the database's and `l` the load generator's CPU seconds per request). CPU seconds per request hardly move
with what else runs on the machine, so the bound for two processes against one can be measured on a busy
machine, where the ratio itself cannot.
"""

import os
import resource
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, text

TICK = os.sysconf("SC_CLK_TCK")


def _stat(pid: int) -> list[str]:
    # The command name (field 2) may hold spaces; every field after its closing parenthesis is plain.
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()


def tree(pid: int) -> list[int]:
    """The process and all its descendants."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int(_stat(int(entry.name))[1])
            except (OSError, IndexError):
                continue
    found, frontier = [pid], [pid]
    while frontier:
        frontier = [child for child, parent in parents.items() if parent in frontier]
        found += frontier
    return found


def seconds(pids: list[int]) -> float:
    """User plus system CPU seconds the processes have used so far (those that ended count nothing)."""
    total = 0
    for pid in pids:
        try:
            fields = _stat(pid)
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / TICK


def backends(database_url: str | None) -> list[int]:
    """The PostgreSQL server processes serving connections to this database (none for SQLite)."""
    if not database_url or not database_url.startswith("postgresql"):
        return []
    engine = create_engine(database_url)
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT pid FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        )
        pids = [int(pid) for (pid,) in rows]
    engine.dispose()
    return pids


def children() -> float:
    """CPU seconds of this script's finished child processes (the load generator's runs)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@dataclass
class Share:
    """CPU seconds per request: the API processes, the database, the load generator."""

    api: float
    database: float
    load: float

    def bound(self, processes: int, cores: int) -> float:
        """The most requests per second `processes` API processes can serve on `cores` cores."""
        return min(processes / self.api, cores / (self.api + self.database + self.load))
