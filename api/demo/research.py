"""A demo research project the demo organisation has joined, and a researcher account with access to it."""

from datetime import date

from sqlmodel import Session, select

from api.demo.context import DemoContext, acting
from api.models import ResearchProject, Role, User
from api.models.base import localtoday
from api.research import service
from api.research.dictionary import SHARE_TABLES
from api.research.schemas import AccessGrant, ProjectCreate
from api.users.schemas import UserCreate
from api.users.service import create_user

TITLE = "Evaluatie bondgenoten (demo)"
RESEARCHER = ("researcher@demo.bondgenoot.nl", "Dr. Ilse Onderzoek")


def _researcher(session: Session, admin: User, password: str) -> User:
    user = session.exec(select(User).where(User.email == RESEARCHER[0])).first()
    if user is None:  # the demo password, as every demo account; created by the administrator
        data = UserCreate(
            email=RESEARCHER[0], full_name=RESEARCHER[1], role=Role.researcher, password=password
        )
        user = session.get(User, create_user(session, acting(admin), data=data).id)
        assert user is not None
    return user


def seed_research(session: Session, context: DemoContext) -> str:
    """Create the demo project through the research services (create, join, grant); skip when it exists."""
    admin = context.users.get("admin@demo.bondgenoot.nl")
    if admin is None:
        return "Research demo: no administrator, skipped."
    exists = session.exec(
        select(ResearchProject).where(
            ResearchProject.organisation_id == context.organisation.id, ResearchProject.title == TITLE
        )
    ).first()
    researcher = _researcher(session, admin, context.password)
    if exists is not None:
        return f"Research demo: project already seeded; researcher login {researcher.email}."
    who = acting(admin)
    today = localtoday()
    project = service.create_project(
        session,
        who,
        data=ProjectCreate(
            title=TITLE,
            institution="Tranzo, Tilburg University (demo)",
            period_start_on=date(today.year - 2, 1, 1),
            period_end_on=date(today.year, 12, 31),
            shares=list(SHARE_TABLES),
            small_cell_threshold=5,
        ),
    )
    service.join_project(session, who, project_id=project.id)
    service.grant_access(session, who, project_id=project.id, data=AccessGrant(user_id=researcher.id))
    return f"Research demo: project created and joined; researcher login {researcher.email}."
