"""On PostgreSQL, the organisation-wide lists a coordinator opens (meetings, the flagged ones among them from
their flag-count rollup, check-in alerts and the dashboard, the team page, a supporter's worklist, users, the
delivery log, the audit log with its filters) read by index: no sequential scan of the families, meetings,
their flag counts, alerts, messages or the audit log, and no statement binds more family ids than one page
holds."""

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection

from tests.factories import World, auth
from tests.test_query_plans import FAMILIES, _plans_of, assert_indexed, many_families  # noqa: F401

FLAG = (  # a stored flag (api/meetings/flag_rollup.py): a named person who owns an open action
    '{"reason": "not_invited", "person": {"kind": "guest", "id": null, "name": "Oma Riet", '
    '"participant_id": null}, "because": ["Eigenaar van open actie: Oma Riet haalt Daan op."]}'
)
PAGE = 100  # the largest page a list answers (LimitQuery)

WATCHED = {"family", "meeting", "rollup_meeting_flag", "checkin_alert", "notification_message", "audit_event"}


@pytest.fixture
def busy_families(connection: Connection, many_families: World) -> World:  # noqa: F811
    """Per family of `many_families`: a member with a check-in link, four meetings (past and planned), twelve
    check-ins of which one raised an alert (open in every third family) and three delivery-log messages."""
    world = many_families
    families = f"FROM generate_series(1, {FAMILIES}) g"
    for sql in (
        "INSERT INTO family_member (id, family_id, display_name, role, is_client, version, created_at, "
        "language, messages_consent, weekly_nudge) SELECT md5('m' || g)::uuid, md5('f' || g)::uuid, "
        f"'Lid ' || g, 'parent', false, 1, now(), 'nl', true, false {families}",
        "INSERT INTO checkin_link (id, organisation_id, family_id, member_id, token_digest, code_digest, "
        "failed_attempts, expires_at, created_at) SELECT md5('l' || g)::uuid, %(org)s, md5('f' || g)::uuid, "
        f"md5('m' || g)::uuid, md5('t' || g), md5('c' || g), 0, now() + interval '90 days', now() {families}",
        "INSERT INTO meeting (id, family_id, uid, sequence, starts_at, ends_at, status, version, created_at, "
        "updated_at) SELECT md5('mt' || g || ':' || k)::uuid, md5('f' || g)::uuid, "
        "md5('u' || g || ':' || k), "
        "0, now() + make_interval(days => 30 * k - 60, mins => g), "
        "now() + make_interval(days => 30 * k - 60, mins => g + 60), "
        "CASE WHEN k > 2 THEN 'planned' ELSE 'held' END, 1, now(), now() "
        f"{families}, generate_series(1, 4) k",
        # their flag counts and a planned one's flags (api/meetings/flag_rollup.py): a planned meeting of
        # every tenth family is flagged
        "INSERT INTO rollup_meeting_flag (meeting_id, family_id, starts_at, status, flags, flag_count) "
        "SELECT id, family_id, starts_at, status, CASE WHEN status <> 'planned' THEN NULL WHEN flagged "
        f"THEN '[{FLAG}]' ELSE '[]' END::json, CASE WHEN status = 'planned' AND flagged THEN 1 ELSE 0 END "
        "FROM (SELECT *, ('x' || substr(family_id::text, 1, 2))::bit(8)::int %% 10 = 0 AS flagged "
        "FROM meeting) m",
        "INSERT INTO checkin (id, organisation_id, family_id, member_id, link_id, wellbeing, care_burden, "
        "needs, checked_in_at, received_at) SELECT md5('c' || g || ':' || k)::uuid, %(org)s, "
        "md5('f' || g)::uuid, md5('m' || g)::uuid, md5('l' || g)::uuid, 6, 4, '[]', "
        f"now() - make_interval(days => 14 * k, mins => g), now() {families}, generate_series(1, 12) k",
        "INSERT INTO checkin_alert (id, organisation_id, family_id, member_id, checkin_id, reasons, "
        "raised_at, acknowledged_at) SELECT md5('al' || g)::uuid, %(org)s, md5('f' || g)::uuid, "
        "md5('m' || g)::uuid, md5('c' || g || ':1')::uuid, '[\"high_care_burden\"]', "
        "now() - make_interval(days => 14, mins => g), CASE WHEN g %% 3 = 0 THEN NULL ELSE now() END "
        f"{families}",
        "INSERT INTO notification_message (id, organisation_id, family_id, recipient_kind, recipient_id, "
        "channel, kind, dedupe_key, context, status, attempts, next_attempt_at, created_at) "
        "SELECT md5('n' || g || ':' || k)::uuid, %(org)s, md5('f' || g)::uuid, 'member', "
        "md5('m' || g)::uuid, 'email', 'checkin_nudge', 'nudge:' || g || ':' || k, '{}', "
        "(ARRAY['queued','sent','skipped'])[1 + k %% 3], 0, now(), "
        "now() - make_interval(days => k, mins => g) "
        f"{families}, generate_series(1, 3) k",
        "ANALYZE family_member, checkin_link, meeting, rollup_meeting_flag, checkin, checkin_alert, "
        "notification_message",
    ):
        connection.exec_driver_sql(sql, {"org": world.organisation.id})
    return world


@pytest.mark.parametrize(
    ("who", "url"),
    [
        ("coordinator", "/api/v1/meetings?limit=25"),
        ("coordinator", "/api/v1/meetings?limit=25&cursor={meetings_cursor}"),
        ("coordinator", "/api/v1/meetings?status=planned&from={today}&order=asc"),
        ("coordinator", "/api/v1/meetings?flagged=true"),
        ("coordinator", "/api/v1/meetings?flagged=true&cursor={flagged_cursor}"),
        ("coordinator", "/api/v1/meetings?flagged=true&status=planned&from={today}&order=asc"),
        ("coordinator", "/api/v1/meetings?flagged=false"),
        ("supporter", "/api/v1/meetings?limit=25"),
        ("coordinator", "/api/v1/checkin-alerts"),
        ("coordinator", "/api/v1/checkin-alerts?state=all"),
        ("supporter", "/api/v1/checkin-alerts"),
        ("supporter", "/api/v1/checkin-summary"),
        ("coordinator", "/api/v1/team"),
        ("coordinator", "/api/v1/worklist?supporter_id={supporter}"),
        ("coordinator", "/api/v1/users"),
        ("admin", "/api/v1/notifications/messages"),
        ("admin", "/api/v1/notifications/messages?status=sent"),
        ("admin", "/api/v1/audit-events?actor_id={supporter}"),
        ("admin", "/api/v1/audit-events?family_id={family}"),
    ],
)
def test_organisation_lists_use_their_indexes(
    client: TestClient, connection: Connection, busy_families: World, who: str, url: str
) -> None:
    world = busy_families
    first = client.get("/api/v1/meetings?limit=25", headers=auth(world.coordinator)).json()
    flagged = client.get("/api/v1/meetings?flagged=true", headers=auth(world.coordinator)).json()
    path = url.format(
        meetings_cursor=first["next_cursor"],
        flagged_cursor=flagged["next_cursor"],
        today=connection.exec_driver_sql("SELECT current_date").scalar_one().isoformat(),
        supporter=world.supporter.id,
        family=world.family.id,
    )
    plans = _plans_of(client, connection, path, auth(getattr(world, who)), families_bound=PAGE)
    assert_indexed(plans, WATCHED, path)
