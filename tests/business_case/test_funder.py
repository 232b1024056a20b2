"""GET /funder/business-case: a funder's regions, consenting families only, small cells withheld."""

import json
from datetime import date

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from api.models import AuditEvent, FamilyType
from tests.factories import World, auth, make_family
from tests.funders.factories import client_auth, consent
from tests.funders.helpers import funder_world

URL = "/api/v1/funder/business-case"
PARAMS = {"from": "2026-01-01", "to": "2026-12-31"}


def test_a_region_with_enough_families_of_each_type_shows_the_figure(
    client: TestClient, session: Session, world: World
) -> None:
    fw = funder_world(session, world, families=6)  # six LVB families in world.region
    response = client.get(URL, params=PARAMS | {"families": 1000}, headers=client_auth(fw.client))
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["model_version"] == 1 and body["is_example"] is True and body["suppression_threshold"] == 5
    (region,) = body["regions"]
    assert region["region_id"] == str(world.region.id)
    assert region["families"] == {"suppressed": False, "value": 6}
    assert region["by_family_type"]["child_id_parents"] == {"suppressed": False, "value": 6}
    assert region["cohort"]["net_per_family_per_year"] == "29190.00"  # the voorbeeldmodel's LVB figure
    assert region["cohort"]["total_net_per_year"] == "29190000.00"
    assert body["all_regions"]["cohort"] == region["cohort"]
    text = json.dumps(body)
    assert "Gezin Geheim" not in text and "pseudonym" not in text and "family_id" not in text
    audited = session.exec(select(AuditEvent).where(AuditEvent.actor_id == fw.client.id)).all()
    assert [(e.actor_type, e.action) for e in audited] == [("client", "read_business_case")]


def test_a_small_type_cell_withholds_its_neighbour_and_the_figures(
    client: TestClient, session: Session, world: World
) -> None:
    fw = funder_world(session, world, families=6)
    for _ in range(2):
        family = make_family(
            session,
            world.organisation,
            region_id=world.region.id,
            family_type=FamilyType.child_pimd,
            started_on=date(2026, 3, 1),
        )
        consent(session, family, funder_data=False, aggregates_only=True)  # counted, never listed
    session.commit()
    (region,) = client.get(URL, params=PARAMS, headers=client_auth(fw.client)).json()["regions"]
    assert region["families"] == {"suppressed": False, "value": 8}
    assert region["by_family_type"]["child_pimd"] == {"suppressed": True, "value": None}
    # alone it could be recovered as 8 - 6: the next smallest cell is withheld too
    assert region["by_family_type"]["child_id_parents"] == {"suppressed": True, "value": None}
    assert region["by_family_type"]["adult_abi_partner"] == {"suppressed": False, "value": 0}
    assert region["cohort"] is None and region["withheld_reason"] == "small_type_cells"


def test_fewer_families_than_the_threshold_withholds_everything(
    client: TestClient, session: Session, world: World
) -> None:
    fw = funder_world(session, world, families=4)
    make_family(
        session, world.organisation, region_id=world.region.id, started_on=date(2026, 2, 1)
    )  # no consent
    session.commit()
    (region,) = client.get(URL, params=PARAMS, headers=client_auth(fw.client)).json()["regions"]
    assert region["families"] == {"suppressed": True, "value": None}
    assert all(c["suppressed"] for c in region["by_family_type"].values())
    assert region["cohort"] is None and region["withheld_reason"] == "small_total"


def test_the_scope_outcomes_read_is_needed(client: TestClient, session: Session, world: World) -> None:
    fw = funder_world(session, world, families=6)
    refused = client.get(URL, headers=client_auth(fw.client, scopes=("trajectories:read",)))
    assert refused.status_code == 403
    assert client.get(URL, headers=auth(world.admin)).status_code == 401  # a person's token is not a client's
    assert client.get(URL).status_code == 401
