"""A supporter's worklist: open alerts per member, evaluation debt, due questionnaires, this week's meetings.

Built from the debt, alert and meeting code through their public functions; every other read is one query over
the one caseload, so the worklist costs a fixed number of queries whatever its size."""

import uuid
from datetime import UTC, date, datetime, time, timedelta

from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from api.audit import service as audit
from api.auth.principal import Principal
from api.checkins import service as checkins
from api.core.errors import Forbidden, NotFound
from api.families.repository import readable_families
from api.meetings.overview import Order, OverviewFilters, overview
from api.models import (
    AlertReason,
    Checkin,
    CheckinAlert,
    Family,
    FamilyMember,
    FamilyStatus,
    MeetingStatus,
    Role,
    User,
)
from api.models.base import localtoday
from api.models.workday import AlertNote
from api.plans.debt import evaluation_debt
from api.workday.attention import AttentionCounts, attention_counts
from api.workday.schemas import (
    AcknowledgedAlert,
    AlertGroup,
    AlertNotePublic,
    FamilyAttention,
    WorkAlert,
    Worklist,
)

MAX_ALERTS = 200
MAX_FAMILIES = 500


def target_supporter(session: Session, principal: Principal, *, supporter_id: uuid.UUID | None) -> uuid.UUID:
    """Whose worklist: a supporter's own; staff name an active supporter of their organisation."""
    if principal.role == Role.supporter:
        if supporter_id not in (None, principal.id):
            raise NotFound(
                "Deze begeleider bestaat niet / this supporter was not found.", code="supporter_not_found"
            )
        return principal.id
    if supporter_id is None:
        # staff have no caseload of their own: they open a supporter's worklist from the team page
        raise Forbidden(
            "Kies de begeleider van wie je de werklijst wilt (supporter_id) / "
            "name the supporter whose worklist you want (supporter_id).",
            code="supporter_required",
        )
    user = session.get(User, supporter_id)
    if user is None or user.organisation_id != principal.organisation_id or user.role != Role.supporter:
        raise NotFound(
            "Deze begeleider bestaat niet / this supporter was not found.", code="supporter_not_found"
        )
    return user.id


def _alert_groups(session: Session, principal: Principal, supporter_id: uuid.UUID) -> list[AlertGroup]:
    families = readable_families(principal).where(Family.supporter_id == supporter_id)
    scoped = families.with_only_columns(col(Family.id))
    rows = session.exec(
        select(CheckinAlert, Checkin, FamilyMember, Family)
        .join(Checkin, col(Checkin.id) == CheckinAlert.checkin_id)
        .join(FamilyMember, col(FamilyMember.id) == CheckinAlert.member_id)
        .join(Family, col(Family.id) == CheckinAlert.family_id)
        .where(col(CheckinAlert.family_id).in_(scoped), col(CheckinAlert.acknowledged_at).is_(None))
        .order_by(col(CheckinAlert.raised_at).desc(), col(CheckinAlert.id).desc())
        .limit(MAX_ALERTS)
    ).all()
    groups: dict[uuid.UUID, AlertGroup] = {}
    for alert, checkin, member, family in rows:
        group = groups.setdefault(
            member.id,
            AlertGroup(
                member_id=member.id,
                member_name=member.display_name,
                phone=member.phone,
                family_id=family.id,
                family_reference=family.reference,
                family_name=family.display_name,
                alerts=[],
            ),
        )
        group.alerts.append(
            WorkAlert(
                id=alert.id,
                reasons=[AlertReason(r) for r in alert.reasons],
                wellbeing=checkin.wellbeing,
                care_burden=checkin.care_burden,
                previous_wellbeing=alert.previous_wellbeing,
                needs=checkin.needs,
                needs_text=checkin.needs_text,
                message=checkin.message,
                checked_in_at=checkin.checked_in_at,
                raised_at=alert.raised_at,
            )
        )
    return list(groups.values())


def _caseload(principal: Principal, supporter_id: uuid.UUID) -> SelectOfScalar[Family]:
    return (
        readable_families(principal)
        .where(Family.supporter_id == supporter_id, Family.status != FamilyStatus.closed)
        .order_by(col(Family.display_name), col(Family.id))
        .limit(MAX_FAMILIES)
    )


def _family_attention(family: Family, counts: AttentionCounts, meetings: int) -> FamilyAttention:
    return FamilyAttention(
        family_id=family.id,
        family_reference=family.reference,
        family_name=family.display_name,
        status=family.status,
        supporter_id=family.supporter_id,
        open_alerts=counts.alerts,
        goals_without_score=counts.goals,
        overdue_actions=counts.actions,
        questionnaires_due=counts.questionnaires,
        meetings_this_week=meetings,
        attention=counts.attention,
    )


def worklist(
    session: Session,
    principal: Principal,
    *,
    supporter_id: uuid.UUID | None = None,
    today: date | None = None,
) -> Worklist:
    """What needs attention today on one caseload, most urgent first."""
    today = today or localtoday()
    target = target_supporter(session, principal, supporter_id=supporter_id)
    groups = _alert_groups(session, principal, target)
    debt = evaluation_debt(session, principal, supporter_id=target, today=today)
    start = datetime.combine(today, time.min, tzinfo=UTC)
    meetings = overview(
        session,
        principal,
        filters=OverviewFilters(
            starts_from=start,
            starts_to=start + timedelta(days=8),
            status=MeetingStatus.planned,
            supporter_id=target,
            order=Order.asc,
        ),
        limit=100,
        cursor=None,
    ).items
    caseload = _caseload(principal, target)
    families = list(session.exec(caseload).all())
    counts = attention_counts(
        session, principal, scope=caseload.with_only_columns(col(Family.id)), today=today
    )
    this_week: dict[uuid.UUID, int] = {}
    for meeting in meetings:
        this_week[meeting.family_id] = this_week.get(meeting.family_id, 0) + 1
    attention = [
        _family_attention(f, counts.get(f.id, AttentionCounts()), this_week.get(f.id, 0)) for f in families
    ]
    attention.sort(key=lambda a: (-a.attention, a.family_name))
    audit.record_many(
        session,
        principal,
        action="list",
        object_type="worklist",
        family_ids=list(dict.fromkeys([g.family_id for g in groups] + [f.id for f in families])),
    )
    return Worklist(
        on=today,
        threshold_days=debt.threshold_days,
        supporter_id=target,
        alert_groups=groups,
        goals_without_score=[i for i in debt.items if i.kind == "goal_without_score"],
        overdue_actions=sorted(
            (i for i in debt.items if i.kind == "overdue_action"), key=lambda i: (-i.days, i.family_reference)
        ),
        questionnaires=debt.measurements,
        meetings=meetings,
        families=attention,
    )


def acknowledge(
    session: Session, principal: Principal, *, alert_id: uuid.UUID, note: str | None
) -> AcknowledgedAlert:
    """Acknowledge an alert through the check-in service, keeping what was done as a note."""
    alert = checkins.acknowledge_alert(session, principal, alert_id=alert_id)
    saved: AlertNotePublic | None = None
    text = (note or "").strip()
    if text:
        row = AlertNote(alert_id=alert.id, family_id=alert.family_id, author_id=principal.id, text=text)
        session.add(row)
        session.flush()
        author = session.get(User, principal.id)
        saved = AlertNotePublic(
            id=row.id,
            alert_id=alert.id,
            text=row.text,
            author_name=author.full_name if author else None,
            created_at=row.created_at,
        )
    assert alert.acknowledged_at is not None
    return AcknowledgedAlert(
        alert_id=alert.id,
        acknowledged_at=alert.acknowledged_at,
        acknowledged_by_name=alert.acknowledged_by_name,
        note=saved,
    )
