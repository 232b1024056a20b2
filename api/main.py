"""create_app(): routers, error handlers, middleware, and the web app at /."""

import logging
from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse
from fastapi.routing import APIRoute

from api import subscribers
from api.audit.router import router as audit_router
from api.auth.router import router as auth_router
from api.business_case.router import router as business_case_router
from api.checkins.router import router as checkins_router
from api.core.config import get_settings
from api.core.errors import NotFound, install_error_handlers
from api.core.middleware import BodyLimitMiddleware, RequestLogMiddleware
from api.core.openapi import document_implied_statuses, problems
from api.exports.router import router as exports_router
from api.families.router import router as families_router
from api.funders.router import router as funders_router
from api.health.router import router as health_router
from api.measurements.router import router as measurements_router
from api.meetings.router import router as meetings_router
from api.notifications.router import router as notifications_router
from api.plans.router import router as plans_router
from api.regions.router import router as regions_router
from api.research.router import router as research_router
from api.users.router import router as users_router
from api.voice.router import router as voice_router
from api.workday.router import router as workday_router

API_PREFIX = "/api/v1"
ROUTERS: list[APIRouter] = [
    health_router,
    auth_router,
    users_router,
    regions_router,
    families_router,
    exports_router,
    audit_router,
    meetings_router,
    checkins_router,
    voice_router,
    plans_router,
    funders_router,
    measurements_router,
    notifications_router,
    business_case_router,
    workday_router,
    research_router,
]


PHONE_PATHS = ("c", "c/")


def _operation_id(route: APIRoute) -> str:
    # Stable operation ids: the handler's name, unique across the app (checked by the contract test).
    return route.name


def _mount_frontend(app: FastAPI, dist: Path) -> None:
    """Serve the built single-page app at / with a fallback to index.html for its own routes."""

    @app.get("/{path:path}", include_in_schema=False)
    def spa(path: str) -> FileResponse:
        if path.startswith("api/") or not (dist / "index.html").is_file():
            raise NotFound("Niet gevonden / not found.")
        candidate = (dist / path).resolve()
        if path and candidate.is_file() and candidate.is_relative_to(dist.resolve()):
            cache = "public, max-age=31536000, immutable" if path.startswith("assets/") else "no-cache"
            return FileResponse(candidate, headers={"Cache-Control": cache})
        # The phone pages are their own entry (own HTML and bundle), not the staff app's shell.
        page = "phone.html" if path in PHONE_PATHS and (dist / "phone.html").is_file() else "index.html"
        return FileResponse(dist / page, headers={"Cache-Control": "no-cache"})


def _document_statuses(app: FastAPI) -> None:
    """The contract names every status a route can answer (schemathesis checks it in CI)."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = document_implied_statuses(generate())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def create_app() -> FastAPI:
    """The Bondgenoot API."""
    settings = get_settings()
    subscribers.register()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    app = FastAPI(
        title="Bondgenoot API",
        version="1.0.0",
        description="One family, one plan, one coordinator (1Gezin1Plan): families, plans, meetings, "
        "measurements and funder outcomes. Errors are application/problem+json (RFC 9457).",
        openapi_url=f"{API_PREFIX}/openapi.json",
        # Swagger UI loads from a CDN with an inline script: off in production (openapi.json stays).
        docs_url=None if settings.environment == "production" else f"{API_PREFIX}/docs",
        redoc_url=None,
        generate_unique_id_function=_operation_id,
    )
    install_error_handlers(app)
    _document_statuses(app)
    for router in ROUTERS:
        app.include_router(router, prefix=API_PREFIX, responses=problems(401, 413, 422, 500, 503))
    _mount_frontend(app, settings.frontend_dist)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_credentials=True,
            allow_methods=["*"],
            allow_headers=["*"],
            expose_headers=["ETag"],
        )
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    app.add_middleware(
        RequestLogMiddleware,
        hsts=settings.environment == "production",
        # The development-only API docs page needs its CDN script; everything else gets the strict policy.
        csp_exempt=(app.docs_url, f"{API_PREFIX}/docs/oauth2-redirect") if app.docs_url else (),
    )
    return app
