"""Which life domains each kind of professional covers: a goal or action there needs them at the table."""

from api.models import ContactParty

PARTY_DOMAINS: dict[ContactParty, tuple[str, ...]] = {
    ContactParty.gp: ("health",),
    ContactParty.school: ("education",),
    ContactParty.district_team: ("parenting", "social_network", "safety"),
    ContactParty.youth_mental_health: ("health", "parenting"),
    ContactParty.mental_health: ("health",),
    ContactParty.care_provider: ("daily_care", "health", "leisure"),
    ContactParty.employer: ("work_income",),
    ContactParty.debt_help: ("finances",),
    ContactParty.municipality: ("housing", "work_income", "finances"),
}
# Words in a goal's or action's text that name a party's domain ("naar school", "de schuldhulp").
PARTY_WORDS: dict[ContactParty, tuple[str, ...]] = {
    ContactParty.gp: ("huisarts",),
    ContactParty.school: ("school", "juf", "meester", "leerkracht"),
    ContactParty.district_team: ("wijkteam",),
    ContactParty.youth_mental_health: ("jeugd-ggz", "ggz", "behandeling"),
    ContactParty.mental_health: ("ggz", "psycholoog"),
    ContactParty.care_provider: ("zorgaanbieder", "dagbesteding", "logeren", "begeleiding"),
    ContactParty.employer: ("werk", "werkgever"),
    ContactParty.debt_help: ("schuld", "schulden", "budget"),
    ContactParty.municipality: ("gemeente", "wmo", "uitkering"),
}
PARTY_LABELS: dict[ContactParty, str] = {
    ContactParty.gp: "huisarts",
    ContactParty.school: "school",
    ContactParty.district_team: "wijkteam",
    ContactParty.youth_mental_health: "jeugd-GGZ",
    ContactParty.mental_health: "GGZ",
    ContactParty.care_provider: "zorgaanbieder",
    ContactParty.employer: "werkgever",
    ContactParty.debt_help: "schuldhulp",
    ContactParty.municipality: "gemeente",
}


def names_party_domain(party: ContactParty, domain_code: str | None, text: str) -> bool:
    """Whether a goal or action (its life domain, its words) depends on this kind of professional."""
    if domain_code is not None and domain_code in PARTY_DOMAINS.get(party, ()):
        return True
    lowered = text.casefold()
    return any(word in lowered for word in PARTY_WORDS.get(party, ()))
