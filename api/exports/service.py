"""Compose a family's export from each domain's own queries and views, in a fixed number of queries.

Only the lower, non-auditing pieces of the domains are used here, so the whole export is one audit event
(`export`). Scope is the families module's: a family outside the caller's reach is a 404 (and the refusal is
audited). Left out on purpose: the audit log (available separately via `GET /families/{id}/access-log`), every
secret or hash (check-in link token and code digests are not in `CheckinLinkPublic`), the rate-limit rows of
the public check-in endpoints (keyed by hashes, not by family), the funders' webhook outbox (thin notices
with pseudonyms) and the instruments' question wording (licensed text; answers are given by item number).
"""

import uuid

from sqlalchemy.orm import joinedload
from sqlmodel import Session, col, select

from api.audit import service as audit
from api.auth.principal import Principal
from api.checkins import repository as checkin_repo
from api.checkins.service import alert_public, checkin_public, link_public
from api.exports.schemas import FamilyExport, MeasurementExport
from api.families.repository import get_readable_family
from api.families.service import to_detail
from api.funders.consent import consent_public
from api.measurements.factors import family_factor_public
from api.measurements.presenters import answers_of, measurement_public, scale_scores
from api.measurements.repository import definition_of, family_measurements, members_of, scores_of, users_by_id
from api.measurements.waves import member_respondent, user_respondent
from api.meetings.plan_links import crucial_people
from api.meetings.presenters import meeting_detail
from api.meetings.repository import participants_of
from api.meetings.schemas import MeetingDetail
from api.meetings.timeline import status_changes
from api.models import (
    Checkin,
    CheckinAlert,
    CheckinLink,
    Factor,
    Family,
    FamilyConsent,
    FamilyFactor,
    GasScore,
    Instrument,
    Meeting,
    MeetingAgendaItem,
    MeetingDecision,
    PlanVersion,
)
from api.models.base import localtoday, utcnow
from api.plans import repository as plan_repo
from api.plans.gas import score_public
from api.plans.presenters import version_detail
from api.plans.service import plan_detail


def _meetings(session: Session, family: Family) -> list[MeetingDetail]:
    """Every meeting with its participants, agenda and decisions (the meetings' detail view, batched)."""
    meetings = session.exec(
        select(Meeting)
        .where(Meeting.family_id == family.id)
        .order_by(col(Meeting.starts_at), col(Meeting.id))
    ).all()
    ids = [m.id for m in meetings]
    participants = participants_of(session, ids)
    crucial = crucial_people(session, [family.id]).get(family.id, [])
    agenda = session.exec(
        select(MeetingAgendaItem)
        .where(col(MeetingAgendaItem.meeting_id).in_(ids))
        .order_by(col(MeetingAgendaItem.position), col(MeetingAgendaItem.created_at))
    ).all()
    decisions = session.exec(
        select(MeetingDecision)
        .where(col(MeetingDecision.meeting_id).in_(ids))
        .order_by(col(MeetingDecision.position), col(MeetingDecision.created_at))
    ).all()
    return [
        meeting_detail(
            m,
            family,
            participants[m.id],
            [i for i in agenda if i.meeting_id == m.id],
            [d for d in decisions if d.meeting_id == m.id],
            crucial,
        )
        for m in meetings
    ]


def _measurements(session: Session, family: Family) -> list[MeasurementExport]:
    rows = family_measurements(session, [family.id])
    instrument_ids = {m.instrument_id for m in rows}
    definitions = {
        r.id: definition_of(r)
        for r in session.exec(select(Instrument).where(col(Instrument.id).in_(instrument_ids))).all()
    }
    respondents = {m.id: member_respondent(m) for m in members_of(session, [family.id], current=False)} | {
        u.id: user_respondent(u)
        for u in users_by_id(session, [m.respondent_user_id for m in rows if m.respondent_user_id]).values()
    }
    scores = scores_of(session, [m.id for m in rows])
    result = []
    for m in rows:
        definition = definitions[m.instrument_id]
        result.append(
            MeasurementExport(
                **measurement_public(m, definition, respondents[m.respondent_id]).model_dump(),
                answers=answers_of(m),
                scores=scale_scores(definition, scores[m.id]),
            )
        )
    return result


def export_family(session: Session, principal: Principal, *, family_id: uuid.UUID) -> FamilyExport:
    """Everything stored about a family, for the family itself (one audit event: `export`)."""
    family = get_readable_family(session, principal, family_id, action="export", people=True)
    plan = plan_repo.find_plan(session, family.id)
    scores = session.exec(
        select(GasScore)
        .where(GasScore.family_id == family.id)
        .options(joinedload(GasScore.scored_by))  # type: ignore[arg-type]
        .order_by(col(GasScore.scored_on), col(GasScore.created_at), col(GasScore.id))
    ).all()
    versions = session.exec(
        select(PlanVersion)
        .where(PlanVersion.family_id == family.id)
        .options(joinedload(PlanVersion.adopted_by))  # type: ignore[arg-type]
        .order_by(col(PlanVersion.number))
    ).all()
    factors = session.exec(
        select(FamilyFactor, Factor)
        .join(Factor, col(Factor.id) == FamilyFactor.factor_id)
        .where(FamilyFactor.family_id == family.id)
        .order_by(col(FamilyFactor.recorded_on), col(FamilyFactor.created_at))
    ).all()
    checkins = session.exec(
        checkin_repo.family_checkins(family.id, None).order_by(col(Checkin.checked_in_at), col(Checkin.id))
    ).all()
    alert_ids = checkin_repo.alert_ids_by_checkin(session, [c.id for c in checkins])
    alerts = session.exec(
        checkin_repo.readable_alerts(principal)
        .where(CheckinAlert.family_id == family.id)
        .order_by(col(CheckinAlert.raised_at), col(CheckinAlert.id))
    ).all()
    links = session.exec(
        checkin_repo.family_links(family.id).order_by(col(CheckinLink.created_at), col(CheckinLink.id))
    ).all()
    consent = session.exec(select(FamilyConsent).where(FamilyConsent.family_id == family.id)).first()
    export = FamilyExport(
        family=to_detail(family),
        exported_at=utcnow(),
        status_changes=list(reversed(status_changes(session, family.id, after=None, limit=None))),
        plan=plan_detail(session, plan, today=localtoday()) if plan else None,
        gas_scores=[score_public(s, s.scored_by) for s in scores],
        plan_versions=[version_detail(v) for v in versions],
        meetings=_meetings(session, family),
        measurements=_measurements(session, family),
        factors=[family_factor_public(ff, f) for ff, f in factors],
        checkins=[checkin_public(c, alert_ids.get(c.id)) for c in checkins],
        checkin_alerts=[alert_public(a) for a in alerts],
        checkin_links=[link_public(link) for link in links],
        consent=consent_public(family.id, consent),
    )
    audit.record(
        session, principal, action="export", object_type="family", object_id=family.id, family_id=family.id
    )
    return export
