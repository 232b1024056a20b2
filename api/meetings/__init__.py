"""Roundtable meetings (rondetafeloverleg)."""
