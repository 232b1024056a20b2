"""`bondgenoot seed-demo` adds links, weeks of check-ins and an open alert; the printed link works."""

import re

from fastapi.testclient import TestClient
from sqlmodel import Session, col, func, select

from api.demo.seed import seed
from api.models import AuditEvent, Checkin, CheckinAlert, CheckinLink, NotificationMessage
from tests.checkins.factories import open_session


def _counts(session: Session) -> tuple[int, int, int]:
    return (
        session.exec(select(func.count()).select_from(CheckinLink)).one(),
        session.exec(select(func.count()).select_from(Checkin)).one(),
        session.exec(
            select(func.count()).select_from(CheckinAlert).where(col(CheckinAlert.acknowledged_at).is_(None))
        ).one(),
    )


def test_demo_check_ins_are_seeded_once_and_the_printed_link_works(
    client: TestClient, session: Session
) -> None:
    report = seed(session, password="demo-password-123")
    links, checkins, open_alerts = _counts(session)
    assert links >= 5 and checkins >= 5 * links and open_alerts >= 1
    acknowledged = session.exec(
        select(func.count()).select_from(CheckinAlert).where(col(CheckinAlert.acknowledged_at).is_not(None))
    ).one()
    assert acknowledged >= 1
    again = seed(session, password="demo-password-123")
    assert _counts(session) == (links, checkins, open_alerts)
    session.commit()
    # Every check-in came in as the phone sends it (audited as the link's), and the crisis's "bel me" alert
    # reached the supporter's outbox, as the alert rules say.
    by_phone = select(func.count()).select_from(AuditEvent)
    by_phone = by_phone.where(
        AuditEvent.actor_type == "checkin", AuditEvent.action == "create", AuditEvent.object_type == "checkin"
    )
    assert session.exec(by_phone).one() == checkins
    call_me = select(NotificationMessage).where(NotificationMessage.kind == "call_me_alert")
    assert len(session.exec(call_me).all()) == open_alerts
    match = re.search(r"/c#(\S+)\s+code (\d{6})", report)
    assert match is not None, report
    assert match.group(0) in again  # the same pair is printed every time
    headers = open_session(client, match.group(1), match.group(2))
    trend = client.get("/api/v1/checkin/checkins", headers=headers).json()["items"]
    assert len(trend) == 6
    # The BRS ships with English wording only: a member who reads Dutch is not offered it on the phone
    # (it is done with the supporter, or the organisation enters Dutch wording in the instrument editor).
    questionnaires = client.get("/api/v1/checkin/questionnaires", headers=headers).json()["items"]
    assert "brs" not in [q["instrument_code"] for q in questionnaires]
