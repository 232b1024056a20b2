"""What asks for attention per family: the one definition behind the worklist's families, the caseload's
"aandacht" column and filter, and the family's "wat vraagt aandacht" strip.

A family's attention is ALERT_WEIGHT times its open check-in alerts plus its goals without a recent score, its
overdue open actions and its due or overdue questionnaires, each counted by the same statement the evaluation
debt and the alerts list use. One set-based query for any set of families given as a subquery of family ids.
"""

import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Integer, String, cast, func, literal, select, union_all
from sqlmodel import Session, col

from api.auth.principal import Principal
from api.core.config import get_settings
from api.measurements.service import measurement_debt_counts
from api.models import CheckinAlert
from api.plans.debt import goals_in_debt, open_families, overdue_actions

ALERT_WEIGHT = 3  # an alert is a person waiting; it outranks paperwork in the "aandacht" column
KINDS = ("alerts", "goals", "actions", "questionnaires")


@dataclass(frozen=True)
class AttentionCounts:
    alerts: int = 0
    goals: int = 0
    actions: int = 0
    questionnaires: int = 0

    @property
    def attention(self) -> int:
        return ALERT_WEIGHT * self.alerts + self.goals + self.actions + self.questionnaires


def attention_statement(session: Session, principal: Principal, *, scope: Any, today: date) -> Any:
    """(family_id, alerts, goals, actions, questionnaires, attention) per family of `scope` with any."""
    cutoff = today - timedelta(days=get_settings().evaluation_debt_days)
    goals = goals_in_debt(open_families(scope), cutoff)
    actions = overdue_actions(open_families(scope), today)
    questionnaires = measurement_debt_counts(session, principal, scope=scope, today=today).subquery()

    def kind(name: str, family_id: Any, count: Any) -> Any:
        return select(family_id.label("family_id"), literal(name, String(20)).label("kind"), count.label("n"))

    parts = union_all(
        kind("alerts", col(CheckinAlert.family_id), literal(1, Integer)).where(
            col(CheckinAlert.family_id).in_(scope), col(CheckinAlert.acknowledged_at).is_(None)
        ),
        kind("goals", goals.c.family_id, literal(1, Integer)),
        kind("actions", actions.c.family_id, literal(1, Integer)),
        kind("questionnaires", questionnaires.c.family_id, questionnaires.c.owed),
    ).subquery("attention_parts")
    sums = {
        name: cast(func.coalesce(func.sum(parts.c.n).filter(parts.c.kind == name), 0), Integer)
        for name in KINDS
    }
    total = ALERT_WEIGHT * sums["alerts"] + sums["goals"] + sums["actions"] + sums["questionnaires"]
    return select(
        parts.c.family_id, *(sums[name].label(name) for name in KINDS), total.label("attention")
    ).group_by(parts.c.family_id)


def attention_counts(
    session: Session, principal: Principal, *, scope: Any, today: date | None = None
) -> dict[uuid.UUID, AttentionCounts]:
    """Attention per family of `scope` (families without any are left out: they count zero)."""
    statement = attention_statement(session, principal, scope=scope, today=today or date.today())
    return {
        row.family_id: AttentionCounts(**{name: int(getattr(row, name)) for name in KINDS})
        for row in session.execute(statement)
    }
