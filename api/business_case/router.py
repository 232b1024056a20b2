"""The business case's routes: the report and its model, a family's cost events, the funder's view."""

from fastapi import APIRouter

from api.business_case import family_router, funder_router, report_router

router = APIRouter()
router.include_router(report_router.router)
router.include_router(family_router.router)
router.include_router(funder_router.router)
