"""Life domains: the shipped list (health, education, housing …), shared by every
organisation, so extended only by a platform operator (audited)."""

from sqlmodel import Session, col, select

from api.audit import service as audit
from api.auth.principal import Principal
from api.core.errors import Conflict
from api.models import LifeDomain
from api.plans.presenters import domain_public
from api.plans.schemas import LifeDomainCreate, LifeDomainPublic


def list_domains(session: Session) -> list[LifeDomainPublic]:
    """Every life domain in display order."""
    domains = session.exec(
        select(LifeDomain).order_by(col(LifeDomain.position), col(LifeDomain.label_nl))
    ).all()
    return [domain_public(d) for d in domains]


def create_domain(session: Session, principal: Principal, *, data: LifeDomainCreate) -> LifeDomainPublic:
    """Add a life domain (the caller is a platform operator)."""
    taken = session.exec(select(LifeDomain.id).where(LifeDomain.code == data.code)).first()
    if taken is not None:
        raise Conflict(
            "Dit levensgebied bestaat al / this life domain already exists.", code="life_domain_exists"
        )
    domain = LifeDomain(**data.model_dump())
    session.add(domain)
    session.flush()
    audit.record(session, principal, action="create", object_type="life_domain", object_id=domain.id)
    return domain_public(domain)
