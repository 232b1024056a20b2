"""Headers and cookies fit for production: CSP without inline script or third-party origins, no framing,
referrer and permissions policies; in production no CDN-loaded docs, HSTS, and a Secure refresh cookie."""

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from api.core.config import get_settings
from api.core.db import get_session, transaction
from api.main import create_app
from tests.factories import PASSWORD, World


def test_every_answer_carries_the_security_headers(client: TestClient) -> None:
    for path in ("/", "/api/v1/health", "/api/v1/families", "/api/v1/nothing-here"):
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp and "http" not in csp
        assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert "camera=()" in headers["permissions-policy"]
        assert headers["x-frame-options"] == "DENY"
        assert "strict-transport-security" not in headers  # development and tests run on plain http


@pytest.fixture
def production(session: Session, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    monkeypatch.setenv("BONDGENOOT_ENVIRONMENT", "production")
    get_settings.cache_clear()
    app = create_app()

    def test_session() -> Iterator[Session]:
        try:
            yield from transaction(session)
        finally:
            session.expire_all()

    app.dependency_overrides[get_session] = test_session
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client
    monkeypatch.setenv("BONDGENOOT_ENVIRONMENT", "test")
    get_settings.cache_clear()


def test_production_has_no_cdn_docs_hsts_and_a_secure_cookie(production: TestClient, world: World) -> None:
    assert production.get("/api/v1/docs").status_code == 404
    assert production.get("/api/v1/openapi.json").status_code == 200  # the contract itself stays
    login = production.post(
        "/api/v1/auth/token",
        data={"grant_type": "password", "username": world.supporter.email, "password": PASSWORD},
    )
    assert login.status_code == 200
    cookie = login.headers["set-cookie"].lower()
    assert "secure" in cookie and "httponly" in cookie and "samesite=strict" in cookie
    assert login.headers["strict-transport-security"].startswith("max-age=")


def test_development_docs_work_without_the_strict_policy(client: TestClient) -> None:
    docs = client.get("/api/v1/docs")
    assert docs.status_code == 200
    assert "content-security-policy" not in docs.headers
