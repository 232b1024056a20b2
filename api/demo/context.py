"""What the foundation seeded, handed to the seeders of later domains (its own module: no import circle)."""

import random
from dataclasses import dataclass, field

from api.models import Family, Organisation, User


@dataclass
class DemoContext:
    """What the foundation seeded, for the seeders of later domains."""

    organisation: Organisation
    users: dict[str, User]
    families: list[Family] = field(default_factory=list)
    rng: random.Random = field(default_factory=lambda: random.Random(2026))
