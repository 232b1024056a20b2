"""The rule type of the authorization matrix (see tests/test_authorization_matrix.py)."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session

from api.models import Family
from tests.factories import World

STAFF = ("coordinator", "admin")
MATCH_ANY = {"If-Match": "*"}


@dataclass(frozen=True)
class Rule:
    """What each role gets. `kind` is family (scoped to one family), staff (family, coordinator/admin only),
    global (not about one family), org (an object of an organisation, e.g. an account: tried in the caller's
    own organisation and in another, where it is a 404), or funder (client-credentials tokens only: every
    staff token gets 401). `roles=()`: no role of a care organisation may (shared data)."""

    ok: int
    kind: str = "family"
    roles: tuple[str, ...] = ("supporter", "coordinator", "admin")
    body: Callable[[World], dict[str, Any]] | None = None
    form: dict[str, str] | None = None
    headers: dict[str, str] = field(default_factory=dict)
    public: bool = False
    # Extra path parameters, e.g. {"goal_id": ...}, made for the family of the relation under test.
    params: Callable[[Session, World, Family], dict[str, str]] | None = None

    def expected(self, role: str, relation: str) -> int:
        if self.public:
            return self.ok
        if role == "anonymous" or self.kind == "funder":
            return 401
        if self.kind == "global":
            return self.ok if role in self.roles else 403
        if self.kind == "org":
            if role not in self.roles:
                return 403
            return 404 if relation == "other_org" else self.ok
        if relation == "other_org" or (relation == "other_caseload" and role == "supporter"):
            return 404
        return self.ok if role in self.roles else 403
