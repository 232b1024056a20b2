"""The meeting routes: a family's meetings and timeline; one meeting, its parts."""

from fastapi import APIRouter

from api.meetings import family_router, meeting_router, parts_router

router = APIRouter()
router.include_router(family_router.router)
router.include_router(meeting_router.router)
router.include_router(parts_router.router)
