"""Hindering and facilitating factors: a coded list per organisation, recorded per family with a note."""

import uuid

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from api.audit import service as audit
from api.auth.principal import Principal
from api.core.concurrency import claim_version
from api.core.errors import Conflict, NotFound, Unprocessable
from api.core.pagination import Page
from api.families.repository import get_readable_family
from api.measurements.schemas import (
    FactorCreate,
    FactorPublic,
    FactorUpdate,
    FamilyFactorCreate,
    FamilyFactorPublic,
)
from api.models import Factor, FactorKind, FamilyFactor
from api.models.base import localtoday

H, F = FactorKind.hindering, FactorKind.facilitating
# Coded after the factors the Volwaardig leven evaluation reported; an administrator edits or adds to them.
DEFAULT_FACTORS: list[tuple[str, FactorKind, str, str]] = [
    ("bureaucracy_rules", H, "Bureaucratie en regels", "Bureaucracy and rules"),
    ("waiting_lists", H, "Wachtlijsten", "Waiting lists"),
    (
        "fragmented_care",
        H,
        "Versnipperde zorg, te veel hulpverleners",
        "Fragmented care, too many professionals",
    ),
    (
        "funding_gaps",
        H,
        "Financiering sluit niet aan (domeinen, wetten)",
        "Funding does not fit (domains, laws)",
    ),
    ("distrust_of_services", H, "Wantrouwen in hulpverlening", "Distrust of services"),
    ("missing_at_table", H, "Cruciale partij ontbreekt aan tafel", "A crucial party is missing at the table"),
    ("crisis_in_family", H, "Crisis in het gezin", "Crisis in the family"),
    ("supporter_change", H, "Wisseling van bondgenoot", "Change of supporter"),
    ("family_trust", F, "Vertrouwen van het gezin", "The family's trust"),
    ("collaboration_professionals", F, "Samenwerking met professionals", "Collaboration with professionals"),
    ("supporter_continuity", F, "Continuïteit van de bondgenoot", "Continuity of the supporter"),
    (
        "independent_position",
        F,
        "Onafhankelijke positie van de bondgenoot",
        "The supporter's independent position",
    ),
    ("informal_network", F, "Steun van het eigen netwerk", "Support from the family's own network"),
    ("time_and_availability", F, "Tijd en bereikbaarheid", "Time and availability"),
    ("expertise_disability", F, "Deskundigheid over de beperking", "Expertise on the disability"),
    ("one_plan", F, "Eén gezinsplan met alle partijen", "One family plan with every party"),
]
UNKNOWN_FACTOR = "Onbekende factor / unknown factor."


def public(factor: Factor) -> FactorPublic:
    return FactorPublic.model_validate(factor.model_dump())


def ensure_factors(session: Session, organisation_id: uuid.UUID) -> None:
    """Give an organisation without any factor the default coded list (idempotent)."""
    if session.exec(select(Factor.id).where(Factor.organisation_id == organisation_id)).first() is not None:
        return
    try:
        with session.begin_nested():
            session.add_all(
                Factor(organisation_id=organisation_id, code=code, kind=kind, label_nl=nl, label_en=en)
                for code, kind, nl, en in DEFAULT_FACTORS
            )
    except IntegrityError:
        pass


def list_factors(session: Session, principal: Principal, *, include_inactive: bool) -> Page[FactorPublic]:
    """The organisation's coded factors, hindering first."""
    ensure_factors(session, principal.organisation_id)
    statement = select(Factor).where(Factor.organisation_id == principal.organisation_id)
    if not include_inactive:
        statement = statement.where(col(Factor.is_active))
    rows = session.exec(statement.order_by(col(Factor.kind).desc(), col(Factor.code))).all()
    return Page(items=[public(f) for f in rows])


def create_factor(session: Session, principal: Principal, *, data: FactorCreate) -> FactorPublic:
    """Add a coded factor."""
    ensure_factors(session, principal.organisation_id)
    clash = session.exec(
        select(Factor.id).where(Factor.organisation_id == principal.organisation_id, Factor.code == data.code)
    ).first()
    if clash is not None:
        raise Conflict("Deze code bestaat al / this code is already in use.", code="factor_code_taken")
    factor = Factor(organisation_id=principal.organisation_id, **data.model_dump())
    session.add(factor)
    session.flush()
    audit.record(session, principal, action="create", object_type="factor", object_id=factor.id)
    return public(factor)


def update_factor(
    session: Session, principal: Principal, *, factor_id: uuid.UUID, data: FactorUpdate, if_match: str | None
) -> FactorPublic:
    """Change a factor's labels, kind or whether it can still be chosen (codes stay, for comparability)."""
    factor = session.get(Factor, factor_id)
    if factor is None or factor.organisation_id != principal.organisation_id:
        raise NotFound(UNKNOWN_FACTOR, code="factor_not_found")
    claim_version(session, factor, if_match)
    for name, value in data.model_dump(exclude_unset=True).items():
        if value is not None:
            setattr(factor, name, value)
    session.flush()
    audit.record(session, principal, action="update", object_type="factor", object_id=factor.id)
    return public(factor)


def family_factors(
    session: Session, principal: Principal, *, family_id: uuid.UUID
) -> Page[FamilyFactorPublic]:
    """The factors recorded for a family, newest first."""
    family = get_readable_family(session, principal, family_id, action="list")
    rows = session.exec(
        select(FamilyFactor, Factor)
        .join(Factor, col(Factor.id) == FamilyFactor.factor_id)
        .where(FamilyFactor.family_id == family.id)
        .order_by(col(FamilyFactor.recorded_on).desc(), col(FamilyFactor.created_at).desc())
    ).all()
    audit.record(session, principal, action="list", object_type="family_factor", family_id=family.id)
    return Page(items=[family_factor_public(ff, f) for ff, f in rows])


def family_factor_public(record: FamilyFactor, factor: Factor) -> FamilyFactorPublic:
    return FamilyFactorPublic(**record.model_dump(exclude={"factor_id"}), factor=public(factor))


def record_family_factor(
    session: Session, principal: Principal, *, family_id: uuid.UUID, data: FamilyFactorCreate
) -> FamilyFactorPublic:
    """Record a factor seen in a family, with a note."""
    family = get_readable_family(session, principal, family_id, action="create")
    if family.archived_at is not None:
        raise Conflict("Dit gezin is gearchiveerd / this family is archived.", code="family_archived")
    factor = session.get(Factor, data.factor_id)
    if factor is None or factor.organisation_id != family.organisation_id or not factor.is_active:
        raise Unprocessable(
            UNKNOWN_FACTOR,
            errors=[{"field": "factor_id", "message": UNKNOWN_FACTOR, "type": "value_error"}],
            code="factor_not_found",
        )
    record = FamilyFactor(
        family_id=family.id,
        factor_id=factor.id,
        note=data.note or None,
        recorded_on=data.recorded_on or localtoday(),
        recorded_by_id=principal.id,
    )
    session.add(record)
    session.flush()
    audit.record(
        session,
        principal,
        action="create",
        object_type="family_factor",
        object_id=record.id,
        family_id=family.id,
    )
    return family_factor_public(record, factor)
