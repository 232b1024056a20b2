"""The meeting routes in the authorization matrix (merged into tests/test_authorization_matrix.py)."""

import uuid
from datetime import UTC, datetime, timedelta

from sqlmodel import Session

from api.models import Family
from tests.factories import World
from tests.matrix_rules import MATCH_ANY, Rule
from tests.meetings.factories import make_meeting, parts_of

MEETING = "/api/v1/meetings/{meeting_id}"
# Bodies cannot see the meeting the matrix makes: its participant has a known id (each test rolls back).
PARTICIPANT = uuid.UUID("5b3f7a7e-0000-4000-8000-000000000001")


def _meeting(session: Session, _: World, family: Family) -> dict[str, str]:
    params = parts_of(session, make_meeting(session, family, participant_id=PARTICIPANT))
    session.commit()
    return params


def _start() -> str:
    return (datetime.now(UTC) + timedelta(days=7)).isoformat()


ROUTES: dict[tuple[str, str], Rule] = {
    ("GET", "/api/v1/families/{family_id}/meetings"): Rule(200),
    ("POST", "/api/v1/families/{family_id}/meetings"): Rule(201, body=lambda w: {"starts_at": _start()}),
    ("GET", "/api/v1/families/{family_id}/timeline"): Rule(200),
    ("GET", "/api/v1/meetings"): Rule(200, kind="global"),
    ("GET", MEETING): Rule(200, params=_meeting),
    ("PATCH", MEETING): Rule(200, params=_meeting, body=lambda w: {"place": "Buurthuis"}, headers=MATCH_ANY),
    ("POST", MEETING + "/cancel"): Rule(200, params=_meeting, body=lambda w: {}),
    ("POST", MEETING + "/close"): Rule(200, params=_meeting, body=lambda w: {"minutes": "Goed gesprek."}),
    ("GET", MEETING + "/summary"): Rule(200, params=_meeting),
    ("GET", MEETING + "/invite.ics"): Rule(200, params=_meeting),
    ("POST", MEETING + "/participants"): Rule(
        201, params=_meeting, body=lambda w: {"kind": "guest", "name": "Dr. Jansen", "role": "jeugdarts"}
    ),
    ("PATCH", MEETING + "/participants/{participant_id}"): Rule(
        200, params=_meeting, body=lambda w: {"invitation": "accepted"}
    ),
    ("DELETE", MEETING + "/participants/{participant_id}"): Rule(204, params=_meeting),
    ("PUT", MEETING + "/attendance"): Rule(
        200,
        params=_meeting,
        body=lambda w: {"items": [{"participant_id": str(PARTICIPANT), "attendance": "excused"}]},
    ),
    ("POST", MEETING + "/agenda-items"): Rule(201, params=_meeting, body=lambda w: {"title": "Vervoer"}),
    ("POST", MEETING + "/agenda-items/from-plan"): Rule(200, params=_meeting),
    ("PATCH", MEETING + "/agenda-items/{item_id}"): Rule(
        200, params=_meeting, body=lambda w: {"note": "Besproken"}
    ),
    ("DELETE", MEETING + "/agenda-items/{item_id}"): Rule(204, params=_meeting),
    ("POST", MEETING + "/decisions"): Rule(
        201, params=_meeting, body=lambda w: {"kind": "note", "text": "Afspraak"}
    ),
    ("PUT", MEETING + "/decisions/{decision_id}"): Rule(
        200, params=_meeting, body=lambda w: {"kind": "note", "text": "Andere afspraak"}
    ),
    ("DELETE", MEETING + "/decisions/{decision_id}"): Rule(204, params=_meeting),
}
