"""A family export: the family's details plus one section per domain, in that domain's own models."""

from datetime import datetime

from pydantic import BaseModel, Field

from api.checkins.schemas import CheckinAlertPublic, CheckinLinkPublic, CheckinPublic
from api.families.schemas import FamilyDetail
from api.funders.schemas import ConsentPublic
from api.measurements.schemas import FamilyFactorPublic, MeasurementPublic, ScaleScorePublic
from api.meetings.schemas import MeetingDetail
from api.meetings.timeline import TimelineEntry
from api.plans.schemas import PlanDetail, PlanVersionDetail, ScorePublic


class MeasurementExport(MeasurementPublic):
    """A measurement with its answers (by item number) and scores; the form itself is left out."""

    answers: dict[int, int]
    scores: list[ScaleScorePublic]


class FamilyExport(BaseModel):
    """Everything stored about one family (right of access / data portability).

    Left out on purpose: the audit log (who read or changed what; `GET …/access-log`), secrets (hashes of
    check-in link tokens and codes, passwords, keys) and the instruments' question wording (licensed text)."""

    family: FamilyDetail
    exported_at: datetime
    status_changes: list[TimelineEntry] = Field(description="Status moves, oldest first.")
    plan: PlanDetail | None = Field(description="The living plan (null: no plan made yet).")
    gas_scores: list[ScorePublic] = Field(description="Every GAS score of every goal, oldest first.")
    plan_versions: list[PlanVersionDetail] = Field(description="Adopted plan versions, oldest first.")
    meetings: list[MeetingDetail] = Field(description="Meetings with participants, agenda, decisions.")
    measurements: list[MeasurementExport] = Field(description="Questionnaires, oldest first.")
    factors: list[FamilyFactorPublic] = Field(description="Coded factors recorded for the family.")
    checkins: list[CheckinPublic] = Field(description="Check-ins, oldest first.")
    checkin_alerts: list[CheckinAlertPublic]
    checkin_links: list[CheckinLinkPublic] = Field(description="Check-in links (never their token or code).")
    consent: ConsentPublic
