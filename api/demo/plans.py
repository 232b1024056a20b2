"""Demo plans: every demo family gets goals in its own words, GAS ladders, scores from June to November 2026,
actions with owners and due dates (some overdue), and one or two adopted versions."""

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlmodel import Session, col, select

from api.demo.context import DemoContext
from api.models import (
    ActionStatus,
    Family,
    FamilyMember,
    GasScore,
    Goal,
    GoalMember,
    GoalStatus,
    NetworkContact,
    OwnerType,
    Plan,
    PlanAction,
    Role,
    User,
)
from api.models.plans import life_domain_id
from api.plans.versions import freeze

FIRST_DAY, LAST_DAY = date(2026, 6, 1), date(2026, 11, 20)
INTAKE_PLAN_DAY = date(2026, 10, 1)  # the plan of a family still in intake starts here


@dataclass(frozen=True)
class Template:
    domain: str
    text: str
    ladder: tuple[str, str, str, str, str]  # -2 .. +2
    actions: tuple[
        tuple[str, str], ...
    ]  # (owner kind, description): parent, client, informal, professional, supporter


TEMPLATES = [
    Template(
        "education",
        "We willen dat {client} weer naar school gaat.",
        (
            "{client} gaat helemaal niet naar school.",
            "{client} gaat een paar ochtenden per week.",
            "{client} gaat elke ochtend naar school.",
            "{client} gaat vier hele dagen naar school.",
            "{client} gaat de hele week en vindt het er fijn.",
        ),
        (
            ("supporter", "Gesprek met school over een rooster met halve dagen"),
            ("parent", "{client} elke ochtend naar school brengen"),
            ("informal", "Op dinsdag en donderdag {client} uit school halen"),
        ),
    ),
    Template(
        "leisure",
        "{parent} heeft één avond per week voor zichzelf.",
        (
            "{parent} heeft nooit een avond vrij.",
            "{parent} heeft één avond per maand vrij.",
            "{parent} heeft één avond per week vrij.",
            "Eén avond per week vrij en soms een middag.",
            "Elke week een avond vrij en eens per kwartaal een weekend.",
        ),
        (
            ("supporter", "Logeeropvang aanvragen bij de gemeente"),
            ("informal", "Op woensdagavond oppassen"),
        ),
    ),
    Template(
        "finances",
        "We hebben overzicht over onze rekeningen en er komen geen schulden bij.",
        (
            "Er komen nieuwe schulden bij.",
            "Geen overzicht, maar ook geen nieuwe schulden.",
            "Elke maand samen de post en de rekeningen doorlopen.",
            "Alle rekeningen worden op tijd betaald.",
            "Er is een kleine spaarpot voor onverwachte kosten.",
        ),
        (
            ("supporter", "Aanmelden bij de schuldhulpverlening van de gemeente"),
            ("parent", "Een map maken voor alle post"),
            ("person:Henk de Jong (budgetcoach)", "Eens per twee weken samen de rekeningen doorlopen"),
        ),
    ),
    Template(
        "health",
        "{client} slaapt weer de hele nacht door.",
        (
            "{client} is elke nacht wakker en onrustig.",
            "{client} is drie of vier nachten per week onrustig.",
            "Hooguit één onrustige nacht per week.",
            "{client} slaapt bijna altijd goed.",
            "{client} slaapt goed en gaat zelf op tijd naar bed.",
        ),
        (
            ("parent", "Afspraak bij de huisarts over het slapen"),
            ("supporter", "Samen een avondritueel met plaatjes maken"),
        ),
    ),
    Template(
        "social_network",
        "{client} heeft een vriend of vriendin om mee af te spreken.",
        (
            "{client} ziet buiten school nooit iemand.",
            "{client} speelt soms met een buurkind.",
            "{client} spreekt elke week met iemand af.",
            "{client} heeft een vaste vriend of vriendin.",
            "{client} gaat ook zelf naar een club of vereniging.",
        ),
        (
            ("parent", "{client} aanmelden bij de aangepaste sportclub"),
            ("person:Maatje van het buurtproject", "Eens per week samen iets leuks doen"),
        ),
    ),
    Template(
        "safety",
        "Minder ruzie thuis: als het moeilijk wordt, stoppen we en praten we later.",
        (
            "Bijna elke dag loopt een ruzie uit de hand.",
            "Een paar keer per week harde ruzie.",
            "Hooguit één keer per week ruzie, en we praten het uit.",
            "Ruzies blijven klein en we praten ze uit.",
            "We merken het zelf op tijd en stoppen samen.",
        ),
        (
            ("professional", "Gesprekken over omgaan met boosheid"),
            ("parent", "Een rustige plek in huis inrichten"),
        ),
    ),
    Template(
        "daily_care",
        "De zorg voor {client} rust niet alleen op {parent}.",
        (
            "{parent} doet alle zorg alleen.",
            "Iemand anders helpt af en toe.",
            "Twee vaste mensen nemen elke week een deel van de zorg over.",
            "Er is een vast rooster met drie helpers.",
            "Het rooster loopt vanzelf, ook als {parent} ziek is.",
        ),
        (
            ("supporter", "Een zorgrooster maken met het netwerk"),
            ("informal", "Elke zaterdagochtend de zorg overnemen"),
        ),
    ),
    Template(
        "work_income",
        "{parent} werkt een paar ochtenden per week.",
        (
            "{parent} zoekt niet naar werk.",
            "{parent} heeft een gesprek gehad bij het werkplein.",
            "{parent} werkt twee ochtenden per week.",
            "{parent} werkt drie ochtenden per week.",
            "{parent} werkt vier ochtenden en het is goed te doen.",
        ),
        (
            ("parent", "Gesprek bij het werkplein"),
            ("professional", "Meedenken over opvang na school"),
        ),
    ),
]


@dataclass
class People:
    parent: FamilyMember | None
    client: FamilyMember | None
    informal: NetworkContact | None
    professional: NetworkContact | None
    supporter: User


def _people(session: Session, family: Family, fallback: User) -> People:
    members = session.exec(
        select(FamilyMember)
        .where(FamilyMember.family_id == family.id, col(FamilyMember.archived_at).is_(None))
        .order_by(col(FamilyMember.created_at))
    ).all()
    contacts = session.exec(
        select(NetworkContact)
        .where(NetworkContact.family_id == family.id, col(NetworkContact.archived_at).is_(None))
        .order_by(col(NetworkContact.created_at))
    ).all()
    supporter = session.get(User, family.supporter_id) if family.supporter_id else None
    return People(
        parent=next((m for m in members if not m.is_client), None),
        client=next((m for m in members if m.is_client), None),
        informal=next((c for c in contacts if c.kind == "informal"), None),
        professional=next((c for c in contacts if c.kind == "professional"), None),
        supporter=supporter or fallback,
    )


def _owner(kind: str, people: People) -> dict[str, object]:
    if kind == "parent" and people.parent:
        return {"owner_type": OwnerType.member, "owner_member_id": people.parent.id}
    if kind == "client" and people.client:
        return {"owner_type": OwnerType.member, "owner_member_id": people.client.id}
    if kind == "informal" and people.informal:
        return {"owner_type": OwnerType.contact, "owner_contact_id": people.informal.id}
    if kind == "professional" and people.professional:
        return {"owner_type": OwnerType.contact, "owner_contact_id": people.professional.id}
    if kind.startswith("person:"):
        return {"owner_type": OwnerType.person, "owner_name": kind.removeprefix("person:")}
    return {"owner_type": OwnerType.supporter, "owner_user_id": people.supporter.id}


def _at(day: date) -> datetime:
    return datetime.combine(day, time(19, 30), tzinfo=UTC)


def _scores(rng: random.Random, goal: Goal, start: date, stop: date, user: User) -> list[GasScore]:
    """Monthly scores that mostly climb from the baseline, with the odd setback."""
    level, day, scores = goal.baseline_level or -1, start + timedelta(days=rng.randint(20, 35)), []
    while day <= stop:
        level = max(-2, min(2, level + rng.choice([-1, 0, 1, 1])))
        note = rng.choice([None, "Besproken aan de keukentafel.", "Gaat de goede kant op.", "Lastige maand."])
        scores.append(
            GasScore(goal_id=goal.id, family_id=goal.family_id, scored_on=day, level=level, note=note,
                     scored_by_id=user.id, created_at=_at(day))
        )  # fmt: skip
        day += timedelta(days=rng.randint(26, 38))
    return scores


def _plan_for(session: Session, family: Family, people: People, rng: random.Random, today: date) -> None:
    start = max(family.started_on or INTAKE_PLAN_DAY, FIRST_DAY)
    start = min(start, date(2026, 10, 15))  # every family has at least a month of progress to show
    names = {
        "client": people.client.display_name if people.client else "ons kind",
        "parent": people.parent.display_name if people.parent else "mama",
    }
    plan = Plan(family_id=family.id, created_at=_at(start - timedelta(days=7)))
    session.add(plan)
    session.flush()
    goals: list[Goal] = []
    for priority, template in enumerate(rng.sample(TEMPLATES, rng.randint(2, 4)), start=1):
        ladder = [line.format(**names) for line in template.ladder]
        goal = Goal(
            plan_id=plan.id, family_id=family.id, text=template.text.format(**names),
            life_domain_id=life_domain_id(template.domain), priority=min(priority, 5),
            target_on=date(2027, rng.choice([3, 6, 9]), 1), status=GoalStatus.active, activated_on=start,
            level_minus_2=ladder[0], level_minus_1=ladder[1], level_0=ladder[2], level_plus_1=ladder[3],
            level_plus_2=ladder[4], baseline_level=rng.choice([-2, -1, -1]),
            weight=rng.choice([1.0, 1.0, 2.0]),
            created_by_id=people.supporter.id, created_at=_at(start - timedelta(days=3)),
        )  # fmt: skip
        concerned = people.parent if "{parent}" in template.text else people.client
        if concerned is not None:
            goal.member_links = [GoalMember(goal_id=goal.id, member_id=concerned.id)]
        session.add(goal)
        goals.append(goal)
        for number, (kind, description) in enumerate(template.actions):
            due = start + timedelta(days=rng.randint(20, 170))
            done = due < today and rng.random() < 0.8
            if priority == 1 and number == 0:  # something is always running late
                due, done = today - timedelta(days=rng.randint(3, 30)), False
            session.add(
                PlanAction(
                    plan_id=plan.id, family_id=family.id, goal_id=goal.id,
                    description=description.format(**names),
                    due_on=due, status=ActionStatus.done if done else ActionStatus.open,
                    completed_on=due - timedelta(days=rng.randint(0, 5)) if done else None,
                    agreed_at_table=number < 2, created_by_id=people.supporter.id,
                    created_at=_at(start - timedelta(days=2)), **_owner(kind, people),  # type: ignore[arg-type]
                )
            )  # fmt: skip
    session.flush()
    stop = min(today, LAST_DAY)
    for index, goal in enumerate(goals):
        # Now and then a goal is left unscored after the summer: that is evaluation debt.
        goal_stop = date(2026, 8, 10) if index == 1 and rng.random() < 0.4 else stop
        session.add_all(_scores(rng, goal, start, goal_stop, people.supporter))
    session.flush()
    plan.adopted_count = 1
    freeze(session, plan, number=1, adopted_by_id=people.supporter.id, adopted_at=_at(start),
           note="Vastgesteld aan tafel met het gezin en het netwerk.")  # fmt: skip
    second = start + timedelta(days=rng.randint(60, 90))
    if second < stop and rng.random() < 0.6:
        goals[0].target_on = goals[0].target_on and goals[0].target_on + timedelta(days=90)
        plan.version += 1
        plan.adopted_count = 2
        session.flush()
        freeze(session, plan, number=2, adopted_by_id=people.supporter.id, adopted_at=_at(second),
               note="Bijgesteld bij de evaluatie: meer tijd voor het eerste doel.")  # fmt: skip
    if rng.random() < 0.5:
        # Arranged with the school by phone, not yet agreed at the table.
        session.add(
            PlanAction(
                plan_id=plan.id, family_id=family.id, goal_id=goals[-1].id,
                description="Extra gesprek afgesproken buiten het overleg om",
                due_on=stop + timedelta(days=14),
                owner_type=OwnerType.supporter, owner_user_id=people.supporter.id, agreed_at_table=False,
                created_by_id=people.supporter.id, created_at=_at(stop),
            )
        )  # fmt: skip
        plan.version += 1
    session.flush()


def seed_plans(session: Session, context: DemoContext) -> str:
    """A plan for every demo family that has none yet."""
    fallback = next(u for u in context.users.values() if u.role == Role.supporter)
    have = set(session.exec(select(Plan.family_id)).all())
    created = 0
    for family in context.families:
        if family.id in have:
            continue
        rng = random.Random(f"plan-{family.reference}")  # the same plan for the same family on every install
        _plan_for(session, family, _people(session, family, fallback), rng, date.today())
        created += 1
    return f"Demo plans: {created} created ({len(context.families)} families)."
