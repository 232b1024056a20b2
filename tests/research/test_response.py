"""Response tracking per wave and instrument (the measurement plan's own waves), and a fixed query count."""

from fastapi.testclient import TestClient
from sqlmodel import Session

from api.models import CostEvent, FamilyFactor, Role
from tests.conftest import QueryCounter
from tests.factories import World, auth, make_user
from tests.measurements.factories import make_factor
from tests.research.factories import project, research_family, researcher, unzip


def test_response_tracking_per_organisation_and_pooled(
    client: TestClient, session: Session, world: World
) -> None:
    study = project(session, world)
    reader = researcher(session, world, study)
    for _ in range(2):
        research_family(session, world)
    research_family(session, world, research=False)  # not counted: outside the consent
    session.commit()
    response = client.get(f"/api/v1/research/projects/{study.id}/response", headers=auth(reader))
    assert response.status_code == 200, response.text
    rows = {(r["organisation_code"], r["wave"], r["instrument_code"]): r for r in response.json()["rows"]}
    # each family has two parents (the plan invites both to the BRS); one answered at T0, one never did
    for organisation in ("O1", None):
        t0 = rows[(organisation, "t0", "brs")]
        assert (t0["invited"], t0["started"], t0["completed"], t0["overdue"], t0["response_rate"]) == (
            4,
            2,
            2,
            2,
            0.5,
        )
    overdue = [r for r in rows.values() if r["overdue"]]
    assert overdue, "instruments nobody answered are overdue"
    assert all(r["completed"] + r["overdue"] <= r["invited"] for r in rows.values())
    # the coordinator of a taking-part organisation sees the same page; a supporter has no part in research
    staff = client.get(f"/api/v1/research/projects/{study.id}/response", headers=auth(world.coordinator))
    assert staff.status_code == 200 and staff.json()["rows"] == response.json()["rows"]
    assert (
        client.get(
            f"/api/v1/research/projects/{study.id}/response", headers=auth(world.supporter)
        ).status_code
        == 403
    )
    files = unzip(client.get(f"/api/v1/research/projects/{study.id}/dataset", headers=auth(reader)).content)
    assert "ALL,t0,brs,4,2,2,2,0.5" in files["data/response_tracking.csv"]


def test_free_text_never_leaves_and_queries_do_not_grow_with_families(
    client: TestClient, session: Session, world: World, count_queries: QueryCounter
) -> None:
    study = project(session, world)
    reader = researcher(session, world, study)
    factor = make_factor(session, world.organisation)
    url = f"/api/v1/research/projects/{study.id}/dataset"

    def add_family() -> None:
        family = research_family(session, world)
        session.add(
            FamilyFactor(
                family_id=family.id,
                factor_id=factor.id,
                note="Vrije notitie geheim",
                recorded_on=family.started_on,  # type: ignore[arg-type]
                recorded_by_id=world.supporter.id,
            )
        )
        session.add(
            CostEvent(
                family_id=family.id,
                factor_code="crisis_placement",
                occurred_on=family.started_on,  # type: ignore[arg-type]
                volume_milli=1000,
                note="Vrije notitie geheim",
            )
        )
        session.commit()

    add_family()
    before = count_queries.count
    first = client.get(url, headers=auth(reader))
    one = count_queries.statements[before:]
    for _ in range(3):
        add_family()
    before = count_queries.count
    second = client.get(url, headers=auth(reader))
    four = count_queries.statements[before:]
    # the caller's own row may come from the shared test session's identity map: leave it out
    one, four = ([s for s in x if "WHERE app_user.id = " not in s] for x in (one, four))
    assert len(one) == len(four), "\n---\n".join(s for s in four if s not in one)
    files = unzip(second.content)
    assert len(files["data/families.csv"].splitlines()) == 5
    assert len(files["data/factors.csv"].splitlines()) == 5
    assert "geheim" not in "".join(unzip(first.content).values()) + "".join(files.values())
    assert make_user(
        session, world.organisation, Role.researcher
    )  # a researcher without access sees no project
