"""Fictional demo data for trying Bondgenoot out."""
