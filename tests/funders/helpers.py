"""A region of consenting families and a fake fact source, shared by the funder tests."""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from api.funders.sources import (
    CareTeamFact,
    FamilyFacts,
    GoalFact,
    MeetingFact,
    PlanFact,
    ScoreFact,
)
from api.models import Family, FamilyStatus, FamilyType, FunderClient, Region
from tests.factories import World, make_family, make_region
from tests.funders.factories import consent, make_client


@dataclass
class FunderWorld:
    client: FunderClient
    secret: str
    families: list[Family]  # consenting, in the client's region
    other_region: Region
    other_region_family: Family


def funder_world(session: Session, world: World, *, families: int = 6) -> FunderWorld:
    """`families` active consenting families in world.region, plus one in a region the client lacks."""
    made = []
    for n in range(families):
        family = make_family(
            session,
            world.organisation,
            world.supporter,
            display_name=f"Gezin Geheim {n}",
            region_id=world.region.id,
            status=FamilyStatus.active,
            family_type=FamilyType.child_id_parents,
            started_on=date(2026, 2, 1),
        )
        consent(session, family)
        made.append(family)
    other_region = make_region(session, funder="Menzis")
    outsider = make_family(session, world.organisation, world.supporter, region_id=other_region.id)
    consent(session, outsider)
    client, secret = make_client(session, world.organisation, [world.region])
    session.commit()
    return FunderWorld(client, secret, made, other_region, outsider)


def facts_for(family_id: uuid.UUID, level: int = 1) -> FamilyFacts:
    """Everything a trajectory can hold, with a GAS level and a reliable improvement."""
    goal = GoalFact(
        id=uuid.uuid5(family_id, "goal"),
        life_domain="housing",
        status="active",
        target_on=date(2026, 9, 1),
        scores=((date(2026, 3, 1), -1), (date(2026, 6, 1), level)),
    )
    measurement = uuid.uuid5(family_id, "measurement")
    return FamilyFacts(
        plans=[
            PlanFact(
                id=uuid.uuid5(family_id, "plan"),
                version=1,
                status="adopted",
                adopted_on=date(2026, 3, 1),
                gas_t_score=60.0,
            )
        ],
        goals=[goal],
        meetings=[MeetingFact(id=uuid.uuid5(family_id, "meeting"), held_on=date(2026, 3, 1))],
        scores=[
            ScoreFact(measurement, "bfqol", "total", "t1", date(2026, 6, 1), 3.9, 0.6, "improved"),
        ],
        care_team=[CareTeamFact("supporter"), CareTeamFact("professional:school")],
    )


def fake_source(session: Session, family_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, FamilyFacts]:
    return {family_id: facts_for(family_id) for family_id in family_ids}
