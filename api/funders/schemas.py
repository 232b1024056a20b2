"""Request and response models of the funder integration."""

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints

from api.core.events import EventType
from api.core.types import Input
from api.models import DeliveryStatus

Label = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]


class Scope(StrEnum):
    outcomes_read = "outcomes:read"
    trajectories_read = "trajectories:read"
    webhooks_manage = "webhooks:manage"


class ClientCreate(Input):
    name: Label = Field(examples=["CZ datawarehouse productie"])
    funder_name: Label = Field(examples=["CZ"])
    region_ids: list[uuid.UUID] = Field(min_length=1, max_length=50)
    scopes: list[Scope] = Field(min_length=1, max_length=3)


class ClientPublic(BaseModel):
    id: uuid.UUID
    client_id: str
    name: str
    funder_name: str
    region_ids: list[uuid.UUID]
    scopes: list[str]
    secret_rotated_at: datetime
    revoked_at: datetime | None
    last_used_at: datetime | None
    created_at: datetime


class ClientWithSecret(ClientPublic):
    client_secret: str = Field(description="Shown this once; store it in your secret manager.")


class ConsentUpdate(Input):
    funder_data: bool = Field(description="Funders may receive the pseudonymised trajectory.")
    research: bool = Field(description="Researchers may receive pseudonymised data.")
    aggregates_only: bool = Field(
        description="The family may be counted in suppressed region aggregates (without a trajectory)."
    )


class ConsentPublic(BaseModel):
    family_id: uuid.UUID
    funder_data: bool
    research: bool
    aggregates_only: bool
    recorded_by: uuid.UUID | None
    recorded_at: datetime | None
    version: int


class Period(StrEnum):
    month = "month"
    quarter = "quarter"
    year = "year"


class Cell(BaseModel):
    """A number, or `{"suppressed": true, "reason": ...}` when it is withheld (README: funder guide)."""

    suppressed: bool = False
    value: int | float | None = None
    reason: str | None = Field(
        default=None,
        description="Why a cell is withheld: below_threshold, difference_below_threshold, complementary, "
        "parent_withheld, period_open (the period has not ended), example_norms (reliable change would rest "
        "on example norms) or no_norms.",
    )


class InstrumentChange(BaseModel):
    """Per family (members' mean change from their own T0), its latest wave measured in the period."""

    instrument: str
    scale: str
    families: Cell
    mean_change: Cell
    reliable_improvement_share: Cell = Field(
        description="Share (0-1) of families with reliable improvement (RCI > 1.96 on the family mean); "
        "withheld unless the scale's norms are sourced."
    )


class PartyCell(BaseModel):
    """Held meetings at which a party was present (api/meetings/parties, the staff cohort's definition)."""

    party: str = Field(description="`family` or a network contact's coded party (informal, gp, school, …).")
    meetings: Cell


class RegionPeriodOutcomes(BaseModel):
    region_id: uuid.UUID
    region_name: str
    period_start: date
    period_end: date
    families: Cell = Field(description="Families in support at some point in the period.")
    by_status: dict[str, Cell] = Field(description="Status at the end of the period.")
    by_family_type: dict[str, Cell]
    meetings_held: Cell
    mean_gas_t_score: Cell
    instruments: list[InstrumentChange]
    parties: list[PartyCell] = Field(
        default_factory=list, description="Parties at the table, withheld alike."
    )


class OutcomesReport(BaseModel):
    funder_name: str
    suppression_threshold: int
    start: date
    end: date
    period: Period
    cells: list[RegionPeriodOutcomes]


class GoalSummary(BaseModel):
    id: str
    life_domain: str
    status: str
    latest_gas_score: int | None


class ScoreSummary(BaseModel):
    measurement_id: str
    instrument: str
    scale: str
    wave: str
    completed_on: date
    score: float | None
    change_class: str | None


class TrajectorySummary(BaseModel):
    pseudonym: str
    region_id: uuid.UUID
    status: str
    family_type: str | None
    target_groups: list[str]
    started_year_quarter: str | None = Field(
        description="Start as year and quarter (e.g. 2026-Q2), no dates."
    )
    closed_year_quarter: str | None


class TrajectoryDetail(TrajectorySummary):
    mean_gas_t_score: float | None
    goals: list[GoalSummary]
    meetings_held: int
    scores: list[ScoreSummary]


class WebhookCreate(Input):
    url: Annotated[str, StringConstraints(strip_whitespace=True, min_length=8, max_length=500)] = Field(
        examples=["https://hooks.example-zorgkantoor.nl/bondgenoot"]
    )
    event_types: list[EventType] = Field(min_length=1, max_length=4)
    description: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] | None = None


class WebhookPublic(BaseModel):
    id: uuid.UUID
    url: str
    event_types: list[str]
    description: str | None
    disabled_at: datetime | None
    created_at: datetime


class WebhookWithSecret(WebhookPublic):
    secret: str = Field(description="The `whsec_…` signing secret, shown this once.")


class DeliveryPublic(BaseModel):
    id: uuid.UUID
    webhook_id: str = Field(description="The `webhook-id` header value.")
    client_id: str
    endpoint_url: str
    event_type: str
    status: DeliveryStatus
    attempts: int
    next_attempt_at: datetime
    delivered_at: datetime | None
    last_status_code: int | None
    last_error: str | None
    created_at: datetime
