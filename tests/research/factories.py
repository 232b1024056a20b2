"""A research project over a small consenting cohort (BRS at T0 and T1, a goal, a meeting)."""

import io
import zipfile
from datetime import date

from sqlmodel import Session, select

from api.models import (
    Family,
    FamilyConsent,
    ResearchAccess,
    ResearchOrganisation,
    ResearchProject,
    Role,
    User,
    Wave,
)
from api.models.base import utcnow
from api.research.dictionary import SHARE_TABLES
from api.research.pseudonyms import new_key
from tests.factories import World, make_user
from tests.funders.cohort import brs, enrol, gas, meeting, parent


def project(
    session: Session, world: World, *, joined: bool = True, title: str = "Evaluatie"
) -> ResearchProject:
    row = ResearchProject(
        organisation_id=world.organisation.id,
        title=title,
        institution="Tranzo",
        period_start_on=date(2024, 1, 1),
        period_end_on=date(2026, 12, 31),
        shares=list(SHARE_TABLES),
        pseudonym_key=new_key(),
    )
    session.add(row)
    session.flush()
    session.add(
        ResearchOrganisation(
            project_id=row.id,
            organisation_id=world.organisation.id,
            code="O1",
            joined_at=utcnow() if joined else None,
        )
    )
    session.flush()
    return row


def researcher(session: Session, world: World, of: ResearchProject) -> User:
    user = make_user(session, world.organisation, Role.researcher)
    session.add(ResearchAccess(project_id=of.id, user_id=user.id))
    session.flush()
    return user


def research_family(
    session: Session, world: World, *, research: bool = True, t1: int = 4, region: bool = True
) -> Family:
    """An enrolled family whose parent answered the BRS at T0 (2) and T1 (`t1`), with a goal and a meeting."""
    family = enrol(session, world, display_name="Gezin Geheimnaam")
    if not region:
        family.region_id = None
    consent = session.exec(select(FamilyConsent).where(FamilyConsent.family_id == family.id)).one()
    consent.research = research
    member = parent(session, family, "Moeder Geheimnaam")
    brs(session, family, member, Wave.t0, 2, date(2024, 12, 2))
    brs(session, family, member, Wave.t1, t1, date(2025, 2, 3))
    gas(session, family, [(date(2025, 1, 10), -1), (date(2025, 5, 10), 1)])
    meeting(session, family, date(2025, 3, 3))
    session.flush()
    return family


def unzip(body: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        return {name: archive.read(name).decode() for name in archive.namelist()}
