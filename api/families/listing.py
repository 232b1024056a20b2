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

from sqlalchemy import ColumnElement, Integer, func, literal, or_, tuple_
from sqlmodel import Session, col
from sqlmodel.sql.expression import SelectOfScalar

from api.audit import service as audit
from api.auth.principal import Principal
from api.core.errors import Unprocessable
from api.core.pagination import Page, decode_key, encode_cursor, encode_key, keyset_statement
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
    """One caseload: every family's attention in one grouped subquery, joined to the page's rows."""
    attention, parameters = attention_statement(
        session, principal, scope=statement.with_only_columns(col(Family.id)), today=localtoday()
    )
    counts = attention.subquery("attention")
    total = func.coalesce(counts.c.attention, literal(0, Integer))
    page = _with_names(statement).add_columns(
        *(func.coalesce(counts.c[k], 0).label(f"n_{k}") for k in KINDS), total.label("n_total")
    )
    page = page.outerjoin(counts, counts.c.family_id == Family.id)
    if filters.attention:
        page = page.where(total > 0)
    if filters.sort == "newest":
        rows = session.execute(
            keyset_statement(
                page, moment=Family.created_at, row_id=Family.id, limit=limit + 1, cursor=cursor
            ),
            parameters,
        ).all()
        next_cursor = _newest_cursor(rows, limit)
    else:
        if cursor:
            after, moment, row_id = decode_key(cursor, 3)
            key = tuple_(total, col(Family.created_at), col(Family.id))
            before: ColumnElement[bool] = key < tuple_(
                literal(int(after), Integer),
                literal(datetime.fromisoformat(moment), Family.created_at.type),  # type: ignore[attr-defined]
                literal(uuid.UUID(row_id), Family.id.type),  # type: ignore[attr-defined]
            )
            page = page.where(before)
        order = (total.desc(), col(Family.created_at).desc(), col(Family.id).desc())
        rows = session.execute(page.order_by(*order).limit(limit + 1), parameters).all()
        last = rows[limit - 1] if len(rows) > limit else None
        next_cursor = encode_key(last.n_total, last.created_at.isoformat(), last.id) if last else None
    return [_item(r, with_attention=True) for r in rows[:limit]], next_cursor
