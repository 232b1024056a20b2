"""Webhook endpoints (Standard Webhooks) and the outbox: thin, pseudonymised, consent- and region-bound."""

import base64
import hashlib
import hmac
import uuid

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from api.core.secrets import pseudonym, sign
from api.funders.outbox import emit
from api.funders.pseudonyms import funder_key
from api.models import FamilyStatus, WebhookMessage
from tests.factories import World, auth, make_family, make_organisation, make_region
from tests.funders.factories import client_auth, consent, make_client, pseudonym_of
from tests.funders.helpers import funder_world

URL = "/api/v1/funder/webhooks"
HOOK = {"url": "https://hooks.example.nl/bondgenoot", "event_types": ["plan.adopted", "family.closed"]}


def _register(client: TestClient, headers: dict[str, str], body: dict[str, object] = HOOK) -> dict[str, str]:
    response = client.post(URL, json=body, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


def test_register_shows_the_secret_once(client: TestClient, session: Session, world: World) -> None:
    fw = funder_world(session, world, families=0)
    created = _register(client, client_auth(fw.client))
    assert created["secret"].startswith("whsec_")
    assert len(base64.b64decode(created["secret"].removeprefix("whsec_"))) == 32
    listed = client.get(URL, headers=client_auth(fw.client)).json()["items"]
    assert [h["id"] for h in listed] == [created["id"]]
    assert "secret" not in listed[0]
    other, _ = make_client(session, world.organisation, [world.region])
    session.commit()
    assert client.get(URL, headers=client_auth(other)).json()["items"] == []  # each client sees its own
    assert client.delete(f"{URL}/{created['id']}", headers=client_auth(other)).status_code == 404
    assert client.delete(f"{URL}/{created['id']}", headers=client_auth(fw.client)).status_code == 204
    assert client.get(URL, headers=client_auth(fw.client)).json()["items"][0]["disabled_at"] is not None


def test_administrator_sees_a_clients_endpoints_without_secrets(
    client: TestClient, session: Session, world: World
) -> None:
    fw = funder_world(session, world, families=0)
    created = _register(client, client_auth(fw.client))
    admin_url = f"/api/v1/funder/clients/{fw.client.id}/webhooks"
    listed = client.get(admin_url, headers=auth(world.admin)).json()["items"]
    assert [(h["id"], h["url"]) for h in listed] == [(created["id"], HOOK["url"])]
    assert "secret" not in listed[0]
    assert client.get(admin_url, headers=auth(world.coordinator)).status_code == 403
    foreign, _ = make_client(session, make_organisation(session), [make_region(session)])
    session.commit()
    foreign_url = f"/api/v1/funder/clients/{foreign.id}/webhooks"
    assert client.get(foreign_url, headers=auth(world.admin)).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "http://hooks.example.nl/x",
        "https://localhost/x",
        "https://127.0.0.1/x",
        "https://10.1.2.3/x",
        "https://user:pw@hooks.example.nl/x",
        "ftp://hooks.example.nl/x",
    ],
)
def test_endpoint_must_be_public_https(client: TestClient, session: Session, world: World, url: str) -> None:
    fw = funder_world(session, world, families=0)
    response = client.post(URL, json=HOOK | {"url": url}, headers=client_auth(fw.client))
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "url"


def test_unknown_event_type_and_scope(client: TestClient, session: Session, world: World) -> None:
    fw = funder_world(session, world, families=0)
    bad = client.post(URL, json=HOOK | {"event_types": ["family.read"]}, headers=client_auth(fw.client))
    assert bad.status_code == 422
    no_scope = client_auth(fw.client, scopes=("outcomes:read",))
    assert client.post(URL, json=HOOK, headers=no_scope).status_code == 403
    assert client.get(URL, headers=no_scope).status_code == 403


def test_emit_writes_thin_pseudonymised_messages_for_subscribed_clients_only(
    client: TestClient, session: Session, world: World
) -> None:
    fw = funder_world(session, world, families=1)
    family = fw.families[0]
    _register(client, client_auth(fw.client))
    elsewhere, _ = make_client(session, world.organisation, [fw.other_region])  # another region
    session.commit()
    _register(client, client_auth(elsewhere))
    plan_id = uuid.uuid4()
    queued = emit(
        session, event_type="plan.adopted", family_id=family.id, data={"plan_id": plan_id, "version": 2}
    )
    assert queued == 1
    assert emit(session, event_type="meeting.held", family_id=family.id) == 0  # not subscribed
    message = session.exec(select(WebhookMessage)).one()
    key = funder_key(session, fw.client.organisation_id, funder_name=fw.client.funder_name).pseudonym_key
    assert message.payload["type"] == "plan.adopted"
    assert message.payload["data"] == {
        "pseudonym": pseudonym(key, family.id),
        "plan_id": str(uuid.UUID(hex=pseudonym(key, plan_id))),  # the id its FHIR CarePlan carries
        "version": 2,
    }
    with pytest.raises(ValueError, match="short code"):
        emit(
            session, event_type="plan.adopted", family_id=family.id, data={"note": "Moeder is ziek geworden"}
        )
    with pytest.raises(ValueError):
        emit(session, event_type="family.read", family_id=family.id)
    for outcome in ({"change_from_t0": 1}, {"gas_level": 2}, {"rci_class": "improved"}):
        with pytest.raises(ValueError, match="outcome value"):  # would tie a value to the pseudonym
            emit(session, event_type="measurement.completed", family_id=family.id, data=outcome)


def test_no_consent_no_message(client: TestClient, session: Session, world: World) -> None:
    fw = funder_world(session, world, families=0)
    _register(client, client_auth(fw.client))
    silent = make_family(session, world.organisation, region_id=world.region.id)
    counted_only = make_family(session, world.organisation, region_id=world.region.id)
    consent(session, counted_only, funder_data=False, aggregates_only=True)
    session.commit()
    assert emit(session, event_type="plan.adopted", family_id=silent.id) == 0
    assert emit(session, event_type="plan.adopted", family_id=counted_only.id) == 0


def test_closing_a_family_emits_family_closed_in_the_same_transaction(
    client: TestClient, session: Session, world: World
) -> None:
    fw = funder_world(session, world, families=0)
    _register(client, client_auth(fw.client))
    family = make_family(
        session,
        world.organisation,
        world.supporter,
        region_id=world.region.id,
        status=FamilyStatus.phasing_out,
    )
    consent(session, family)
    session.commit()
    url = f"/api/v1/families/{family.id}"
    stale = client.patch(url, json={"status": "closed"}, headers=auth(world.supporter) | {"If-Match": '"9"'})
    assert stale.status_code == 412
    assert session.exec(select(WebhookMessage)).all() == []  # the failed change left no event
    closed = client.patch(url, json={"status": "closed"}, headers=auth(world.supporter) | {"If-Match": '"1"'})
    assert closed.status_code == 200
    [message] = session.exec(select(WebhookMessage)).all()
    assert message.event_type == "family.closed"
    assert message.payload["data"] == {"pseudonym": pseudonym_of(session, fw.client, family.id)}


def test_signature_verifies_with_an_independent_implementation() -> None:
    secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"  # the Standard Webhooks specification's example
    body = b'{"test": 2432232314}'
    header = sign(secret, message_id="msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp=1614265330, body=body)
    assert header == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="  # the specification's expected value
    key = base64.b64decode(secret.split("_", 1)[1])
    expected = hmac.new(key, b"msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330." + body, hashlib.sha256).digest()
    assert header.split(",", 1)[1] == base64.b64encode(expected).decode()
