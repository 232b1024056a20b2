"""A believable, fictional demo: one organisation, two regions, four staff and thirty families."""

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlmodel import Session, select

from api.core.concurrency import etag
from api.core.passwords import check_password
from api.demo.business_case import seed_business_case
from api.demo.checkins import seed_checkin_questionnaire, seed_checkins
from api.demo.context import DemoContext, acting, supporter_of
from api.demo.funders import seed_funders
from api.demo.measurements import seed_measurements
from api.demo.meetings import seed_meetings
from api.demo.notifications import seed_notifications
from api.demo.plans import INTAKE_PLAN_DAY, seed_plans
from api.demo.research import seed_research
from api.demo.voice import seed_voice
from api.families import people_service as people
from api.families import service as families
from api.families.schemas import ContactCreate, FamilyCreate, FamilyUpdate, MemberCreate
from api.measurements.rollup_tracking import deferred as deferred_rollups
from api.models import (
    ContactKind,
    ContactParty,
    Family,
    FamilyMember,
    FamilyStatus,
    FamilyType,
    MemberRole,
    NetworkContact,
    Organisation,
    Region,
    Role,
    User,
)
from api.models.base import replaying_at
from api.users.schemas import UserCreate
from api.users.service import add_user, create_user

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
    ("Wijkteam", "wijkteam", "gezinscoach", ContactParty.district_team),
    ("Basisschool De Regenboog", "school", "intern begeleider", ContactParty.school),
    ("Jeugd-GGZ Noord", "jeugd-GGZ", "behandelaar", ContactParty.youth_mental_health),
    ("Huisartsenpraktijk Centrum", "huisarts", "huisarts", ContactParty.gp),
    ("Zorgaanbieder De Linde", "zorgaanbieder", "persoonlijk begeleider", ContactParty.care_provider),
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
        # No service makes an organisation (`bondgenoot create-admin` inserts it too): a direct insert.
        organisation = Organisation(name=ORGANISATION)
        session.add(organisation)
        session.flush()
    return organisation


def _regions(session: Session) -> list[Region]:
    regions = []
    for name, funder in REGIONS:
        region = session.exec(select(Region).where(Region.name == name)).first()
        if region is None:
            # Shared reference data, made by a platform operator in the route (no service): a direct insert.
            region = Region(name=name, funder_name=funder)
            session.add(region)
        regions.append(region)
    session.flush()
    return regions


def _staff(session: Session, organisation: Organisation, password: str) -> dict[str, User]:
    """The administrator as `bondgenoot create-admin` makes one; the others created by that administrator."""
    users = {email: session.exec(select(User).where(User.email == email)).first() for email, _, _ in STAFF}
    if None in users.values():
        check_password(password)  # as `bondgenoot create-admin` does: the accounts' rules, before any is made
    admin_email, admin_name, _ = STAFF[0]
    admin = users[admin_email]
    if admin is None:
        admin = add_user(
            session,
            organisation_id=organisation.id,
            email=admin_email,
            full_name=admin_name,
            role=Role.admin,
            password=password,
        )
    for email, name, role in STAFF[1:]:
        if users[email] is None:
            data = UserCreate(email=email, full_name=name, role=role, password=password)
            users[email] = session.get(User, create_user(session, acting(admin), data=data).id)
    return {email: user for email, user in users.items() if user is not None} | {admin_email: admin}


@dataclass
class Enrolment:
    """A demo family as it was enrolled, and the moves that led to its status (with their days)."""

    data: FamilyCreate
    enrolled: date
    moves: list[tuple[FamilyStatus, date, date | None]]  # (to, on, ended_on)


def _family(rng: random.Random, index: int, context: DemoContext, regions: list[Region]) -> Enrolment:
    supporters = [u for u in context.users.values() if u.role == Role.supporter]
    region = regions[index % len(regions)]
    status = [FamilyStatus.active] * 6 + [FamilyStatus.intake, FamilyStatus.phasing_out, FamilyStatus.closed]
    chosen = status[index % len(status)]
    started = date(2026, 11, 1) - timedelta(days=30 + index * 17)
    enrolled = (started if chosen != FamilyStatus.intake else INTAKE_PLAN_DAY) - timedelta(days=14)
    data = FamilyCreate(
        reference=f"DEMO-{index + 1:03d}",
        display_name=f"Gezin {SURNAMES[index]}",
        region_id=region.id,
        municipality=rng.choice(MUNICIPALITIES[region.name]),
        family_type=list(FamilyType)[index % len(FamilyType)],
        target_groups=TARGET_GROUPS[index % len(TARGET_GROUPS)],
        supporter_id=supporters[index % len(supporters)].id,
        coordinator_id=context.users["coordinator@demo.bondgenoot.nl"].id,
    )
    ended_on = min(started + timedelta(days=400), CLOSED_BY) if chosen == FamilyStatus.closed else None
    moves = [] if chosen == FamilyStatus.intake else _moves(chosen, started, ended_on)
    return Enrolment(data, enrolled, moves)


CLOSED_BY = date(2026, 10, 15)  # demo closures lie in the past: no closure is dated in the future


def _moves(
    status: FamilyStatus, started_on: date, ended_on: date | None
) -> list[tuple[FamilyStatus, date, date | None]]:
    """The status moves that led to the family's status, on the days they happened (funder figures and the
    cohort read status from this history)."""
    moves: list[tuple[FamilyStatus, date, date | None]] = [(FamilyStatus.active, started_on, None)]
    if status in (FamilyStatus.phasing_out, FamilyStatus.closed):
        until = ended_on or min(started_on + timedelta(days=120), CLOSED_BY)
        moves.append((FamilyStatus.phasing_out, until - timedelta(days=30), None))
    if status == FamilyStatus.closed and ended_on is not None:
        moves.append((FamilyStatus.closed, ended_on, ended_on))
    return moves


def _people(rng: random.Random) -> list[MemberCreate | ContactCreate]:
    parent, child = rng.choice(PARENTS), rng.choice(CHILDREN)
    people: list[MemberCreate | ContactCreate] = [
        MemberCreate(display_name=parent, role=MemberRole.parent, birth_year=rng.randint(1972, 1992)),
        MemberCreate(
            display_name=child, role=MemberRole.client, is_client=True, birth_year=rng.randint(2008, 2020)
        ),
    ]
    if rng.random() < 0.6:
        people.append(
            MemberCreate(
                display_name=rng.choice([c for c in CHILDREN if c != child]),
                role=MemberRole.sibling,
                birth_year=rng.randint(2006, 2022),
            )
        )
    name, relation = rng.choice(INFORMAL)
    people.append(ContactCreate(name=name, kind=ContactKind.informal, relation=relation))
    for organisation, relation, role, party in rng.sample(PROFESSIONALS, 2):
        people.append(
            ContactCreate(
                name=f"{rng.choice(PARENTS)} ({role})",
                kind=ContactKind.professional,
                party=party,
                relation=relation,
                organisation=organisation,
                role=role,
            )
        )
    return people


def _enrol(session: Session, context: DemoContext, enrolment: Enrolment, index: int) -> Family:
    """Enrol the family through the families' services, each step on its day: the coordinator enrols it, the
    supporter adds its people (a minute apart, so they keep their order), the coordinator moves its status."""
    coordinator = acting(context.users["coordinator@demo.bondgenoot.nl"])
    at = datetime.combine(enrolment.enrolled, time(9), tzinfo=UTC)
    with replaying_at(at):
        family_id = families.create_family(session, coordinator, data=enrolment.data).id
    family = session.get(Family, family_id)
    assert family is not None
    who = supporter_of(session, family) or coordinator
    for minute, data in enumerate(_people(random.Random(index)), start=1):
        with replaying_at(at + timedelta(minutes=minute)):
            if isinstance(data, MemberCreate):
                people.add_person(session, who, family_id=family.id, model=FamilyMember, data=data)
            else:
                people.add_person(session, who, family_id=family.id, model=NetworkContact, data=data)
    for to, on, ended_on in enrolment.moves:
        fields = {"status": to, "started_on": on} if to == FamilyStatus.active else {"status": to}
        change = FamilyUpdate.model_validate(fields | ({"ended_on": ended_on} if ended_on else {}))
        with replaying_at(datetime.combine(on, time(9), tzinfo=UTC)):
            families.update_family(
                session, coordinator, family_id=family.id, data=change, if_match=etag(family.version)
            )
    return family


def seed(session: Session, *, password: str) -> str:
    """Create what is missing of the demo and describe the logins."""
    # Thousands of rows through the services: their families' rollups are computed once, at the end.
    with deferred_rollups(session):
        return _seed(session, password=password)


def _seed(session: Session, *, password: str) -> str:
    organisation = _get_or_create_organisation(session)
    regions = _regions(session)
    context = DemoContext(
        organisation=organisation, users=_staff(session, organisation, password), password=password
    )
    created = 0
    for index in range(len(SURNAMES)):
        reference = f"DEMO-{index + 1:03d}"
        family = session.exec(
            select(Family).where(Family.organisation_id == organisation.id, Family.reference == reference)
        ).first()
        if family is None:
            family = _enrol(session, context, _family(context.rng, index, context, regions), index)
            created += 1
        context.families.append(family)
    session.flush()
    lines = [f"Demo data: {created} families created ({len(context.families)} in total)."]
    lines += [seeder(session, context) for seeder in EXTRA_SEEDERS]
    lines.append(f"Demo logins, password {password!r} (from BONDGENOOT_DEMO_PASSWORD):")
    lines += [f"  {role.value:<12} {email}" for email, _, role in STAFF]
    return "\n".join(lines)
