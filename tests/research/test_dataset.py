"""The dataset: scoped to consent and joined organisations, pseudonymised, audited, streamed."""

import csv
import io
import json

from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from api.models import AuditEvent, Role
from tests.factories import World, auth, make_organisation, make_user
from tests.research.factories import project, research_family, researcher, unzip


def _csv(files: dict[str, str], name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(files[f"data/{name}.csv"])))


def _download(client: TestClient, user: object, project_id: object) -> dict[str, str]:
    response = client.get(f"/api/v1/research/projects/{project_id}/dataset", headers=auth(user))  # type: ignore[arg-type]
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/zip"
    assert "content-length" not in response.headers  # streamed, not built first
    return unzip(response.content)


def test_dataset_holds_only_consenting_families_of_joined_organisations(
    client: TestClient, session: Session, world: World
) -> None:
    study = project(session, world)
    reader = researcher(session, world, study)
    included = [research_family(session, world) for _ in range(2)]
    research_family(session, world, research=False)  # no research consent: absent
    other = make_organisation(session)  # invited, never joined: absent
    from api.models import ResearchOrganisation

    session.add(ResearchOrganisation(project_id=study.id, organisation_id=other.id, code="O2"))
    session.commit()
    files = _download(client, reader, study.id)
    package = json.loads(files["datapackage.json"])
    assert {r["name"] for r in package["resources"]} >= {
        "families",
        "measurements",
        "scale_scores",
        "response_tracking",
    }
    families = _csv(files, "families")
    assert len(families) == 2
    assert {f["organisation_code"] for f in families} == {"O1"}
    assert all(f["family"].startswith("F") and len(f["family"]) == 21 for f in families)
    # 2 families share region and type: below the threshold of 5, both are withheld
    assert {(f["region"], f["family_type"]) for f in families} == {("S", "S")}
    scores = _csv(files, "scale_scores")
    assert {s["wave"] for s in scores} == {"t0", "t1"}
    t1_total = [s for s in scores if s["wave"] == "t1" and s["scale"] == "total"]
    assert [float(s["change_from_t0"]) for s in t1_total] == [2.0, 2.0]
    answers = _csv(files, "item_answers")
    assert any(a["reverse_keyed"] == "true" and a["keyed_answer"] != a["answer"] for a in answers)
    everything = "\n".join(files.values())
    for secret in ("Geheimnaam", str(included[0].id), included[0].reference, str(world.organisation.name)):
        assert secret not in everything


def test_pseudonyms_are_stable_per_project_and_differ_between_projects(
    client: TestClient, session: Session, world: World
) -> None:
    first, second = project(session, world), project(session, world, title="Meta-analyse")
    reader_a, reader_b = researcher(session, world, first), researcher(session, world, second)
    research_family(session, world)
    session.commit()
    a1 = _csv(_download(client, reader_a, first.id), "families")[0]["family"]
    a2 = _csv(_download(client, reader_a, first.id), "families")[0]["family"]
    b = _csv(_download(client, reader_b, second.id), "families")[0]["family"]
    assert a1 == a2 and a1 != b


def test_download_is_audited_per_family_and_shown_to_the_administrator(
    client: TestClient, session: Session, world: World
) -> None:
    study = project(session, world)
    reader = researcher(session, world, study)
    family = research_family(session, world)
    session.commit()
    _download(client, reader, study.id)
    events = session.exec(select(AuditEvent).where(col(AuditEvent.actor_id) == reader.id)).all()
    assert {(e.action, e.object_type, e.family_id) for e in events} >= {
        ("download", "research_dataset", None),
        ("download", "research_dataset", family.id),
    }
    detail = client.get(f"/api/v1/research/projects/{study.id}", headers=auth(world.admin)).json()
    assert len(detail["downloads"]) == 1
    assert [r["user_id"] for r in detail["researchers"]] == [str(reader.id)]


def test_a_researcher_of_another_project_gets_404_and_staff_cannot_download(
    client: TestClient, session: Session, world: World
) -> None:
    mine, theirs = project(session, world), project(session, world, title="B")
    reader = researcher(session, world, mine)
    session.commit()
    for path in ("", "/dataset", "/response"):
        response = client.get(f"/api/v1/research/projects/{theirs.id}{path}", headers=auth(reader))
        assert response.status_code == 404, path
        assert response.json()["code"] == "research_project_not_found"
    assert (
        client.get(f"/api/v1/research/projects/{mine.id}/dataset", headers=auth(world.admin)).status_code
        == 403
    )
    assert client.get(f"/api/v1/research/projects/{mine.id}/dataset").status_code == 401


def test_a_researcher_reaches_nothing_outside_research(
    client: TestClient, session: Session, world: World
) -> None:
    reader = make_user(session, world.organisation, Role.researcher)
    session.commit()
    response = client.get("/api/v1/families", headers=auth(reader))
    assert response.status_code == 403
    assert response.json()["code"] == "researcher_research_only"
    assert client.get("/api/v1/users/me", headers=auth(reader)).json()["role"] == "researcher"
