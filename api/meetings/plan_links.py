"""What meetings read from the family plan: who is crucial at the table, and what is due for the agenda.

Reads only; every change to the plan goes through the plans domain's services (see decisions.py)."""

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy.orm import joinedload, selectinload
from sqlmodel import Session, col, select

from api.core.config import get_settings
from api.models import (
    ActionStatus,
    AgendaItemKind,
    FamilyMember,
    Goal,
    GoalStatus,
    NetworkContact,
    OwnerType,
    ParticipantKind,
    PlanAction,
)
from api.models.plans import LIFE_DOMAINS, life_domain_id
from api.plans import repository as plans_repo
from api.plans.presenters import owner_name
from api.voice.parties import PARTY_DOMAINS, PARTY_LABELS, names_party_domain

# A goal whose target date is this close (or past) is put on the agenda for review.
REVIEW_WINDOW = timedelta(days=30)
OWNER_KIND = {
    OwnerType.member: ParticipantKind.member,
    OwnerType.contact: ParticipantKind.contact,
    OwnerType.supporter: ParticipantKind.staff,
    OwnerType.person: ParticipantKind.guest,
}


@dataclass
class Crucial:
    """Someone who should be at the table: owns an open action or is concerned by an active goal."""

    kind: ParticipantKind
    ref_id: uuid.UUID | None  # member, contact or user id; None for a named person without a record
    name: str
    because: list[str] = field(default_factory=list)

    @property
    def key(self) -> tuple[ParticipantKind, str]:
        return self.kind, str(self.ref_id) if self.ref_id else self.name.casefold()


def _short(text: str, size: int = 80) -> str:
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


DOMAIN_CODES = {life_domain_id(code): code for code, _, _ in LIFE_DOMAINS}


def professionals_needed(
    session: Session, family_ids: list[uuid.UUID], *, goals: Sequence[Goal], actions: Sequence[PlanAction]
) -> list[tuple[uuid.UUID, Crucial, str]]:
    """Typed professionals the plan depends on: an active goal or open action in their domain (one query)."""
    contacts = session.exec(
        select(NetworkContact).where(
            col(NetworkContact.family_id).in_(family_ids),
            col(NetworkContact.archived_at).is_(None),
            col(NetworkContact.party).in_(list(PARTY_DOMAINS)),
        )
    ).all()
    goals_of: dict[uuid.UUID, list[Goal]] = defaultdict(list)
    for goal in goals:
        goals_of[goal.family_id].append(goal)
    actions_of: dict[uuid.UUID, list[PlanAction]] = defaultdict(list)
    for action in actions:
        actions_of[action.family_id].append(action)
    found = []
    for contact in contacts:
        label = PARTY_LABELS[contact.party]
        for goal in goals_of[contact.family_id]:
            if names_party_domain(contact.party, DOMAIN_CODES.get(goal.life_domain_id), goal.text):
                reason = f"Doel vraagt om {label}: {_short(goal.text)}"
                found.append(
                    (contact.family_id, Crucial(ParticipantKind.contact, contact.id, contact.name), reason)
                )
        for action in actions_of[contact.family_id]:
            if names_party_domain(contact.party, None, action.description):
                reason = f"Actie vraagt om {label}: {_short(action.description)}"
                found.append(
                    (contact.family_id, Crucial(ParticipantKind.contact, contact.id, contact.name), reason)
                )
    return found


def crucial_people(session: Session, family_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, list[Crucial]]:
    """Per family, the crucial players, in four queries whatever the number of families."""
    ids = list(set(family_ids))
    found: dict[uuid.UUID, dict[tuple[ParticipantKind, str], Crucial]] = defaultdict(dict)
    if not ids:
        return {}

    def add(family_id: uuid.UUID, person: Crucial, reason: str) -> None:
        entry = found[family_id].setdefault(person.key, person)
        if reason not in entry.because:
            entry.because.append(reason)

    goals = session.exec(
        select(Goal)
        .where(col(Goal.family_id).in_(ids), Goal.status == GoalStatus.active)
        .options(selectinload(Goal.member_links))  # type: ignore[arg-type]
        .order_by(col(Goal.priority), col(Goal.created_at), col(Goal.id))  # the id: one order on ties
    ).all()
    member_ids = {link.member_id for goal in goals for link in goal.member_links}
    members = (
        {
            m.id: m
            for m in session.exec(select(FamilyMember).where(col(FamilyMember.id).in_(member_ids))).all()
        }
        if member_ids
        else {}
    )
    for goal in goals:
        for link in goal.member_links:
            member = members.get(link.member_id)
            if member is not None and member.archived_at is None:
                person = Crucial(ParticipantKind.member, member.id, member.display_name)
                add(goal.family_id, person, f"Doel gaat over {member.display_name}: {_short(goal.text)}")
    actions = (
        select(PlanAction)
        .where(col(PlanAction.family_id).in_(ids), PlanAction.status == ActionStatus.open)
        .options(
            joinedload(PlanAction.owner_member),  # type: ignore[arg-type]
            joinedload(PlanAction.owner_contact),  # type: ignore[arg-type]
            joinedload(PlanAction.owner_user),  # type: ignore[arg-type]
        )
        .order_by(col(PlanAction.due_on), col(PlanAction.created_at), col(PlanAction.id))
    )
    open_actions = session.exec(actions).unique().all()
    for action in open_actions:
        name = owner_name(action) or "?"
        ref = {
            OwnerType.member: action.owner_member_id,
            OwnerType.contact: action.owner_contact_id,
            OwnerType.supporter: action.owner_user_id,
            OwnerType.person: None,
        }[action.owner_type]
        person = Crucial(OWNER_KIND[action.owner_type], ref, name)
        add(action.family_id, person, f"Eigenaar van open actie: {_short(action.description)}")
    for family_id, person, reason in professionals_needed(session, ids, goals=goals, actions=open_actions):
        add(family_id, person, reason)
    return {family_id: list(people.values()) for family_id, people in found.items()}


@dataclass(frozen=True)
class AgendaSeed:
    kind: AgendaItemKind
    title: str
    goal_id: uuid.UUID | None = None
    action_id: uuid.UUID | None = None


def agenda_from_plan(session: Session, family_id: uuid.UUID, *, on: date) -> list[AgendaSeed]:
    """Goals due for review, actions not yet agreed at the table, then the other open actions."""
    plan = plans_repo.find_plan(session, family_id)
    if plan is None:
        return []
    stale_before = on - timedelta(days=get_settings().evaluation_debt_days)
    levels = plans_repo.latest_levels(session, family_id, on)
    seeds: list[AgendaSeed] = []
    for goal in plans_repo.goals_of_plan(session, plan.id):
        if goal.status != GoalStatus.active:
            continue
        scored_on = levels.get(goal.id, (None, None))[1]
        near_target = goal.target_on is not None and goal.target_on <= on + REVIEW_WINDOW
        if near_target or scored_on is None or scored_on < stale_before:
            seeds.append(
                AgendaSeed(AgendaItemKind.goal_review, _short(f"Doel bespreken: {goal.text}", 300), goal.id)
            )
    actions = plans_repo.actions_of_family(session, family_id, status=ActionStatus.open.value)
    for agreed, kind, label in (
        (False, AgendaItemKind.unconfirmed_action, "Afspraak bevestigen"),
        (True, AgendaItemKind.open_action, "Actie nalopen"),
    ):
        for action in (a for a in actions if a.agreed_at_table is agreed):
            who = owner_name(action) or "?"
            title = _short(f"{label}: {action.description} ({who})", 300)
            seeds.append(AgendaSeed(kind, title, action.goal_id, action.id))
    return seeds
