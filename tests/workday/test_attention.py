"""One definition: the set-based wave plan agrees with the wave rule for every demo family, and a family's
"aandacht" count is the same in the caseload list, the worklist and the family's strip."""

from datetime import date, timedelta

from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from api.auth.principal import Principal
from api.core.config import get_settings
from api.demo.seed import seed
from api.measurements.definitions import InstrumentUse, Respondent
from api.measurements.due import instruments_of, measurement_debt, plans_by_family
from api.measurements.waves import entry_status, wave_dates
from api.models import Family, FamilyMember, FamilyStatus, Measurement, Role, User
from api.models.base import localtoday
from api.workday.attention import attention_counts
from tests.factories import World, auth
from tests.plans.factories import make_action, make_goal


def _principal(user: User) -> Principal:
    return Principal(actor_type="user", id=user.id, role=user.role, organisation_id=user.organisation_id)


def _reference_plan(session: Session, principal: Principal, family: Family, today: date) -> list[tuple]:  # type: ignore[type-arg]
    """The wave plan written out by hand, one family at a time: the rule the set-based query must follow."""
    settings = get_settings()
    members = session.exec(
        select(FamilyMember)
        .where(FamilyMember.family_id == family.id, col(FamilyMember.archived_at).is_(None))
        .order_by(col(FamilyMember.created_at))
    ).all()
    taken = {
        (m.instrument_code, m.wave, m.respondent_id): m
        for m in session.exec(select(Measurement).where(Measurement.family_id == family.id)).all()
    }
    entries = []
    for wave in wave_dates(family, settings):
        for definition in sorted(instruments_of(session, principal), key=lambda d: d.code):
            if definition.use is not InstrumentUse.FAMILY_OUTCOME:
                continue
            if definition.respondent is Respondent.SUPPORTER:
                respondents = [family.supporter_id] if family.supporter_id else []
            else:
                roles = set(definition.wave_member_roles)
                respondents = [m.id for m in members if not roles or m.role in roles]
            for respondent in respondents:
                measurement = taken.get((definition.code, wave.wave, respondent))
                status = entry_status(
                    wave.due_on, today, measurement.status if measurement else None, settings
                )
                entries.append((wave.wave, wave.due_on, definition.code, respondent, status))
    return entries


def test_the_set_based_wave_plan_agrees_with_the_rule_for_every_demo_family(session: Session) -> None:
    seed(session, password="demo-password-123")
    coordinator = session.exec(select(User).where(User.role == Role.coordinator)).first()
    assert coordinator is not None
    principal, today = _principal(coordinator), localtoday()
    families = session.exec(select(Family).where(Family.organisation_id == coordinator.organisation_id)).all()
    assert len(families) >= 30
    plans = plans_by_family(session, principal, families=families, today=today)
    scope = select(Family.id).where(Family.organisation_id == coordinator.organisation_id)
    debt = measurement_debt(
        session, principal, scope=scope, families={f.id: f for f in families}, today=today
    )
    owed = {(d.family_id, d.wave, d.instrument_code, d.respondent.id) for d in debt}
    checked = 0
    for family in families:
        expected = _reference_plan(session, principal, family, today)
        found = [(e.wave, e.due_on, e.instrument_code, e.respondent.id, e.status) for e in plans[family.id]]
        assert found == expected, family.display_name
        expected_debt = {
            (family.id, wave, code, respondent)
            for wave, due_on, code, respondent, status in expected
            if status in ("due", "overdue") or (status == "in_progress" and due_on <= today)
        }
        assert {o for o in owed if o[0] == family.id} == expected_debt, family.display_name
        checked += len(expected)
    assert checked > 100 and owed


def test_attention_is_counted_the_same_in_the_list_the_worklist_and_the_strip(
    client: TestClient, session: Session
) -> None:
    seed(session, password="demo-password-123")
    session.commit()
    supporters = session.exec(select(User).where(User.role == Role.supporter)).all()
    compared = 0
    for supporter in supporters:
        headers = auth(supporter)
        listed = client.get("/api/v1/families", params={"limit": 100}, headers=headers).json()["items"]
        worklist = client.get("/api/v1/worklist", headers=headers).json()
        on_worklist = {f["family_id"]: f["attention"] for f in worklist["families"]}
        for item in listed:
            family_id = item["id"]
            params = {"family_id": family_id, "limit": 100}
            debt = client.get("/api/v1/evaluation-debt", params=params, headers=headers).json()
            alerts = client.get("/api/v1/checkin-alerts", params=params, headers=headers).json()["items"]
            strip = 3 * len(alerts) + len(debt["items"]) + len(debt["measurements"])
            assert item["attention"]["total"] == strip, item["display_name"]
            assert item["attention"]["open_alerts"] == len(alerts)
            if item["status"] != FamilyStatus.closed:
                assert on_worklist[family_id] == strip, item["display_name"]
            compared += 1
        ordered = client.get(
            "/api/v1/families", params={"limit": 100, "sort": "attention"}, headers=headers
        ).json()["items"]
        totals = [i["attention"]["total"] for i in ordered]
        assert totals == sorted(totals, reverse=True) and len(ordered) == len(listed)
        asking = client.get(
            "/api/v1/families", params={"limit": 100, "attention": "true"}, headers=headers
        ).json()["items"]
        assert {i["id"] for i in asking} == {i["id"] for i in listed if i["attention"]["total"] > 0}
    assert compared >= 30


def test_the_attention_sort_pages_by_cursor_and_needs_one_caseload(
    client: TestClient, session: Session
) -> None:
    seed(session, password="demo-password-123")
    session.commit()
    coordinator = session.exec(select(User).where(User.role == Role.coordinator)).first()
    # a supporter with a caseload (the demo also has colleagues without families)
    supporter = session.exec(
        select(User)
        .where(User.role == Role.supporter, col(User.id).in_(select(Family.supporter_id)))
        .order_by(col(User.email))
    ).first()
    assert coordinator is not None and supporter is not None
    headers = auth(coordinator)
    refused = client.get("/api/v1/families", params={"sort": "attention"}, headers=headers)
    assert refused.status_code == 422 and refused.json()["code"] == "attention_needs_caseload"
    everyone = client.get("/api/v1/families", headers=headers).json()["items"]
    assert everyone and all(i["attention"] is None for i in everyone)
    params = {"supporter_id": str(supporter.id), "sort": "attention"}
    whole = client.get("/api/v1/families", params=params | {"limit": 100}, headers=headers).json()["items"]
    paged, cursor = [], None
    while True:
        page = client.get(
            "/api/v1/families",
            params=params | {"limit": 2} | ({"cursor": cursor} if cursor else {}),
            headers=headers,
        ).json()
        paged += page["items"]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert [i["id"] for i in paged] == [i["id"] for i in whole] and len(whole) > 2
    wrong = client.get("/api/v1/families", params=params | {"cursor": "bm9wZQ"}, headers=headers)
    assert wrong.status_code == 422


def test_the_kept_attention_statement_counts_for_the_day_it_is_asked(session: Session, world: World) -> None:
    """The statement is built once and sent again with each day's dates: a later day sees the goal's debt and
    the action past its date, an earlier one does not."""
    goal = make_goal(session, world.family, activated_on=localtoday() - timedelta(days=100))
    make_action(session, goal, due_on=localtoday() - timedelta(days=3))
    session.commit()
    principal = _principal(world.supporter)
    scope = select(Family.id).where(Family.id == world.family.id)
    counts = {
        day: attention_counts(session, principal, scope=scope, today=day).get(world.family.id)
        for day in (localtoday(), localtoday() - timedelta(days=30), localtoday())
    }
    now, earlier = counts[localtoday()], counts[localtoday() - timedelta(days=30)]
    assert now is not None and (now.goals, now.actions) == (1, 1)
    assert earlier is None or (earlier.goals, earlier.actions) == (0, 0)
