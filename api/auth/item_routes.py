"""The change and remove routes of an item under a parent (a plan's goals, a meeting's decisions), built
from the service functions that do the work: each kind of item would repeat the same two handlers."""

import re
import uuid
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Path, Response

from api.auth.principal import Conditional, CurrentPrincipal
from api.core.db import SessionDep
from api.core.openapi import problems


def add_item_routes(
    router: APIRouter,
    path: str,
    *,
    change: Callable[..., Any],
    remove: Callable[..., Any],
    body: Any,
    answer: Any,
    names: tuple[str, str],
    descriptions: tuple[str, str],
    method: str = "PATCH",
    conditional: bool = False,
) -> None:
    """`method` (PATCH or PUT) and DELETE on `path`, e.g. "/decisions/{decision_id}" under a meeting.

    The route's two path parameters are also the service functions' keywords: `change(session, principal,
    meeting_id=…, decision_id=…, data=…)`; a `conditional` change also gets `if_match` and answers the ETag.
    """
    parent, key = re.findall(r"{(\w+)}", router.prefix + path)
    ParentId = Annotated[uuid.UUID, Path(alias=parent)]  # noqa: N806 (a type, local to these routes)
    ItemId = Annotated[uuid.UUID, Path(alias=key)]  # noqa: N806

    def change_item(
        parent_id: ParentId,
        item_id: ItemId,
        data: body,
        session: SessionDep,
        principal: CurrentPrincipal,
    ) -> Any:
        return change(session, principal, **{parent: parent_id, key: item_id}, data=data)

    def change_item_if_match(
        parent_id: ParentId,
        item_id: ItemId,
        data: body,
        precondition: Conditional,
    ) -> Any:
        return precondition.run(change, **{parent: parent_id, key: item_id}, data=data)

    def remove_item(
        parent_id: ParentId,
        item_id: ItemId,
        session: SessionDep,
        principal: CurrentPrincipal,
    ) -> Response:
        remove(session, principal, **{parent: parent_id, key: item_id})
        return Response(status_code=204)

    router.add_api_route(
        path,
        change_item_if_match if conditional else change_item,
        methods=[method],
        name=names[0],
        description=descriptions[0],
        response_model=answer,
        responses=problems(404, 409, 412, 428) if conditional else problems(404, 409),
    )
    router.add_api_route(
        path,
        remove_item,
        methods=["DELETE"],
        name=names[1],
        description=descriptions[1],
        status_code=204,
        responses=problems(404, 409),
    )
