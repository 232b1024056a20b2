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
    for definition in definitions:
        check_shipped_wording(definition)
    codes = [definition.code for definition in definitions]
    if len(set(codes)) != len(codes):
        raise ValueError(f"the shipped catalogue repeats an instrument code: {codes}")
    return definitions


def check_shipped_wording(definition: InstrumentDefinition) -> None:
    """A licensed instrument ships without item wording; only the licensee types it in (through the API)."""
    if definition.licence.item_text_reproducible:
        return
    worded = [item.number for item in definition.items if item.text_nl or item.text_en]
    if worded:
        raise ValueError(f"{definition.code}: the licence does not allow shipping item text (items {worded})")


def load_instrument(code: str) -> InstrumentDefinition:
    """The shipped definition with this code; KeyError when none is shipped."""
    for definition in load_catalog():
        if definition.code == code:
            return definition
    raise KeyError(code)
