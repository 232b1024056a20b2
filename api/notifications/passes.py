"""The scheduled passes of `bondgenoot worker`: questionnaire reminders, weekly check-in nudges, reminders of
actions the network owns, supporters' digests and coordinators' team digests.

Every pass is idempotent: each message has a key (the questionnaire and wave, the ISO week, the day…), so
running a pass twice, or on two workers at once, queues nothing new the second time."""

import uuid
from datetime import date, datetime, timedelta

from sqlalchemy import select as sa_select
from sqlmodel import Session, col, func, select

from api.auth.principal import Principal
from api.core.config import get_settings
from api.measurements.service import overdue_measurements
from api.models import (
    ActionStatus,
    Checkin,
    CheckinAlert,
    DigestFrequency,
    Family,
    FamilyMember,
    FamilyStatus,
    NotificationPreference,
    Organisation,
    OwnerType,
    PlanAction,
    RecipientKind,
    Role,
    User,
)
from api.models.base import AMSTERDAM
from api.notifications.compose import iso_week
from api.notifications.outbox import queue
from api.plans.debt import debt_summary, evaluation_debt

SYSTEM_ID = uuid.uuid5(uuid.NAMESPACE_URL, "bondgenoot:notifications")
DIGEST_HOUR = 7
ACTION_NOTICE_DAYS = 3
OVERDUE_NOTICE_DAYS = 7


def system_principal(organisation_id: uuid.UUID) -> Principal:
    """The reminders read an organisation's families as the system (audited as such)."""
    return Principal(
        actor_type="system",
        id=SYSTEM_ID,
        role=Role.admin,
        organisation_id=organisation_id,
        purpose="reminders",
    )


def run_passes(session: Session, now: datetime) -> int:
    """Every pass for every organisation; returns how many messages were queued."""
    queued = 0
    for organisation_id in session.exec(select(Organisation.id)).all():
        principal = system_principal(organisation_id)
        queued += questionnaire_reminders(session, principal, now=now)
        queued += checkin_nudges(session, principal, now=now)
        queued += action_reminders(session, principal, now=now)
        queued += digests(session, principal, now=now)
    return queued


def _supporter(family_id: uuid.UUID, supporters: dict[uuid.UUID, uuid.UUID | None]) -> str | None:
    supporter = supporters.get(family_id)
    return str(supporter) if supporter else None


def questionnaire_reminders(session: Session, principal: Principal, *, now: datetime) -> int:
    """A member's questionnaire: once when it is due, again a week before it becomes overdue."""
    today = now.astimezone(AMSTERDAM).date()
    grace = get_settings().wave_grace_days
    items = [d for d in overdue_measurements(session, principal) if d.respondent.kind == "member"]
    supporters = dict(
        session.exec(
            select(Family.id, Family.supporter_id).where(col(Family.id).in_({d.family_id for d in items}))
        ).all()
    )
    queued = 0
    for item in items:
        last_day = item.due_on + timedelta(days=grace)
        if item.status == "overdue" or today > last_day:
            continue  # overdue is the supporter's to follow up (their digest), not another automatic message
        kind = (
            "questionnaire_overdue_soon"
            if today >= last_day - timedelta(days=OVERDUE_NOTICE_DAYS)
            else ("questionnaire_due")
        )
        key = f"{kind}:{item.family_id}:{item.wave}:{item.instrument_code}"
        queued += queue(
            session,
            organisation_id=principal.organisation_id,
            family_id=item.family_id,
            recipient_kind=RecipientKind.member,
            recipient_id=item.respondent.id,
            kind=kind,
            key=key,
            context={"due_on": last_day.isoformat(), "supporter_id": _supporter(item.family_id, supporters)},
        )
    return queued


def checkin_nudges(session: Session, principal: Principal, *, now: datetime) -> int:
    """Once a week, to members who asked for it, unless they checked in during the last six days."""
    recent = (
        select(Checkin.member_id)
        .where(col(Checkin.checked_in_at) > now - timedelta(days=6))
        .scalar_subquery()
    )
    rows = session.exec(
        select(FamilyMember.id, Family.id, Family.supporter_id)
        .join(Family, col(Family.id) == FamilyMember.family_id)
        .where(
            Family.organisation_id == principal.organisation_id,
            col(Family.archived_at).is_(None),
            col(Family.status).in_([FamilyStatus.intake, FamilyStatus.active, FamilyStatus.phasing_out]),
            col(FamilyMember.archived_at).is_(None),
            col(FamilyMember.weekly_nudge),
            col(FamilyMember.id).not_in(recent),
        )
    ).all()
    week = iso_week(now)
    return sum(
        queue(
            session,
            organisation_id=principal.organisation_id,
            family_id=family_id,
            recipient_kind=RecipientKind.member,
            recipient_id=member_id,
            kind="checkin_nudge",
            key=f"checkin_nudge:{week}",
            context={"supporter_id": str(supporter_id) if supporter_id else None},
        )
        for member_id, family_id, supporter_id in rows
    )


def action_reminders(session: Session, principal: Principal, *, now: datetime) -> int:
    """Network contacts' open actions due within three days (once per action and due date)."""
    today = now.astimezone(AMSTERDAM).date()
    rows = session.execute(
        sa_select(
            col(PlanAction.id),
            col(PlanAction.owner_contact_id),
            col(PlanAction.due_on),
            col(Family.id),
            col(Family.supporter_id),
        )
        .join(Family, col(Family.id) == PlanAction.family_id)
        .where(
            col(Family.organisation_id) == principal.organisation_id,
            col(Family.archived_at).is_(None),
            col(Family.status) != FamilyStatus.closed,
            col(PlanAction.owner_type) == OwnerType.contact,
            col(PlanAction.status) == ActionStatus.open,
            col(PlanAction.due_on).between(today, today + timedelta(days=ACTION_NOTICE_DAYS)),
        )
    ).all()
    queued = 0
    for action_id, contact_id, due_on, family_id, supporter_id in rows:
        if contact_id is None or due_on is None:
            continue
        queued += queue(
            session,
            organisation_id=principal.organisation_id,
            family_id=family_id,
            recipient_kind=RecipientKind.contact,
            recipient_id=contact_id,
            kind="action_reminder",
            key=f"action_reminder:{action_id}:{due_on.isoformat()}",
            context={
                "due_on": due_on.isoformat(),
                "supporter_id": str(supporter_id) if supporter_id else None,
            },
        )
    return queued


def _period(frequency: DigestFrequency, now: datetime) -> str:
    local = now.astimezone(AMSTERDAM)
    return local.strftime("%d-%m-%Y") if frequency == DigestFrequency.daily else iso_week(now)


def digests(session: Session, principal: Principal, *, now: datetime) -> int:
    """Supporters' daily or weekly digest and coordinators' weekly team digest, from 07:00 (numbers only)."""
    if now.astimezone(AMSTERDAM).hour < DIGEST_HOUR:
        return 0
    staff = session.exec(
        select(User, NotificationPreference)
        .outerjoin(NotificationPreference, col(NotificationPreference.user_id) == User.id)
        .where(User.organisation_id == principal.organisation_id, col(User.is_active))
    ).all()
    queued = 0
    for user, preference in staff:
        frequency = preference.digest if preference else DigestFrequency.weekly
        if user.role == Role.supporter and frequency != DigestFrequency.off:
            queued += _supporter_digest(session, principal, user, frequency, now)
        if user.role == Role.coordinator and (preference is None or preference.team_digest):
            queued += _team_digest(session, principal, user, now)
    return queued


def _supporter_digest(
    session: Session, principal: Principal, user: User, frequency: DigestFrequency, now: datetime
) -> int:
    period = _period(frequency, now)
    debt = evaluation_debt(session, principal, supporter_id=user.id, today=now.astimezone(AMSTERDAM).date())
    alerts = session.exec(
        select(func.count())
        .select_from(CheckinAlert)
        .join(Family, col(Family.id) == CheckinAlert.family_id)
        .where(Family.supporter_id == user.id, col(CheckinAlert.acknowledged_at).is_(None))
    ).one()
    context = {
        "period": period,
        "alerts": alerts,
        "overdue_actions": sum(1 for i in debt.items if i.kind == "overdue_action"),
        "goals_without_score": sum(1 for i in debt.items if i.kind == "goal_without_score"),
        "questionnaires": len(debt.measurements),
    }
    return queue(
        session,
        organisation_id=principal.organisation_id,
        family_id=None,
        recipient_kind=RecipientKind.user,
        recipient_id=user.id,
        kind="digest",
        key=f"digest:{period}",
        context=context,
    )


def _team_digest(session: Session, principal: Principal, user: User, now: datetime) -> int:
    period = iso_week(now)
    summary = debt_summary(session, principal, today=now.astimezone(AMSTERDAM).date())
    rows = [
        {
            "name": row.supporter_name or "-",
            "families": row.families,
            "overdue_actions": row.overdue_actions,
            "questionnaires": row.measurements_due,
            "goals": row.goals_without_score,
        }
        for row in summary.supporters
    ]
    return queue(
        session,
        organisation_id=principal.organisation_id,
        family_id=None,
        recipient_kind=RecipientKind.user,
        recipient_id=user.id,
        kind="team_digest",
        key=f"team_digest:{period}",
        context={"period": period, "rows": rows},
    )


def today_local(now: datetime) -> date:
    return now.astimezone(AMSTERDAM).date()
