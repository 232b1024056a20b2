"""The demo seed adds one funder client per region (secret once) and consent for most families;
`bondgenoot worker --once` drains one batch."""

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, func, select

from api.cli import main
from api.demo.seed import seed
from api.models import FamilyConsent, FunderClient


def test_seed_adds_clients_once_and_consent_for_most_families(session: Session) -> None:
    first = seed(session, password="demo-password-123")
    assert first.count("client_secret") == 2
    clients = session.exec(select(FunderClient)).all()
    assert {c.funder_name for c in clients} == {"Menzis", "CZ"}
    assert all(len(c.region_ids) == 1 for c in clients)
    consenting = session.exec(
        select(func.count()).select_from(FamilyConsent).where(FamilyConsent.funder_data)
    ).one()
    assert consenting >= 20
    again = seed(session, password="demo-password-123")
    assert "client_secret" not in again
    assert again.count("exists") == 2
    assert len(session.exec(select(FunderClient)).all()) == 2


def test_worker_once_from_the_command_line(engine: Engine, capsys: pytest.CaptureFixture[str]) -> None:
    main(["worker", "--once", "--batch", "5"])
    assert "webhook message(s) tried" in capsys.readouterr().out
