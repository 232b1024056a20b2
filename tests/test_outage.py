"""While the database is unreachable every request answers 503 with Retry-After (not 500, not a dropped
connection), and the server recovers by itself when it is back."""

import contextlib
import socket
import threading
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine, make_url
from sqlmodel import Session

from api.core.db import get_session, make_engine, transaction
from api.main import create_app
from tests.conftest import POSTGRES_URL
from tests.factories import World, auth


def _app_on(engine: Engine) -> FastAPI:
    app = create_app()

    def session() -> Iterator[Session]:
        with Session(engine, expire_on_commit=False) as s:
            yield from transaction(s)

    app.dependency_overrides[get_session] = session
    return app


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])  # nobody listens there once the probe is closed


def test_an_unreachable_database_is_a_503_with_retry_after(world: World) -> None:
    engine = make_engine(f"postgresql+psycopg://nobody@127.0.0.1:{_closed_port()}/none")
    try:
        with TestClient(_app_on(engine), raise_server_exceptions=False) as client:
            for method, path in (
                ("GET", "/api/v1/users/me"),
                ("GET", "/api/v1/families"),
                ("POST", "/api/v1/families"),
            ):
                response = client.request(
                    method, path, headers=auth(world.supporter), json={"display_name": "X"}
                )
                assert response.status_code == 503, (path, response.text)
                assert int(response.headers["retry-after"]) > 0
                assert response.headers["content-type"] == "application/problem+json"
            ready = client.get("/api/v1/health/ready")
            assert ready.status_code == 503 and "retry-after" in ready.headers
    finally:
        engine.dispose()


class Proxy:
    """A TCP proxy to the database that the test can cut and restore."""

    def __init__(self, upstream: tuple[str, int]) -> None:
        self.upstream = upstream
        self.port = _closed_port()
        self.sockets: list[socket.socket] = []
        self.listener: socket.socket | None = None

    def start(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen()
        self.listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                downstream, _ = listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.upstream)
            self.sockets += [downstream, upstream]
            for a, b in ((downstream, upstream), (upstream, downstream)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(source: socket.socket, target: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        finally:
            for s in (source, target):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)

    def stop(self) -> None:
        if self.listener is not None:
            with contextlib.suppress(OSError):
                self.listener.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept()
            self.listener.close()
        for s in self.sockets:
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
            s.close()
        self.sockets = []


@pytest.mark.skipif(not POSTGRES_URL, reason="a database server to cut off needs PostgreSQL")
def test_the_server_recovers_by_itself_when_the_database_is_back(engine: Engine, world: World) -> None:
    url = make_url(str(engine.url.render_as_string(hide_password=False)))
    proxy = Proxy((url.host or "127.0.0.1", url.port or 5432))
    proxy.start()
    proxied = make_engine(url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False))
    headers = auth(world.supporter)  # the world is not committed: the token's user is unknown there (401)
    try:
        with TestClient(_app_on(proxied), raise_server_exceptions=False) as client:
            assert client.get("/api/v1/users/me", headers=headers).status_code == 401  # the database answered
            proxy.stop()
            down = client.get("/api/v1/users/me", headers=headers)
            assert down.status_code == 503 and int(down.headers["retry-after"]) > 0
            assert client.get("/api/v1/users/me", headers=headers).status_code == 503
            proxy.start()
            assert client.get("/api/v1/users/me", headers=headers).status_code == 401  # back, no restart
    finally:
        proxy.stop()
        proxied.dispose()
