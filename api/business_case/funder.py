"""The business case for a funder's system: per region of its client, never per family, small cells withheld.

The cohort's euro figures are a mix-weighted mean of the types' model figures; with the model public, those
figures (net, and seven payers) would let anyone solve for the mix, so they are shown only when no type
count behind them is withheld.
"""

import uuid
from collections.abc import Mapping
from datetime import date

from pydantic import BaseModel, Field
from sqlmodel import Session, col, select

from api.audit import service as audit
from api.auth.principal import FunderPrincipal
from api.business_case import report
from api.business_case.definitions import ModelDefinition
from api.business_case.repository import in_support, type_counts_by_region
from api.business_case.schemas import BusinessCaseScope, CohortFigures, CostFactorPublic, FamilyTypeFigures
from api.business_case.service import period
from api.business_case.versions import definition_of, model_row
from api.core.config import get_settings
from api.families.repository import funder_families
from api.models import Region

ALL_REGIONS = "Alle regio's van deze client"


class CountCell(BaseModel):
    """A count, or `{"suppressed": true}` when fewer families than the threshold stand behind it."""

    suppressed: bool = False
    value: int | None = None


class FunderRegionCase(BaseModel):
    region_id: uuid.UUID | None = Field(description="None for all of the client's regions together.")
    region_name: str
    families: CountCell
    by_family_type: dict[str, CountCell]
    cohort: CohortFigures | None = Field(description="Withheld (null) when a count behind it is withheld.")
    withheld_reason: str | None = None


class FunderBusinessCase(BaseModel):
    funder_name: str
    suppression_threshold: int
    model_version: int
    model_name: str
    is_example: bool
    notice_nl: str
    notice_en: str
    price_year: int
    scope: BusinessCaseScope
    family_types: list[FamilyTypeFigures] = Field(
        description="The model's figures per type; `families` is 0."
    )
    cost_factors: list[CostFactorPublic]
    regions: list[FunderRegionCase]
    all_regions: FunderRegionCase


def _counts(counts: Mapping[str | None, int], codes: list[str], threshold: int) -> dict[str, CountCell]:
    """Complementary suppression: a single withheld cell could be recovered from the total, so the next
    smallest goes too."""
    others = sorted(k for k in counts if k is not None and k not in codes)  # types the model lacks
    keys = codes + others + (["unknown"] if counts.get(None) else [])
    values = {k: counts.get(None if k == "unknown" else k, 0) for k in keys}
    withheld = {k for k, n in values.items() if 0 < n < threshold}
    if len(withheld) == 1:
        rest = [k for k in values if k not in withheld and values[k] > 0]
        if rest:
            withheld.add(min(rest, key=lambda k: values[k]))
        else:
            withheld = set(values)
    return {k: CountCell(suppressed=True) if k in withheld else CountCell(value=n) for k, n in values.items()}


def _region_case(
    region_id: uuid.UUID | None,
    name: str,
    counts: Mapping[str | None, int],
    codes: list[str],
    threshold: int,
    scaled_to: int | None,
    model: ModelDefinition,
) -> FunderRegionCase:
    total = sum(counts.values())
    by_type = _counts(counts, codes, threshold)
    if total < threshold:
        return FunderRegionCase(
            region_id=region_id,
            region_name=name,
            families=CountCell(suppressed=True),
            by_family_type={k: CountCell(suppressed=True) for k in by_type},
            cohort=None,
            withheld_reason="small_total",
        )
    if any(c.suppressed for c in by_type.values()):
        return FunderRegionCase(
            region_id=region_id,
            region_name=name,
            families=CountCell(value=total),
            by_family_type=by_type,
            cohort=None,
            withheld_reason="small_type_cells",
        )
    return FunderRegionCase(
        region_id=region_id,
        region_name=name,
        families=CountCell(value=total),
        by_family_type=by_type,
        cohort=report.cohort(model, counts, scaled_to),
    )


def funder_business_case(
    session: Session,
    principal: FunderPrincipal,
    *,
    from_on: date | None,
    to_on: date | None,
    families: int | None,
) -> FunderBusinessCase:
    """Per region of the client and for its regions together; families counted only with consent."""
    from_on, to_on = period(from_on, to_on)
    threshold = get_settings().suppression_threshold
    row = model_row(session, principal.organisation_id)
    model = definition_of(row)
    codes = [t.code for t in model.family_types]
    scope = in_support(
        funder_families(principal, aggregates=True), region_id=None, from_on=from_on, to_on=to_on
    )
    per_region = type_counts_by_region(session, scope)
    regions = session.exec(
        select(Region).where(col(Region.id).in_(principal.region_ids)).order_by(col(Region.name))
    ).all()
    together: dict[str | None, int] = {}
    for counts in per_region.values():
        for code, n in counts.items():
            together[code] = together.get(code, 0) + n
    audit.record(
        session, principal, action="read_business_case", object_type="business_case", object_id=row.id
    )
    return FunderBusinessCase(
        funder_name=principal.funder_name,
        suppression_threshold=threshold,
        model_version=row.version,
        model_name=model.name,
        is_example=model.is_example,
        notice_nl=model.notice_nl,
        notice_en=model.notice_en,
        price_year=model.price_year,
        scope=BusinessCaseScope(region_id=None, from_on=from_on, to_on=to_on),
        family_types=report.family_types(model, {}),
        cost_factors=report.cost_factors(model),
        regions=[
            _region_case(r.id, r.name, per_region.get(r.id, {}), codes, threshold, families, model)
            for r in regions
        ],
        all_regions=_region_case(None, ALL_REGIONS, together, codes, threshold, families, model),
    )
