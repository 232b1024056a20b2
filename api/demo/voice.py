"""Demo: typed professionals, a network contact's working link, and a proposal waiting for the supporter."""

import base64

from sqlmodel import Session, col, select

from api.auth.principal import Principal
from api.checkins import plan_service, public_service
from api.checkins.plan_schemas import ProposalCreate
from api.core.config import get_settings
from api.core.errors import DomainError
from api.core.security import keyed_digest
from api.demo.checkins import demo_secrets
from api.demo.context import DemoContext, supporter_of
from api.meetings import participants
from api.meetings.schemas import ParticipantCreate
from api.models import (
    ContactKind,
    ContactLink,
    ContactParty,
    Family,
    FamilyMember,
    FamilyProposal,
    FamilyStatus,
    Goal,
    Meeting,
    MeetingParticipant,
    MeetingStatus,
    MemberRole,
    NetworkContact,
    OwnerType,
    ParticipantKind,
    PlanAction,
    ProposalKind,
)
from api.plans import actions
from api.plans.schemas import ActionCreate
from api.voice import links
from api.voice.schemas import ContactLinkCreate

PARTY_OF = {"wijkteam": ContactParty.district_team, "school": ContactParty.school,
            "jeugd-GGZ": ContactParty.youth_mental_health, "huisarts": ContactParty.gp,
            "zorgaanbieder": ContactParty.care_provider}  # fmt: skip
SITTING = "Op woensdagmiddag oppassen, zodat moeder even tijd voor zichzelf heeft"
PROPOSAL = "Ik wil één middag per week iets voor mezelf doen, zonder zorgen."


def _contact_secrets(family: Family) -> tuple[str, str]:
    digest = keyed_digest(family.reference, purpose="demo-contact-link")
    token = base64.urlsafe_b64encode(bytes.fromhex(digest)).decode().rstrip("=")
    return token, f"{int(digest[:12], 16) % 10**6:06d}"


def _type_professionals(session: Session) -> int:
    """Type the professionals of a demo seeded before contacts had a party (new demos add them typed)."""
    typed = 0
    for contact in session.exec(
        select(NetworkContact).where(
            NetworkContact.kind == ContactKind.professional,
            col(NetworkContact.party) == ContactParty.informal,
        )
    ).all():
        contact.party = PARTY_OF.get(contact.relation or "", ContactParty.other_professional)
        typed += 1
    return typed


def _contact_part(session: Session, who: Principal, family: Family, contact: NetworkContact) -> None:
    """The contact owns an action and is invited to the next meeting (when the family has them)."""
    owns = session.exec(select(PlanAction.id).where(PlanAction.owner_contact_id == contact.id)).first()
    goal = session.exec(
        select(Goal).where(Goal.family_id == family.id).order_by(col(Goal.created_at))
    ).first()
    if owns is None and goal is not None:
        data = ActionCreate(description=SITTING, owner_type=OwnerType.contact, owner_id=contact.id)
        actions.create_action(session, who, family_id=family.id, goal_id=goal.id, data=data)
    meeting = session.exec(
        select(Meeting)
        .where(Meeting.family_id == family.id, Meeting.status == MeetingStatus.planned)
        .order_by(col(Meeting.starts_at))
    ).first()
    if meeting is not None:
        invited = session.exec(
            select(MeetingParticipant.id).where(
                MeetingParticipant.meeting_id == meeting.id, MeetingParticipant.contact_id == contact.id
            )
        ).first()
        if invited is None:
            invite = ParticipantCreate(kind=ParticipantKind.contact, contact_id=contact.id)
            participants.add_participant(session, who, meeting_id=meeting.id, data=invite)


def _propose(session: Session, family: Family) -> None:
    """The parent proposes a goal from the phone, through the member's demo link (made with the check-ins)."""
    token, code = demo_secrets(family)
    try:
        opened = public_service.open_session(session, token=token, code=code, address=None)
    except DomainError:  # the demo link was stopped or replaced: no proposal from the phone
        return
    data = ProposalCreate(kind=ProposalKind.goal, text=PROPOSAL)
    plan_service.propose(session, token=opened.session_token, address=None, data=data)


def seed_voice(session: Session, context: DemoContext) -> str:
    """The first active family: the member link, a neighbour's link, a proposal waiting for the supporter."""
    typed = _type_professionals(session)
    family = next((f for f in context.families if f.status == FamilyStatus.active), None)
    if family is None:
        return "Family voice: no active family."
    base = get_settings().public_url.rstrip("/")
    member = session.exec(
        select(FamilyMember)
        .where(FamilyMember.family_id == family.id, FamilyMember.role == MemberRole.parent)
        .order_by(col(FamilyMember.created_at))
    ).first()
    contact = session.exec(
        select(NetworkContact)
        .where(NetworkContact.family_id == family.id, NetworkContact.kind == ContactKind.informal)
        .order_by(col(NetworkContact.created_at))
    ).first()
    if member is None or contact is None:
        return "Family voice: the demo family has no parent or informal contact."
    token, code = _contact_secrets(family)
    who = supporter_of(session, family)
    if who is None:
        return "Family voice: the demo family has no supporter."
    if session.exec(select(ContactLink.id).where(ContactLink.contact_id == contact.id)).first() is None:
        links.create_link(
            session, who, family_id=family.id, contact_id=contact.id,
            data=ContactLinkCreate(valid_days=365), token_and_code=(token, code),
        )  # fmt: skip
        _contact_part(session, who, family, contact)
    waiting = session.exec(select(FamilyProposal.id).where(FamilyProposal.family_id == family.id)).first()
    if waiting is None:
        _propose(session, family)
    session.flush()
    member_token, member_code = demo_secrets(family)
    return "\n".join(
        [
            f"Family voice: {typed} professional contacts typed; a proposal waits in {family.display_name}.",
            f"  Family member ({member.display_name}): {base}/c#{member_token}  code {member_code}",
            f"  Network contact ({contact.name}): {base}/c#{token}  code {code}",
        ]
    )
