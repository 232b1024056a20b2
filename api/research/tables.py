"""The dataset's tables as data: each column's type, unit, allowed values and description (English, Dutch).

`datapackage.json` is written from these definitions, and the CSV writer follows the same column order, so
the data dictionary cannot drift from the data.
"""

from dataclasses import dataclass, field
from typing import Any

from api.models import (
    Wave,
)

SUPPRESSED = "S"  # a value withheld by a small-cell rule
MISSING = ""  # not recorded, or not applicable
MISSING_VALUES = [MISSING, SUPPRESSED]
AGE_BANDS = ["0-11", "12-17", "18-29", "30-44", "45-64", "65+"]
RESPONSE_STATUSES = ["overdue", "due", "upcoming", "in_progress", "done"]


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # Table Schema type: string, integer, number, boolean, yearmonth
    en: str
    nl: str
    enum: tuple[str, ...] | None = None
    unit: str | None = None
    minimum: float | None = None
    maximum: float | None = None

    def descriptor(self) -> dict[str, Any]:
        found: dict[str, Any] = {"name": self.name, "type": self.type, "description": self.en}
        found["description_nl"] = self.nl
        constraints: dict[str, Any] = {}
        if self.enum is not None:
            constraints["enum"] = list(self.enum)
        if self.minimum is not None:
            constraints["minimum"] = self.minimum
        if self.maximum is not None:
            constraints["maximum"] = self.maximum
        if constraints:
            found["constraints"] = constraints
        if self.unit is not None:
            found["unit"] = self.unit
        return found


@dataclass(frozen=True)
class Table:
    name: str
    en: str
    nl: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ()
    dictionary: bool = False  # describes instruments, not families: shared whatever the project chose
    links: dict[str, str] = field(default_factory=dict)  # column -> table whose key it refers to

    def descriptor(self) -> dict[str, Any]:
        schema: dict[str, Any] = {
            "fields": [c.descriptor() for c in self.columns],
            "missingValues": MISSING_VALUES,
        }
        if self.primary_key:
            schema["primaryKey"] = list(self.primary_key)
        if self.links:
            schema["foreignKeys"] = [
                {"fields": column, "reference": {"resource": target, "fields": column}}
                for column, target in self.links.items()
            ]
        return {
            "name": self.name,
            "path": f"data/{self.name}.csv",
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "description": self.en,
            "description_nl": self.nl,
            "schema": schema,
        }


def _values(enum: Any) -> tuple[str, ...]:
    return tuple(m.value for m in enum)


FAMILY = Column(
    "family", "string", "Project pseudonym of the family.", "Pseudoniem van het gezin in dit project."
)
RESPONDENT = Column(
    "respondent", "string", "Project pseudonym of the respondent.", "Pseudoniem van de respondent."
)
MEASUREMENT = Column(
    "measurement", "string", "Project pseudonym of the measurement.", "Pseudoniem van de meting."
)
GOAL = Column("goal", "string", "Project pseudonym of the goal.", "Pseudoniem van het doel.")
ORG = Column(
    "organisation_code",
    "string",
    "The organisation, coded per project (O1, O2 …).",
    "De organisatie, gecodeerd per project.",
)
INSTRUMENT = Column("instrument", "string", "Instrument code.", "Code van de vragenlijst.")
VERSION = Column(
    "instrument_version",
    "integer",
    "Version of the instrument definition.",
    "Versie van de vragenlijst.",
    minimum=1,
)
WAVE = Column("wave", "string", "Measurement wave (T0 = intake).", "Meetmoment (T0 = start).", _values(Wave))
SCALE = Column("scale", "string", "Scale code (a subscale or the total).", "Code van de (sub)schaal.")


def _month(name: str, en: str, nl: str) -> Column:
    return Column(name, "yearmonth", en + " (year and month only).", nl + " (alleen jaar en maand).")


def _count(name: str, en: str, nl: str) -> Column:
    return Column(name, "integer", en, nl, unit="count", minimum=0)
