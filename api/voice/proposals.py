"""The family's proposals and comments as the supporter sees them: items to take to the table."""

import uuid

from sqlmodel import Session, col, select

from api.audit import service as audit
from api.auth.principal import Principal
from api.core.errors import NotFound, Unprocessable
from api.families.repository import get_readable_family
from api.meetings import agenda
from api.meetings.schemas import AgendaItemCreate
from api.models import (
    FamilyMember,
    FamilyProposal,
    Goal,
    Meeting,
    MeetingStatus,
    ProposalKind,
    ProposalStatus,
)
from api.models.base import utcnow
from api.voice.schemas import ProposalPublic, ProposalUpdate

NO_PROPOSAL = "Dit voorstel bestaat niet / this proposal was not found."


def _public(
    row: FamilyProposal, members: dict[uuid.UUID, str], goals: dict[uuid.UUID, str]
) -> ProposalPublic:
    return ProposalPublic.model_validate(
        row.model_dump()
        | {
            "member_name": members.get(row.member_id, "?"),
            "goal_text": goals.get(row.goal_id) if row.goal_id else None,
        }
    )


def _names(session: Session, family_id: uuid.UUID) -> tuple[dict[uuid.UUID, str], dict[uuid.UUID, str]]:
    members = dict(
        session.exec(
            select(FamilyMember.id, FamilyMember.display_name).where(FamilyMember.family_id == family_id)
        ).all()
    )
    goals = dict(session.exec(select(Goal.id, Goal.text).where(Goal.family_id == family_id)).all())
    return members, goals


def list_proposals(
    session: Session, principal: Principal, *, family_id: uuid.UUID, status: ProposalStatus | None
) -> list[ProposalPublic]:
    """The family's proposals and comments, oldest first (open ones are waiting for the supporter)."""
    family = get_readable_family(session, principal, family_id)
    statement = select(FamilyProposal).where(FamilyProposal.family_id == family.id)
    if status is not None:
        statement = statement.where(FamilyProposal.status == status)
    rows = session.exec(statement.order_by(col(FamilyProposal.created_at), col(FamilyProposal.id))).all()
    audit.record(session, principal, action="list", object_type="family_proposal", family_id=family.id)
    members, goals = _names(session, family.id)
    return [_public(r, members, goals) for r in rows]


def _title(row: FamilyProposal, name: str, goal_text: str | None) -> str:
    what = "Nieuw doel" if row.kind == ProposalKind.goal else f"Opmerking bij doel '{goal_text or '?'}'"
    return f"{what} van {name}: {row.text}"[:300]


def update_proposal(
    session: Session,
    principal: Principal,
    *,
    family_id: uuid.UUID,
    proposal_id: uuid.UUID,
    data: ProposalUpdate,
) -> ProposalPublic:
    """Take a proposal to a meeting (adds an agenda item) or mark it handled with an answer for the family."""
    family = get_readable_family(session, principal, family_id, action="update")
    row = session.get(FamilyProposal, proposal_id)
    if row is None or row.family_id != family.id:
        raise NotFound(NO_PROPOSAL)
    members, goals = _names(session, family.id)
    if data.status == ProposalStatus.on_agenda:
        meeting = session.get(Meeting, data.meeting_id) if data.meeting_id else None
        if meeting is None or meeting.family_id != family.id or meeting.status != MeetingStatus.planned:
            raise Unprocessable(
                "Kies een gepland overleg van dit gezin / choose a planned meeting of this family.",
                errors=[
                    {
                        "field": "meeting_id",
                        "message": "a planned meeting of this family",
                        "type": "value_error",
                    }
                ],
            )
        if row.meeting_id != meeting.id:
            title = _title(
                row, members.get(row.member_id, "?"), goals.get(row.goal_id) if row.goal_id else None
            )
            agenda.add_item(session, principal, meeting_id=meeting.id, data=AgendaItemCreate(title=title))
        row.meeting_id = meeting.id
    row.status = data.status
    if "answer" in data.model_fields_set:
        row.answer = data.answer or None
    if data.status == ProposalStatus.handled:
        row.handled_at = utcnow()
        row.handled_by_id = principal.id
    row.version += 1
    session.flush()
    audit.record(
        session,
        principal,
        action="update",
        object_type="family_proposal",
        object_id=row.id,
        family_id=family.id,
    )
    return _public(row, members, goals)
