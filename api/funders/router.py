"""The funder routes: consent per family, the administrator's clients and webhooks, the systems' API."""

from fastapi import APIRouter

from api.funders import admin_router, client_router, consent_router

router = APIRouter()
router.include_router(consent_router.router)
router.include_router(admin_router.router)
router.include_router(client_router.router)
