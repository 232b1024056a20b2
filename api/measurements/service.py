"""Family measurements: the wave plan, starting, resumable answering, completing, and what is due."""

import uuid

from sqlmodel import Session, select

from api.audit import service as audit
from api.auth.principal import Principal
from api.core.config import get_settings
from api.core.errors import Conflict, NotFound, Unprocessable
from api.core.pagination import Page, keyset_page
from api.families.repository import get_readable_family
from api.measurements import recording
from api.measurements.definitions import InstrumentDefinition, InstrumentUse, Respondent
from api.measurements.due import (  # re-exported: other services use them from here
    due_measurements as due_measurements,
)
from api.measurements.due import (
    measurement_debt as measurement_debt,
)
from api.measurements.due import (
    measurement_debt_counts as measurement_debt_counts,
)
from api.measurements.due import (
    overdue_measurements as overdue_measurements,
)
from api.measurements.due import (
    plans_by_family as plans_by_family,
)
from api.measurements.instruments import ensure_catalog
from api.measurements.offering import phone_offers
from api.measurements.presenters import measurement_detail, measurement_public
from api.measurements.repository import (
    definition_of,
    instrument_rows,
    latest_by_code,
    members_of,
    scores_of,
    users_by_id,
)
from api.measurements.schemas import (
    MeasurementDetail,
    MeasurementPlan,
    MeasurementPublic,
    MeasurementStart,
    RespondentPublic,
)
from api.measurements.waves import anchor_on, member_respondent, user_respondent, wave_dates
from api.models import Family, FamilyMember, Instrument, Measurement, User

GONE = "Deze meting bestaat niet / measurement not found."


def _field(field: str, message: str) -> Unprocessable:
    return Unprocessable(message, errors=[{"field": field, "message": message, "type": "value_error"}])


def _respondent(session: Session, measurement: Measurement) -> RespondentPublic:
    if measurement.respondent_member_id is not None:
        member = session.get(FamilyMember, measurement.respondent_member_id)
        assert member is not None  # foreign key
        return member_respondent(member)
    user = session.get(User, measurement.respondent_user_id)
    assert user is not None  # foreign key; one of the two respondent columns is always set
    return user_respondent(user)


def _detail(session: Session, measurement: Measurement) -> MeasurementDetail:
    row = session.get(Instrument, measurement.instrument_id)
    assert row is not None  # foreign key
    scores = scores_of(session, [measurement.id])[measurement.id]
    return measurement_detail(measurement, definition_of(row), _respondent(session, measurement), scores)


def _writable_family(session: Session, principal: Principal, family_id: uuid.UUID, *, action: str) -> Family:
    family = get_readable_family(session, principal, family_id, action=action)
    if family.archived_at is not None:
        raise Conflict("Dit gezin is gearchiveerd / this family is archived.", code="family_archived")
    return family


def start_measurement(
    session: Session, principal: Principal, *, family_id: uuid.UUID, data: MeasurementStart
) -> MeasurementDetail:
    """Start a questionnaire for one respondent at a wave, on the instrument's latest version."""
    family = _writable_family(session, principal, family_id, action="create")
    ensure_catalog(session, principal.organisation_id)
    row = latest_by_code(instrument_rows(session, principal.organisation_id, data.instrument_code)).get(
        data.instrument_code
    )
    if row is None:
        raise _field("instrument_code", "Onbekende vragenlijst / unknown instrument.")
    definition = definition_of(row)
    if definition.use is not InstrumentUse.FAMILY_OUTCOME:
        raise _field(
            "instrument_code",
            "Deze lijst hoort niet bij de gezinsmetingen / not a family outcome instrument.",
        )
    member_id, user_id = data.respondent_member_id, None
    if definition.respondent is Respondent.FAMILY_MEMBER:
        member = session.get(FamilyMember, member_id) if member_id else None
        if member is None or member.family_id != family.id or member.archived_at is not None:
            raise _field(
                "respondent_member_id", "Kies een gezinslid van dit gezin / choose a member of this family."
            )
    else:
        if member_id is not None:
            raise _field(
                "respondent_member_id", "Deze lijst vult de bondgenoot in / the supporter answers this one."
            )
        user_id = principal.id
    measurement = recording.start_measurement(
        session,
        principal,
        family=family,
        row=row,
        wave=data.wave,
        member_id=member_id,
        user_id=user_id,
        created_by_id=principal.id,
    )
    return _detail(session, measurement)


def list_measurements(
    session: Session, principal: Principal, *, family_id: uuid.UUID, limit: int, cursor: str | None
) -> Page[MeasurementPublic]:
    """A family's measurements, newest first."""
    family = get_readable_family(session, principal, family_id, action="list")
    rows, next_cursor = keyset_page(
        session,
        select(Measurement).where(Measurement.family_id == family.id),
        moment=Measurement.started_at,
        row_id=Measurement.id,
        limit=limit,
        cursor=cursor,
    )
    instruments = {r.id: definition_of(r) for r in instrument_rows(session, principal.organisation_id)}
    members = {m.id: member_respondent(m) for m in members_of(session, [family.id], current=False)}
    users = {
        u.id: user_respondent(u)
        for u in users_by_id(session, [m.respondent_user_id for m in rows if m.respondent_user_id]).values()
    }
    respondents = members | users
    items = [measurement_public(m, instruments[m.instrument_id], respondents[m.respondent_id]) for m in rows]
    audit.record(session, principal, action="list", object_type="measurement", family_id=family.id)
    return Page(items=items, next_cursor=next_cursor)


def _measurement(
    session: Session,
    principal: Principal,
    family_id: uuid.UUID,
    measurement_id: uuid.UUID,
    action: str,
    *,
    writable: bool = False,
) -> Measurement:
    family = (_writable_family if writable else get_readable_family)(
        session, principal, family_id, action=action
    )
    statement = select(Measurement).where(
        Measurement.id == measurement_id, Measurement.family_id == family.id
    )
    if writable:
        # answers are merged into one JSON value: two devices saving at once must not lose each other's items
        statement = statement.with_for_update()
    measurement = session.exec(statement).first()
    if measurement is None:
        raise NotFound(GONE, code="measurement_not_found")
    return measurement


def read_measurement(
    session: Session, principal: Principal, *, family_id: uuid.UUID, measurement_id: uuid.UUID
) -> MeasurementDetail:
    """One measurement with its form, saved answers and scores."""
    measurement = _measurement(session, principal, family_id, measurement_id, "read")
    recording.audit_measurement(session, principal, "read", measurement)
    return _detail(session, measurement)


def _open(
    session: Session, principal: Principal, family_id: uuid.UUID, measurement_id: uuid.UUID
) -> Measurement:
    return recording.ensure_open(
        _measurement(session, principal, family_id, measurement_id, "update", writable=True)
    )


def save_answers(
    session: Session,
    principal: Principal,
    *,
    family_id: uuid.UUID,
    measurement_id: uuid.UUID,
    answers: dict[int, int | None],
) -> MeasurementDetail:
    """Save some answers (null clears one); the rest stays as it was, so answering can resume."""
    measurement = _open(session, principal, family_id, measurement_id)
    recording.save_answers(session, principal, measurement=measurement, answers=answers)
    return _detail(session, measurement)


def complete_measurement(
    session: Session, principal: Principal, *, family_id: uuid.UUID, measurement_id: uuid.UUID
) -> MeasurementDetail:
    """Score and close a measurement; change from T0 is stored for this respondent's later waves."""
    measurement = _open(session, principal, family_id, measurement_id)
    recording.complete_measurement(session, principal, measurement=measurement)
    return _detail(session, measurement)


def _definitions(session: Session, organisation_id: uuid.UUID) -> list[InstrumentDefinition]:
    """The latest version of every instrument of the organisation, by code."""
    rows = latest_by_code(instrument_rows(session, organisation_id)).values()
    return sorted((definition_of(r) for r in rows), key=lambda d: d.code)


def measurement_plan(session: Session, principal: Principal, *, family_id: uuid.UUID) -> MeasurementPlan:
    """Which instrument is due for whom at which wave, and what has been done."""
    family = get_readable_family(session, principal, family_id)
    entries = plans_by_family(session, principal, families=[family])[family.id]
    audit.record(session, principal, action="read", object_type="measurement_plan", family_id=family.id)
    return MeasurementPlan(
        family_id=family.id,
        anchor_on=anchor_on(family),
        waves=wave_dates(family, get_settings()),
        entries=entries,
        phone=phone_offers(_definitions(session, family.organisation_id), members_of(session, [family.id])),
    )
