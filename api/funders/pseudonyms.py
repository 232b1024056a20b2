"""Per-funder pseudonyms: one key per funder (all its clients), pseudonyms stored when first given out.

A family's pseudonym is HMAC-SHA256(funder key, family id), cut to 128 bits. It is written to
`family_pseudonym` the first time a client of that funder sees it (a trajectory list, a webhook), so finding a
family by pseudonym is one index probe, and a rotated key only affects families not yet given out.
"""

import uuid
from collections.abc import Sequence

from sqlalchemy import insert
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col, select

from api.core.secrets import new_pseudonym_key, pseudonym
from api.models import FamilyPseudonym, FunderKey
from api.models.base import new_id, utcnow


def funder_key(session: Session, organisation_id: uuid.UUID, *, funder_name: str) -> FunderKey:
    """The funder's key in this organisation, made on first use (a new client reuses it)."""
    found = session.exec(
        select(FunderKey).where(
            FunderKey.organisation_id == organisation_id, FunderKey.funder_name == funder_name
        )
    ).first()
    if found is None:
        found = FunderKey(
            organisation_id=organisation_id, funder_name=funder_name, pseudonym_key=new_pseudonym_key()
        )
        session.add(found)
        session.flush()
    return found


def given_out(session: Session, key: FunderKey, *, family_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, str]:
    """The funder's pseudonyms of these families, stored on first use (two queries for a page)."""
    ids = list(dict.fromkeys(family_ids))
    if not ids:
        return {}
    known = dict(
        session.exec(
            select(FamilyPseudonym.family_id, FamilyPseudonym.pseudonym).where(
                FamilyPseudonym.funder_key_id == key.id, col(FamilyPseudonym.family_id).in_(ids)
            )
        ).all()
    )
    missing = [i for i in ids if i not in known]
    if missing:
        rows = [
            {
                "id": new_id(),
                "funder_key_id": key.id,
                "family_id": i,
                "pseudonym": pseudonym(key.pseudonym_key, i),
                "created_at": utcnow(),
            }
            for i in missing
        ]
        dialect = session.get_bind().dialect.name
        table = FamilyPseudonym.__table__  # type: ignore[attr-defined]
        # a concurrent request may have stored the same pseudonym: keep the first
        if dialect == "postgresql":
            session.execute(pg_insert(table).on_conflict_do_nothing(), rows)
        elif dialect == "sqlite":
            session.execute(sqlite_insert(table).on_conflict_do_nothing(), rows)
        else:
            session.execute(insert(table), rows)
        known.update({i: pseudonym(key.pseudonym_key, i) for i in missing})
    return known


def family_of(session: Session, key: FunderKey, *, value: str) -> uuid.UUID | None:
    """The family behind a pseudonym this funder was given (an index lookup), or None."""
    return session.exec(
        select(FamilyPseudonym.family_id).where(
            FamilyPseudonym.funder_key_id == key.id, FamilyPseudonym.pseudonym == value
        )
    ).first()
