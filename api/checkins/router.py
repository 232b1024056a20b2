"""The check-in routes: the staff's links, alerts and summaries, and the phone's public pages."""

from fastapi import APIRouter

from api.checkins import plan_router, public_router, staff_router

router = APIRouter()
router.include_router(staff_router.router)
router.include_router(public_router.router)
router.include_router(plan_router.router)
