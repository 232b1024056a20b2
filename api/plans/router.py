"""The plan routes: the plan and its versions, goals, actions, life domains, evaluation debt."""

from fastapi import APIRouter

from api.plans import actions_router, goals_router, overview_router, plan_router

router = APIRouter()
router.include_router(plan_router.router)
router.include_router(goals_router.router)
router.include_router(actions_router.router)
router.include_router(overview_router.router)
