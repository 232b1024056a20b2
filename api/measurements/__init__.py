"""Outcome measurement: instrument definitions as data, scoring, reliable change and GAS."""
