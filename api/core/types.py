"""Shared constrained types: what a request may carry, checked at the edge (a 422 naming the field), so bad
input never reaches the database as a 500.

`Input` is the base of every request body: besides refusing unknown fields it checks every value it holds, at
any depth, against the same limits as the types below: no control characters or lone surrogates in text, whole
numbers within a 32-bit column, finite decimals, dates and times between 1900 and 2199.
"""

import math
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
)

INT_MIN, INT_MAX = -(2**31), 2**31 - 1
MIN_DATE, MAX_DATE = date(1900, 1, 1), date(2199, 12, 31)
_ALLOWED_CONTROLS = {"\t", "\n", "\r"}


def problem_in(value: Any) -> str | None:
    """Why `value` (or anything inside it) cannot be stored, or None when it can."""
    if isinstance(value, str):
        for char in value:
            code = ord(char)
            if (code < 32 and char not in _ALLOWED_CONTROLS) or code == 127:
                return "Text may not contain control characters (such as NUL) / geen stuurtekens in tekst."
            if 0xD800 <= code <= 0xDFFF:
                return "Text may not contain lone surrogates / ongeldige tekens in tekst."
        return None
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        in_range = INT_MIN <= value <= INT_MAX
        return None if in_range else f"A whole number must be between {INT_MIN} and {INT_MAX}."
    if isinstance(value, float):
        return None if math.isfinite(value) else "A number must be finite."
    if isinstance(value, datetime | date):
        day = value.date() if isinstance(value, datetime) else value
        if not MIN_DATE <= day <= MAX_DATE:
            return f"A date must be between {MIN_DATE} and {MAX_DATE} / datum buiten het bereik."
        return None
    if isinstance(value, BaseModel):
        return next(filter(None, (problem_in(v) for v in value.__dict__.values())), None)
    if isinstance(value, dict):
        return next(filter(None, (problem_in(v) for pair in value.items() for v in pair)), None)
    if isinstance(value, list | tuple | set | frozenset):
        return next(filter(None, (problem_in(v) for v in value)), None)
    return None


def _storable(value: Any) -> Any:
    reason = problem_in(value)
    if reason is not None:
        raise ValueError(reason)
    return value


Text = Annotated[str, AfterValidator(_storable)]
"""Text without control characters (tab and line breaks allowed)."""
Int32 = Annotated[int, Field(ge=INT_MIN, le=INT_MAX)]
"""A whole number that fits an INTEGER column."""
SafeDate = Annotated[date, AfterValidator(_storable), Field(description="Between 1900-01-01 and 2199-12-31.")]
SafeDateTime = Annotated[
    datetime, AfterValidator(_storable), Field(description="Between 1900-01-01 and 2199-12-31.")
]


class Input(BaseModel):
    """A request body: unknown fields are refused (no mass assignment) and every value is storable."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="after")
    @classmethod
    def _every_value_is_storable(cls, value: Any, _info: ValidationInfo) -> Any:
        return _storable(value)


# Shared text fields of request bodies: a person's or thing's name, a short label, a phone number, an e-mail.
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=120)]
Phone = Annotated[str, StringConstraints(strip_whitespace=True, max_length=40, pattern=r"^[0-9 +()\-]*$")]
Email = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=254, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
]
