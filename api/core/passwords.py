"""The password rule: a length, not a common or breached password, not the account's own address.

The list (`common-passwords.txt.gz`, 19,640 entries, lower case) is the one Django ships (BSD licence),
made by Royce Williams from breached-password corpora; a few Dutch favourites are added below.
"""

import gzip
from functools import lru_cache
from pathlib import Path

from api.core.errors import Unprocessable

MIN_LENGTH = 12
MAX_LENGTH = 128
_LIST = Path(__file__).with_name("common-passwords.txt.gz")
_DUTCH = {"wachtwoord", "welkom", "welkom01", "welkom123", "wachtwoord1", "wachtwoord123", "bondgenoot"}


@lru_cache
def common_passwords() -> frozenset[str]:
    with gzip.open(_LIST, "rt", encoding="utf-8") as lines:
        return frozenset(line.strip() for line in lines if line.strip()) | _DUTCH


def _weak(message: str, field: str) -> Unprocessable:
    return Unprocessable(message, errors=[{"field": field, "message": message, "type": "weak_password"}])


def check_password(password: str, *, email: str | None = None, field: str = "password") -> None:
    """Refuse a password that is too short or long, common or breached, or built from the e-mail address."""
    if not MIN_LENGTH <= len(password) <= MAX_LENGTH:
        raise _weak(
            f"Een wachtwoord heeft {MIN_LENGTH} tot {MAX_LENGTH} tekens / "
            f"a password has {MIN_LENGTH} to {MAX_LENGTH} characters.",
            field,
        )
    folded = password.strip().lower()
    stem = folded.rstrip("0123456789!?.")
    local = (email or "").split("@", 1)[0].lower()
    if (
        not stem  # digits and punctuation only
        or folded in common_passwords()
        or stem in common_passwords()
        or len(set(folded)) < 4
        or (len(local) >= 4 and local in folded)
    ):
        raise _weak(
            "Dit wachtwoord is te makkelijk te raden; kies een langere zin / "
            "this password is too common or easy to guess; choose a longer phrase.",
            field,
        )
