"""The package's descriptor (datapackage.json) and its README: what is in it and the privacy rules."""

from datetime import date
from typing import Any

from api.measurements.evidence import ScaleFigure
from api.models import ResearchProject
from api.research.tables import SUPPRESSED, Table

PRIVACY_EN = (
    "Only families whose research consent is recorded, in organisations whose "
    "administrator joined the project, "
    "in support during the project's period. No names, contact details, "
    "birth dates or free text (goal texts, "
    "notes, messages, minutes) are included; dates are given to the month, "
    "ages in bands. Families, respondents, "
    "measurements, goals and meetings appear under pseudonyms made with this "
    "project's own key (HMAC-SHA256): "
    "stable between downloads of the project, unrelated to any other project's or funder's pseudonyms. "
    "Small cells: where fewer than {k} families of an organisation share a "
    "region and family type, the region is "
    "replaced by '{s}'; where fewer than {k} share a family type, the type is replaced by '{s}' too."
)
PRIVACY_NL = (
    "Alleen gezinnen met vastgelegde toestemming voor onderzoek, van "
    "organisaties waarvan de beheerder aan het "
    "project deelneemt, in ondersteuning tijdens de periode. Geen namen, "
    "contactgegevens, geboortedata of vrije "
    "tekst; datums tot op de maand, leeftijden in groepen. Pseudoniemen met een eigen sleutel per project. "
    "Kleine groepen: minder dan {k} gezinnen met dezelfde regio en hetzelfde "
    "gezinstype binnen een organisatie "
    "krijgen regio '{s}'; minder dan {k} met hetzelfde gezinstype krijgen ook gezinstype '{s}'."
)


def privacy(project: ResearchProject) -> tuple[str, str]:
    k = project.small_cell_threshold
    return PRIVACY_EN.format(k=k, s=SUPPRESSED), PRIVACY_NL.format(k=k, s=SUPPRESSED)


def package_descriptor(project: ResearchProject, tables: list[Table], today: date) -> dict[str, Any]:
    en, nl = privacy(project)
    return {
        "profile": "tabular-data-package",
        "name": f"bondgenoot-research-{project.id.hex[:8]}",
        "title": project.title,
        "description": (
            f"Pseudonymised dataset of the research project '{project.title}' ({project.institution}), "
            f"{project.period_start_on} to {project.period_end_on}, exported {today}. "
            f"Missing values: '' not recorded or not applicable; '{SUPPRESSED}' withheld (small cell). {en}"
        ),
        "description_nl": nl,
        "created": f"{today}T00:00:00Z",
        "version": "1.0.0",
        "licenses": [{"name": "other-closed", "title": "Under the project's data-sharing agreement only"}],
        "resources": [t.descriptor() for t in tables],
    }


def readme_text(project: ResearchProject, tables: list[Table], figures: list[ScaleFigure]) -> str:
    en, nl = privacy(project)
    lines = [
        f"# {project.title}",
        "",
        f"{project.institution}; period {project.period_start_on} to {project.period_end_on}.",
        "",
        "A Frictionless Data Package: `datapackage.json` describes every CSV "
        "in `data/` (types, units, allowed",
        "values, missing-value codes, English and Dutch descriptions).",
        "",
        "## Privacy / privacy",
        "",
        en,
        "",
        nl,
        "",
        "## Tables / tabellen",
        "",
        *(f"- `data/{t.name}.csv`: {t.en}" for t in tables),
        "",
        "Change from T0 and the Reliable Change Index are the values the app "
        "computed when the measurement was",
        "completed (Jacobson & Truax 1991; norms and their source in `scales.csv`).",
        "",
        "## The app's cohort figures for these families / de cijfers van de app",
        "",
        "The family is the unit; its latest wave in the period counts (docs/research/analysis.py).",
        "",
        "| instrument | scale | families | mean change from T0 | reliably improved |",
        "| --- | --- | --- | --- | --- |",
        *(
            f"| {f.instrument} | {f.scale} | {f.n_families} | "
            f"{'' if f.mean_change is None else round(f.mean_change, 4)} | "
            f"{f'{f.n_improved} of {f.n_classified}' if f.n_classified else 'no norms'} |"
            for f in figures
        ),
        "",
    ]
    return "\n".join(lines)
