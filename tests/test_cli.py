"""The `bondgenoot` command: settings, create-admin and an idempotent demo seed."""

import io

import pytest
from pydantic import ValidationError
from sqlmodel import Session, func, select

from api.cli import main
from api.core.config import DEVELOPMENT_SECRET, Settings
from api.core.security import verify_password
from api.demo.seed import ORGANISATION, seed
from api.models import Family, FamilyMember, NetworkContact, Organisation, Role, User


def test_production_refuses_a_missing_or_default_secret() -> None:
    for secret in ("", DEVELOPMENT_SECRET, "short"):
        with pytest.raises(ValidationError, match="SECRET_KEY"):
            Settings(environment="production", secret_key=secret)
    assert Settings(environment="production", secret_key="k" * 40).secret_key == "k" * 40
    assert Settings(environment="development", secret_key=DEVELOPMENT_SECRET).environment == "development"


def _count(session: Session, model: type) -> int:
    # Other tests may have committed rows to the scratch database: count only the demo organisation's.
    demo = select(Organisation.id).where(Organisation.name == ORGANISATION).scalar_subquery()
    statement = select(func.count()).select_from(model)
    if model in (FamilyMember, NetworkContact):
        statement = statement.join(Family, Family.id == model.family_id)  # type: ignore[attr-defined]
        return session.exec(statement.where(Family.organisation_id == demo)).one()
    if model is Organisation:
        return session.exec(statement.where(Organisation.id == demo)).one()
    return session.exec(statement.where(model.organisation_id == demo)).one()  # type: ignore[attr-defined]


def test_seed_demo_is_believable_and_idempotent(session: Session) -> None:
    report = seed(session, password="demo-password-123")
    assert "admin@demo.bondgenoot.nl" in report
    counts = {m: _count(session, m) for m in (Organisation, User, Family, FamilyMember, NetworkContact)}
    assert counts[Family] == 30
    assert counts[FamilyMember] >= 60 and counts[NetworkContact] >= 60
    assert counts[Organisation] == 1 and counts[User] == 6  # five staff and the demo researcher
    seed(session, password="demo-password-123")
    assert {m: _count(session, m) for m in counts} == counts
    admin = session.exec(select(User).where(User.email == "admin@demo.bondgenoot.nl")).one()
    assert admin.role == Role.admin
    assert verify_password("demo-password-123", admin.password_hash)


def test_create_admin_makes_the_organisation(engine: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("a-long-enough-password\n"))
    email = "beheer-cli@example.nl"
    main(["create-admin", "--email", email, "--organisation", "CLI Org", "--password-stdin"])
    from api.core.db import get_engine

    with Session(get_engine()) as session:
        user = session.exec(select(User).where(User.email == email)).one()
        organisation = session.get(Organisation, user.organisation_id)
        assert organisation is not None and organisation.name == "CLI Org"
        assert user.role == Role.admin
        assert verify_password("a-long-enough-password", user.password_hash)
        # committed outside the test transaction: clean up by hand
        session.delete(user)
        session.flush()
        session.delete(organisation)
        session.commit()
    with pytest.raises(SystemExit):
        monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
        main(["create-admin", "--email", "x@example.nl", "--organisation", "CLI Org", "--password-stdin"])


def test_rollups_rebuild_recomputes_them(engine: object, capsys: pytest.CaptureFixture[str]) -> None:
    main(["rollups", "rebuild"])
    assert "rollups rebuilt" in capsys.readouterr().out
