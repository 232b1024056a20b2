"""Two writers changing one family's facts at the same moment: each refresh of its rollups waits for the
other (the family's row is locked first), so no update is lost and no re-insert collides
(api/measurements/rollup.py)."""

import threading
from datetime import date

from sqlalchemy import Engine
from sqlmodel import Session

from api.measurements import rollup
from api.models import FamilyMember, MemberRole, Role, Wave
from tests.factories import make_family, make_organisation, make_user
from tests.measurements.factories import brs_answers, make_measurement
from tests.measurements.test_rollup import _rows
from tests.plans.factories import make_goal, make_score


def test_two_writers_refreshing_one_family_end_equal_to_a_rebuild(engine: Engine) -> None:
    # Committed data on purpose (two real transactions); the scratch database is dropped after the run.
    with Session(engine, expire_on_commit=False) as setup:
        organisation = make_organisation(setup)
        family = make_family(setup, organisation, make_user(setup, organisation, Role.supporter))
        member = FamilyMember(family_id=family.id, display_name="Ouder", role=MemberRole.parent)
        setup.add(member)
        goal = make_goal(setup, family)
        make_score(setup, goal, -1, date(2025, 1, 10))
        make_measurement(setup, family, member, answers=brs_answers(2), complete=True, days_ago=90)
        setup.commit()

    with Session(engine, expire_on_commit=False) as early, Session(engine, expire_on_commit=False) as late:
        make_score(early, goal, 1, date(2025, 3, 10))  # its flush refreshed the family's rollups: holds them
        outcome: list[BaseException | None] = []

        def late_writer() -> None:
            try:  # its refresh waits for the early writer's commit, then recomputes with both facts
                make_measurement(late, family, member, wave=Wave.t1, answers=brs_answers(4), complete=True)
                late.commit()
                outcome.append(None)
            except BaseException as exc:
                outcome.append(exc)
                late.rollback()

        thread = threading.Thread(target=late_writer)
        thread.start()
        thread.join(timeout=0.5)
        early.commit()
        thread.join(timeout=30)

    assert outcome == [None]
    with Session(engine) as check:
        kept = _rows(check)
        mine = {name: [r for r in rows if family.id in r] for name, rows in kept.items()}
        assert len(mine["rollup_gas"]) == 2 and len(mine["rollup_wave_change"]) == 1  # both writers' facts
        rollup.rebuild(check)
        assert _rows(check) == kept
        check.rollback()
