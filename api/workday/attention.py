"""What asks for attention per family: the one definition behind the worklist's families, the caseload's
"aandacht" column and filter, and the family's "wat vraagt aandacht" strip.

A family's attention is ALERT_WEIGHT times its open check-in alerts plus its goals without a recent score, its
overdue open actions and its due or overdue questionnaires, each counted by the same statement the evaluation
debt and the alerts list use. One set-based query for any set of families given as a subquery of family ids.

The statement is built once per set of instruments and wave settings, and kept with each shape of scope
(api/core/kept.py): building it, and SQLAlchemy's walk over a new one, took longer than PostgreSQL takes to
answer it for a caseload. The caller's families come in as the `attention_scope` CTE whose values, like the
day's, are named parameters, so the same statement object serves every caseload and every day.
"""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    Date,
    Integer,
    String,
    Uuid,
    bindparam,
    cast,
    column,
    func,
    literal,
    select,
    table,
    union_all,
)
from sqlmodel import Session, col

from api.auth.principal import Principal
from api.core.config import Settings, get_settings
from api.core.kept import Kept, parameterised
from api.measurements.definitions import InstrumentDefinition
from api.measurements.due import instruments_of, owed_counts
from api.measurements.wave_plan import debt_dates
from api.models import CheckinAlert
from api.models.base import localtoday
from api.plans.debt import goals_in_debt, open_families, overdue_actions

ALERT_WEIGHT = 3  # an alert is a person waiting; it outranks paperwork in the "aandacht" column
KINDS = ("alerts", "goals", "actions", "questionnaires")

_SCOPE = table("attention_scope", column("id", Uuid()))
_TODAY = bindparam("attention_today", type_=Date())
_CUTOFF = bindparam("attention_cutoff", type_=Date())
_TEMPLATES = Kept()  # per set of instruments and wave settings
_STATEMENTS = Kept()  # per template and shape of scope


@dataclass(frozen=True)
class AttentionCounts:
    alerts: int = 0
    goals: int = 0
    actions: int = 0
    questionnaires: int = 0

    @property
    def attention(self) -> int:
        return ALERT_WEIGHT * self.alerts + self.goals + self.actions + self.questionnaires


def _build(instruments: Sequence[InstrumentDefinition], settings: Settings, today: date) -> Any:
    """(family_id, alerts, goals, actions, questionnaires, attention) per family of attention_scope, zeros
    included (a list of the scope's families reads its rows from this one statement)."""
    scope = select(_SCOPE.c.id)
    goals = goals_in_debt(open_families(scope), _CUTOFF)
    actions = overdue_actions(open_families(scope), _TODAY)
    questionnaires = owed_counts(scope, instruments, settings, debt_on=today).subquery()

    def kind(name: str, family_id: Any, count: Any) -> Any:
        return select(family_id.label("family_id"), literal(name, String(20)).label("kind"), count.label("n"))

    parts = union_all(
        kind("family", _SCOPE.c.id, literal(0, Integer)),
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


def attention_statement(
    session: Session, principal: Principal, *, scope: Any, today: date
) -> tuple[Any, dict[str, Any]]:
    """The attention statement for the families of `scope` (a select of family ids), and the parameters to
    send it with: the same object for every scope of the same shape."""
    settings = get_settings()
    instruments = instruments_of(session, principal)
    key = (
        tuple((d.code, d.use, d.respondent, d.wave_member_roles) for d in instruments),
        settings.wave_t1_months,
        settings.wave_t2_months,
        settings.wave_follow_up_months,
    )
    template = _TEMPLATES.get(key, lambda: _build(instruments, settings, today))
    scope, shape, values = parameterised(scope, "attention_scope")
    statement = _STATEMENTS.get(
        None if shape is None else (key, shape), lambda: template.add_cte(scope.cte("attention_scope"))
    )
    cutoff = today - timedelta(days=settings.evaluation_debt_days)
    parameters = {"attention_today": today, "attention_cutoff": cutoff} | debt_dates(today, settings)
    return statement, parameters | values


def attention_counts(
    session: Session, principal: Principal, *, scope: Any, today: date | None = None
) -> dict[uuid.UUID, AttentionCounts]:
    """Attention per family of `scope` (a family missing from the answer counts zero)."""
    statement, parameters = attention_statement(session, principal, scope=scope, today=today or localtoday())
    return {
        row.family_id: AttentionCounts(**{name: int(getattr(row, name)) for name in KINDS})
        for row in session.execute(statement, parameters)
    }
