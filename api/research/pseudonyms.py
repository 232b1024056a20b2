"""Per-project pseudonyms: HMAC-SHA256 under the project's own key, with a kind prefix.

Stable within a project (same key, same id), unrelated between projects (another key) and to every funder's
pseudonyms (another key, and a different message: the kind is part of what is signed). Nothing is stored:
researchers never look a family up by pseudonym, so there is no table that could link them back.
"""

import hashlib
import hmac
import secrets
import uuid

PREFIX = {"family": "F", "respondent": "R", "measurement": "M", "goal": "G", "meeting": "E"}


def new_key() -> str:
    """256 random bits, hex."""
    return secrets.token_hex(32)


def pseudonym(key: str, kind: str, value: uuid.UUID) -> str:
    """`F3a9…` for a family: the kind's letter and 80 bits of HMAC-SHA256(key, kind ':' id)."""
    digest = hmac.new(bytes.fromhex(key), kind.encode() + b":" + value.bytes, hashlib.sha256).hexdigest()
    return PREFIX[kind] + digest[:20]


class Pseudonymiser:
    """The pseudonyms of one project (computed per row: an HMAC is cheaper than a cache that grows)."""

    def __init__(self, key: str) -> None:
        self._key = key

    def __call__(self, kind: str, value: uuid.UUID | None) -> str | None:
        return None if value is None else pseudonym(self._key, kind, value)
