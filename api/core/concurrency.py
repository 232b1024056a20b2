"""Optimistic concurrency with ETag / If-Match, and idempotent creates with Idempotency-Key."""

import hashlib
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, Protocol, TypeVar

from fastapi import Header, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from api.core.errors import Conflict, PreconditionFailed, PreconditionRequired, Unprocessable
from api.models import IdempotencyRecord

IfMatch = Annotated[
    str | None,
    Header(alias="If-Match", max_length=200, description="The ETag of the version you read (required)."),
]
IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        min_length=8,
        max_length=200,
        description="A unique key per intended create; a retry with the same key returns the first answer.",
    ),
]

STALE = (
    "Iemand anders heeft dit intussen gewijzigd; laad opnieuw en probeer het nog eens / "
    "someone else changed this meanwhile; reload and try again."
)


def etag(version: int) -> str:
    return f'"{version}"'


class HasVersion(Protocol):
    version: int


Versioned = TypeVar("Versioned", bound=HasVersion)


@dataclass(frozen=True)
class Tagging:
    """Answers one versioned object with its ETag: `return tag.run(service.read_x, x_id=x_id)` calls
    `service.read_x(session, principal, x_id=x_id)` as the caller; `tag(result)` tags a route's own result."""

    response: Response
    session: Session
    principal: Any  # api.auth's Principal (the core imports nothing above it)

    def __call__(self, result: Versioned) -> Versioned:
        self.response.headers["ETag"] = etag(result.version)
        return result

    def run(self, service: Callable[..., Versioned], **arguments: Any) -> Versioned:
        return self(service(self.session, self.principal, **arguments))


@dataclass(frozen=True)
class Precondition(Tagging):
    """A conditional change: `run` passes the caller's If-Match to the service and tags the new version."""

    if_match: str | None

    def run(self, service: Callable[..., Versioned], **arguments: Any) -> Versioned:
        return self(service(self.session, self.principal, **arguments, if_match=self.if_match))


def etag_header(result: Any) -> dict[str, str]:
    """The ETag header of an answer that carries its `version`."""
    return {"ETag": etag(result.version)}


def matches(if_match: str, version: int) -> bool:
    """Whether an If-Match header names this version (or `*`); weak tags count."""
    tags = {tag.strip().removeprefix("W/") for tag in if_match.split(",")}
    return "*" in tags or etag(version) in tags


def claim_version(session: Session, obj: Any, if_match: str | None) -> None:
    """Check If-Match against `obj` and move it to the next version atomically (412 when stale)."""
    if if_match is None:
        raise PreconditionRequired(
            "Stuur de ETag mee in If-Match / send the ETag you read in the If-Match header.",
            errors=[{"field": "If-Match", "message": "required", "type": "missing"}],
        )
    current = obj.version
    if not matches(if_match, current):
        raise PreconditionFailed(STALE)
    # The conditional UPDATE catches a writer that passed the same check at the same time.
    model = type(obj)
    claimed = session.execute(
        update(model).where(model.id == obj.id, model.version == current).values(version=current + 1)
    )
    if claimed.rowcount != 1:  # type: ignore[attr-defined]
        raise PreconditionFailed(STALE)
    obj.version = current + 1


def _fingerprint(path: str, payload: BaseModel) -> str:
    body = json.dumps([path, payload.model_dump(mode="json")], sort_keys=True, default=str)
    return hashlib.sha256(body.encode()).hexdigest()


def idempotent_create(
    session: Session,
    *,
    actor_id: uuid.UUID,
    key: str | None,
    path: str,
    payload: BaseModel,
    create: Callable[[], BaseModel],
    headers: Callable[[BaseModel], dict[str, str]] | None = None,
) -> JSONResponse:
    """Run `create` once per (actor, key); a retry replays the first answer, another body is a 422."""
    record: IdempotencyRecord | None = None
    if key is not None:
        fingerprint = _fingerprint(path, payload)
        existing = session.exec(
            select(IdempotencyRecord).where(
                IdempotencyRecord.actor_id == actor_id, IdempotencyRecord.key == key
            )
        ).first()
        if existing is not None:
            if existing.request_hash != fingerprint:
                raise Unprocessable(
                    "Deze Idempotency-Key is al gebruikt voor een ander verzoek / "
                    "this Idempotency-Key was already used for another request.",
                    errors=[
                        {"field": "Idempotency-Key", "message": "used for another request", "type": "reused"}
                    ],
                    code="idempotency_key_reused",
                )
            return JSONResponse(
                existing.response_body,
                status_code=existing.status_code,
                headers={"Idempotent-Replayed": "true"},
            )
        record = IdempotencyRecord(
            actor_id=actor_id, key=key, request_hash=fingerprint, status_code=201, response_body={}
        )
        session.add(record)
        try:
            session.flush()
        except IntegrityError as exc:
            raise Conflict(
                "Een verzoek met deze sleutel loopt nog / a request with this key is in progress.",
                code="idempotency_key_in_progress",
            ) from exc
    result = create()
    body = result.model_dump(mode="json")
    if record is not None:
        record.response_body = body
    return JSONResponse(body, status_code=201, headers=headers(result) if headers else None)


@dataclass(frozen=True)
class Creation:
    """An idempotent create bound to its request (who asks, with which Idempotency-Key, on which path).

    Routes receive it as a dependency (`api.auth.principal.IdempotentCreate`) and call it with the body and
    the service function: `return create.run(service.create_x, data, family_id=family_id)`, or with a
    function of their own: `return create(data, lambda: …)`.
    """

    session: Session
    actor_id: uuid.UUID
    key: str | None
    path: str
    principal: Any = None  # api.auth's Principal, for `run`

    def __call__(
        self, payload: BaseModel, create: Callable[[], BaseModel], *, tagged: bool = False
    ) -> JSONResponse:
        """201 with the created object (and its ETag when `tagged`), once per key."""
        return idempotent_create(
            self.session,
            actor_id=self.actor_id,
            key=self.key,
            path=self.path,
            payload=payload,
            create=create,
            headers=etag_header if tagged else None,
        )

    def run(
        self, service: Callable[..., BaseModel], data: BaseModel, *, tagged: bool = False, **ids: Any
    ) -> JSONResponse:
        """Create through `service(session, principal, **ids, data=data)`, as the caller, once per key."""
        return self(data, lambda: service(self.session, self.principal, **ids, data=data), tagged=tagged)
