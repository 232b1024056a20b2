"""Suppression that cannot be subtracted away: calendar cells in a year > quarter > month lattice.

Every published cell covers a whole calendar period, so two cells are either disjoint or nested. A cell is
published only when it rests on at least `threshold` families, its parent is published, and the difference
with every published ancestor is zero or at least `threshold` families (so no subtraction of two cells
isolates a smaller group). When exactly one child of a published parent is withheld, the smallest published
sibling is withheld too (complementary suppression). The decision depends only on the data of the period's
own year, never on the window asked for, so every request sees the same cells.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

LEVELS = ("year", "quarter", "month")
STEP = {"year": 12, "quarter": 3, "month": 1}


class Reason(StrEnum):
    below_threshold = "below_threshold"
    difference = "difference_below_threshold"
    complementary = "complementary"
    parent_withheld = "parent_withheld"
    period_open = "period_open"
    example_norms = "example_norms"
    no_norms = "no_norms"


@dataclass(frozen=True)
class Node:
    key: str
    level: str
    start: date
    end: date
    parent: str | None


def _add_months(day: date, months: int) -> date:
    total = day.month - 1 + months
    return date(day.year + total // 12, total % 12 + 1, 1)


def key_of(level: str, start: date) -> str:
    if level == "year":
        return f"{start.year}"
    if level == "quarter":
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    return f"{start.year}-{start.month:02d}"


def lattice(first_year: int, last_year: int, finest: str) -> list[Node]:
    """Every period of the years asked about, from the year down to `finest` (year, quarter or month)."""
    levels = LEVELS[: LEVELS.index(finest) + 1]
    nodes = []
    for year in range(first_year, last_year + 1):
        for level in levels:
            start = date(year, 1, 1)
            while start.year == year:
                following = _add_months(start, STEP[level])
                parent = None
                if level != "year":
                    above = levels[levels.index(level) - 1]
                    parent_start = date(year, ((start.month - 1) // STEP[above]) * STEP[above] + 1, 1)
                    parent = key_of(above, parent_start)
                nodes.append(Node(key_of(level, start), level, start, following - timedelta(days=1), parent))
                start = following
    return nodes


def decide(nodes: list[Node], counts: dict[str, int], threshold: int) -> dict[str, Reason | None]:
    """Why each period's cell is withheld (None: published), from the number of families behind it."""
    by_key = {n.key: n for n in nodes}
    reasons: dict[str, Reason | None] = {}

    def ancestors(node: Node) -> list[Node]:
        found = []
        while node.parent is not None:
            node = by_key[node.parent]
            found.append(node)
        return found

    for level in LEVELS:
        layer = [n for n in nodes if n.level == level]
        for node in layer:
            n = counts.get(node.key, 0)
            above = ancestors(node)
            if n == 0:
                reasons[node.key] = None  # nothing to hide: an empty cell
            elif any(reasons[a.key] is not None for a in above):
                reasons[node.key] = Reason.parent_withheld
            elif n < threshold:
                reasons[node.key] = Reason.below_threshold
            elif any(0 < counts.get(a.key, 0) - n < threshold for a in above):
                reasons[node.key] = Reason.difference
            else:
                reasons[node.key] = None
        siblings: dict[str, list[Node]] = {}
        for node in layer:
            if node.parent is not None:
                siblings.setdefault(node.parent, []).append(node)
        for parent, children in siblings.items():
            if reasons[parent] is not None:
                continue
            withheld = [c for c in children if reasons[c.key] is not None and counts.get(c.key, 0) > 0]
            shown = sorted(
                (c for c in children if reasons[c.key] is None and counts.get(c.key, 0) > 0),
                key=lambda c: (counts[c.key], c.start),
            )
            if len(withheld) == 1 and shown:
                reasons[shown[0].key] = Reason.complementary
    return reasons
