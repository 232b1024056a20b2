"""Rows to response models: names of the people at the table, flags for crucial players who are missing."""

from collections.abc import Sequence
from typing import Any

from api.meetings.clock import local_iso
from api.meetings.decision_schemas import DecisionPublic
from api.meetings.plan_links import Crucial
from api.meetings.schemas import (
    AgendaItemPublic,
    FlagPerson,
    MeetingDetail,
    MeetingFlag,
    MeetingPublic,
    ParticipantPublic,
)
from api.models import (
    Attendance,
    Family,
    InvitationStatus,
    Meeting,
    MeetingAgendaItem,
    MeetingDecision,
    MeetingParticipant,
    MeetingStatus,
    ParticipantKind,
)

ATTENDING = (InvitationStatus.invited, InvitationStatus.accepted)


def participant_name(p: MeetingParticipant) -> str:
    if p.member is not None:
        return p.member.display_name
    if p.contact is not None:
        return p.contact.name
    if p.user is not None:
        return p.user.full_name
    return p.name or "?"


def participant_role(p: MeetingParticipant) -> str | None:
    if p.role:
        return p.role
    if p.member is not None:
        return p.member.role.value
    if p.contact is not None:
        return p.contact.role or p.contact.relation
    if p.user is not None:
        return p.user.role.value
    return None


def participant_organisation(p: MeetingParticipant) -> str | None:
    if p.organisation:
        return p.organisation
    return p.contact.organisation if p.contact is not None else None


def matches(p: MeetingParticipant, person: Crucial) -> bool:
    if p.kind != person.kind:
        return False
    if person.kind == ParticipantKind.guest:
        return (p.name or "").casefold() == person.name.casefold()
    return person.ref_id in {p.member_id, p.contact_id, p.user_id}


def flag(reason: str, person: FlagPerson, because: list[str]) -> MeetingFlag:
    """A flag with its message: built live, and from its stored form (api/meetings/flag_rollup.py)."""
    name = person.name
    message = {
        "not_invited": f"{name} is niet uitgenodigd / {name} is not invited.",
        "declined": f"{name} heeft afgezegd / {name} declined.",
        "did_not_attend": f"{name} was er niet bij / {name} did not attend.",
    }[reason]
    return MeetingFlag(reason=reason, person=person, because=because, message=message)


def _flag(reason: str, person: Crucial, participant: MeetingParticipant | None) -> MeetingFlag:
    who = FlagPerson(
        kind=person.kind,
        id=person.ref_id,
        name=person.name,
        participant_id=participant.id if participant else None,
    )
    return flag(reason, who, person.because)


def live_flags(participants: Sequence[MeetingParticipant], crucial: Sequence[Crucial]) -> list[MeetingFlag]:
    """Crucial players not invited, who declined, or who were marked absent or excused."""
    flags = []
    for person in crucial:
        participant = next((p for p in participants if matches(p, person)), None)
        if participant is not None and participant.attendance == Attendance.present:
            continue
        if participant is None or participant.invitation == InvitationStatus.not_invited:
            flags.append(_flag("not_invited", person, participant))
        elif participant.attendance is not None:
            flags.append(_flag("did_not_attend", person, participant))
        elif participant.invitation == InvitationStatus.declined:
            flags.append(_flag("declined", person, participant))
    return flags


def meeting_flags(
    meeting: Meeting, participants: Sequence[MeetingParticipant], crucial: Sequence[Crucial]
) -> list[MeetingFlag]:
    """Live while planned; frozen at close (history is not rewritten by later plan changes)."""
    if meeting.status == MeetingStatus.cancelled:
        return []
    if meeting.status == MeetingStatus.held:
        return [MeetingFlag.model_validate(f) for f in meeting.closing_flags or []]
    return live_flags(participants, crucial)


def chair_of(meeting: Meeting, participants: Sequence[MeetingParticipant]) -> MeetingParticipant | None:
    for p in participants:
        if p.id == meeting.chair_participant_id or (
            meeting.chair_user_id is not None and p.user_id == meeting.chair_user_id
        ):
            return p
    return None


def chair_name(meeting: Meeting, participants: Sequence[MeetingParticipant]) -> str | None:
    chair = chair_of(meeting, participants)
    return participant_name(chair) if chair is not None else None


_SHOWN = ("id", "family_id", "status", "starts_at", "ends_at", "place", "video_url", "sequence", "version")
_SHOWN_TOO = ("closed_at", "cancelled_at")


def meeting_fields(
    meeting: Meeting, family: Family, participants: Sequence[MeetingParticipant], flags: Sequence[MeetingFlag]
) -> dict[str, Any]:
    """What every meeting answer shows of it (`MeetingPublic`), so the answers extending it validate once.
    Read attribute by attribute: a page of table rows' `model_dump`s cost more than the rest of it."""
    return {name: getattr(meeting, name) for name in (*_SHOWN, *_SHOWN_TOO)} | {
        "family_reference": family.reference,
        "local_starts_at": local_iso(meeting.starts_at),
        "local_ends_at": local_iso(meeting.ends_at),
        "chair_name": chair_name(meeting, participants),
        "participant_count": len(participants),
        "present_count": sum(p.attendance == Attendance.present for p in participants),
        "flag_count": len(flags),
    }


def meeting_public(
    meeting: Meeting, family: Family, participants: Sequence[MeetingParticipant], flags: Sequence[MeetingFlag]
) -> MeetingPublic:
    return MeetingPublic(**meeting_fields(meeting, family, participants, flags))


def participant_public(
    meeting: Meeting, p: MeetingParticipant, crucial: Sequence[Crucial]
) -> ParticipantPublic:
    return ParticipantPublic(
        **p.model_dump(
            include={"id", "kind", "member_id", "contact_id", "user_id", "invitation", "attendance"}
        ),
        name=participant_name(p),
        organisation=participant_organisation(p),
        role=participant_role(p),
        email=p.email if p.kind == ParticipantKind.guest else None,
        is_chair=p.id == meeting.chair_participant_id
        or (meeting.chair_user_id is not None and p.user_id == meeting.chair_user_id),
        is_crucial=any(matches(p, person) for person in crucial),
    )


def meeting_detail(
    meeting: Meeting,
    family: Family,
    participants: Sequence[MeetingParticipant],
    agenda: Sequence[MeetingAgendaItem],
    decisions: Sequence[MeetingDecision],
    crucial: Sequence[Crucial],
) -> MeetingDetail:
    flags = meeting_flags(meeting, participants, crucial)
    return MeetingDetail(
        **meeting_fields(meeting, family, participants, flags),
        **meeting.model_dump(
            include={"chair_user_id", "chair_participant_id", "minutes", "cancel_reason", "plan_version_id"}
            | {"created_at", "updated_at"}
        ),
        invited_count=sum(p.invitation in ATTENDING for p in participants),
        participants=[participant_public(meeting, p, crucial) for p in participants],
        agenda=[AgendaItemPublic.model_validate(i.model_dump()) for i in agenda],
        decisions=[DecisionPublic.model_validate(d.model_dump()) for d in decisions],
        flags=flags,
    )
