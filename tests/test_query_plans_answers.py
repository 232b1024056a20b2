"""On PostgreSQL, the reads that answer a page (meetings in every filter, with their participants and flags),
one family's measurement plan and the check-in dashboard read by index: no sequential scan of the families,
meetings, their flag counts, participants, check-ins, alerts or measurements, whatever the organisation's
size, and no statement binds more family ids than one page holds."""

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection
from sqlmodel import Session

from api.measurements.instruments import ensure_catalog
from tests.factories import World, auth
from tests.statements import selects_sent
from tests.test_query_plans import FAMILIES, _plans_of
from tests.test_query_plans import many_families as many_families
from tests.test_query_plans_lists import PAGE, assert_indexed
from tests.test_query_plans_lists import busy_families as busy_families

WATCHED = {
    "family",
    "meeting",
    "rollup_meeting_flag",
    "meeting_participant",
    "checkin",
    "checkin_alert",
    "measurement",
}


@pytest.fixture
def answered_families(
    connection: Connection,
    session: Session,
    busy_families: World,
) -> World:
    """`busy_families`, and per meeting seven at the table (as in the national data set): its family's
    member (present at held ones), the supporter and five guests; per family a completed T0 questionnaire
    of its member."""
    world = busy_families
    ensure_catalog(session, world.organisation.id)
    session.flush()
    for sql in (
        "INSERT INTO meeting_participant (id, meeting_id, kind, member_id, invitation, attendance, "
        "created_at) SELECT md5('pm' || m.id)::uuid, m.id, 'member', fm.id, 'invited', "
        "CASE WHEN m.status = 'held' THEN 'present' END, now() "
        "FROM meeting m JOIN family_member fm ON fm.family_id = m.family_id",
        "INSERT INTO meeting_participant (id, meeting_id, kind, user_id, invitation, created_at) "
        "SELECT md5('ps' || m.id)::uuid, m.id, 'staff', f.supporter_id, 'accepted', now() "
        "FROM meeting m JOIN family f ON f.id = m.family_id",
        "INSERT INTO meeting_participant (id, meeting_id, kind, name, invitation, created_at) "
        "SELECT md5('pg' || m.id || ':' || k)::uuid, m.id, 'guest', 'Gast ' || k, 'invited', now() "
        "FROM meeting m, generate_series(1, 5) k",
        "INSERT INTO measurement (id, organisation_id, family_id, instrument_id, instrument_code, wave, "
        "respondent_member_id, respondent_id, status, answers, created_by_id, started_at, completed_at, "
        "updated_at, version) SELECT md5('ms' || g)::uuid, %(org)s, md5('f' || g)::uuid, i.id, i.code, 't0', "
        "md5('m' || g)::uuid, md5('m' || g)::uuid, 'completed', '{}', %(sup)s, now(), now(), now(), 1 "
        f"FROM generate_series(1, {FAMILIES}) g, (SELECT id, code FROM instrument "
        "WHERE organisation_id = %(org)s AND use = 'family_outcome' ORDER BY code LIMIT 1) i",
        "ANALYZE meeting_participant, measurement, instrument",
    ):
        connection.exec_driver_sql(sql, {"org": world.organisation.id, "sup": world.supporter.id})
    return world


@pytest.mark.parametrize(
    ("who", "url"),
    [
        ("coordinator", "/api/v1/meetings?limit=25"),
        ("coordinator", "/api/v1/meetings?limit=25&cursor={meetings_cursor}"),
        ("coordinator", "/api/v1/meetings?status=planned&from={today}&order=asc"),
        ("coordinator", "/api/v1/meetings?flagged=true"),
        ("coordinator", "/api/v1/meetings?flagged=false"),
        ("coordinator", "/api/v1/meetings?scope=mine"),
        ("supporter", "/api/v1/meetings?limit=25"),
        ("supporter", "/api/v1/families/{family}/measurement-plan"),
        ("coordinator", "/api/v1/checkin-summary"),
        ("supporter", "/api/v1/checkin-summary"),
        ("coordinator", "/api/v1/checkin-alerts/count"),
        # debt over many caseloads (the questionnaire part reads only their families' measurements)
        ("coordinator", "/api/v1/team?limit=50"),
        ("coordinator", "/api/v1/evaluation-debt/summary?limit=50"),
    ],
)
def test_answers_read_by_index(
    client: TestClient, connection: Connection, answered_families: World, who: str, url: str
) -> None:
    world = answered_families
    first = client.get("/api/v1/meetings?limit=25", headers=auth(world.coordinator)).json()
    path = url.format(
        meetings_cursor=first["next_cursor"],
        today=connection.exec_driver_sql("SELECT current_date").scalar_one().isoformat(),
        family=world.family.id,
    )
    plans = _plans_of(client, connection, path, auth(getattr(world, who)), families_bound=PAGE)
    assert_indexed(plans, WATCHED, path)


def test_overview_reads_no_plan(client: TestClient, connection: Connection, answered_families: World) -> None:
    """The flag rollup holds a planned meeting's flags (migration 0027): no page of meetings, flagged or
    not, reads goals, actions or contacts."""
    world = answered_families
    for url in ("/api/v1/meetings?flagged=false", "/api/v1/meetings?flagged=true"):
        sent = _statements(client, connection, url, auth(world.coordinator))
        assert not [s for s in sent if re.search(r"FROM (goal|plan_action|network_contact)\b", s)], sent


def _statements(client: TestClient, connection: Connection, url: str, headers: dict[str, str]) -> list[str]:
    return [statement for statement, _ in selects_sent(client, connection, url, headers)]
