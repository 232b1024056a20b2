"""The audit log of every access to family data."""
