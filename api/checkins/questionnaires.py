"""Questionnaires a family member answers through their check-in link: their own, and only those due.

This module only narrows what a link reaches (its member's measurements in its family) and names the link in
the audit log; starting, checking answers, scoring and completing go through api/measurements/service.py.
"""

import uuid
from datetime import date

from sqlmodel import Session, select

from api.audit import service as audit
from api.auth.principal import Principal
from api.checkins.public_service import link_principal, session_link
from api.checkins.schemas import (
    MemberQuestionnaire,
    MemberQuestionnaires,
    MemberQuestionnaireSummary,
    QuestionnaireDone,
    QuestionnaireStart,
)
from api.core.errors import Conflict, NotFound
from api.measurements import recording
from api.measurements import service as measurements
from api.measurements.definitions import InstrumentDefinition
from api.measurements.offering import phone_reason
from api.measurements.presenters import answers_of
from api.measurements.repository import definition_of, instrument_rows, latest_by_code
from api.measurements.schemas import PlanEntry
from api.models import CheckinLink, Family, FamilyMember, Instrument, Measurement

ANSWERABLE = ("due", "overdue", "in_progress")
NOT_FOUND = "Deze vragenlijst is er niet (meer). / This questionnaire was not found."
NO_STARTER = (
    "Deze vragenlijst kan nu niet via de link. Vraag je begeleider. / "
    "This questionnaire cannot be started through the link now; ask your supporter."
)


def offered(session: Session, definition: InstrumentDefinition, *, member_id: uuid.UUID | None) -> bool:
    """The phone offers what the measurement plan calls offerable (api/measurements/offering.py)."""
    member = session.get(FamilyMember, member_id) if member_id is not None else None
    return member is not None and phone_reason(definition, member) is None


def _family(session: Session, link: CheckinLink) -> Family:
    family = session.get(Family, link.family_id)
    assert family is not None  # session_link checked the link's family
    return family


def _entries(session: Session, link: CheckinLink, address: str | None) -> list[PlanEntry]:
    """The member's open plan entries, one per questionnaire: the one started, else the latest wave due.

    A member who missed a wave is not asked the same questions twice in a row; the supporter sees it.
    """
    plans = measurements.plans_by_family(
        session, link_principal(link, address), families=[_family(session, link)]
    )
    own = [
        entry
        for entry in plans[link.family_id]
        if entry.respondent.kind == "member"
        and entry.respondent.id == link.member_id
        and entry.status in ANSWERABLE
    ]
    chosen: dict[str, PlanEntry] = {}
    for entry in own:
        current = chosen.get(entry.instrument_code)
        if current is None or _precedence(entry) > _precedence(current):
            chosen[entry.instrument_code] = entry
    return [entry for entry in own if chosen[entry.instrument_code] is entry]


def _precedence(entry: PlanEntry) -> tuple[bool, date]:
    return entry.status == "in_progress", entry.due_on


def list_questionnaires(session: Session, *, token: str | None, address: str | None) -> MemberQuestionnaires:
    """What the member can answer now, in the plan's order (wave, then instrument)."""

    def work(link: CheckinLink) -> MemberQuestionnaires:
        entries = _entries(session, link, address)
        rows = instrument_rows(session, link.organisation_id)
        by_id = {row.id: row for row in rows}
        latest = latest_by_code(rows)
        started = {
            m.id: m
            for m in session.exec(
                select(Measurement).where(
                    Measurement.family_id == link.family_id,
                    Measurement.respondent_member_id == link.member_id,
                )
            ).all()
        }
        items = []
        for entry in entries:
            measurement = started.get(entry.measurement_id) if entry.measurement_id else None
            row = by_id[measurement.instrument_id] if measurement else latest[entry.instrument_code]
            definition = definition_of(row)
            if not offered(session, definition, member_id=link.member_id):
                continue
            items.append(
                MemberQuestionnaireSummary(
                    instrument_code=entry.instrument_code,
                    instrument_name=definition.name,
                    wave=entry.wave,
                    due_on=entry.due_on,
                    status=entry.status,
                    measurement_id=entry.measurement_id,
                    n_answered=len(measurement.answers) if measurement else 0,
                    n_items=len(definition.items),
                )
            )
        audit.record(
            session,
            link_principal(link, address),
            action="list",
            object_type="measurement_plan",
            family_id=link.family_id,
        )
        return MemberQuestionnaires(items=items)

    return session_link(session, token=token, address=address, work=work)


def _audit_read(session: Session, principal: Principal, measurement: Measurement) -> None:
    audit.record(
        session,
        principal,
        action="read",
        object_type="measurement",
        object_id=measurement.id,
        family_id=measurement.family_id,
    )


def _form(session: Session, measurement: Measurement) -> MemberQuestionnaire:
    row = session.get(Instrument, measurement.instrument_id)
    assert row is not None  # foreign key
    definition = definition_of(row)
    if not offered(session, definition, member_id=measurement.respondent_member_id):
        raise NotFound(NOT_FOUND, code="questionnaire_not_found")
    return MemberQuestionnaire(
        id=measurement.id,
        instrument_code=measurement.instrument_code,
        wave=measurement.wave,
        status=measurement.status,
        instrument=definition,
        answers=answers_of(measurement),
        n_answered=len(measurement.answers),
        n_items=len(definition.items),
    )


def start_questionnaire(
    session: Session, *, token: str | None, address: str | None, data: QuestionnaireStart
) -> tuple[MemberQuestionnaire, bool]:
    """Start a due questionnaire of the member, or answer the one already started (and False)."""

    def work(link: CheckinLink) -> tuple[MemberQuestionnaire, bool]:
        principal = link_principal(link, address)
        entry = next(
            (
                e
                for e in _entries(session, link, address)
                if e.instrument_code == data.instrument_code and e.wave == data.wave
            ),
            None,
        )
        if entry is None:
            raise NotFound(NOT_FOUND, code="questionnaire_not_found")
        if entry.measurement_id is not None:
            existing = _own(session, link, entry.measurement_id, lock=False)
            form = _form(session, existing)
            _audit_read(session, principal, existing)
            return form, False
        row = latest_by_code(instrument_rows(session, link.organisation_id, data.instrument_code))[
            data.instrument_code
        ]
        if not offered(session, definition_of(row), member_id=link.member_id):
            raise NotFound(NOT_FOUND, code="questionnaire_not_found")
        family = _family(session, link)
        # The account behind the link (who made it), else the family's supporter: created_by is a user.
        created_by = link.created_by_id or family.supporter_id
        if created_by is None:
            raise Conflict(NO_STARTER, code="questionnaire_no_starter")
        measurement = recording.start_measurement(
            session,
            principal,
            family=family,
            row=row,
            wave=data.wave,
            member_id=link.member_id,
            user_id=None,
            created_by_id=created_by,
        )
        return _form(session, measurement), True

    return session_link(session, token=token, address=address, work=work)


def _own(session: Session, link: CheckinLink, measurement_id: uuid.UUID, *, lock: bool) -> Measurement:
    """One of the member's own measurements in the link's family; anything else is a 404."""
    statement = select(Measurement).where(
        Measurement.id == measurement_id,
        Measurement.family_id == link.family_id,
        Measurement.respondent_member_id == link.member_id,
    )
    measurement = session.exec(statement.with_for_update() if lock else statement).first()
    if measurement is None:
        raise NotFound(NOT_FOUND, code="questionnaire_not_found")
    return measurement


def read_questionnaire(
    session: Session, *, token: str | None, address: str | None, measurement_id: uuid.UUID
) -> MemberQuestionnaire:
    """The form with the answers saved so far."""

    def work(link: CheckinLink) -> MemberQuestionnaire:
        measurement = _own(session, link, measurement_id, lock=False)
        form = _form(session, measurement)
        _audit_read(session, link_principal(link, address), measurement)
        return form

    return session_link(session, token=token, address=address, work=work)


def save_answers(
    session: Session,
    *,
    token: str | None,
    address: str | None,
    measurement_id: uuid.UUID,
    answers: dict[int, int | None],
) -> MemberQuestionnaire:
    """Save some answers (null clears one), checked by the measurement service; answering can resume."""

    def work(link: CheckinLink) -> MemberQuestionnaire:
        measurement = recording.ensure_open(_own(session, link, measurement_id, lock=True))
        _form(session, measurement)  # 404 for a form without wording, before anything is written
        recording.save_answers(
            session, link_principal(link, address), measurement=measurement, answers=answers
        )
        return _form(session, measurement)

    return session_link(session, token=token, address=address, work=work)


def complete(
    session: Session, *, token: str | None, address: str | None, measurement_id: uuid.UUID
) -> QuestionnaireDone:
    """Finish: scored by the measurement service; the member gets no scores (the supporter discusses them)."""

    def work(link: CheckinLink) -> QuestionnaireDone:
        measurement = recording.ensure_open(_own(session, link, measurement_id, lock=True))
        _form(session, measurement)
        recording.complete_measurement(session, link_principal(link, address), measurement=measurement)
        return QuestionnaireDone(
            id=measurement.id, status=measurement.status, completed_at=measurement.completed_at
        )

    return session_link(session, token=token, address=address, work=work)
