"""Families, their members and network: the caseload."""
