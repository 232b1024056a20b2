"""The measurement plan of a family: which wave falls when, who answers what, and what is due."""

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from api.core.config import Settings
from api.measurements.definitions import InstrumentDefinition, InstrumentUse, Respondent
from api.measurements.offering import is_respondent
from api.measurements.schemas import PlanEntry, PlanStatus, RespondentPublic, WaveDate
from api.models import Family, FamilyMember, Measurement, MeasurementStatus, User, Wave


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


def respondents_for(
    definition: InstrumentDefinition, members: Sequence[FamilyMember], supporter: User | None
) -> list[RespondentPublic]:
    """Who answers this instrument in this family's waves."""
    if definition.respondent is Respondent.SUPPORTER:
        return [user_respondent(supporter)] if supporter is not None else []
    return [member_respondent(m) for m in members if is_respondent(definition, m)]


@dataclass(frozen=True)
class PlanInput:
    family: Family
    members: Sequence[FamilyMember]
    supporter: User | None
    instruments: Sequence[InstrumentDefinition]
    measurements: Sequence[Measurement]


def _status(due_on: date, today: date, measurement: Measurement | None, settings: Settings) -> PlanStatus:
    if measurement is not None:
        return "done" if measurement.status == MeasurementStatus.completed else "in_progress"
    if today > due_on + timedelta(days=settings.wave_grace_days):
        return "overdue"
    if today >= due_on - timedelta(days=settings.wave_due_window_days):
        return "due"
    return "upcoming"


def plan_entries(data: PlanInput, settings: Settings, today: date) -> list[PlanEntry]:
    """Every (wave, instrument, respondent) of the family's plan with its status."""
    taken = {(m.instrument_code, m.wave, m.respondent_id): m for m in data.measurements}
    entries = []
    for wave in wave_dates(data.family, settings):
        for definition in data.instruments:
            if definition.use is not InstrumentUse.FAMILY_OUTCOME:
                continue
            for respondent in respondents_for(definition, data.members, data.supporter):
                measurement = taken.get((definition.code, wave.wave, respondent.id))
                entries.append(
                    PlanEntry(
                        wave=wave.wave,
                        due_on=wave.due_on,
                        instrument_code=definition.code,
                        instrument_name=definition.name,
                        respondent=respondent,
                        status=_status(wave.due_on, today, measurement, settings),
                        measurement_id=measurement.id if measurement else None,
                    )
                )
    return entries


def is_debt(entry: PlanEntry, today: date) -> bool:
    """Due, overdue, or started and past its date: what a supporter still owes."""
    return entry.status in ("due", "overdue") or (entry.status == "in_progress" and entry.due_on <= today)
