"""Why a questionnaire is not offered on the phone: the measurement plan gives the reason per member and
instrument, and the phone offers exactly what the plan calls offerable (one rule, in offering.py)."""

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from api.models import FamilyMember, Language, MemberRole
from tests.checkins.factories import make_link, open_session
from tests.factories import World, auth, make_member


def _plan(client: TestClient, world: World) -> dict[str, object]:
    response = client.get(
        f"/api/v1/families/{world.family.id}/measurement-plan", headers=auth(world.supporter)
    )
    assert response.status_code == 200, response.text
    return response.json()


def _members(session: Session, world: World) -> list[FamilyMember]:
    """A Dutch-reading parent, an English-reading partner and the child with the disability (the client)."""
    parent = session.exec(select(FamilyMember).where(FamilyMember.family_id == world.family.id)).first()
    assert parent is not None
    parent.role, parent.language = MemberRole.parent, Language.nl
    partner = make_member(session, world.family, name="Mark")
    partner.role, partner.language = MemberRole.partner, Language.en
    child = make_member(session, world.family, name="Daan")
    child.role, child.language = MemberRole.client, Language.en
    session.commit()
    return [parent, partner, child]


def test_the_plan_says_why_a_member_is_not_offered_a_questionnaire_on_the_phone(
    client: TestClient, session: Session, world: World
) -> None:
    parent, partner, child = _members(session, world)
    phone = _plan(client, world)["phone"]
    assert isinstance(phone, list)
    reasons = {(o["member_id"], o["instrument_code"]): o["reason"] for o in phone}
    assert reasons[(str(parent.id), "brs")] == "no_wording_in_language"  # the shipped BRS is English only
    assert reasons[(str(parent.id), "fqol_beach")] == "no_wording"  # licensed, shipped without wording
    assert reasons[(str(partner.id), "brs")] is None
    assert {reasons[(str(child.id), code)] for code in ("brs", "fqol_beach", "ediz_plus")} == {
        "not_a_respondent"
    }
    assert all(o["offered"] == (o["reason"] is None) for o in phone)
    assert "uwes9" not in {o["instrument_code"] for o in phone}  # the supporter's own questionnaire


def test_the_phone_offers_exactly_what_the_plan_calls_offerable(
    client: TestClient, session: Session, world: World
) -> None:
    members = _members(session, world)  # T0 falls today: every offerable questionnaire is due
    phone = _plan(client, world)["phone"]
    assert isinstance(phone, list)
    for member in members:
        link, token, code = make_link(session, world.family)
        link.member_id, link.created_by_id = member.id, world.supporter.id
        session.commit()
        headers = open_session(client, token, code)
        items = client.get("/api/v1/checkin/questionnaires", headers=headers).json()["items"]
        offerable = {o["instrument_code"] for o in phone if o["member_id"] == str(member.id) and o["offered"]}
        assert {i["instrument_code"] for i in items} == offerable, member.display_name
        for o in phone:
            if o["member_id"] == str(member.id) and not o["offered"]:
                started = client.post(
                    "/api/v1/checkin/questionnaires",
                    json={"instrument_code": o["instrument_code"], "wave": "t0"},
                    headers=headers,
                )
                assert started.status_code == 404, (member.display_name, o["instrument_code"])
