"""Demo funder clients (one per region, all scopes) and consent for most demo families."""

from sqlmodel import Session, col, select

from api.core.secrets import new_client_id, new_client_secret, secret_digest
from api.demo.context import DemoContext
from api.models import FamilyConsent, FunderClient, Region

SCOPES = ["outcomes:read", "trajectories:read", "webhooks:manage"]


def _consent(index: int) -> tuple[bool, bool, bool] | None:
    """(funder_data, research, aggregates_only) for the demo family at `index`; None for no consent yet."""
    if index % 10 == 9:
        return None
    if index % 10 == 4:
        return False, False, True
    return True, index % 3 == 0, False


def seed_funders(session: Session, context: DemoContext) -> str:
    """Create the missing demo funder clients and consents; existing ones are left as they are."""
    coordinator = context.users.get("coordinator@demo.bondgenoot.nl")
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
        session.add(
            FamilyConsent(
                family_id=family.id,
                funder_data=funder_data,
                research=research,
                aggregates_only=aggregates_only,
                recorded_by=coordinator.id if coordinator else None,
            )
        )
        added += 1
    region_ids = {f.region_id for f in context.families if f.region_id}
    regions = session.exec(
        select(Region).where(col(Region.id).in_(region_ids)).order_by(col(Region.name))
    ).all()
    lines = [f"Funder demo: consent recorded for {added} families."]
    lines.append("Demo funder API clients (client-credentials grant; all scopes):")
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
        secret = new_client_secret()
        client = FunderClient(
            organisation_id=context.organisation.id,
            client_id=new_client_id(),
            name=name,
            funder_name=region.funder_name,
            region_ids=[str(region.id)],
            scopes=SCOPES,
            secret_hash=secret_digest(secret),
        )
        session.add(client)
        lines.append(f"  {name}: client_id {client.client_id}  client_secret {secret}  (shown once)")
    session.flush()
    return "\n".join(lines)
