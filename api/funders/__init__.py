"""Funder integration: API clients, region outcomes, pseudonymised trajectories (FHIR) and webhooks."""
