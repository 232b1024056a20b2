"""What the foundation seeded, handed to the seeders of later domains (its own module: no import circle)."""

import random
from dataclasses import dataclass, field

from sqlmodel import Session

from api.auth.principal import Principal
from api.models import Family, Organisation, User


@dataclass
class DemoContext:
    """What the foundation seeded, for the seeders of later domains."""

    organisation: Organisation
    users: dict[str, User]
    families: list[Family] = field(default_factory=list)
    rng: random.Random = field(default_factory=lambda: random.Random(2026))
    password: str = field(default="", repr=False)  # every demo account's (BONDGENOOT_DEMO_PASSWORD)


def supporter_of(session: Session, family: Family) -> Principal | None:
    """The family's supporter as the one who acts (None when the family has none)."""
    supporter = session.get(User, family.supporter_id) if family.supporter_id else None
    return acting(supporter) if supporter is not None else None


def acting(user: User) -> Principal:
    """A demo user as the one who acts, for seeders that go through the domain services."""
    return Principal(actor_type="user", id=user.id, role=user.role, organisation_id=user.organisation_id)
