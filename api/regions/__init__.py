"""Zorgkantoorregio's and their funders."""
