"""The family in the lead: network links, per-contact consent, proposals, and the parties at the table."""
