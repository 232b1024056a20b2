"""The organisation's model versions: the voorbeeldmodel on first use, and an administrator's edits as new
versions. A version is never changed, so a report that names its version can always be recomputed."""

import uuid
from functools import lru_cache

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from api.audit import service as audit
from api.auth.principal import Principal
from api.business_case.definitions import ModelDefinition
from api.business_case.schemas import ModelEdit, ModelPublic, ModelVersionInfo
from api.business_case.shipped import shipped_model
from api.core.db import primary
from api.core.errors import Conflict, NotFound
from api.core.pagination import Page
from api.models import BusinessCaseModel, User

UNKNOWN_VERSION = "Deze modelversie bestaat niet / model version not found."


@lru_cache
def _shipped_json() -> dict[str, object]:
    return shipped_model().model_dump(mode="json")


def ensure_model(session: Session, organisation_id: uuid.UUID) -> None:
    """Give the organisation the voorbeeldmodel as version 1 when it has none (idempotent, one query)."""
    present = session.exec(
        select(BusinessCaseModel.id).where(BusinessCaseModel.organisation_id == organisation_id).limit(1)
    ).first()
    if present is not None:
        return
    try:
        with session.begin_nested():  # a concurrent first use may insert the same version
            session.add(
                BusinessCaseModel(
                    organisation_id=organisation_id,
                    version=1,
                    definition=_shipped_json(),
                    change_note="Voorbeeldmodel zoals meegeleverd / the shipped example model.",
                )
            )
    except IntegrityError:
        pass


def model_row(
    session: Session, organisation_id: uuid.UUID, *, version: int | None = None
) -> BusinessCaseModel:
    """One version of the organisation's model (default the latest), or a 404; read on the primary, where
    a model copied in on first use was just written (a reporting route may read the rest from a replica)."""
    statement = select(BusinessCaseModel).where(BusinessCaseModel.organisation_id == organisation_id)
    if version is not None:
        statement = statement.where(BusinessCaseModel.version == version)
    with primary(session):
        ensure_model(session, organisation_id)
        row = session.exec(statement.order_by(col(BusinessCaseModel.version).desc()).limit(1)).first()
    if row is None:
        raise NotFound(
            UNKNOWN_VERSION,
            errors=[{"field": "model_version", "message": "no such version", "type": "value_error"}],
        )
    return row


def definition_of(row: BusinessCaseModel) -> ModelDefinition:
    return ModelDefinition.model_validate(row.definition)


def _author(session: Session, user_id: uuid.UUID | None) -> str | None:
    user = session.get(User, user_id) if user_id else None
    return user.full_name if user else None


def _public(session: Session, row: BusinessCaseModel) -> ModelPublic:
    return ModelPublic(
        version=row.version,
        created_at=row.created_at,
        created_by_name=_author(session, row.created_by_id),
        change_note=row.change_note,
        model=definition_of(row),
    )


def read_model(session: Session, principal: Principal, *, version: int | None) -> ModelPublic:
    """The model (latest, or the version asked for)."""
    return _public(session, model_row(session, principal.organisation_id, version=version))


def list_versions(session: Session, principal: Principal) -> Page[ModelVersionInfo]:
    """Every version of the organisation's model, newest first."""
    ensure_model(session, principal.organisation_id)
    rows = session.exec(
        select(BusinessCaseModel, User.full_name)
        .outerjoin(User, col(User.id) == BusinessCaseModel.created_by_id)
        .where(BusinessCaseModel.organisation_id == principal.organisation_id)
        .order_by(col(BusinessCaseModel.version).desc())
    ).all()
    return Page(
        items=[
            ModelVersionInfo(
                version=row.version,
                created_at=row.created_at,
                created_by_name=name,
                change_note=row.change_note,
                name=str(row.definition.get("name", "")),
                is_example=bool(row.definition.get("is_example", False)),
            )
            for row, name in rows
        ]
    )


def edit_model(session: Session, principal: Principal, *, data: ModelEdit) -> ModelPublic:
    """Save an edit as the next version; editing an older version than the latest is a conflict."""
    latest = model_row(session, principal.organisation_id)
    if data.based_on_version != latest.version:
        raise Conflict(
            f"Er is intussen versie {latest.version} opgeslagen; laad die en wijzig opnieuw / "
            f"version {latest.version} was saved meanwhile; reload and edit again.",
            errors=[{"field": "based_on_version", "message": "not the latest version", "type": "conflict"}],
        )
    row = BusinessCaseModel(
        organisation_id=principal.organisation_id,
        version=latest.version + 1,
        definition=data.model.model_dump(mode="json"),
        change_note=data.change_note,
        created_by_id=principal.id,
    )
    session.add(row)
    try:
        session.flush()
    except IntegrityError as exc:  # two edits of the same version at once: the second loses
        raise Conflict(
            "Er is intussen een nieuwe versie opgeslagen / a new version was saved meanwhile."
        ) from exc
    audit.record(session, principal, action="create", object_type="business_case_model", object_id=row.id)
    return _public(session, row)
