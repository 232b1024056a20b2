"""Research routes in the authorization matrix: staff of the project's organisations read it, administrators
change it, supporters are refused, only a researcher downloads (tests/research covers researchers)."""

from sqlmodel import Session

from api.models import Family, ResearchOrganisation, ResearchProject
from api.models.base import utcnow
from api.research.dictionary import SHARE_TABLES
from api.research.pseudonyms import new_key
from tests.factories import World
from tests.matrix_rules import STAFF, Rule


def _project(session: Session, world: World, family: Family) -> dict[str, str]:
    """A joined project of the family's organisation: the matrix tries the caller's own and another's."""
    project = ResearchProject(
        organisation_id=family.organisation_id,
        title="Evaluatie",
        institution="Tranzo",
        period_start_on=utcnow().date().replace(month=1, day=1),
        period_end_on=utcnow().date(),
        shares=list(SHARE_TABLES),
        pseudonym_key=new_key(),
    )
    session.add(project)
    session.flush()
    session.add(
        ResearchOrganisation(
            project_id=project.id, organisation_id=family.organisation_id, code="O1", joined_at=utcnow()
        )
    )
    session.flush()
    return {"project_id": str(project.id)}


ADMIN = ("admin",)
BODY = {
    "title": "Evaluatie",
    "institution": "Tranzo",
    "period_start_on": "2025-01-01",
    "period_end_on": "2026-12-31",
    "shares": ["families", "measurements"],
}
P = "/api/v1/research/projects"
ROUTES: dict[tuple[str, str], Rule] = {
    ("GET", P): Rule(200, kind="global", roles=STAFF),
    ("POST", P): Rule(201, kind="global", roles=ADMIN, body=lambda w: BODY),
    ("GET", P + "/{project_id}"): Rule(200, kind="org", roles=STAFF, params=_project),
    ("POST", P + "/{project_id}/join"): Rule(200, kind="org", roles=ADMIN, params=_project),
    # an administrator is no researcher account: 422 in the own organisation, 404 in another
    ("POST", P + "/{project_id}/researchers"): Rule(
        422, kind="org", roles=ADMIN, params=_project, body=lambda w: {"user_id": str(w.admin.id)}
    ),
    ("GET", P + "/{project_id}/response"): Rule(200, kind="org", roles=STAFF, params=_project),
    ("GET", P + "/{project_id}/dataset"): Rule(200, kind="org", roles=(), params=_project),
}
