"""Demo goals: in a family's own words, each with a GAS ladder and the actions that go with it."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Template:
    domain: str
    text: str
    ladder: tuple[str, str, str, str, str]  # -2 .. +2
    actions: tuple[
        tuple[str, str], ...
    ]  # (owner kind, description): parent, client, informal, professional, supporter


TEMPLATES = [
    Template(
        "education",
        "We willen dat {client} weer naar school gaat.",
        (
            "{client} gaat helemaal niet naar school.",
            "{client} gaat een paar ochtenden per week.",
            "{client} gaat elke ochtend naar school.",
            "{client} gaat vier hele dagen naar school.",
            "{client} gaat de hele week en vindt het er fijn.",
        ),
        (
            ("supporter", "Gesprek met school over een rooster met halve dagen"),
            ("parent", "{client} elke ochtend naar school brengen"),
            ("informal", "Op dinsdag en donderdag {client} uit school halen"),
        ),
    ),
    Template(
        "leisure",
        "{parent} heeft één avond per week voor zichzelf.",
        (
            "{parent} heeft nooit een avond vrij.",
            "{parent} heeft één avond per maand vrij.",
            "{parent} heeft één avond per week vrij.",
            "Eén avond per week vrij en soms een middag.",
            "Elke week een avond vrij en eens per kwartaal een weekend.",
        ),
        (
            ("supporter", "Logeeropvang aanvragen bij de gemeente"),
            ("informal", "Op woensdagavond oppassen"),
        ),
    ),
    Template(
        "finances",
        "We hebben overzicht over onze rekeningen en er komen geen schulden bij.",
        (
            "Er komen nieuwe schulden bij.",
            "Geen overzicht, maar ook geen nieuwe schulden.",
            "Elke maand samen de post en de rekeningen doorlopen.",
            "Alle rekeningen worden op tijd betaald.",
            "Er is een kleine spaarpot voor onverwachte kosten.",
        ),
        (
            ("supporter", "Aanmelden bij de schuldhulpverlening van de gemeente"),
            ("parent", "Een map maken voor alle post"),
            ("person:Henk de Jong (budgetcoach)", "Eens per twee weken samen de rekeningen doorlopen"),
        ),
    ),
    Template(
        "health",
        "{client} slaapt weer de hele nacht door.",
        (
            "{client} is elke nacht wakker en onrustig.",
            "{client} is drie of vier nachten per week onrustig.",
            "Hooguit één onrustige nacht per week.",
            "{client} slaapt bijna altijd goed.",
            "{client} slaapt goed en gaat zelf op tijd naar bed.",
        ),
        (
            ("parent", "Afspraak bij de huisarts over het slapen"),
            ("supporter", "Samen een avondritueel met plaatjes maken"),
        ),
    ),
    Template(
        "social_network",
        "{client} heeft een vriend of vriendin om mee af te spreken.",
        (
            "{client} ziet buiten school nooit iemand.",
            "{client} speelt soms met een buurkind.",
            "{client} spreekt elke week met iemand af.",
            "{client} heeft een vaste vriend of vriendin.",
            "{client} gaat ook zelf naar een club of vereniging.",
        ),
        (
            ("parent", "{client} aanmelden bij de aangepaste sportclub"),
            ("person:Maatje van het buurtproject", "Eens per week samen iets leuks doen"),
        ),
    ),
    Template(
        "safety",
        "Minder ruzie thuis: als het moeilijk wordt, stoppen we en praten we later.",
        (
            "Bijna elke dag loopt een ruzie uit de hand.",
            "Een paar keer per week harde ruzie.",
            "Hooguit één keer per week ruzie, en we praten het uit.",
            "Ruzies blijven klein en we praten ze uit.",
            "We merken het zelf op tijd en stoppen samen.",
        ),
        (
            ("professional", "Gesprekken over omgaan met boosheid"),
            ("parent", "Een rustige plek in huis inrichten"),
        ),
    ),
    Template(
        "daily_care",
        "De zorg voor {client} rust niet alleen op {parent}.",
        (
            "{parent} doet alle zorg alleen.",
            "Iemand anders helpt af en toe.",
            "Twee vaste mensen nemen elke week een deel van de zorg over.",
            "Er is een vast rooster met drie helpers.",
            "Het rooster loopt vanzelf, ook als {parent} ziek is.",
        ),
        (
            ("supporter", "Een zorgrooster maken met het netwerk"),
            ("informal", "Elke zaterdagochtend de zorg overnemen"),
        ),
    ),
    Template(
        "work_income",
        "{parent} werkt een paar ochtenden per week.",
        (
            "{parent} zoekt niet naar werk.",
            "{parent} heeft een gesprek gehad bij het werkplein.",
            "{parent} werkt twee ochtenden per week.",
            "{parent} werkt drie ochtenden per week.",
            "{parent} werkt vier ochtenden en het is goed te doen.",
        ),
        (
            ("parent", "Gesprek bij het werkplein"),
            ("professional", "Meedenken over opvang na school"),
        ),
    ),
]
