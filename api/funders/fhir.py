"""A pseudonymised trajectory as a FHIR R4 Bundle: Group, CarePlan, Goal, CareTeam, Encounter,
QuestionnaireResponse and Observation.

Minimal by design: ids are per-client pseudonyms, dates are cut to the month, codes replace every free text,
and nothing names, contacts, dates of birth or addresses leaves.
"""

import uuid
from datetime import UTC, date, datetime
from typing import Any

from api.funders.crypto import pseudonym
from api.funders.sources import FamilyFacts, GoalFact
from api.models import Family, FamilyStatus

SYSTEM = "https://bondgenoot.nl/fhir/CodeSystem"
QUESTIONNAIRE = "https://bondgenoot.nl/fhir/Questionnaire"
FHIR_JSON = "application/fhir+json; fhirVersion=4.0"
GOAL_STATUS = {"proposed": "proposed", "active": "active", "achieved": "completed", "stopped": "cancelled"}
GAS_LEVEL = "gas-level"


def month(day: date | None) -> str | None:
    """A FHIR partial date (YYYY-MM): the trajectory shows when, not the exact day."""
    return day.strftime("%Y-%m") if day else None


def _concept(system: str, code: str, text: str | None = None) -> dict[str, Any]:
    concept: dict[str, Any] = {"coding": [{"system": f"{SYSTEM}/{system}", "code": code}]}
    if text:
        concept["text"] = text
    return concept


class _Builder:
    def __init__(self, key: str, family: Family) -> None:
        self.key = key
        self.family = family
        self.entries: list[dict[str, Any]] = []
        self.group_ref = self.ref(family.id)

    def rid(self, value: uuid.UUID) -> str:
        return str(uuid.UUID(hex=pseudonym(self.key, value)))

    def ref(self, value: uuid.UUID) -> dict[str, str]:
        return {"reference": f"urn:uuid:{self.rid(value)}"}

    def add(self, value: uuid.UUID, resource: dict[str, Any]) -> None:
        self.entries.append(
            {"fullUrl": f"urn:uuid:{self.rid(value)}", "resource": {"id": self.rid(value), **resource}}
        )

    def group(self) -> None:
        family = self.family
        traits = [("family-type", family.family_type.value if family.family_type else None)]
        traits += [("target-group", g) for g in family.target_groups]
        self.add(
            family.id,
            {
                "resourceType": "Group",
                "identifier": [
                    {"system": f"{SYSTEM}/family-pseudonym", "value": pseudonym(self.key, family.id)}
                ],
                "type": "person",
                "actual": True,
                "code": _concept("group-kind", "family", "gezin / family"),
                "characteristic": [
                    {
                        "code": _concept("family-characteristic", name),
                        "valueCodeableConcept": _concept(name, value),
                        "exclude": False,
                    }
                    for name, value in traits
                    if value
                ],
            },
        )

    def goal(self, goal: GoalFact) -> None:
        self.add(
            goal.id,
            {
                "resourceType": "Goal",
                "lifecycleStatus": GOAL_STATUS.get(goal.status, "active"),
                "description": _concept("life-domain", goal.life_domain),
                "subject": self.group_ref,
                **({"target": [{"dueDate": goal.target_on.isoformat()[:7]}]} if goal.target_on else {}),
            },
        )
        for index, (on, level) in enumerate(sorted(goal.scores)):
            score_id = uuid.uuid5(goal.id, f"gas-{index}")
            self.add(
                score_id,
                {
                    "resourceType": "Observation",
                    "status": "final",
                    "code": _concept("observation", GAS_LEVEL, "Goal Attainment Scaling level"),
                    "subject": self.group_ref,
                    "focus": [self.ref(goal.id)],
                    "effectiveDateTime": month(on),
                    "valueInteger": level,
                },
            )


def bundle(key: str, family: Family, facts: FamilyFacts) -> dict[str, Any]:
    """The FHIR R4 collection Bundle of one family's trajectory, for the client holding `key`."""
    build = _Builder(key, family)
    build.group()
    team_id = uuid.uuid5(family.id, "care-team")
    build.add(
        team_id,
        {
            "resourceType": "CareTeam",
            "status": "inactive" if family.status == FamilyStatus.closed else "active",
            "subject": build.group_ref,
            "participant": [{"role": [_concept("care-team-role", m.role)]} for m in facts.care_team]
            or [{"role": [_concept("care-team-role", "supporter", "bondgenoot")]}],
        },
    )
    for goal in facts.goals:
        build.goal(goal)
    plans = facts.plans or []
    plan_ids = [p.id for p in plans] or [uuid.uuid5(family.id, "care-plan")]
    for index, plan_id in enumerate(plan_ids):
        plan = plans[index] if plans else None
        closed = family.status == FamilyStatus.closed
        status = (
            "completed" if closed else ("active" if plan is None or plan.status == "adopted" else "draft")
        )
        build.add(
            plan_id,
            {
                "resourceType": "CarePlan",
                "status": status,
                "intent": "plan",
                "category": [_concept("care-plan", "1gezin1plan", "gezinsplan / family plan")],
                "subject": build.group_ref,
                "period": {
                    k: v
                    for k, v in (("start", month(family.started_on)), ("end", month(family.ended_on)))
                    if v
                },
                "careTeam": [build.ref(team_id)],
                "goal": [build.ref(g.id) for g in facts.goals],
            },
        )
        if plan is not None and plan.gas_t_score is not None:
            build.add(
                uuid.uuid5(plan.id, "gas-t"),
                {
                    "resourceType": "Observation",
                    "status": "final",
                    "code": _concept("observation", "gas-t-score", "GAS T-score"),
                    "subject": build.group_ref,
                    "focus": [build.ref(plan.id)],
                    **({"effectiveDateTime": month(plan.adopted_on)} if plan.adopted_on else {}),
                    "valueQuantity": {"value": round(plan.gas_t_score, 1)},
                },
            )
    for meeting in facts.meetings:
        build.add(
            meeting.id,
            {
                "resourceType": "Encounter",
                "status": "finished",
                "class": {
                    "system": "http://terminology.hl7.org/CodeSystem/v3-ActCode",
                    "code": "AMB",
                },
                "type": [_concept("encounter-type", "roundtable", "rondetafeloverleg / roundtable meeting")],
                "subject": build.group_ref,
                "period": {"start": month(meeting.held_on)},
            },
        )
    responses: set[uuid.UUID] = set()
    for score in facts.scores:
        if score.measurement_id not in responses:
            responses.add(score.measurement_id)
            build.add(
                score.measurement_id,
                {
                    "resourceType": "QuestionnaireResponse",
                    "questionnaire": score.questionnaire or f"{QUESTIONNAIRE}/{score.instrument}",
                    "status": "completed",
                    "subject": build.group_ref,
                    "authored": month(score.completed_on),
                },
            )
        observation: dict[str, Any] = {
            "resourceType": "Observation",
            "status": "final",
            "code": _concept("instrument-scale", f"{score.instrument}.{score.scale}"),
            "subject": build.group_ref,
            "effectiveDateTime": month(score.completed_on),
            "derivedFrom": [build.ref(score.measurement_id)],
            "component": [
                {
                    "code": _concept("observation-component", "wave"),
                    "valueCodeableConcept": _concept("measurement-wave", score.wave),
                },
            ],
        }
        if score.score is not None:
            observation["valueQuantity"] = {"value": round(score.score, 2)}
        if score.change_class:
            observation["interpretation"] = [_concept("reliable-change", score.change_class)]
        build.add(uuid.uuid5(score.measurement_id, score.scale), observation)
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "entry": build.entries,
    }
