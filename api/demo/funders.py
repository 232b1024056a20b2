"""Demo funder clients (one per region, all scopes) and consent for most demo families.

Both through the funders' services: the consent recorded by the coordinator on the day the family enrolled,
the clients registered by the administrator (whose secret is shown once, when it is made)."""

from datetime import timedelta

from sqlmodel import Session, col, select

from api.demo.context import DemoContext, acting
from api.funders.clients import create_client
from api.funders.consent import record_consent
from api.funders.schemas import ClientCreate, ConsentUpdate, Scope
from api.models import FamilyConsent, FunderClient, Region
from api.models.base import replaying_at

SCOPES = [Scope("outcomes:read"), Scope("trajectories:read"), Scope("webhooks:manage")]


def _consent(index: int) -> tuple[bool, bool, bool] | None:
    """(funder_data, research, aggregates_only) for the demo family at `index`; None for no consent yet."""
    if index % 10 == 9:
        return None
    if index % 10 == 4:
        return False, False, True
    return True, index % 3 == 0, False


def seed_funders(session: Session, context: DemoContext) -> str:
    """Create the missing demo funder clients and consents; existing ones are left as they are."""
    coordinator = acting(context.users["coordinator@demo.bondgenoot.nl"])
    have = set(
        session.exec(
            select(FamilyConsent.family_id).where(
                col(FamilyConsent.family_id).in_([f.id for f in context.families])
            )
        ).all()
    )
    added = 0
    for index, family in enumerate(context.families):
        choice = _consent(index)
        if choice is None or family.id in have:
            continue
        funder_data, research, aggregates_only = choice
        data = ConsentUpdate(funder_data=funder_data, research=research, aggregates_only=aggregates_only)
        with replaying_at(family.created_at + timedelta(hours=1)):  # asked at enrolment
            record_consent(session, coordinator, family_id=family.id, data=data, if_match=None)
        added += 1
    region_ids = {f.region_id for f in context.families if f.region_id}
    regions = session.exec(
        select(Region).where(col(Region.id).in_(region_ids)).order_by(col(Region.name))
    ).all()
    lines = [f"Funder demo: consent recorded for {added} families."]
    lines.append("Demo funder API clients (client-credentials grant; all scopes):")
    admin = acting(context.users["admin@demo.bondgenoot.nl"])
    for region in regions:
        name = f"{region.funder_name} {region.name} (demo)"
        client = session.exec(
            select(FunderClient).where(
                FunderClient.organisation_id == context.organisation.id, FunderClient.name == name
            )
        ).first()
        if client is not None:
            lines.append(
                f"  {name}: client_id {client.client_id} exists; its secret was shown when it was made"
            )
            continue
        client_data = ClientCreate(
            name=name, funder_name=region.funder_name, region_ids=[region.id], scopes=SCOPES
        )
        made = create_client(session, admin, data=client_data)
        lines.append(
            f"  {name}: client_id {made.client_id}  client_secret {made.client_secret}  (shown once)"
        )
    session.flush()
    return "\n".join(lines)
