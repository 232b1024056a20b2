"""Demo check-ins: personal links for several families, six weeks of weekly check-ins, and alerts.

One link's token and code are printed, so a developer can try the phone page; the demo derives them from the
secret key and the family's reference, so seeding again prints the same working pair.
"""

import base64
import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from api.auth.principal import Principal
from api.checkins import public_service, service
from api.checkins.schemas import CheckinCreate, CheckinLinkCreate, CheckinReceipt
from api.core.config import get_settings
from api.core.security import keyed_digest
from api.demo.context import DemoContext, supporter_of
from api.measurements import recording
from api.measurements.instruments import ensure_catalog
from api.measurements.offering import has_wording
from api.measurements.repository import definition_of, instrument_rows, latest_by_code
from api.measurements.waves import wave_dates
from api.models import (
    CheckinAlert,
    CheckinLink,
    Family,
    FamilyMember,
    FamilyStatus,
    Measurement,
    MemberRole,
)
from api.models.base import replaying_at, utcnow

FAMILIES = 8
WEEKS = 6
PHONE_PATH = "/api/v1/checkin/checkins"  # what the phone posts to (the Idempotency-Key is kept per path)
MESSAGES = [
    "Goede week gehad, het ging beter op school.",
    "Druk met afspraken bij de gemeente.",
    "Slecht geslapen, veel onrust thuis.",
    "Fijn dat oma even heeft opgepast.",
    None,
    None,
]


def demo_secrets(family: Family) -> tuple[str, str]:
    """A stable token (32 bytes, URL-safe) and code for a demo family's link."""
    digest = keyed_digest(family.reference, purpose="demo-checkin-link")
    token = base64.urlsafe_b64encode(bytes.fromhex(digest)).decode().rstrip("=")
    return token, f"{int(digest[:12], 16) % 10**6:06d}"


def _week_values(rng: random.Random, weeks: int) -> list[tuple[int, int]]:
    """A believable weekly walk: wellbeing and care burden move a point at a time."""
    wellbeing, burden = rng.randint(5, 7), rng.randint(3, 6)
    values = []
    for _ in range(weeks):
        values.append((wellbeing, burden))
        wellbeing = min(8, max(4, wellbeing + rng.choice([-1, 0, 0, 1])))
        burden = min(7, max(2, burden + rng.choice([-1, 0, 0, 1])))
    return values


@dataclass
class Link:
    """The secrets a family member holds: the link's token and the code (the database keeps digests)."""

    token: str
    code: str


def _week(
    session: Session,
    who: Principal,
    link: Link,
    week: int,
    values: tuple[int, int],
    rng: random.Random,
    *,
    crisis: bool,
    at: datetime,
) -> bool:
    """One week's check-in from the phone (session with the code, then the check-in), at the moment it was
    made; an alert the supporter handled is acknowledged the next morning. True when an alert stays open."""
    wellbeing, burden = values
    needs = ["call_me", "respite"] if crisis else rng.choice([[], [], ["talk"], ["money_paperwork"]])
    data = CheckinCreate.model_validate({
        "wellbeing": wellbeing, "care_burden": burden, "needs": needs,
        "needs_text": "Hulp bij de aanvraag bij de gemeente." if "money_paperwork" in needs else None,
        "message": "Het gaat even niet meer. Kun je me bellen?" if crisis else rng.choice(MESSAGES),
    })  # fmt: skip
    with replaying_at(at):
        opened = public_service.open_session(session, token=link.token, code=link.code, address=None)
        key, token = f"demo-week-{week}", opened.session_token
        answer = public_service.submit(
            session, token=token, address=None, key=key, path=PHONE_PATH, data=data
        )
    receipt = CheckinReceipt.model_validate_json(bytes(answer.body))
    alert = session.exec(select(CheckinAlert.id).where(CheckinAlert.checkin_id == receipt.id)).first()
    if alert is None:
        return False
    if crisis:
        return True
    with replaying_at(at + timedelta(hours=20)):
        service.acknowledge_alert(session, who, alert_id=alert)
    return False


def _checkins(session: Session, who: Principal, link: Link, rng: random.Random, script: str) -> int:
    """Weekly check-ins; `script` "crisis" ends with an open alert, "heavy_week" has one acknowledged."""
    values = _week_values(rng, WEEKS)
    if script == "crisis":
        values[-1] = (values[-2][0] - 3, 9)
    if script == "heavy_week":
        values[2] = (values[2][0], 8)
    now = utcnow()
    open_alerts = 0
    for week, week_values in enumerate(values):
        at = now - timedelta(days=7 * (WEEKS - 1 - week) + 1, hours=rng.randint(0, 6))
        crisis = script == "crisis" and week == WEEKS - 1
        open_alerts += _week(session, who, link, week, week_values, rng, crisis=crisis, at=at)
    return open_alerts


def seed_checkins(session: Session, context: DemoContext) -> str:
    """Links and check-ins for the first active families; families that have a link are left alone."""
    rng = random.Random(7)
    families = [f for f in context.families if f.status == FamilyStatus.active][:FAMILIES]
    created = open_alerts = 0
    greeting = ""
    for index, family in enumerate(families):
        member = session.exec(
            select(FamilyMember)
            .where(FamilyMember.family_id == family.id, FamilyMember.role == MemberRole.parent)
            .order_by(col(FamilyMember.created_at))
        ).first()
        who = supporter_of(session, family)
        if member is None or who is None:
            continue
        token, code = demo_secrets(family)
        if index == 0:
            greeting = f"  /c#{token}  code {code}  ({family.display_name}, {member.display_name})"
        if session.exec(select(CheckinLink.id).where(CheckinLink.member_id == member.id)).first():
            continue
        # Made six weeks ago, working for 90 days from today (as a supporter hands it out: a link and a code).
        with replaying_at(utcnow() - timedelta(days=7 * WEEKS + 2)):
            service.create_link(
                session, who, family_id=family.id, member_id=member.id,
                data=CheckinLinkCreate(valid_days=7 * WEEKS + 2 + 90), token_and_code=(token, code),
            )  # fmt: skip
        script = {0: "crisis", 1: "heavy_week"}.get(index, "steady")
        open_alerts += _checkins(session, who, Link(token, code), rng, script)
        created += 1
    session.flush()
    lines = [
        f"Check-ins: {created} links created, {WEEKS} weekly check-ins each, open alerts: {open_alerts}."
    ]
    if greeting:
        lines.append("Try the phone check-in page (demo link, token in the #fragment):")
        lines.append(greeting)
    return "\n".join(lines)


def seed_checkin_questionnaire(session: Session, context: DemoContext) -> str:
    """Put the demo link member's next resilience questionnaire (BRS) ready, two answers in, so the phone
    page shows "Vragenlijsten" (runs after the measurements; nothing when that member has one open)."""
    families = [f for f in context.families if f.status == FamilyStatus.active][:1]
    link = (
        session.exec(
            select(CheckinLink)
            .where(CheckinLink.family_id == families[0].id, col(CheckinLink.revoked_at).is_(None))
            .order_by(col(CheckinLink.created_at))
        ).first()
        if families
        else None
    )
    if link is None or link.created_by_id is None:
        return "Check-in questionnaire: no demo link."
    ensure_catalog(session, link.organisation_id)
    row = latest_by_code(instrument_rows(session, link.organisation_id, "brs")).get("brs")
    if row is None or not has_wording(definition_of(row)):
        return "Check-in questionnaire: no questionnaire with wording."
    taken = session.exec(
        select(Measurement).where(
            Measurement.respondent_member_id == link.member_id, Measurement.instrument_code == "brs"
        )
    ).all()
    if any(m.completed_at is None for m in taken):
        return "Check-in questionnaire: already one open."
    done = {m.wave for m in taken}
    wave = next((w.wave for w in wave_dates(families[0], get_settings()) if w.wave not in done), None)
    if wave is None:
        return "Check-in questionnaire: every wave answered."
    who = supporter_of(session, families[0])
    if who is None:
        return "Check-in questionnaire: the demo family has no supporter."
    started = recording.start_measurement(
        session, who, family=families[0], row=row, wave=wave, member_id=link.member_id, user_id=None,
        created_by_id=who.id,
    )  # fmt: skip
    recording.save_answers(session, who, measurement=started, answers={1: 4, 2: 2})
    return f"Check-in questionnaire: BRS ({wave.value}) ready for the demo link, 2 of 6 answered."
