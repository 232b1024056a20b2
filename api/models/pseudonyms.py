"""Per-funder pseudonym keys and the pseudonyms already given out (looked up by index, never recomputed)."""

import uuid
from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from api.models.base import created_at_field, id_field, timestamp_field


class FunderKey(SQLModel, table=True):
    """The HMAC key behind one funder's pseudonyms, shared by every client of that funder.

    A new client or a rotated client secret never changes it; a funder that leaves has its key and its
    pseudonyms deleted, after which nobody can link its data to a family again (see the README).
    """

    __tablename__ = "funder_key"
    __table_args__ = (
        UniqueConstraint("organisation_id", "funder_name", name="uq_funder_key_organisation_funder"),
    )

    id: uuid.UUID = id_field()
    organisation_id: uuid.UUID = Field(foreign_key="organisation.id", index=True)
    funder_name: str = Field(max_length=120)
    pseudonym_key: str = Field(max_length=64)  # 256 random bits, hex
    rotated_at: datetime | None = timestamp_field()
    created_at: datetime = created_at_field()


class FamilyPseudonym(SQLModel, table=True):
    """A family's pseudonym for one funder, stored when first given out, so a lookup is one index probe
    and a rotated key never changes a pseudonym a funder already holds."""

    __tablename__ = "family_pseudonym"
    __table_args__ = (
        UniqueConstraint("funder_key_id", "pseudonym", name="uq_family_pseudonym_funder_key_pseudonym"),
        UniqueConstraint("funder_key_id", "family_id", name="uq_family_pseudonym_funder_key_family"),
    )

    id: uuid.UUID = id_field()
    funder_key_id: uuid.UUID = Field(foreign_key="funder_key.id", index=True)
    family_id: uuid.UUID = Field(foreign_key="family.id", index=True)
    pseudonym: str = Field(max_length=32)
    created_at: datetime = created_at_field()
