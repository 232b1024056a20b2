"""The family routes: the family itself, its members and network, and closing the support."""

from fastapi import APIRouter

from api.families import closing_router, family_router, people_router

router = APIRouter()
router.include_router(family_router.router)
router.include_router(people_router.router)
router.include_router(closing_router.router)
