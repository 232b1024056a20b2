"""The family list: one index range of plain columns per page, the "aandacht" counts of a caseload, one
audit statement.

Rows are read as columns (no ORM objects, no identity map) with the region's and supporter's names joined in.
On one caseload (a supporter's own, or `supporter_id=`) each item carries its attention, counted by
api/workday/attention.py (the worklist's and the family strip's definition), and the list can be filtered to
families that ask for attention or sorted by it. Across a whole organisation that sort would count every
family's debt before the first row could be answered, so it is refused there (422 attention_needs_caseload).
"""

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import Integer, bindparam, or_, tuple_
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from api.audit import service as audit
from api.auth.principal import Principal
from api.core.errors import Unprocessable
from api.core.kept import Kept
from api.core.pagination import Page, decode_cursor, decode_key, encode_cursor, encode_key, keyset_statement
from api.families.repository import readable_families
from api.families.schemas import AttentionPublic, FamilyListItem
from api.models import Family, FamilyStatus, Region, Role, User
from api.models.base import localtoday
from api.workday.attention import KINDS, attention_statement

Sort = Literal["newest", "attention"]


@dataclass(frozen=True)
class FamilyFilters:
    status: FamilyStatus | None = None
    region_id: uuid.UUID | None = None
    supporter_id: uuid.UUID | None = None
    q: str | None = None
    include_archived: bool = False
    attention: bool = False
    sort: Sort = "newest"


COLUMNS = [c for c in Family.__table__.columns]  # type: ignore[attr-defined]


def filtered(principal: Principal, filters: FamilyFilters) -> SelectOfScalar[Family]:
    statement = readable_families(principal, include_archived=filters.include_archived)
    if filters.status:
        statement = statement.where(Family.status == filters.status)
    if filters.region_id:
        statement = statement.where(Family.region_id == filters.region_id)
    if filters.supporter_id:
        statement = statement.where(Family.supporter_id == filters.supporter_id)
    if filters.q:
        pattern = "%" + filters.q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        statement = statement.where(
            or_(
                col(Family.display_name).ilike(pattern, escape="\\"),
                col(Family.reference).ilike(pattern, escape="\\"),
            )
        )
    return statement


def _with_names(statement: Any) -> Any:
    """The family's columns with its region's and supporter's names (one statement, no ORM objects)."""
    return (
        statement.with_only_columns(
            *COLUMNS, col(Region.name).label("region_name"), col(User.full_name).label("supporter_name")
        )
        .outerjoin(Region, col(Region.id) == Family.region_id)
        .outerjoin(User, col(User.id) == Family.supporter_id)
    )


def _item(row: Any, with_attention: bool = False) -> FamilyListItem:
    data = row._asdict()  # the columns FamilyListItem does not have are ignored
    if with_attention:
        data["attention"] = AttentionPublic(
            total=row.n_total,
            open_alerts=row.n_alerts,
            goals_without_score=row.n_goals,
            overdue_actions=row.n_actions,
            questionnaires_due=row.n_questionnaires,
        )
    return FamilyListItem.model_validate(data)


def list_families(
    session: Session, principal: Principal, *, filters: FamilyFilters, limit: int, cursor: str | None
) -> Page[FamilyListItem]:
    """A page of the caller's families (newest first, or most attention first on one caseload)."""
    one_caseload = principal.role == Role.supporter or filters.supporter_id is not None
    if (filters.attention or filters.sort == "attention") and not one_caseload:
        raise Unprocessable(
            "Filter of sorteer op aandacht binnen één caseload: geef supporter_id / "
            "filter or sort by attention within one caseload: give supporter_id.",
            code="attention_needs_caseload",
            errors=[{"field": "supporter_id", "message": "required with attention", "type": "missing"}],
        )
    statement = filtered(principal, filters)
    if one_caseload:
        items, next_cursor = _caseload_page(session, principal, statement, filters, limit, cursor)
    else:
        keys: dict[str, Any] = dict(moment=Family.created_at, row_id=Family.id, cursor=cursor)
        rows = session.execute(_with_names(keyset_statement(statement, limit=limit + 1, **keys))).all()
        items = [_item(r) for r in rows[:limit]]
        next_cursor = _newest_cursor(rows, limit)
    audit.record_many(
        session, principal, action="list", object_type="family", family_ids=[f.id for f in items]
    )
    return Page(items=items, next_cursor=next_cursor)


def _newest_cursor(rows: Any, limit: int) -> str | None:
    return encode_cursor(rows[limit - 1].created_at, rows[limit - 1].id) if len(rows) > limit else None


def _caseload_page(
    session: Session,
    principal: Principal,
    statement: SelectOfScalar[Family],
    filters: FamilyFilters,
    limit: int,
    cursor: str | None,
) -> tuple[list[FamilyListItem], str | None]:
    """One caseload: the families' attention from the attention statement (with zeros), joined to their rows.

    Newest first without the attention filter, only the page's families are counted (the page is the
    statement's scope); filtered or sorted by attention, every family of the caseload is. The page statement
    is kept per attention statement and shape, its cursor and size are named parameters.
    """
    by_attention = filters.attention or filters.sort == "attention"
    scope = statement.with_only_columns(col(Family.id))
    if not by_attention:
        keys: dict[str, Any] = dict(moment=Family.created_at, row_id=Family.id, cursor=cursor)
        scope = keyset_statement(scope, limit=limit + 1, **keys)
    attention, parameters = attention_statement(session, principal, scope=scope, today=localtoday())
    after = _after(filters.sort, cursor) if by_attention and cursor else []
    parameters |= {f"after_{i}": value for i, value in enumerate(after)} | {"page_limit": limit + 1}
    shape = (attention, filters.sort, filters.attention, bool(after))
    page = _PAGES.get(shape, lambda: _page_statement(attention, filters, after=bool(after)))
    rows = session.execute(page, parameters).all()
    if filters.sort == "newest":
        next_cursor = _newest_cursor(rows, limit)
    else:
        last = rows[limit - 1] if len(rows) > limit else None
        next_cursor = encode_key(last.n_total, last.created_at.isoformat(), last.id) if last else None
    return [_item(r, with_attention=True) for r in rows[:limit]], next_cursor


_PAGES = Kept()


def _after(sort: Sort, cursor: str) -> list[Any]:
    """The sort key of the row a cursor points after."""
    if sort == "newest":
        return list(decode_cursor(cursor))
    return decode_key(cursor, 3, types=(int, datetime.fromisoformat, uuid.UUID))


def _page_statement(attention: Any, filters: FamilyFilters, *, after: bool) -> Any:
    """The page's rows: the attention statement's families (its scope), with their names and counts."""
    counts = attention.subquery("attention")
    total = counts.c.attention
    page = _with_names(select(Family).select_from(counts).join(Family, col(Family.id) == counts.c.family_id))
    page = page.add_columns(*(counts.c[k].label(f"n_{k}") for k in KINDS), total.label("n_total"))
    if filters.attention:
        page = page.where(total > 0)
    key: list[Any] = [col(Family.created_at), col(Family.id)]
    if filters.sort == "attention":
        key.insert(0, total)
    if after:
        named = (bindparam(f"after_{i}", type_=c.type, required=True) for i, c in enumerate(key))
        page = page.where(tuple_(*key) < tuple_(*named))
    page = page.order_by(*(c.desc() for c in key))
    # without the attention filter or sort, the page is already the scope's (its keyset and limit)
    by_attention = filters.attention or filters.sort == "attention"
    return page.limit(bindparam("page_limit", type_=Integer, required=True)) if by_attention else page
