"""The messages' wording: shipped defaults in plain (B1) Dutch and English, an organisation's own versions,
and rendering to text and simple HTML. Placeholders are `$name`; only the ones listed per kind are filled,
so a template cannot pull in data the kind does not carry (no diagnosis, scores or other members' details)."""

import html
import re
from dataclasses import dataclass
from string import Template

from api.models import Language, RecipientKind

FAMILY = (RecipientKind.member, RecipientKind.contact)


@dataclass(frozen=True)
class Kind:
    code: str
    audience: tuple[RecipientKind, ...]
    placeholders: tuple[str, ...]
    automatic: bool  # sent by a scheduled pass: counts against the weekly limit and may be held back
    defaults: dict[Language, tuple[str, str]]


_NL, _EN = Language.nl, Language.en
KINDS: dict[str, Kind] = {
    k.code: k
    for k in [
        Kind(
            "checkin_link",
            (RecipientKind.member,),
            ("name", "link", "supporter"),
            False,
            {
                _NL: (
                    "Je persoonlijke link voor de check-in",
                    "Hallo $name,\n\nMet deze link laat je weten hoe het met je gaat. Het kost maar "
                    "een minuut.\n\n"
                    "$link\n\nDe code krijg je apart, of hoor je van $supporter. Deel de link met niemand.",
                ),
                _EN: (
                    "Your personal check-in link",
                    "Hello $name,\n\nWith this link you let us know how you are doing. It takes one "
                    "minute.\n\n"
                    "$link\n\nYou get the code separately, or from $supporter. Do not share the link.",
                ),
            },
        ),
        Kind(
            "checkin_code",
            (RecipientKind.member,),
            ("name", "code", "supporter"),
            False,
            {
                _NL: (
                    "Je code voor de check-in",
                    "Hallo $name,\n\nJe code voor de check-in is: $code\n\n$supporter",
                ),
                _EN: ("Your check-in code", "Hello $name,\n\nYour check-in code is: $code\n\n$supporter"),
            },
        ),
        Kind(
            "questionnaire_due",
            (RecipientKind.member,),
            ("name", "due_date", "supporter"),
            True,
            {
                _NL: (
                    "Er staat een vragenlijst voor je klaar",
                    "Hallo $name,\n\nEr staat een korte vragenlijst voor je klaar. Vul hem in voor "
                    "$due_date.\n"
                    "Open daarvoor je persoonlijke check-in link.\n\nVragen? Neem contact op met $supporter.",
                ),
                _EN: (
                    "A questionnaire is ready for you",
                    "Hello $name,\n\nA short questionnaire is ready for you. Please fill it in "
                    "before $due_date.\n"
                    "Open your personal check-in link.\n\nQuestions? Contact $supporter.",
                ),
            },
        ),
        Kind(
            "questionnaire_overdue_soon",
            (RecipientKind.member,),
            ("name", "due_date", "supporter"),
            True,
            {
                _NL: (
                    "Herinnering: je vragenlijst",
                    "Hallo $name,\n\nJe vragenlijst is nog niet ingevuld. Het kan nog tot $due_date.\n"
                    "Open je persoonlijke check-in link. Lukt het niet? Bel of mail $supporter.",
                ),
                _EN: (
                    "Reminder: your questionnaire",
                    "Hello $name,\n\nYour questionnaire is not filled in yet. You can still do it "
                    "until $due_date.\n"
                    "Open your personal check-in link. Not working? Call or e-mail $supporter.",
                ),
            },
        ),
        Kind(
            "checkin_nudge",
            (RecipientKind.member,),
            ("name", "supporter"),
            True,
            {
                _NL: (
                    "Hoe gaat het deze week?",
                    "Hallo $name,\n\nHoe gaat het deze week? Laat het weten met je check-in link. "
                    "Het kost een "
                    "minuut.\n\nWil je deze berichten niet meer? Zeg het tegen $supporter.",
                ),
                _EN: (
                    "How is this week going?",
                    "Hello $name,\n\nHow is this week going? Let us know with your check-in link. It "
                    "takes one "
                    "minute.\n\nDon't want these messages any more? Tell $supporter.",
                ),
            },
        ),
        *[
            Kind(
                code,
                (RecipientKind.member, RecipientKind.contact, RecipientKind.user),
                ("name", "date", "time", "place", "supporter"),
                False,
                {_NL: nl, _EN: en},
            )
            for code, nl, en in [
                (
                    "meeting_invitation",
                    (
                        "Uitnodiging: rondetafeloverleg op $date",
                        "Hallo $name,\n\nJe bent uitgenodigd voor het rondetafeloverleg.\n\nWanneer: "
                        "$date om $time\n"
                        "Waar: $place\n\nDe uitnodiging voor je agenda zit in de bijlage. Kun je niet? "
                        "Laat het $supporter weten.",
                    ),
                    (
                        "Invitation: roundtable meeting on $date",
                        "Hello $name,\n\nYou are invited to the roundtable meeting.\n\nWhen: $date at $time\n"
                        "Where: $place\n\nThe calendar invitation is attached. Can't come? Let "
                        "$supporter know.",
                    ),
                ),
                (
                    "meeting_changed",
                    (
                        "Gewijzigd: rondetafeloverleg op $date",
                        "Hallo $name,\n\nHet rondetafeloverleg is veranderd.\n\nWanneer: $date om $time\n"
                        "Waar: $place\n\nDe nieuwe uitnodiging zit in de bijlage. Vragen? Neem "
                        "contact op met "
                        "$supporter.",
                    ),
                    (
                        "Changed: roundtable meeting on $date",
                        "Hello $name,\n\nThe roundtable meeting has changed.\n\nWhen: $date at $time\n"
                        "Where: $place\n\nThe new invitation is attached. Questions? Contact $supporter.",
                    ),
                ),
                (
                    "meeting_cancelled",
                    (
                        "Gaat niet door: rondetafeloverleg op $date",
                        "Hallo $name,\n\nHet rondetafeloverleg van $date om $time gaat niet door. "
                        "$supporter laat weten wanneer het wel is.",
                    ),
                    (
                        "Cancelled: roundtable meeting on $date",
                        "Hello $name,\n\nThe roundtable meeting of $date at $time is cancelled. "
                        "$supporter will let you know the new date.",
                    ),
                ),
            ]
        ],
        Kind(
            "action_reminder",
            (RecipientKind.contact,),
            ("name", "due_date", "supporter"),
            True,
            {
                _NL: (
                    "Herinnering: een afspraak uit het gezinsplan",
                    "Hallo $name,\n\nIn het gezinsplan staat een afspraak voor jou die op $due_date "
                    "klaar is. "
                    "Is het gelukt, of lukt het niet? Laat het $supporter weten.",
                ),
                _EN: (
                    "Reminder: an agreement from the family plan",
                    "Hello $name,\n\nThe family plan has an agreement for you that is due on $due_date. "
                    "Done, or not possible? Let $supporter know.",
                ),
            },
        ),
        Kind(
            "digest",
            (RecipientKind.user,),
            (
                "name",
                "period",
                "alerts",
                "overdue_actions",
                "questionnaires",
                "goals_without_score",
                "app_link",
            ),
            False,
            {
                _NL: (
                    "Bondgenoot: je overzicht ($period)",
                    "Hallo $name,\n\nJe overzicht van $period:\n\n- open signalen: $alerts\n"
                    "- acties over de datum: $overdue_actions\n- vragenlijsten die klaarstaan of te "
                    "laat zijn: "
                    "$questionnaires\n- doelen te lang zonder score: $goals_without_score\n\nBekijk ze in "
                    "Bondgenoot: $app_link",
                ),
                _EN: (
                    "Bondgenoot: your overview ($period)",
                    "Hello $name,\n\nYour overview of $period:\n\n- open alerts: $alerts\n- overdue actions: "
                    "$overdue_actions\n- questionnaires due or overdue: $questionnaires\n- goals too long "
                    "without a score: $goals_without_score\n\nSee them in Bondgenoot: $app_link",
                ),
            },
        ),
        Kind(
            "team_digest",
            (RecipientKind.user,),
            ("name", "period", "table", "app_link"),
            False,
            {
                _NL: (
                    "Bondgenoot: overzicht van je team ($period)",
                    "Hallo $name,\n\nEvaluatieschuld per begeleider ($period):\n\n$table\n\nBekijk het in "
                    "Bondgenoot: $app_link",
                ),
                _EN: (
                    "Bondgenoot: your team's overview ($period)",
                    "Hello $name,\n\nEvaluation debt per supporter ($period):\n\n$table\n\nSee it in "
                    "Bondgenoot: $app_link",
                ),
            },
        ),
        Kind(
            "call_me_alert",
            (RecipientKind.user,),
            ("name", "reference", "app_link"),
            False,
            {
                _NL: (
                    "Bondgenoot: iemand vraagt je te bellen",
                    "Hallo $name,\n\nEen gezinslid vroeg bij de check-in: bel me. Kenmerk: $reference.\n\n"
                    "Open Bondgenoot: $app_link",
                ),
                _EN: (
                    "Bondgenoot: someone asks you to call",
                    "Hello $name,\n\nA family member asked at the check-in: call me. Reference: "
                    "$reference.\n\n"
                    "Open Bondgenoot: $app_link",
                ),
            },
        ),
    ]
}

FOOTERS: dict[tuple[bool, Language], str] = {
    (True, _NL): "Geen berichten meer via dit kanaal? $unsubscribe_link",
    (True, _EN): "No more messages through this channel? $unsubscribe_link",
    (False, _NL): "Je instellingen voor berichten: $settings_link",
    (False, _EN): "Your message settings: $settings_link",
}


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str


def sample_values(kind: Kind) -> dict[str, str]:
    """Made-up values for the administrator's preview."""
    samples = {
        "name": "Sanne",
        "link": "https://bondgenoot.example.org/c#voorbeeld",
        "code": "123456",
        "supporter": "Fatima (begeleider)",
        "due_date": "15-12-2026",
        "date": "15-12-2026",
        "time": "14:00",
        "place": "Wijkcentrum De Linde",
        "period": "week 50",
        "alerts": "2",
        "overdue_actions": "3",
        "questionnaires": "1",
        "goals_without_score": "4",
        "table": "- Fatima: 3 gezinnen, 5 acties, 2 vragenlijsten, 4 doelen",
        "reference": "BG-2026-0001",
        "app_link": "https://bondgenoot.example.org/",
    }
    return {name: samples[name] for name in kind.placeholders}


_URL = re.compile(r"https?://[^\s<>\"]+")


def to_html(text: str, language: Language) -> str:
    """Simple HTML from the text: paragraphs, line breaks and links, nothing else."""
    paragraphs = []
    for block in text.split("\n\n"):
        escaped = html.escape(block)
        linked = _URL.sub(lambda m: f'<a href="{m.group(0)}">{m.group(0)}</a>', escaped)
        paragraphs.append(f"<p>{linked.replace(chr(10), '<br>')}</p>")
    return (
        f'<!doctype html><html lang="{language.value}"><head><meta charset="utf-8"></head>'
        f'<body style="font-family:sans-serif;font-size:16px;line-height:1.5;max-width:36em">'
        f"{''.join(paragraphs)}</body></html>"
    )


def render(
    kind: Kind,
    language: Language,
    own: tuple[str, str] | None,
    values: dict[str, str],
    *,
    footer: dict[str, str],
) -> Rendered:
    """The subject and body in `language` (the organisation's own wording if any), with the footer."""
    subject_template, body_template = own or kind.defaults[language]
    allowed = {name: values.get(name, "") for name in kind.placeholders}
    subject = Template(subject_template).safe_substitute(allowed).replace("\n", " ").strip()
    body = Template(body_template).safe_substitute(allowed).strip()
    family = "unsubscribe_link" in footer  # families and the network opt out; staff change their settings
    footer_text = Template(FOOTERS[(family, language)]).safe_substitute(footer)
    text = f"{body}\n\n--\n{footer_text}\n"
    return Rendered(subject=subject[:200], text=text, html=to_html(text.strip(), language))
