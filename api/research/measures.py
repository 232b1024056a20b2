"""The dataset's measurement tables: measurements, item answers, scale scores and the scales' dictionary."""

from api.models import ChangeClassValue
from api.research.tables import (
    FAMILY,
    INSTRUMENT,
    MEASUREMENT,
    RESPONDENT,
    SCALE,
    VERSION,
    WAVE,
    Column,
    Table,
    _count,
    _month,
    _values,
)

MEASUREMENTS = Table(
    "measurements",
    "One row per questionnaire a respondent answered (or started) at a wave.",
    "Eén rij per vragenlijst die een respondent op een meetmoment invulde (of begon).",
    (
        MEASUREMENT,
        FAMILY,
        RESPONDENT,
        Column(
            "respondent_kind",
            "string",
            "A family member or the supporter.",
            "Een gezinslid of de bondgenoot.",
            ("member", "supporter"),
        ),
        INSTRUMENT,
        VERSION,
        WAVE,
        Column(
            "status",
            "string",
            "Completed or still in progress.",
            "Afgerond of nog bezig.",
            ("completed", "in_progress"),
        ),
        _month("started_month", "Started", "Begonnen"),
        _month("completed_month", "Completed", "Afgerond"),
    ),
    primary_key=("measurement",),
    links={"family": "families"},
)
ITEM_ANSWERS = Table(
    "item_answers",
    "Item-level answers as given; keyed_answer applies the reverse keying "
    "(min + max - answer) the scores use.",
    "Antwoorden per item zoals gegeven; keyed_answer past de omscoring (min + max - antwoord) toe.",
    (
        MEASUREMENT,
        INSTRUMENT,
        VERSION,
        Column("item", "integer", "Item number.", "Itemnummer.", minimum=1),
        Column(
            "answer", "integer", "The option value chosen.", "De gekozen antwoordwaarde.", unit="option value"
        ),
        Column("reverse_keyed", "boolean", "The item is reverse keyed.", "Het item wordt omgescoord."),
        Column(
            "keyed_answer",
            "integer",
            "The answer after reverse keying, as scored.",
            "Het antwoord na omscoren.",
            unit="option value",
        ),
    ),
    links={"measurement": "measurements"},
)
SCALE_SCORES = Table(
    "scale_scores",
    "Scale scores of completed measurements with change from the respondent's "
    "T0 and the Reliable Change Index "
    "(Jacobson & Truax) as the app stores them.",
    "Schaalscores van afgeronde metingen met verandering t.o.v. T0 en de Reliable "
    "Change Index, zoals de app ze bewaart.",
    (
        MEASUREMENT,
        FAMILY,
        RESPONDENT,
        INSTRUMENT,
        VERSION,
        WAVE,
        _month("completed_month", "Completed", "Afgerond"),
        SCALE,
        Column(
            "score",
            "number",
            "Scale score (see scales for range and direction).",
            "Schaalscore (zie scales).",
            unit="scale points",
        ),
        _count("n_answered", "Items answered.", "Beantwoorde items."),
        _count("n_items", "Items in the scale.", "Items in de schaal."),
        Column(
            "change_from_t0",
            "number",
            "Score minus the respondent's T0 score.",
            "Score min de T0-score van de respondent.",
            unit="scale points",
        ),
        Column(
            "rci",
            "number",
            "Reliable Change Index: change / S_diff (the norms and their source in scales; the direction "
            "of better is higher_is_better there).",
            "Reliable Change Index: verandering / S_diff (normen, bron en richting in scales).",
            unit="standard errors of difference",
        ),
        Column(
            "change_class",
            "string",
            "Classification at |RCI| > 1.96.",
            "Indeling bij |RCI| > 1,96.",
            _values(ChangeClassValue),
        ),
    ),
    links={"measurement": "measurements"},
)
SCALES = Table(
    "scales",
    "Data dictionary of every instrument scale in the dataset: range, "
    "direction and the norms behind the RCI.",
    "Woordenboek van de schalen: bereik, richting en de normen achter de RCI.",
    (
        INSTRUMENT,
        VERSION,
        SCALE,
        Column("name_en", "string", "Scale name (English).", "Naam van de schaal (Engels)."),
        Column("name_nl", "string", "Scale name (Dutch).", "Naam van de schaal (Nederlands)."),
        Column("is_total", "boolean", "The instrument's total scale.", "De totaalschaal."),
        Column("higher_is_better", "boolean", "Direction of better.", "Hoger is beter."),
        Column("minimum", "number", "Lowest possible score.", "Laagst mogelijke score.", unit="scale points"),
        Column(
            "maximum", "number", "Highest possible score.", "Hoogst mogelijke score.", unit="scale points"
        ),
        Column(
            "items",
            "string",
            "Item numbers in the scale, separated by ';'.",
            "Itemnummers, gescheiden door ';'.",
        ),
        Column(
            "reverse_keyed_items",
            "string",
            "Reverse-keyed items of the scale, separated by ';'.",
            "Omgescoorde items, gescheiden door ';'.",
        ),
        Column(
            "norms_sd",
            "number",
            "SD of the norm group at baseline.",
            "SD van de normgroep.",
            unit="scale points",
        ),
        Column(
            "norms_reliability",
            "number",
            "Reliability (r) used for the RCI.",
            "Betrouwbaarheid (r) voor de RCI.",
            minimum=0,
            maximum=1,
        ),
        Column(
            "s_diff",
            "number",
            "Standard error of the difference: SD * sqrt(2 * (1 - r)).",
            "Standaardfout van het verschil.",
            unit="scale points",
        ),
        Column(
            "norms_status",
            "string",
            "sourced, or example (not evidence).",
            "sourced, of example (geen bewijs).",
            ("sourced", "example"),
        ),
        Column("norms_source", "string", "Citation of the norms.", "Bron van de normen."),
    ),
    dictionary=True,
)
