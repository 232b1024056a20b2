"""The app's own cohort figures for a project's families (api/measurements/evidence.py, the one definition
staff and funders get): written into the package's README so a researcher can check a reproduction."""

from sqlmodel import Session, col, select

from api.measurements import evidence
from api.measurements.definitions import InstrumentDefinition
from api.measurements.repository import definition_of, instrument_rows, latest_by_code
from api.models import ResearchOrganisation, ResearchProject
from api.research.scope import dataset_families


def project_definitions(session: Session, project: ResearchProject) -> list[InstrumentDefinition]:
    """The latest instrument definitions of the joined organisations (the first organisation's per code)."""
    joined = session.exec(
        select(ResearchOrganisation.organisation_id)
        .where(
            col(ResearchOrganisation.project_id) == project.id,
            col(ResearchOrganisation.joined_at).is_not(None),
        )
        .order_by(col(ResearchOrganisation.code))
    ).all()
    found: dict[str, InstrumentDefinition] = {}
    for organisation_id in joined:
        for code, row in latest_by_code(instrument_rows(session, organisation_id)).items():
            found.setdefault(code, definition_of(row))
    return list(found.values())


def cohort_figures(session: Session, project: ResearchProject) -> list[evidence.ScaleFigure]:
    """Per instrument and scale, over the dataset's families and the project's period: families, mean change
    from T0 (each family's latest wave) and how many improved reliably."""
    span = evidence.Span("project", project.period_start_on, project.period_end_on)
    found = evidence.scale_changes(
        session, dataset_families(project), [span], definitions=project_definitions(session, project)
    )
    return sorted(found.get((None, span.key), []), key=lambda f: (f.instrument, f.scale))
