"""No server-side request goes where it must not: webhook hosts are checked in every spelling when
registered and again when connecting (DNS rebinding), redirects are not followed, loopback only by setting."""

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, HTTPServer

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from api.core.config import Settings, get_settings
from api.core.outbound import ForbiddenAddress, GuardedTransport, public_addresses
from api.funders.outbox import emit
from api.funders.worker import Worker
from api.models import DeliveryStatus, WebhookAttempt, WebhookMessage
from tests.factories import World
from tests.funders.factories import client_auth
from tests.funders.helpers import funder_world

URL = "/api/v1/funder/webhooks"
FORBIDDEN_HOSTS = [
    "127.0.0.1",
    "2130706433",  # decimal
    "0x7f000001",  # hex
    "0x7f.0.0.1",
    "0177.0.0.1",  # octal
    "127.1",  # short
    "127.0.0.1.",  # trailing dot
    "0.0.0.0",
    "[::1]",
    "[::ffff:127.0.0.1]",  # IPv4-mapped
    "[::ffff:a9fe:a9fe]",
    "[2002:7f00:1::]",  # 6to4 around loopback
    "[64:ff9b::a9fe:a9fe]",  # NAT64 around the metadata address
    "[fd00:ec2::254]",  # cloud metadata (IPv6)
    "169.254.169.254",  # cloud metadata
    "100.100.100.200",  # shared address space (metadata elsewhere)
    "10.0.0.1",
    "172.16.5.4",
    "192.168.1.1",
    "224.0.0.1",  # multicast
    "240.0.0.1",  # reserved
    "localhost",
    "localhost.",
    "printer.local",
    "metadata.google.internal",
]


@contextmanager
def loopback_setting(monkeypatch: pytest.MonkeyPatch, allowed: bool) -> Iterator[None]:
    monkeypatch.setenv("BONDGENOOT_WEBHOOK_ALLOW_LOOPBACK", "true" if allowed else "false")
    get_settings.cache_clear()
    try:
        yield
    finally:
        monkeypatch.delenv("BONDGENOOT_WEBHOOK_ALLOW_LOOPBACK")
        get_settings.cache_clear()


@pytest.mark.parametrize("host", FORBIDDEN_HOSTS)
def test_registration_refuses_every_spelling_of_an_internal_address(
    client: TestClient, session: Session, world: World, host: str
) -> None:
    fw = funder_world(session, world, families=0)
    body = {"url": f"https://{host}/hook", "event_types": ["plan.adopted"]}
    response = client.post(URL, json=body, headers=client_auth(fw.client))
    assert response.status_code == 422, response.text
    assert response.json()["errors"][0]["field"] == "url"


def test_a_name_that_resolves_to_an_internal_address_is_refused(
    client: TestClient, session: Session, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    import api.core.outbound as outbound

    monkeypatch.setattr(outbound, "system_resolve", lambda host, port: ["93.184.215.14", "10.0.0.7"])
    fw = funder_world(session, world, families=0)
    body = {"url": "https://rebind.attacker.test/hook", "event_types": ["plan.adopted"]}
    assert client.post(URL, json=body, headers=client_auth(fw.client)).status_code == 422


def test_the_connection_is_checked_again_and_pinned_to_the_checked_address() -> None:
    answers = iter([["93.184.215.14"], ["127.0.0.1"]])  # a name that rebinds after the first look-up
    seen: list[httpx.Request] = []

    def inner(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    transport = GuardedTransport(httpx.MockTransport(inner), resolve=lambda host, port: next(answers))
    with httpx.Client(transport=transport, follow_redirects=False) as http:
        assert http.post("https://hooks.funder.test/x", content=b"{}").status_code == 204
        with pytest.raises(ForbiddenAddress):
            http.post("https://hooks.funder.test/x", content=b"{}")
    [request] = seen  # the rebound request never left
    assert request.url.host == "93.184.215.14"
    assert request.headers["host"] == "hooks.funder.test"
    assert request.extensions["sni_hostname"] == "hooks.funder.test"


def test_the_worker_delivers_through_the_guard_by_default() -> None:
    assert isinstance(Worker().transport, GuardedTransport)


def test_loopback_is_never_allowed_in_production() -> None:
    with pytest.raises(ValueError, match="ALLOW_LOOPBACK"):
        Settings(environment="production", secret_key="s" * 40, webhook_allow_loopback=True)


class _Hook(BaseHTTPRequestHandler):
    hits: list[str] = []
    redirect = False

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers["content-length"]))
        type(self).hits.append(self.path)
        if type(self).redirect and self.path == "/hook":
            self.send_response(307)
            self.send_header("Location", "/elsewhere")
        else:
            self.send_response(204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def local_server() -> Iterator[str]:
    _Hook.hits = []
    _Hook.redirect = False
    server = HTTPServer(("127.0.0.1", 0), _Hook)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/hook"
    server.shutdown()
    server.server_close()


def _sessions(session: Session):  # type: ignore[no-untyped-def]
    @contextmanager
    def factory() -> Iterator[Session]:
        yield session

    return factory


def _register_local(client: TestClient, session: Session, world: World, url: str) -> None:
    fw = funder_world(session, world, families=1)
    body = {"url": url, "event_types": ["plan.adopted"]}
    assert client.post(URL, json=body, headers=client_auth(fw.client)).status_code == 201
    emit(session, event_type="plan.adopted", family_id=fw.families[0].id)
    session.commit()


def test_a_local_server_receives_deliveries_only_behind_the_setting(
    client: TestClient, session: Session, world: World, local_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with loopback_setting(monkeypatch, allowed=True):
        _register_local(client, session, world, local_server)
        assert Worker(_sessions(session)).run_once() == 1
    assert _Hook.hits == ["/hook"]
    assert session.exec(select(WebhookMessage)).one().status == DeliveryStatus.delivered

    with loopback_setting(monkeypatch, allowed=True):
        _register_local(client, session, world, local_server)
    # The setting is switched off after registration: the connection-time check refuses the same URL.
    with loopback_setting(monkeypatch, allowed=False):
        assert Worker(_sessions(session)).run_once() >= 1
    assert _Hook.hits == ["/hook"]
    errors = session.exec(select(WebhookAttempt.error)).all()
    assert "ForbiddenAddress" in errors


def test_redirects_are_not_followed(
    client: TestClient, session: Session, world: World, local_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _Hook.redirect = True
    with loopback_setting(monkeypatch, allowed=True):
        _register_local(client, session, world, local_server)
        Worker(_sessions(session)).run_once()
    assert _Hook.hits == ["/hook"]
    attempt = session.exec(select(WebhookAttempt)).one()
    assert attempt.status_code == 307 and attempt.error == "HTTP 307"


def test_public_addresses_in_every_spelling_pass() -> None:
    assert public_addresses("93.184.215.14", 443) == ["93.184.215.14"]
    assert public_addresses("2606:4700::1111", 443) == ["2606:4700::1111"]
