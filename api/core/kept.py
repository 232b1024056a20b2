"""Statements built once and sent again with each request's values.

SQLAlchemy walks a statement's whole tree to find its compiled form, unless it is the same object as before;
for a large statement that walk, and building it, cost more than PostgreSQL takes to answer it. A kept
statement is the same object every time, its text is the same, so psycopg prepares it on the server too.
"""

from collections.abc import Callable, Hashable
from typing import Any, TypeVar, cast

from sqlalchemy import bindparam
from sqlalchemy.sql.elements import BindParameter, ClauseElement
from sqlalchemy.sql.visitors import replacement_traverse

S = TypeVar("S", bound=ClauseElement)

MAX_KEPT = 256  # shapes of a statement (filters given, sort, cursor) times instrument sets; cleared past it


def parameterised(statement: S, prefix: str) -> tuple[S, Hashable | None, dict[str, Any]]:
    """`statement` with every bound value replaced by a required parameter named `<prefix>_<n>` (in the
    order the tree is walked), its shape (equal for statements that differ only in their values; None when
    SQLAlchemy cannot tell), and the values to send. A missing value is an error, never an old request's."""
    values: dict[str, Any] = {}

    def named(element: Any, **_: Any) -> Any:
        if not isinstance(element, BindParameter):
            return None
        name = f"{prefix}_{len(values)}"
        values[name] = element.effective_value
        return bindparam(
            name,
            type_=element.type,
            required=True,
            expanding=element.expanding,
            literal_execute=element.literal_execute,
        )

    replaced = cast(S, replacement_traverse(statement, dict[str, Any](), named))
    key = replaced._generate_cache_key()
    return replaced, None if key is None else key.key, values


class Kept:
    """Statements kept by shape, built on first use (bounded: cleared past MAX_KEPT shapes)."""

    def __init__(self) -> None:
        self._statements: dict[Hashable, Any] = {}

    def get(self, key: Hashable | None, build: Callable[[], Any]) -> Any:
        if key is None:
            return build()
        statement = self._statements.get(key)
        if statement is None:
            if len(self._statements) >= MAX_KEPT:
                self._statements.clear()
            statement = self._statements[key] = build()
        return statement
