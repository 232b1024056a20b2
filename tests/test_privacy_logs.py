"""No personal data or secrets in logs: recognisable names, search text, codes and secrets go through every
kind of request, including failing ones, and none of them reaches any log line; log lines cannot be forged."""

import logging

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from api.core.config import get_settings
from api.core.db import make_engine
from api.core.middleware import printable
from tests.factories import World, auth

NAME = "Wilhelmina Zwanenburg"
SEARCH = "Zwanenbrg-zoekterm"
CODE = "846213"
SECRET = "geheim-Zwaluw-4711"
EMAIL = "w.zwanenburg@privé.example.nl"
MARKERS = ("Wilhelmina", "Zwanenburg", "Zwanenbrg", CODE, SECRET, "Zwaluw", "privé")


@pytest.fixture
def logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG)
    for name in ("sqlalchemy.engine", "bondgenoot"):
        logging.getLogger(name).setLevel(logging.DEBUG)
    yield caplog
    logging.getLogger("sqlalchemy.engine").setLevel(logging.WARNING)


def _all_logged(caplog: pytest.LogCaptureFixture) -> str:
    # The test client's own httpx log lines are the caller's, not the server's.
    server = [r for r in caplog.records if not r.name.startswith(("httpx", "httpcore"))]
    return "\n".join(f"{r.getMessage()}\n{r.exc_text or ''}" for r in server)


def test_nothing_personal_or_secret_reaches_the_log(
    client: TestClient, world: World, logs: pytest.LogCaptureFixture
) -> None:
    staff = auth(world.supporter)
    client.post("/api/v1/families", json={"display_name": NAME}, headers=staff)  # succeeds
    client.post("/api/v1/families", json={"display_name": NAME, "bogus": SECRET}, headers=staff)  # 422
    client.post("/api/v1/families", json={"display_name": NAME * 50}, headers=staff)  # 422, too long
    client.get("/api/v1/families", params={"q": SEARCH}, headers=staff)
    client.get(f"/api/v1/families/{NAME}", headers=staff)  # a name where an id belongs
    client.get(f"/api/v1/{SEARCH}/{CODE}", headers=staff)  # no such route
    client.post(
        "/api/v1/auth/token", data={"grant_type": "password", "username": EMAIL, "password": SECRET}
    )  # 401
    client.post(
        "/api/v1/auth/token",
        data={"grant_type": "client_credentials", "client_id": NAME, "client_secret": SECRET},
    )
    client.post(
        "/api/v1/checkin/session", json={"code": CODE}, headers={"Authorization": f"CheckinLink {SECRET}"}
    )
    client.post(
        "/api/v1/users",
        json={"email": EMAIL, "full_name": NAME, "role": "supporter", "password": SECRET},
        headers=auth(world.admin),
    )  # refused: the e-mail address is not valid
    client.post(
        "/api/v1/users/me/password", json={"current_password": SECRET, "new_password": SECRET}, headers=staff
    )
    client.get("/api/v1/families", headers={"Authorization": f"Bearer {SECRET}"})  # 401
    logged = _all_logged(logs)
    assert "/api/v1/families" in logged  # the request log is on…
    for marker in MARKERS:
        assert marker not in logged, marker  # …and holds none of it


def test_an_unexpected_error_logs_where_not_what(fresh_app: FastAPI, logs: pytest.LogCaptureFixture) -> None:
    app = fresh_app

    @app.post("/api/v1/test-only/boom")
    def boom() -> None:
        raise ValueError(f"could not store {NAME} with code {CODE}")

    with TestClient(app, raise_server_exceptions=True) as strict:  # nothing escapes to the server's own log
        response = strict.post("/api/v1/test-only/boom")
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    logged = _all_logged(logs)
    assert "ValueError (message withheld)" in logged and "test-only/boom" in logged
    for marker in MARKERS:
        assert marker not in logged


def test_sql_parameters_never_reach_a_log_or_an_error_message(logs: pytest.LogCaptureFixture) -> None:
    engine = make_engine(get_settings().database_url)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT :who"), {"who": NAME})
            with pytest.raises(SQLAlchemyError) as failed:
                conn.execute(text("SELECT * FROM no_such_table WHERE name = :who"), {"who": NAME})
    finally:
        engine.dispose()
    assert NAME not in str(failed.value)
    assert "no_such_table" in _all_logged(logs)  # the engine log is on
    assert NAME not in _all_logged(logs)


def test_a_request_cannot_forge_log_lines(client: TestClient, logs: pytest.LogCaptureFixture) -> None:
    client.get("/api/v1/health/%0d%0a2026-12-07 INFO bondgenoot.requests GET /api/v1/admin 200")
    for record in logs.records:
        assert "\n" not in record.getMessage().split("\n")[0] or record.name != "bondgenoot.requests"
        if record.name == "bondgenoot.requests":
            assert "\r" not in record.getMessage() and "\n" not in record.getMessage()
    assert printable("a\nb\x1b[31mc\\") == "a\\nb\\x1b[31mc\\\\"
