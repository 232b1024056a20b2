"""The SELECT statements one GET request sends, with their parameters (for EXPLAIN and parameter checks)."""

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Connection, event


def selects_sent(
    client: TestClient, connection: Connection, url: str, headers: dict[str, str]
) -> list[tuple[str, Any]]:
    sent: list[tuple[str, Any]] = []

    def capture(_conn: object, _cursor: object, statement: str, parameters: Any, *_args: object) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            sent.append((statement, parameters))

    event.listen(connection, "before_cursor_execute", capture)
    try:
        response = client.get(url, headers=headers)
    finally:
        event.remove(connection, "before_cursor_execute", capture)
    assert response.status_code == 200, response.text
    return sent
