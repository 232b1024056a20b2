"""A believable, fictional demo: one organisation, two regions, four staff and thirty families."""

import random
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta

from sqlmodel import Session, select

from api.core.security import hash_password
from api.demo.business_case import seed_business_case
from api.demo.checkins import seed_checkin_questionnaire, seed_checkins
from api.demo.context import DemoContext
from api.demo.funders import seed_funders
from api.demo.measurements import seed_measurements
from api.demo.meetings import seed_meetings
from api.demo.notifications import seed_notifications
from api.demo.plans import INTAKE_PLAN_DAY, seed_plans
from api.demo.research import seed_research
from api.demo.voice import seed_voice
from api.measurements.rollup_tracking import deferred as deferred_rollups
from api.models import (
    ContactKind,
    Family,
    FamilyMember,
    FamilyStatus,
    FamilyStatusChange,
    FamilyType,
    MemberRole,
    NetworkContact,
    Organisation,
    Region,
    Role,
    User,
)

ORGANISATION = "Stichting Bondgenoot Demo"
REGIONS = [("Groningen", "Menzis"), ("Zuid-Limburg", "CZ")]
STAFF = [
    ("admin@demo.bondgenoot.nl", "Anouk Beheer", Role.admin),
    ("coordinator@demo.bondgenoot.nl", "Marieke Bos", Role.coordinator),
    ("fatima@demo.bondgenoot.nl", "Fatima El Amrani", Role.supporter),
    ("jeroen@demo.bondgenoot.nl", "Jeroen Dekker", Role.supporter),
    ("sanne@demo.bondgenoot.nl", "Sanne Visser", Role.supporter),
]
SURNAMES = [
    "De Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "De Boer", "Mulder", "De Groot", "Bos",
    "Vos", "Peters", "Hendriks", "Van Leeuwen", "Dekker", "Brouwer", "De Wit", "Dijkstra", "Smits",
    "De Graaf", "Van der Meer", "Kok", "Jacobs", "Haan", "Vermeulen", "Van den Berg", "Huisman", "Postma",
    "Kuipers", "Yilmaz",
]  # fmt: skip
PARENTS = [
    "Linda",
    "Mohammed",
    "Esther",
    "Kees",
    "Naima",
    "Peter",
    "Sandra",
    "Erik",
    "Ayla",
    "Ruud",
    "Ingrid",
    "Bas",
]
CHILDREN = ["Daan", "Noor", "Sem", "Lotte", "Milan", "Emma", "Finn", "Sara", "Luuk", "Yara", "Bram", "Zoë"]
MUNICIPALITIES = {"Groningen": ["Groningen", "Midden-Groningen", "Westerkwartier", "Het Hogeland"],
                  "Zuid-Limburg": ["Maastricht", "Heerlen", "Sittard-Geleen", "Kerkrade"]}  # fmt: skip
TARGET_GROUPS = [["lvb"], ["emb"], ["nah"], ["autism", "ggz"], ["vb", "ggz"], ["lvb", "autism"]]
PROFESSIONALS = [
    ("Wijkteam", "wijkteam", "gezinscoach"),
    ("Basisschool De Regenboog", "school", "intern begeleider"),
    ("Jeugd-GGZ Noord", "jeugd-GGZ", "behandelaar"),
    ("Huisartsenpraktijk Centrum", "huisarts", "huisarts"),
    ("Zorgaanbieder De Linde", "zorgaanbieder", "persoonlijk begeleider"),
]
INFORMAL = [
    ("Oma Riet", "grootmoeder"),
    ("Buurvrouw Annie", "buurvrouw"),
    ("Oom Hans", "oom"),
    ("Vriendin Joke", "vriendin"),
]


# Later domains (plans, meetings, measurements …) add a seeder here; each must skip what already exists.
EXTRA_SEEDERS: list[Callable[[Session, DemoContext], str]] = [seed_checkins, seed_funders, seed_measurements]
EXTRA_SEEDERS.append(seed_plans)  # before meetings: a meeting confirms plan actions
# Last: meetings are closed through the plans' services, so the plans are seeded first.
EXTRA_SEEDERS.append(seed_meetings)
EXTRA_SEEDERS.append(seed_checkin_questionnaire)  # after the measurements: a questionnaire through the link
EXTRA_SEEDERS.append(seed_business_case)  # the business-case model and a year of cost events per family
EXTRA_SEEDERS.append(seed_voice)  # after meetings: the neighbour is invited to the next one
EXTRA_SEEDERS.append(seed_notifications)  # last: demo addresses, then the reminder passes queue once
EXTRA_SEEDERS.append(seed_research)  # after everything it exports: a project joined, a researcher granted


def _get_or_create_organisation(session: Session) -> Organisation:
    organisation = session.exec(select(Organisation).where(Organisation.name == ORGANISATION)).first()
    if organisation is None:
        organisation = Organisation(name=ORGANISATION)
        session.add(organisation)
        session.flush()
    return organisation


def _regions(session: Session) -> list[Region]:
    regions = []
    for name, funder in REGIONS:
        region = session.exec(select(Region).where(Region.name == name)).first()
        if region is None:
            region = Region(name=name, funder_name=funder)
            session.add(region)
        regions.append(region)
    session.flush()
    return regions


def _staff(session: Session, organisation: Organisation, password: str) -> dict[str, User]:
    users = {}
    password_hash: str | None = None
    for email, name, role in STAFF:
        user = session.exec(select(User).where(User.email == email)).first()
        if user is None:
            password_hash = password_hash or hash_password(password)
            user = User(
                organisation_id=organisation.id,
                email=email,
                full_name=name,
                role=role,
                password_hash=password_hash,
            )
            session.add(user)
        users[email] = user
    session.flush()
    return users


def _family(rng: random.Random, index: int, context: DemoContext, regions: list[Region]) -> Family:
    supporters = [u for u in context.users.values() if u.role == Role.supporter]
    region = regions[index % len(regions)]
    status = [FamilyStatus.active] * 6 + [FamilyStatus.intake, FamilyStatus.phasing_out, FamilyStatus.closed]
    chosen = status[index % len(status)]
    started = date(2026, 11, 1) - timedelta(days=30 + index * 17)
    enrolled = (started if chosen != FamilyStatus.intake else INTAKE_PLAN_DAY) - timedelta(days=14)
    return Family(
        created_at=datetime.combine(enrolled, time(9), tzinfo=UTC),
        organisation_id=context.organisation.id,
        reference=f"DEMO-{index + 1:03d}",
        display_name=f"Gezin {SURNAMES[index]}",
        status=chosen,
        region_id=region.id,
        municipality=rng.choice(MUNICIPALITIES[region.name]),
        family_type=list(FamilyType)[index % len(FamilyType)],
        target_groups=TARGET_GROUPS[index % len(TARGET_GROUPS)],
        supporter_id=supporters[index % len(supporters)].id,
        coordinator_id=context.users["coordinator@demo.bondgenoot.nl"].id,
        started_on=None if chosen == FamilyStatus.intake else started,
        ended_on=min(started + timedelta(days=400), CLOSED_BY) if chosen == FamilyStatus.closed else None,
    )


CLOSED_BY = date(2026, 10, 15)  # demo closures lie in the past: no closure is dated in the future


def _history(family: Family) -> list[FamilyStatusChange]:
    """The status moves that led to the family's status, on the days they happened (funder figures and the
    cohort read status from this history)."""
    if family.started_on is None:
        return []
    moves = [(FamilyStatus.intake, FamilyStatus.active, family.started_on)]
    if family.status in (FamilyStatus.phasing_out, FamilyStatus.closed):
        until = family.ended_on or min(family.started_on + timedelta(days=120), CLOSED_BY)
        moves.append((FamilyStatus.active, FamilyStatus.phasing_out, until - timedelta(days=30)))
    if family.status == FamilyStatus.closed and family.ended_on is not None:
        moves.append((FamilyStatus.phasing_out, FamilyStatus.closed, family.ended_on))
    return [
        FamilyStatusChange(
            family_id=family.id,
            from_status=before,
            to_status=after,
            changed_at=datetime.combine(day, time(9), tzinfo=UTC),
        )
        for before, after, day in moves
    ]


def _people(rng: random.Random, family: Family) -> list[FamilyMember | NetworkContact]:
    parent, child = rng.choice(PARENTS), rng.choice(CHILDREN)
    people: list[FamilyMember | NetworkContact] = [
        FamilyMember(
            family_id=family.id,
            display_name=parent,
            role=MemberRole.parent,
            birth_year=rng.randint(1972, 1992),
        ),
        FamilyMember(
            family_id=family.id,
            display_name=child,
            role=MemberRole.client,
            is_client=True,
            birth_year=rng.randint(2008, 2020),
        ),
    ]
    if rng.random() < 0.6:
        people.append(
            FamilyMember(
                family_id=family.id,
                display_name=rng.choice([c for c in CHILDREN if c != child]),
                role=MemberRole.sibling,
                birth_year=rng.randint(2006, 2022),
            )
        )
    name, relation = rng.choice(INFORMAL)
    people.append(
        NetworkContact(family_id=family.id, name=name, kind=ContactKind.informal, relation=relation)
    )
    for organisation, relation, role in rng.sample(PROFESSIONALS, 2):
        people.append(
            NetworkContact(
                family_id=family.id,
                name=f"{rng.choice(PARENTS)} ({role})",
                kind=ContactKind.professional,
                relation=relation,
                organisation=organisation,
                role=role,
            )
        )
    return people


def seed(session: Session, *, password: str) -> str:
    """Create what is missing of the demo and describe the logins."""
    # Thousands of rows through the services: their families' rollups are computed once, at the end.
    with deferred_rollups(session):
        return _seed(session, password=password)


def _seed(session: Session, *, password: str) -> str:
    organisation = _get_or_create_organisation(session)
    regions = _regions(session)
    context = DemoContext(organisation=organisation, users=_staff(session, organisation, password))
    created = 0
    for index in range(len(SURNAMES)):
        reference = f"DEMO-{index + 1:03d}"
        family = session.exec(
            select(Family).where(Family.organisation_id == organisation.id, Family.reference == reference)
        ).first()
        if family is None:
            family = _family(context.rng, index, context, regions)
            session.add(family)
            session.flush()
            session.add_all(_people(random.Random(index), family))
            session.add_all(_history(family))
            created += 1
        context.families.append(family)
    session.flush()
    lines = [f"Demo data: {created} families created ({len(context.families)} in total)."]
    lines += [seeder(session, context) for seeder in EXTRA_SEEDERS]
    lines.append(f"Demo logins, password {password!r} (from BONDGENOOT_DEMO_PASSWORD):")
    lines += [f"  {role.value:<12} {email}" for email, _, role in STAFF]
    return "\n".join(lines)
