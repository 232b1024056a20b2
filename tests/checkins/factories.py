"""Check-in test data: links (token and code in clear, as only the test knows them) and check-ins."""

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from api.checkins.alerts import alert_reasons
from api.checkins.links import code_digest, link_digest, new_secrets
from api.models import Checkin, CheckinAlert, CheckinLink, Family, FamilyMember
from api.models.base import utcnow

SESSION_URL = "/api/v1/checkin/session"
CHECKINS_URL = "/api/v1/checkin/checkins"


def first_member(session: Session, family: Family) -> FamilyMember:
    member = session.exec(select(FamilyMember).where(FamilyMember.family_id == family.id)).first()
    assert member is not None
    return member


def make_link(
    session: Session, family: Family, *, expires_in: timedelta = timedelta(days=90)
) -> tuple[CheckinLink, str, str]:
    """A link for the family's first member; returns (link, token, code)."""
    token, code = new_secrets()
    link = CheckinLink(
        organisation_id=family.organisation_id,
        family_id=family.id,
        member_id=first_member(session, family).id,
        token_digest=link_digest(token),
        code_digest="",
        expires_at=utcnow() + expires_in,
    )
    link.code_digest = code_digest(link.id, code)
    session.add(link)
    session.flush()
    return link, token, code


def make_checkin(
    session: Session, link: CheckinLink, *, wellbeing: int = 6, care_burden: int = 5, days_ago: int = 0
) -> Checkin:
    checkin = Checkin(
        organisation_id=link.organisation_id,
        family_id=link.family_id,
        member_id=link.member_id,
        link_id=link.id,
        wellbeing=wellbeing,
        care_burden=care_burden,
        checked_in_at=utcnow() - timedelta(days=days_ago),
    )
    session.add(checkin)
    session.flush()
    return checkin


def make_alert(session: Session, link: CheckinLink) -> CheckinAlert:
    checkin = make_checkin(session, link, wellbeing=3, care_burden=9)
    reasons = alert_reasons(wellbeing=3, care_burden=9, needs=[], previous_wellbeing=None)
    alert = CheckinAlert(
        organisation_id=link.organisation_id,
        family_id=link.family_id,
        member_id=link.member_id,
        checkin_id=checkin.id,
        reasons=[r.value for r in reasons],
    )
    session.add(alert)
    session.flush()
    return alert


def link_header(token: str) -> dict[str, str]:
    return {"Authorization": f"CheckinLink {token}"}


def open_session(client: TestClient, token: str, code: str) -> dict[str, str]:
    """The headers of an opened check-in session."""
    response = client.post(SESSION_URL, json={"code": code}, headers=link_header(token))
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['session_token']}"}
