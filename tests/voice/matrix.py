"""Network links, per-contact consent, proposals and the phone's plan routes in the authorization matrix."""

from sqlmodel import Session, select

from api.models import Family, FamilyProposal, NetworkContact, ProposalKind
from tests.checkins.factories import first_member
from tests.factories import World
from tests.matrix_rules import MATCH_ANY, Rule
from tests.voice.factories import make_contact_link


def _contact(session: Session, family: Family) -> NetworkContact:
    contact = session.exec(select(NetworkContact).where(NetworkContact.family_id == family.id)).first()
    assert contact is not None
    return contact


def _link(session: Session, world: World, family: Family) -> dict[str, str]:
    link, _, _ = make_contact_link(session, family, _contact(session, family))
    session.commit()
    return {"link_id": str(link.id)}


def _proposal(session: Session, world: World, family: Family) -> dict[str, str]:
    proposal = FamilyProposal(
        organisation_id=family.organisation_id,
        family_id=family.id,
        member_id=first_member(session, family).id,
        kind=ProposalKind.goal,
        text="Vaker samen eten",
    )
    session.add(proposal)
    session.commit()
    return {"proposal_id": str(proposal.id)}


def _meeting_id(session: Session, world: World, family: Family) -> dict[str, str]:
    return {"meeting_id": "00000000-0000-0000-0000-000000000001"}


def _action_id(session: Session, world: World, family: Family) -> dict[str, str]:
    return {"action_id": "00000000-0000-0000-0000-000000000002"}


FAMILY = "/api/v1/families/{family_id}"
CONSENT = {"plan": True, "summaries": False, "checkin_trend": False}

ROUTES: dict[tuple[str, str], Rule] = {
    ("GET", f"{FAMILY}/network-access"): Rule(200),
    ("PUT", f"{FAMILY}/contacts/{{contact_id}}/consent"): Rule(
        200, body=lambda w: CONSENT, headers=MATCH_ANY
    ),
    ("POST", f"{FAMILY}/contacts/{{contact_id}}/links"): Rule(201),
    ("POST", f"{FAMILY}/contact-links/{{link_id}}/revoke"): Rule(200, params=_link),
    ("GET", f"{FAMILY}/proposals"): Rule(200),
    ("PATCH", f"{FAMILY}/proposals/{{proposal_id}}"): Rule(
        200, params=_proposal, body=lambda w: {"status": "handled", "answer": "Besproken"}
    ),
    # Public: only a check-in session (a member's or a network contact's link) opens them.
    ("GET", "/api/v1/checkin/plan"): Rule(401, public=True),
    ("PUT", "/api/v1/checkin/plan/actions/{action_id}/status"): Rule(
        401, public=True, params=_action_id, body=lambda w: {"status": "done"}
    ),
    ("POST", "/api/v1/checkin/plan/proposals"): Rule(
        401, public=True, body=lambda w: {"kind": "goal", "text": "Vaker samen eten"}
    ),
    ("GET", "/api/v1/checkin/plan/meetings/{meeting_id}/invitation"): Rule(
        401, public=True, params=_meeting_id
    ),
}
