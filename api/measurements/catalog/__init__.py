"""The instrument definitions Bondgenoot ships, one JSON file per instrument."""

from __future__ import annotations

from importlib import resources

from api.measurements.definitions import InstrumentDefinition


def load_catalog() -> list[InstrumentDefinition]:
    """Read and validate every shipped definition, ordered by file name."""
    files = sorted(
        (entry for entry in resources.files(__name__).iterdir() if entry.name.endswith(".json")),
        key=lambda entry: entry.name,
    )
    definitions = [InstrumentDefinition.model_validate_json(f.read_text(encoding="utf-8")) for f in files]
    codes = [definition.code for definition in definitions]
    if len(set(codes)) != len(codes):
        raise ValueError(f"the shipped catalogue repeats an instrument code: {codes}")
    return definitions


def load_instrument(code: str) -> InstrumentDefinition:
    """The shipped definition with this code; KeyError when none is shipped."""
    for definition in load_catalog():
        if definition.code == code:
            return definition
    raise KeyError(code)
