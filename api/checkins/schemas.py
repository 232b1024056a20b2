"""Request and response models for check-in links, check-ins and alerts."""

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, Field, StringConstraints

from api.core.openapi import Problem
from api.core.types import Input
from api.measurements.definitions import InstrumentDefinition, LocalizedText
from api.models import AlertReason, CheckinNeed, MeasurementStatus, Wave

Score = Annotated[int, Field(ge=0, le=10)]


class LinkStatus(StrEnum):
    active = "active"
    locked = "locked"
    expired = "expired"
    revoked = "revoked"


class CheckinLinkCreate(Input):
    valid_days: int | None = Field(
        default=None, ge=1, le=365, description="Days the link works (default BONDGENOOT_CHECKIN_LINK_DAYS)."
    )


class CheckinLinkPublic(BaseModel):
    id: uuid.UUID
    family_id: uuid.UUID
    member_id: uuid.UUID
    member_name: str
    status: LinkStatus
    expires_at: datetime
    locked_at: datetime | None
    revoked_at: datetime | None
    last_used_at: datetime | None
    created_at: datetime


class CheckinLinkCreated(CheckinLinkPublic):
    """The only answer that ever holds the token and the code: give the link and the code separately."""

    token: str = Field(description="The secret in the link; shown once, only a hash is stored.")
    code: str = Field(description="Six digits the member types in; give it separately from the link.")
    path: str = Field(
        examples=["/c#3q2…"], description="The phone page path; the token is in the #fragment, never sent."
    )


class CheckinPublic(BaseModel):
    """A check-in as the supporter sees it."""

    id: uuid.UUID
    family_id: uuid.UUID
    member_id: uuid.UUID
    member_name: str
    wellbeing: int
    care_burden: int
    needs: list[CheckinNeed]
    needs_text: str | None
    message: str | None
    checked_in_at: datetime
    received_at: datetime
    alert_id: uuid.UUID | None = None


class AlertState(StrEnum):
    open = "open"
    acknowledged = "acknowledged"
    all = "all"


class CheckinAlertPublic(BaseModel):
    id: uuid.UUID
    family_id: uuid.UUID
    family_name: str
    family_reference: str
    member_id: uuid.UUID
    member_name: str
    checkin_id: uuid.UUID
    reasons: list[AlertReason]
    wellbeing: int
    care_burden: int
    previous_wellbeing: int | None
    checked_in_at: datetime
    raised_at: datetime
    acknowledged_at: datetime | None
    acknowledged_by_id: uuid.UUID | None
    acknowledged_by_name: str | None


class OpenAlertCount(BaseModel):
    open_alerts: int


class FamilyCheckinSummary(BaseModel):
    family_id: uuid.UUID
    family_name: str
    family_reference: str
    last_checkin_at: datetime
    last_wellbeing: int
    last_care_burden: int
    checkins_last_28_days: int
    open_alerts: int


class CheckinSummary(BaseModel):
    """The supporter's dashboard: open alerts and each family's latest check-in."""

    open_alerts: int
    families: list[FamilyCheckinSummary]


# --- the public side: what the phone page sends and gets ---

Code = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20)]


class SessionRequest(Input):
    code: Code = Field(examples=["482913"], description="The six digits; spaces and dashes are ignored.")


class SessionResponse(BaseModel):
    session_token: str
    token_type: str = "bearer"
    expires_in: int = Field(description="Seconds the session lasts.")
    party: Literal["member", "contact"] = Field(
        default="member", description="Whose link: a family member's, or a network contact's."
    )
    member_first_name: str
    supporter_first_name: str | None
    last_checkin_at: datetime | None


class CheckinCreate(Input):
    wellbeing: Score = Field(description="How are things? 0 (very bad) … 10 (very good).")
    care_burden: Score = Field(description="How heavy is the care right now? 0 (light) … 10 (very heavy).")
    needs: list[CheckinNeed] = Field(default_factory=list, max_length=len(CheckinNeed))
    needs_text: Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)] | None = None
    message: Annotated[str, StringConstraints(strip_whitespace=True, max_length=1000)] | None = None
    checked_in_at: AwareDatetime | None = Field(
        default=None,
        description="When the check-in was made on the phone (for one kept offline), with its time "
        "zone; default now. At most 30 days ago; a time in the future counts as now.",
    )


class CheckinReceipt(BaseModel):
    """A minimal answer (it is kept for Idempotency-Key replays, so it holds no answers or text)."""

    id: uuid.UUID
    checked_in_at: datetime
    received_at: datetime


class TrendPoint(BaseModel):
    checked_in_at: datetime
    wellbeing: int
    care_burden: int


class CheckinTrend(BaseModel):
    """The member's own check-ins, oldest first, for a small chart."""

    items: list[TrendPoint]


class CheckinProblem(Problem):
    """A problem document of the public check-in endpoints, with a machine-readable reason."""

    reason: str | None = Field(
        default=None,
        examples=["wrong_code"],
        description="no_token, link_unusable, wrong_code, locked, session_expired, rate_limited",
    )
    attempts_left: int | None = Field(default=None, description="With wrong_code: tries before the lock.")


# --- questionnaires a member answers through their link (measurement waves that are due) ---


class MemberQuestionnaireSummary(BaseModel):
    """One questionnaire of the member's measurement plan that is due, overdue or started."""

    instrument_code: str
    instrument_name: LocalizedText
    wave: Wave
    due_on: date
    status: Literal["due", "overdue", "in_progress"]
    measurement_id: uuid.UUID | None = Field(description="Set once it was started (by the member or staff).")
    n_answered: int
    n_items: int


class MemberQuestionnaires(BaseModel):
    items: list[MemberQuestionnaireSummary]


class QuestionnaireStart(Input):
    instrument_code: Annotated[str, StringConstraints(max_length=40)]
    wave: Wave


class MemberQuestionnaire(BaseModel):
    """The form to fill in: items, options, licence and the answers saved so far (never scores)."""

    id: uuid.UUID
    instrument_code: str
    wave: Wave | None
    status: MeasurementStatus
    instrument: InstrumentDefinition
    answers: dict[int, int]
    n_answered: int
    n_items: int


class QuestionnaireDone(BaseModel):
    """After completing: only that it is done (the supporter discusses the results with the family)."""

    id: uuid.UUID
    status: MeasurementStatus
    completed_at: datetime | None
