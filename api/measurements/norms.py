"""Provenance of the norms behind reliable change: figures on example norms are never evidence."""

from api.measurements.definitions import Scale

EXAMPLE_NOTE_NL = "voorbeeldnormen: nog niet bruikbaar als bewijs"


def norms_status(scale: Scale) -> str | None:
    """`sourced`, `example`, or None when the scale has no norms (no reliable change at all)."""
    return scale.norms.status.value if scale.norms is not None else None
