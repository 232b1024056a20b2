"""The wave dates of one loaded family and the status of a plan entry (the plan itself is wave_plan.py)."""

import calendar
from datetime import date, timedelta

from api.core.config import Settings
from api.measurements.schemas import PlanStatus, RespondentPublic, WaveDate
from api.models import Family, FamilyMember, MeasurementStatus, User, Wave


def add_months(day: date, months: int) -> date:
    """The same day `months` later, clamped to the end of a shorter month (31 Aug + 6 = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def anchor_on(family: Family) -> date:
    """T0: the start of support, or the day the family was enrolled."""
    return family.started_on or family.created_at.date()


def wave_dates(family: Family, settings: Settings) -> list[WaveDate]:
    """T0, T1 and T2 from the anchor; end and follow-up once the family has an end date."""
    anchor = anchor_on(family)
    dates = [
        WaveDate(wave=Wave.t0, due_on=anchor),
        WaveDate(wave=Wave.t1, due_on=add_months(anchor, settings.wave_t1_months)),
        WaveDate(wave=Wave.t2, due_on=add_months(anchor, settings.wave_t2_months)),
    ]
    if family.ended_on is not None:
        # waves that would fall after the end are replaced by the end measurement itself
        dates = [w for w in dates if w.wave == Wave.t0 or w.due_on < family.ended_on]
        dates.append(WaveDate(wave=Wave.end, due_on=family.ended_on))
        dates.append(
            WaveDate(wave=Wave.follow_up, due_on=add_months(family.ended_on, settings.wave_follow_up_months))
        )
    return dates


def member_respondent(member: FamilyMember) -> RespondentPublic:
    return RespondentPublic(
        kind="member", id=member.id, display_name=member.display_name, role=member.role.value
    )


def user_respondent(user: User) -> RespondentPublic:
    return RespondentPublic(kind="supporter", id=user.id, display_name=user.full_name, role="supporter")


def entry_status(
    due_on: date, today: date, measurement: MeasurementStatus | None, settings: Settings
) -> PlanStatus:
    """A plan entry's status: done or in progress once started, else overdue, due or upcoming by its date.

    What a supporter owes (the debt filter of `wave_plan.plan_rows`): due or overdue, or started and past
    its date.
    """
    if measurement is not None:
        return "done" if measurement == MeasurementStatus.completed else "in_progress"
    if today > due_on + timedelta(days=settings.wave_grace_days):
        return "overdue"
    if today >= due_on - timedelta(days=settings.wave_due_window_days):
        return "due"
    return "upcoming"
