"""Fixtures of the notification tests: no quiet hours unless a test sets them; real local servers."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from api.core.config import get_settings
from tests.notifications.servers import FakeCm, SmtpServer


@pytest.fixture(autouse=True)
def no_quiet_hours(monkeypatch: pytest.MonkeyPatch) -> None:
    """Requests queue with the process settings: the tests choose the moment instead of the wall clock."""
    monkeypatch.setattr(get_settings(), "notify_quiet_start_hour", 0)
    monkeypatch.setattr(get_settings(), "notify_quiet_end_hour", 0)


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    with SmtpServer() as server:
        yield server


@pytest.fixture
def secure_smtp(tmp_path: Path) -> Iterator[SmtpServer]:
    with SmtpServer(tls_dir=tmp_path, login=("bondgenoot", "relay-secret")) as server:
        yield server


@pytest.fixture
def cm() -> Iterator[FakeCm]:
    with FakeCm() as fake:
        yield fake
