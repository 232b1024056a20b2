"""Keyset pagination: `limit` + opaque `cursor`, answered as {"items", "next_cursor"}."""

import base64
import binascii
import json
import uuid
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Query
from pydantic import BaseModel
from sqlalchemy import ColumnElement, Select, literal, tuple_
from sqlmodel import Session
from sqlmodel.sql.expression import SelectOfScalar

from api.core.errors import DomainError

T = TypeVar("T")
M = TypeVar("M")
S = TypeVar("S", bound=Select[Any])

LimitQuery = Annotated[int, Query(ge=1, le=100, description="Page size (at most 100).")]
CursorQuery = Annotated[
    str | None, Query(max_length=200, description="The `next_cursor` of the previous page.")
]


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None = None


class InvalidCursor(DomainError):
    status_code = 422
    title = "Invalid cursor"
    code = "invalid_cursor"


def encode_cursor(moment: datetime, row_id: uuid.UUID) -> str:
    raw = json.dumps([moment.isoformat(), str(row_id)]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, uuid.UUID]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        moment, row_id = json.loads(raw)
        return datetime.fromisoformat(moment), uuid.UUID(row_id)
    except (ValueError, TypeError, binascii.Error) as exc:
        raise InvalidCursor(
            "This cursor is not valid; start again from the first page.",
            errors=[{"field": "cursor", "message": "not a cursor from this list", "type": "value_error"}],
        ) from exc


def keyset_statement(statement: S, *, moment: Any, row_id: Any, limit: int, cursor: str | None) -> S:
    """`statement` narrowed to the `limit` rows after `cursor`, newest first by (moment, id): a page, or the
    subquery of a page's ids that set-based reads use as their scope."""
    if cursor:
        after_moment, after_id = decode_cursor(cursor)
        # A row comparison, so the index on (…, moment, id) answers it as one range scan.
        before: ColumnElement[bool] = tuple_(moment, row_id) < tuple_(
            literal(after_moment, moment.type), literal(after_id, row_id.type)
        )
        statement = statement.where(before)
    return statement.order_by(moment.desc(), row_id.desc()).limit(limit)


def keyset_page(
    session: Session,
    statement: SelectOfScalar[M],
    *,
    moment: Any,
    row_id: Any,
    limit: int,
    cursor: str | None,
) -> tuple[Sequence[M], str | None]:
    """Newest first by (moment, id); rows added meanwhile never shift a page already handed out."""
    rows = session.exec(
        keyset_statement(statement, moment=moment, row_id=row_id, limit=limit + 1, cursor=cursor)
    ).all()
    if len(rows) <= limit:
        return rows, None
    last = rows[limit - 1]
    return rows[:limit], encode_cursor(getattr(last, moment.key), last.id)  # type: ignore[attr-defined]


def encode_key(*values: Any) -> str:
    """An opaque cursor for any sort key (strings, numbers, ids, dates as text)."""
    raw = json.dumps([str(v) if isinstance(v, uuid.UUID) else v for v in values]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_key(cursor: str, size: int, *, types: Sequence[Callable[[Any], Any]] = ()) -> list[Any]:
    """The values of a cursor made by `encode_key`, each converted by its `types` entry when given (422 when
    it is not one)."""
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if not isinstance(values, list) or len(values) != size:
            raise ValueError("wrong size")
        return [convert(value) for convert, value in zip(types, values, strict=True)] if types else values
    except (ValueError, TypeError, AttributeError, binascii.Error) as exc:  # uuid.UUID(1): AttributeError
        raise InvalidCursor(
            "This cursor is not valid; start again from the first page.",
            errors=[{"field": "cursor", "message": "not a cursor from this list", "type": "value_error"}],
        ) from exc
