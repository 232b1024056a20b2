"""Per-family rollups the cohort and funder figures aggregate, and each meeting's flag count the meeting lists
filter on (api/measurements/rollup.py keeps them current).

Derived rows only: each is recomputed from the raw tables when a family's facts change (in the same
transaction) and by `bondgenoot rollups rebuild`. No foreign keys: a family's rows go with its recomputation.
"""

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Index, text
from sqlmodel import Field, SQLModel

from api.models.base import UTCDateTime, enum_type
from api.models.family import FamilyStatus
from api.models.measurements import Wave
from api.models.meetings import MeetingStatus


class RollupFamilyStatus(SQLModel, table=True):
    """A family's status over time: one row per interval [since, until), from its recorded status changes."""

    __tablename__ = "rollup_family_status"
    # PostgreSQL reads a scope's rows from the index alone (INCLUDE); SQLite has the key columns only.
    __table_args__ = (
        Index("ix_rollup_family_status_family", "family_id", postgresql_include=["status", "since", "until"]),
    )

    family_id: uuid.UUID = Field(primary_key=True)
    position: int = Field(primary_key=True)  # 0: before the first recorded change (or no change at all)
    status: FamilyStatus = Field(sa_type=enum_type(FamilyStatus, 20))
    since: datetime | None = Field(default=None, sa_type=UTCDateTime, nullable=True)
    until: datetime | None = Field(default=None, sa_type=UTCDateTime, nullable=True)


class RollupGas(SQLModel, table=True):
    """A family's GAS T-score timeline: from each day a goal was scored until the next such day, the T-score
    of its counted goals (None while none of them has a level)."""

    __tablename__ = "rollup_gas"
    __table_args__ = (
        Index(
            "ix_rollup_gas_family_since", "family_id", "since_on", postgresql_include=["until_on", "t_score"]
        ),
    )

    family_id: uuid.UUID = Field(primary_key=True)
    since_on: date = Field(primary_key=True)
    until_on: date | None = None
    t_score: float | None = None


class _WaveChange(SQLModel):
    """A unit's change from T0 at one wave of an instrument scale, counted whole in the period in which the
    unit completed the wave (its last completed measurement of it), until its next wave of that scale."""

    family_id: uuid.UUID = Field(primary_key=True)
    instrument_code: str = Field(primary_key=True, max_length=40)
    scale_code: str = Field(primary_key=True, max_length=40)
    wave: Wave = Field(primary_key=True, sa_type=enum_type(Wave, 20))
    completed_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    # The unit's next wave of this scale completed then (None: none yet): the unit's latest wave in a span
    # [s, e) is the row with s <= completed_at < e and superseded_at NULL or >= e, no ranking per request.
    superseded_at: datetime | None = Field(default=None, sa_type=UTCDateTime, nullable=True)
    change_from_t0: float  # the mean of the wave's measurements (the family unit: of its respondents)
    n: int  # the measurements behind it


def _covering(name: str) -> Index:
    return Index(
        name,
        "family_id",
        "completed_at",
        postgresql_include=["instrument_code", "scale_code", "wave", "superseded_at", "change_from_t0", "n"],
    )


class RollupWaveChange(_WaveChange, table=True):
    """The family unit: per family, instrument scale and wave, its respondents' mean change from T0."""

    __tablename__ = "rollup_wave_change"
    __table_args__ = (_covering("ix_rollup_wave_change_family_completed"),)


class RollupRespondentWaveChange(_WaveChange, table=True):
    """The respondent unit: per family member (respondent), instrument scale and wave, the change from T0."""

    __tablename__ = "rollup_respondent_wave_change"
    __table_args__ = (_covering("ix_rollup_respondent_wave_change_family_completed"),)

    respondent_id: uuid.UUID = Field(primary_key=True)


class RollupMeetingParty(SQLModel, table=True):
    """A party present at a held meeting: `family` (one of its members) or a network contact's coded party."""

    __tablename__ = "rollup_meeting_party"
    __table_args__ = (
        Index(
            "ix_rollup_meeting_party_family_starts",
            "family_id",
            "starts_at",
            postgresql_include=["meeting_id", "party"],
        ),
    )

    meeting_id: uuid.UUID = Field(primary_key=True)
    party: str = Field(primary_key=True, max_length=40)
    family_id: uuid.UUID
    starts_at: datetime = Field(sa_type=UTCDateTime, nullable=False)


class RollupMeetingFlag(SQLModel, table=True):
    """How many crucial players a meeting misses (api/meetings/flag_rollup.py): live while planned, frozen at
    close, none when cancelled; and, while planned, the flags themselves, so a meeting list shows them without
    reading the plan. Beside the meeting, not on it: a plan edit must not move a meeting's ETag."""

    __tablename__ = "rollup_meeting_flag"
    __table_args__ = (
        # The flagged meetings in date order (overview `flagged=true`, the team page's next four weeks).
        Index(
            "ix_rollup_meeting_flag_flagged_starts",
            "starts_at",
            "meeting_id",
            postgresql_where=text("flag_count > 0"),
            sqlite_where=text("flag_count > 0"),
            postgresql_include=["family_id", "status"],
        ),
        Index("ix_rollup_meeting_flag_family", "family_id"),
    )

    meeting_id: uuid.UUID = Field(primary_key=True)
    family_id: uuid.UUID
    starts_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    status: MeetingStatus = Field(sa_type=enum_type(MeetingStatus, 20))
    # A planned meeting's flags as stored (api/meetings/flag_rollup.py, `_stored`); null otherwise, and for
    # a row made before migration 0027 until the rebuild `bondgenoot migrate` then runs (meanwhile the lists
    # compute them live).
    flags: list[dict[str, Any]] | None = Field(default=None, sa_type=JSON)
    flag_count: int
