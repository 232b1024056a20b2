"""A pseudonymised trajectory as a FHIR R4 Bundle: Group, CarePlan, Goal, CareTeam, Encounter,
QuestionnaireResponse and Observation.

Minimal by design: ids are per-client pseudonyms, dates are cut to the month, codes replace every free text,
and nothing names, contacts, dates of birth or addresses leaves.
"""

import uuid
from datetime import UTC, date, datetime
from typing import Any

from api.core.secrets import pseudonym
from api.funders.sources import FamilyFacts, GoalFact, PlanFact
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
    def __init__(self, key: str, family: Family, name: str) -> None:
        self.key = key
        self.family = family
        self.name = name  # the family's pseudonym as the funder holds it
        self.entries: list[dict[str, Any]] = []
        self.group_ref = self.ref(family.id)

    def rid(self, value: uuid.UUID) -> str:
        if value == self.family.id:
            return str(uuid.UUID(hex=self.name))
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
                "identifier": [{"system": f"{SYSTEM}/family-pseudonym", "value": self.name}],
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


def bundle(
    key: str,
    family: Family,
    facts: FamilyFacts,
    *,
    pseudonym: str,
    example_norms: frozenset[tuple[str, str]] = frozenset(),
) -> dict[str, Any]:
    """The FHIR R4 collection Bundle of one family's trajectory, for the funder holding `key`.

    One CarePlan per adopted plan version: the newest is the living plan, each older one is `revoked` and
    `replaces` links the versions. Reliable-change classes resting on example norms are left out."""
    build = _Builder(key, family, pseudonym)
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
    _care_plans(build, family, facts, team_id)
    _meetings(build, facts)
    _scores(build, facts, example_norms)
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "entry": build.entries,
    }


def _care_plans(build: _Builder, family: Family, facts: FamilyFacts, team_id: uuid.UUID) -> None:
    plans: list[PlanFact | None] = [*sorted(facts.plans, key=lambda p: p.version)] or [None]
    closed = family.status == FamilyStatus.closed
    previous: uuid.UUID | None = None
    for index, plan in enumerate(plans):
        plan_id = plan.id if plan is not None else uuid.uuid5(family.id, "care-plan")
        newest = index == len(plans) - 1
        status = ("completed" if closed else "active") if newest else "revoked"
        resource: dict[str, Any] = {
            "resourceType": "CarePlan",
            "status": status,
            "intent": "plan",
            "category": [_concept("care-plan", "1gezin1plan", "gezinsplan / family plan")],
            "subject": build.group_ref,
            "careTeam": [build.ref(team_id)],
        }
        if plan is not None:
            resource["identifier"] = [{"system": f"{SYSTEM}/plan-version", "value": str(plan.version)}]
        if previous is not None:
            resource["replaces"] = [build.ref(previous)]
        if newest:
            resource["period"] = {
                k: v for k, v in (("start", month(family.started_on)), ("end", month(family.ended_on))) if v
            }
            resource["goal"] = [build.ref(g.id) for g in facts.goals]
        elif plan is not None and plan.adopted_on is not None:
            resource["period"] = {"start": month(plan.adopted_on)}
        build.add(plan_id, resource)
        previous = plan_id
        if plan is not None and plan.gas_t_score is not None:
            build.add(
                uuid.uuid5(plan.id, "gas-t"),
                {
                    "resourceType": "Observation",
                    "status": "final",
                    "code": _concept("observation", "gas-t-score", "GAS T-score"),
                    "method": _concept("method", "gas-kiresuk-sherman-1968", "rho 0.3"),
                    "subject": build.group_ref,
                    "focus": [build.ref(plan.id)],
                    **({"effectiveDateTime": month(plan.adopted_on)} if plan.adopted_on else {}),
                    "valueQuantity": {"value": round(plan.gas_t_score, 1)},
                },
            )


def _meetings(build: _Builder, facts: FamilyFacts) -> None:
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


def _scores(build: _Builder, facts: FamilyFacts, example_norms: frozenset[tuple[str, str]]) -> None:
    responses: set[uuid.UUID] = set()
    questionnaires: set[str] = set()
    for score in facts.scores:
        canonical = score.questionnaire or f"{QUESTIONNAIRE}/{score.instrument}"
        if canonical not in questionnaires:
            questionnaires.add(canonical)
            build.entries.append(
                {
                    "fullUrl": canonical,
                    "resource": {
                        "resourceType": "Questionnaire",
                        "id": score.instrument.replace("_", "-"),
                        "url": canonical,
                        "name": score.instrument,
                        "status": "active",
                        "subjectType": ["Group"],
                    },
                }
            )
        if score.measurement_id not in responses:
            responses.add(score.measurement_id)
            build.add(
                score.measurement_id,
                {
                    "resourceType": "QuestionnaireResponse",
                    "questionnaire": canonical,
                    "status": "completed",
                    "subject": build.group_ref,
                    "authored": month(score.completed_on),
                },
            )
        components: list[dict[str, Any]] = [
            {
                "code": _concept("observation-component", "wave"),
                "valueCodeableConcept": _concept("measurement-wave", score.wave),
            },
        ]
        if score.change_from_t0 is not None:
            components.append(
                {
                    "code": _concept("observation-component", "change-from-t0", "verandering sinds T0"),
                    "valueQuantity": {"value": round(score.change_from_t0, 2)},
                }
            )
        observation: dict[str, Any] = {
            "resourceType": "Observation",
            "status": "final",
            "code": _concept("instrument-scale", f"{score.instrument}.{score.scale}"),
            "subject": build.group_ref,
            "effectiveDateTime": month(score.completed_on),
            "derivedFrom": [build.ref(score.measurement_id)],
            "component": components,
        }
        if score.score is not None:
            observation["valueQuantity"] = {"value": round(score.score, 2)}
        if score.change_class and (score.instrument, score.scale) not in example_norms:
            observation["method"] = _concept(
                "method", "rci-jacobson-truax-1991", "Reliable Change Index, |RC| > 1.96"
            )
            observation["interpretation"] = [_concept("reliable-change", score.change_class)]
        build.add(uuid.uuid5(score.measurement_id, score.scale), observation)
