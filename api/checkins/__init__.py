"""Check-ins from a phone: personal links, check-ins, alerts."""
