"""The measurement routes: instruments and factors, a family's measurements, the staff's cohort views."""

from fastapi import APIRouter

from api.measurements import family_router, instruments_router, staff_router

router = APIRouter()
router.include_router(instruments_router.router)
router.include_router(family_router.router)
router.include_router(staff_router.router)
