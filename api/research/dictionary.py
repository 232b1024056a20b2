"""Every table of the research dataset, described once (the CSV rows follow these columns in order)."""

from api.models import (
    FactorKind,
    FamilyStatus,
    FamilyType,
    GoalStatus,
    MeetingStatus,
    MemberRole,
)
from api.research.measures import ITEM_ANSWERS, MEASUREMENTS, SCALE_SCORES, SCALES
from api.research.tables import (
    AGE_BANDS,
    FAMILY,
    GOAL,
    INSTRUMENT,
    ORG,
    RESPONDENT,
    WAVE,
    Column,
    Table,
    _count,
    _month,
    _values,
)

STATUS = _values(FamilyStatus)

FAMILIES = Table(
    "families",
    "One row per family with research consent in a joined organisation, in support during the period.",
    "Eén rij per gezin met toestemming voor onderzoek, van een deelnemende organisatie, in de periode.",
    (
        FAMILY,
        ORG,
        Column(
            "family_type",
            "string",
            "Business-case family type; S when fewer than the threshold share it with the region.",
            "Gezinstype (business case); S bij een te kleine groep.",
            _values(FamilyType),
        ),
        Column(
            "region",
            "string",
            "Care-office region; S when the organisation, region and type group is small.",
            "Zorgkantoorregio; S bij een te kleine groep.",
            None,
        ),
        _month("start_month", "Start of support", "Start van de ondersteuning"),
        _month("end_month", "End of support", "Einde van de ondersteuning"),
        Column(
            "status",
            "string",
            "Status at the time of the export.",
            "Status bij het maken van de export.",
            STATUS,
        ),
    ),
    primary_key=("family",),
)
STATUS_HISTORY = Table(
    "status_history",
    "Every recorded change of a family's status.",
    "Elke vastgelegde statuswijziging van een gezin.",
    (
        FAMILY,
        Column("from_status", "string", "Status before.", "Status ervoor.", STATUS),
        Column("to_status", "string", "Status after.", "Status erna.", STATUS),
        _month("month", "When", "Wanneer"),
    ),
    links={"family": "families"},
)
RESPONDENTS = Table(
    "respondents",
    "Family members (no names, no birth dates: an age band at the end of the period).",
    "Gezinsleden (geen namen of geboortedata: een leeftijdsgroep aan het eind van de periode).",
    (
        RESPONDENT,
        FAMILY,
        Column("role", "string", "Role in the family.", "Rol in het gezin.", _values(MemberRole)),
        Column("is_client", "boolean", "The member is the client.", "Dit gezinslid is de cliënt."),
        Column(
            "age_band",
            "string",
            "Age in years at the end of the period, banded.",
            "Leeftijd in jaren aan het eind van de periode, in groepen.",
            tuple(AGE_BANDS),
            unit="years",
        ),
    ),
    primary_key=("respondent",),
    links={"family": "families"},
)
GAS_GOALS = Table(
    "gas_goals",
    "Goals with a Goal Attainment Scaling ladder (no goal text: the family's "
    "own words stay with the family).",
    "Doelen met een GAS-ladder (zonder doeltekst).",
    (
        GOAL,
        FAMILY,
        Column("life_domain", "string", "Life domain code.", "Code van het levensdomein."),
        Column("weight", "number", "GAS weight.", "GAS-gewicht.", minimum=0),
        Column("status", "string", "Goal status at the export.", "Status van het doel.", _values(GoalStatus)),
        Column(
            "baseline_level",
            "integer",
            "Level at the start (-2 … +2).",
            "Niveau bij de start.",
            minimum=-2,
            maximum=2,
        ),
        _month("activated_month", "Activated", "Actief sinds"),
        _month("target_month", "Target date", "Streefdatum"),
    ),
    primary_key=("goal",),
    links={"family": "families"},
)
GAS_SCORES = Table(
    "gas_scores",
    "GAS levels scored over time (0 = the expected outcome).",
    "GAS-scores in de tijd (0 = het verwachte resultaat).",
    (
        GOAL,
        FAMILY,
        _month("month", "Scored", "Gescoord"),
        Column("level", "integer", "Attainment level.", "Niveau.", minimum=-2, maximum=2, unit="GAS level"),
    ),
    links={"goal": "gas_goals"},
)
MEETINGS = Table(
    "meetings",
    "Roundtable meetings: who was present by kind, and crucial players "
    "missing (frozen when the meeting closed).",
    "Rondetafeloverleggen: aanwezigen per soort en ontbrekende cruciale spelers.",
    (
        Column("meeting", "string", "Project pseudonym of the meeting.", "Pseudoniem van het overleg."),
        FAMILY,
        _month("month", "Date", "Datum"),
        Column(
            "status",
            "string",
            "Held, planned or cancelled.",
            "Gehouden, gepland of afgelast.",
            _values(MeetingStatus),
        ),
        _count("present_members", "Family members present.", "Aanwezige gezinsleden."),
        _count("present_informal", "Informal network present.", "Aanwezig informeel netwerk."),
        _count("present_professionals", "Professionals of the network present.", "Aanwezige professionals."),
        _count("present_staff", "Staff present.", "Aanwezige medewerkers."),
        _count("present_guests", "Other guests present.", "Aanwezige gasten."),
        _count(
            "crucial_missing", "Crucial players missing (held meetings).", "Ontbrekende cruciale spelers."
        ),
    ),
    links={"family": "families"},
)
FACTORS = Table(
    "factors",
    "Coded hindering and facilitating factors (no notes).",
    "Gecodeerde belemmerende en bevorderende factoren (zonder notities).",
    (
        FAMILY,
        Column("factor", "string", "Factor code.", "Code van de factor."),
        Column(
            "kind", "string", "Hindering or facilitating.", "Belemmerend of bevorderend.", _values(FactorKind)
        ),
        _month("month", "Recorded", "Vastgelegd"),
    ),
    links={"family": "families"},
)
COST_EVENTS = Table(
    "cost_events",
    "Business-case cost events (no notes), with the phase relative to the start of support.",
    "Kostengebeurtenissen (zonder notities), met de fase t.o.v. de start.",
    (
        FAMILY,
        Column(
            "cost_factor",
            "string",
            "Cost factor code of the business-case model.",
            "Code van de kostenfactor.",
        ),
        _month("start_month", "Occurred", "Gebeurd"),
        _month("end_month", "Ended", "Afgelopen"),
        Column(
            "volume",
            "number",
            "Volume in the factor's unit.",
            "Hoeveelheid in de eenheid van de factor.",
            minimum=0,
        ),
        Column("unit", "string", "Unit of the volume.", "Eenheid.", ("occurrence", "day", "year")),
        Column(
            "phase",
            "string",
            "Year before support, during support, or other.",
            "Jaar ervoor, tijdens, of anders.",
            ("before", "during", "other"),
        ),
    ),
    links={"family": "families"},
)
CHECKINS = Table(
    "checkins_monthly",
    "Check-ins per family and month: count and means (no messages, no free text).",
    "Check-ins per gezin en maand: aantal en gemiddelden (geen berichten).",
    (
        FAMILY,
        _month("month", "Month", "Maand"),
        _count("checkins", "Check-ins in the month.", "Check-ins in de maand."),
        Column(
            "mean_wellbeing",
            "number",
            "Mean 'how are things' (0-10, higher is better).",
            "Gemiddeld 'hoe gaat het'.",
            minimum=0,
            maximum=10,
            unit="points 0-10",
        ),
        Column(
            "mean_care_burden",
            "number",
            "Mean care burden (0-10, higher is heavier).",
            "Gemiddelde zorgzwaarte.",
            minimum=0,
            maximum=10,
            unit="points 0-10",
        ),
    ),
    links={"family": "families"},
)
RESPONSE = Table(
    "response_tracking",
    "Per organisation (and pooled: ALL), wave and instrument: respondents "
    "invited (wave due), started, completed, "
    "overdue, and the response rate completed / invited.",
    "Per organisatie (en samen: ALL), meetmoment en vragenlijst: uitgenodigd, "
    "begonnen, afgerond, te laat, respons.",
    (
        Column(
            "organisation_code",
            "string",
            "Organisation code, or ALL for the pooled row.",
            "Organisatiecode, of ALL.",
        ),
        WAVE,
        INSTRUMENT,
        _count(
            "invited",
            "Respondents whose wave was due.",
            "Respondenten van wie het meetmoment aan de beurt was.",
        ),
        _count("started", "Started or completed.", "Begonnen of afgerond."),
        _count("completed", "Completed.", "Afgerond."),
        _count("overdue", "Past the grace period and not started.", "Te laat en niet begonnen."),
        Column(
            "response_rate",
            "number",
            "completed / invited.",
            "afgerond / uitgenodigd.",
            minimum=0,
            maximum=1,
            unit="proportion",
        ),
    ),
)

TABLES = (
    FAMILIES, STATUS_HISTORY, RESPONDENTS, MEASUREMENTS, ITEM_ANSWERS, SCALE_SCORES, SCALES,
    GAS_GOALS, GAS_SCORES, MEETINGS, FACTORS, COST_EVENTS, CHECKINS, RESPONSE,
)  # fmt: skip
# What a project chooses to share maps onto tables (measurements bring their answers and scores).
SHARE_TABLES = {
    "families": ("families",),
    "status_history": ("status_history",),
    "respondents": ("respondents",),
    "measurements": ("measurements", "item_answers", "scale_scores"),
    "item_answers": ("item_answers",),
    "scale_scores": ("scale_scores",),
    "gas_goals": ("gas_goals", "gas_scores"),
    "gas_scores": ("gas_scores",),
    "meetings": ("meetings",),
    "factors": ("factors",),
    "cost_events": ("cost_events",),
    "checkins_monthly": ("checkins_monthly",),
    "response_tracking": ("response_tracking",),
}


def shared_tables(shares: list[str]) -> list[Table]:
    """The tables of a project's dataset, in the package's order (families always, dictionaries always)."""
    names = {"families"} | {t for s in shares for t in SHARE_TABLES.get(s, ())}
    return [t for t in TABLES if t.dictionary or t.name in names]
