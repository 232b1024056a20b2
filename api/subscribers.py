"""The composition root of domain events: which packages listen to what the domains announce."""

from api.core.events import subscribe
from api.funders.outbox import queue_webhooks
from api.measurements.rollup_tracking import track as track_rollups
from api.notifications.listeners import on_domain_event


def register() -> None:
    """Subscribe every listener; called once by each entry point (the app and the command line)."""
    subscribe(queue_webhooks)
    subscribe(on_domain_event, internal=True)
    track_rollups()  # the cohort and funder rollups follow every flush that changes their facts
