"""Progress: Goal Attainment Scaling scores over time and the family's T-score (Kiresuk & Sherman, rho = 0.3).

The T-score on a date takes, for every active or achieved goal, its latest score on or before that date (the
last one recorded when a day has two). Goals without a score by then are left out, not counted as 0: an
unscored goal says nothing yet about attainment. Proposed goals cannot be scored; discontinued goals stop
counting.
"""

import uuid
from datetime import date
from itertools import groupby

from sqlmodel import Session

from api.audit import service as audit
from api.auth.principal import Principal
from api.core.errors import Conflict
from api.families.repository import get_readable_family
from api.measurements.scoring import gas_t_score
from api.models import GasScore, Goal, User
from api.models.base import localtoday
from api.plans import repository as repo
from api.plans.goals import load_goal
from api.plans.schemas import (
    GasGoalLevel,
    GasGoalSeries,
    GasPoint,
    GasScorePoint,
    GasSeries,
    GasSummary,
    ScoreCreate,
    ScorePublic,
)
from api.plans.service import COUNTED, family_t_score, field_error, writable_family


def score_public(score: GasScore, scorer: User | None) -> ScorePublic:
    return ScorePublic.model_validate(
        score.model_dump() | {"scored_by_name": scorer.full_name if scorer else None}
    )


def record_score(
    session: Session, principal: Principal, *, family_id: uuid.UUID, goal_id: uuid.UUID, data: ScoreCreate
) -> ScorePublic:
    """Record where a goal stands on a date (-2 .. +2 on its ladder)."""
    family = writable_family(session, principal, family_id=family_id, action="create")
    goal = load_goal(session, family.id, goal_id=goal_id)
    if goal.status not in COUNTED or goal.level_0 is None:
        raise Conflict(
            "Alleen een actief of behaald doel met een GAS-ladder krijgt een score / "
            "only an active or achieved goal with a GAS ladder can be scored.",
            code="goal_not_scorable",
        )
    if data.scored_on > localtoday():
        raise field_error(
            "scored_on", "Een score kan niet in de toekomst liggen / a score cannot be in the future."
        )
    score = GasScore(**data.model_dump(), goal_id=goal.id, family_id=family.id, scored_by_id=principal.id)
    session.add(score)
    session.flush()
    audit.record(
        session, principal, action="create", object_type="gas_score", object_id=score.id, family_id=family.id
    )
    return score_public(score, session.get(User, principal.id))


def list_scores(
    session: Session, principal: Principal, *, family_id: uuid.UUID, goal_id: uuid.UUID
) -> list[ScorePublic]:
    """A goal's scores, oldest first."""
    family = get_readable_family(session, principal, family_id)
    goal = load_goal(session, family.id, goal_id=goal_id)
    scores = repo.scores_of_goal(session, goal.id)
    audit.record(
        session, principal, action="list", object_type="gas_score", object_id=goal.id, family_id=family.id
    )
    return [score_public(s, s.scored_by) for s in scores]


def _goals(session: Session, family_id: uuid.UUID) -> list[Goal]:
    plan = repo.find_plan(session, family_id)
    return list(repo.goals_of_plan(session, plan.id)) if plan else []


def gas_summary(
    session: Session, principal: Principal, *, family_id: uuid.UUID, on: date | None
) -> GasSummary:
    """The family's T-score on a date (today by default), goal by goal."""
    family = get_readable_family(session, principal, family_id)
    on = on or localtoday()
    goals = [g for g in _goals(session, family.id) if g.status in COUNTED]
    levels = repo.latest_levels(session, family.id, on)
    audit.record(session, principal, action="read", object_type="gas", family_id=family.id)
    return GasSummary(
        on=on,
        t_score=family_t_score(goals, levels),
        baseline_t_score=gas_t_score([(g.baseline_level, g.weight) for g in goals]),
        scored_goals=sum(1 for g in goals if g.id in levels),
        unscored_goals=sum(1 for g in goals if g.id not in levels),
        goals=[
            GasGoalLevel(
                goal_id=g.id,
                text=g.text,
                weight=g.weight,
                level=levels[g.id][0] if g.id in levels else None,
                scored_on=levels[g.id][1] if g.id in levels else None,
            )
            for g in goals
        ],
    )


def gas_series(session: Session, principal: Principal, *, family_id: uuid.UUID) -> GasSeries:
    """The T-score on every date anything was scored, and every goal's own scores (three queries)."""
    family = get_readable_family(session, principal, family_id)
    goals = _goals(session, family.id)
    scores = repo.scores_of_family(session, family.id)
    audit.record(session, principal, action="read", object_type="gas", family_id=family.id)
    # Scores come oldest first, so a later row of the same day overwrites an earlier one (a correction).
    per_goal: dict[uuid.UUID, dict[date, int]] = {g.id: {} for g in goals}
    levels: dict[uuid.UUID, tuple[int, date]] = {}
    points: list[GasPoint] = []
    for day, same_day in groupby(scores, key=lambda s: s.scored_on):
        for score in same_day:
            levels[score.goal_id] = (score.level, day)
            per_goal.setdefault(score.goal_id, {})[day] = score.level
        t_score = family_t_score(goals, levels)
        if t_score is not None:
            counted = sum(1 for g in goals if g.status in COUNTED and g.id in levels)
            points.append(GasPoint(on=day, t_score=t_score, scored_goals=counted))
    return GasSeries(
        points=points,
        goals=[
            GasGoalSeries(
                goal_id=g.id,
                text=g.text,
                life_domain_code=g.life_domain.code,
                status=g.status,
                weight=g.weight,
                baseline_level=g.baseline_level,
                scores=[GasScorePoint(scored_on=d, level=lvl) for d, lvl in sorted(per_goal[g.id].items())],
            )
            for g in goals
        ],
    )
