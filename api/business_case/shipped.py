# ruff: noqa: E501, RUF001, RUF002  (data tables: one factor per line reads better than wrapped)
"""The shipped *voorbeeldmodel*: the structure of the pilot's business case (6 family types × 30 cost
factors) with plausible example figures. It is NOT the pilot's (Dock4's) calculation: an organisation
replaces these figures with its own, or with Dock4's, in the model editor or `PUT /business-case/model`.
"""

from decimal import Decimal

from api.business_case.definitions import ModelDefinition

NOTICE_NL = (
    "Voorbeeldmodel: de opbouw van de maatschappelijke businesscase van de pilot (6 gezinstypen, 30 "
    "kostenfactoren) met aannemelijke voorbeeldbedragen. Het zijn geen gemeten cijfers en niet de "
    "berekening van Dock4. Vervang ze door de eigen tarieven en aannames van je organisatie, of door de "
    "cijfers uit het Dock4-rapport, via Beheer → Businesscase-model."
)
NOTICE_EN = (
    "Example model: the structure of the pilot's societal business case (6 family types, 30 cost factors) "
    "with plausible example amounts. These are not measured figures and not Dock4's calculation. Replace them "
    "with your organisation's own rates and assumptions, or with the figures of the Dock4 report, under "
    "Administration → Business-case model."
)
SOURCE = (
    "Voorbeeldwaarde {year}, ordegrootte van openbare tarieven ({basis}); niet uit een rapport overgenomen. "
    "Vervang door de bron van je organisatie."
)

PAYERS = [
    ("wlz", "Wlz / zorgkantoor", "Long-term Care Act (care office)"),
    ("gemeente_jeugd", "Gemeente – Jeugdwet", "Municipality – Youth Act"),
    ("gemeente_wmo", "Gemeente – Wmo", "Municipality – Social Support Act"),
    ("gemeente_overig", "Gemeente – schuldhulp en bijstand", "Municipality – debt relief and welfare"),
    ("zvw", "Zorgverzekeraar (Zvw)", "Health insurer"),
    ("uwv_werkgever", "UWV / werkgever", "Employee insurance agency / employer"),
    ("onderwijs", "Onderwijs", "Education"),
    ("justitie", "Justitie en politie", "Justice and police"),
    ("gezin", "Het gezin zelf", "The family itself"),
]

# code, name nl, name en, hours of support per year, hourly rate
TYPES = [
    ("child_id_parents", "Kind met een (licht) verstandelijke beperking, met ouders",
     "Child with a (mild) intellectual disability, with parents", "160", "85.00"),
    ("child_pimd", "Kind met ernstige meervoudige beperkingen (EMB)",
     "Child with profound multiple disabilities", "200", "85.00"),
    ("parent_id_children", "Ouder met een (licht) verstandelijke beperking, met kinderen",
     "Parent with a (mild) intellectual disability, with children", "220", "85.00"),
    ("adult_abi_partner", "Volwassene met hersenletsel (NAH), met partner",
     "Adult with acquired brain injury, with partner", "140", "85.00"),
    ("child_autism_mental_health", "Kind met autisme en psychische problemen",
     "Child with autism and mental health problems", "180", "85.00"),
    ("adult_id_ageing_parents", "Volwassene met een verstandelijke beperking, met ouder wordende ouders",
     "Adult with an intellectual disability, with ageing parents", "120", "85.00"),
]  # fmt: skip

# code, nl, en, life domain, payer, unit, cost, low, high, basis of the example value
FACTORS = [
    ("crisis_respite", "Crisisopvang of spoedlogeerzorg", "Crisis respite care", "daily_care", "wlz", "day", "350", "250", "450", "Wlz-verblijf"),
    ("wlz_admission", "Intramurale opname die uitgesteld had kunnen worden", "Residential admission that could have been postponed", "housing", "wlz", "day", "280", "220", "380", "Wlz-verblijf"),
    ("unplanned_respite", "Ongeplande logeeropvang", "Unplanned short-stay care", "daily_care", "wlz", "day", "220", "170", "300", "Wlz-logeerzorg"),
    ("wlz_extra_care", "Meerzorg of zwaarder zorgprofiel", "Extra care or a heavier care profile", "daily_care", "wlz", "year", "6000", "4000", "9000", "Wlz-meerzorg"),
    ("professional_coordination", "Afstemmingsuren van professionals", "Coordination hours of professionals", "daily_care", "wlz", "occurrence", "95", "75", "120", "uurtarieven begeleiding"),
    ("out_of_home_placement", "Uithuisplaatsing (jeugdhulp met verblijf)", "Out-of-home placement (youth care with stay)", "parenting", "gemeente_jeugd", "day", "250", "180", "350", "jeugdhulp met verblijf"),
    ("ambulant_youth_care", "Extra ambulante jeugdhulp (uur)", "Extra outpatient youth care (hour)", "parenting", "gemeente_jeugd", "occurrence", "100", "80", "130", "jeugdhulptarieven"),
    ("family_supervision_order", "Ondertoezichtstelling (jeugdbescherming)", "Family supervision order (child protection)", "safety", "gemeente_jeugd", "year", "10000", "8000", "13000", "jeugdbescherming"),
    ("wmo_support", "Extra Wmo-begeleiding (uur)", "Extra Wmo support (hour)", "daily_care", "gemeente_wmo", "occurrence", "65", "55", "80", "Wmo-begeleiding"),
    ("wijkteam_contact", "Contact met het wijkteam", "Contact with the neighbourhood team", "social_network", "gemeente_wmo", "occurrence", "90", "70", "120", "wijkteamkosten"),
    ("emergency_shelter", "Maatschappelijke opvang", "Emergency shelter", "housing", "gemeente_wmo", "day", "120", "90", "160", "maatschappelijke opvang"),
    ("debt_arrangement", "Schuldregeling", "Debt arrangement", "finances", "gemeente_overig", "occurrence", "3500", "2500", "5000", "schuldhulpverlening"),
    ("social_assistance_parent", "Bijstandsuitkering van een ouder", "Welfare benefit of a parent", "work_income", "gemeente_overig", "year", "16500", "15000", "18000", "bijstandsnormen"),
    ("eviction", "Huisuitzetting", "Eviction", "housing", "gemeente_overig", "occurrence", "8000", "6000", "12000", "kosten huisuitzetting"),
    ("ggz_crisis_service", "Inzet van de GGZ-crisisdienst", "Mental-health crisis service call-out", "health", "zvw", "occurrence", "900", "600", "1300", "GGZ-crisiszorg"),
    ("ggz_admission", "Klinische GGZ-opname", "Mental-health inpatient stay", "health", "zvw", "day", "550", "450", "700", "GGZ-verblijf"),
    ("emergency_room", "Bezoek aan de spoedeisende hulp", "Emergency department visit", "health", "zvw", "occurrence", "300", "250", "400", "SEH-kosten"),
    ("hospital_day", "Ziekenhuisopname (dag)", "Hospital stay (day)", "health", "zvw", "day", "700", "550", "900", "ligdagkosten"),
    ("gp_consult", "Extra huisartsconsult", "Extra GP consultation", "health", "zvw", "occurrence", "40", "35", "50", "huisartstarieven"),
    ("caregiver_treatment", "Behandeling van een overbelaste mantelzorger", "Treatment of an overburdened carer", "health", "zvw", "occurrence", "3500", "2500", "5000", "basis-GGZ-trajecten"),
    ("parent_sick_leave", "Ziekteverzuim van een ouder (dag)", "Sick leave of a parent (day)", "work_income", "uwv_werkgever", "day", "280", "230", "350", "verzuimkosten per dag"),
    ("parent_work_disability", "Arbeidsongeschiktheid van een ouder", "Work disability of a parent", "work_income", "uwv_werkgever", "year", "22000", "18000", "28000", "WIA-uitkeringen"),
    ("unpaid_leave", "Onbetaald verlof van een ouder (dag)", "Unpaid leave of a parent (day)", "work_income", "gezin", "day", "200", "150", "260", "gemiddeld dagloon"),
    ("sibling_school_dropout", "Voortijdig schoolverlaten van een broer of zus", "School dropout of a sibling", "education", "onderwijs", "occurrence", "15000", "8000", "30000", "kosten voortijdig schoolverlaten"),
    ("school_absence", "Thuiszitten of schoolverzuim (dag)", "Staying home from school (day)", "education", "onderwijs", "day", "120", "90", "160", "onderwijskosten per leerling"),
    ("extra_school_support", "Extra onderwijsarrangement", "Extra school support arrangement", "education", "onderwijs", "year", "8000", "5000", "12000", "ondersteuningsarrangementen"),
    ("police_callout", "Inzet van de politie", "Police call-out", "safety", "justitie", "occurrence", "500", "350", "800", "politie-inzet"),
    ("child_protection_investigation", "Onderzoek door de Raad voor de Kinderbescherming", "Child protection board investigation", "safety", "justitie", "occurrence", "4500", "3500", "6000", "raadsonderzoek"),
    ("legal_procedure", "Juridische procedure", "Legal procedure", "safety", "justitie", "occurrence", "2500", "1500", "4000", "rechtsbijstand en griffie"),
    ("family_own_costs", "Eigen kosten van het gezin", "The family's own costs", "finances", "gezin", "year", "2000", "1200", "3000", "eigen bijdragen en reiskosten"),
]  # fmt: skip

# Per type: factor -> (volume per family per year under usual care, with a bondgenoot).
VOLUMES: dict[str, dict[str, tuple[str, str]]] = {
    "child_id_parents": {
        "crisis_respite": ("20", "6"), "unplanned_respite": ("14", "6"), "professional_coordination": ("40", "15"),
        "out_of_home_placement": ("70", "20"), "ambulant_youth_care": ("40", "20"), "wmo_support": ("40", "25"),
        "wijkteam_contact": ("12", "5"), "gp_consult": ("10", "7"), "emergency_room": ("1.5", "1"),
        "caregiver_treatment": ("0.4", "0.15"), "parent_sick_leave": ("40", "12"), "parent_work_disability": ("0.12", "0.05"),
        "unpaid_leave": ("12", "5"), "sibling_school_dropout": ("0.1", "0.04"), "school_absence": ("25", "10"),
        "extra_school_support": ("0.4", "0.3"), "police_callout": ("1", "0.5"), "debt_arrangement": ("0.1", "0.05"),
        "family_own_costs": ("1", "0.6"), "family_supervision_order": ("0.2", "0.1"),
    },
    "child_pimd": {
        "crisis_respite": ("30", "10"), "wlz_admission": ("90", "25"), "unplanned_respite": ("20", "10"),
        "wlz_extra_care": ("0.3", "0.15"), "professional_coordination": ("60", "20"), "hospital_day": ("8", "5"),
        "emergency_room": ("3", "2"), "gp_consult": ("12", "8"), "caregiver_treatment": ("0.5", "0.2"),
        "parent_sick_leave": ("30", "12"), "parent_work_disability": ("0.15", "0.05"), "unpaid_leave": ("20", "8"),
        "sibling_school_dropout": ("0.1", "0.04"), "family_own_costs": ("1", "0.5"), "wmo_support": ("20", "15"),
    },
    "parent_id_children": {
        "out_of_home_placement": ("120", "40"), "family_supervision_order": ("0.6", "0.2"),
        "child_protection_investigation": ("0.3", "0.1"), "ambulant_youth_care": ("60", "30"), "wmo_support": ("60", "40"),
        "wijkteam_contact": ("20", "8"), "debt_arrangement": ("0.5", "0.15"), "social_assistance_parent": ("0.6", "0.35"),
        "eviction": ("0.2", "0.04"), "emergency_shelter": ("20", "4"), "police_callout": ("4", "1"),
        "legal_procedure": ("0.4", "0.15"), "school_absence": ("20", "8"), "gp_consult": ("8", "6"),
        "ggz_crisis_service": ("0.5", "0.2"), "family_own_costs": ("1", "0.7"),
    },
    "adult_abi_partner": {
        "wlz_admission": ("60", "15"), "unplanned_respite": ("10", "4"), "professional_coordination": ("30", "12"),
        "hospital_day": ("8", "4"), "emergency_room": ("2", "1"), "gp_consult": ("12", "8"),
        "ggz_crisis_service": ("0.4", "0.15"), "caregiver_treatment": ("0.5", "0.2"), "parent_sick_leave": ("50", "15"),
        "parent_work_disability": ("0.35", "0.1"), "unpaid_leave": ("10", "4"), "wmo_support": ("50", "30"),
        "debt_arrangement": ("0.15", "0.05"), "family_own_costs": ("1", "0.6"),
    },
    "child_autism_mental_health": {
        "ggz_crisis_service": ("1", "0.4"), "ggz_admission": ("35", "10"), "out_of_home_placement": ("50", "15"),
        "ambulant_youth_care": ("60", "35"), "school_absence": ("80", "20"), "extra_school_support": ("0.6", "0.4"),
        "sibling_school_dropout": ("0.1", "0.04"), "parent_sick_leave": ("25", "10"), "unpaid_leave": ("15", "6"),
        "police_callout": ("1", "0.4"), "emergency_room": ("1.5", "0.8"), "gp_consult": ("10", "7"),
        "wijkteam_contact": ("15", "6"), "caregiver_treatment": ("0.4", "0.15"), "family_own_costs": ("1", "0.6"),
    },
    "adult_id_ageing_parents": {
        "wlz_admission": ("100", "25"), "crisis_respite": ("25", "6"), "unplanned_respite": ("10", "5"),
        "wlz_extra_care": ("0.4", "0.1"), "professional_coordination": ("50", "15"), "wmo_support": ("30", "20"),
        "hospital_day": ("4", "3"), "gp_consult": ("14", "10"), "caregiver_treatment": ("0.3", "0.1"),
        "debt_arrangement": ("0.1", "0.04"), "legal_procedure": ("0.2", "0.05"), "family_own_costs": ("1", "0.6"),
    },
}  # fmt: skip

SPREAD = Decimal("0.3")  # the shipped low and high volumes are 30 % below and above the expected value


def _bounds(value: str) -> tuple[str, str, str]:
    v = Decimal(value)
    return (
        value,
        str((v * (1 - SPREAD)).quantize(Decimal("0.001"))),
        str((v * (1 + SPREAD)).quantize(Decimal("0.001"))),
    )


def shipped_model() -> ModelDefinition:
    """The voorbeeldmodel as a validated definition."""
    assumptions = []
    for type_code, volumes in VOLUMES.items():
        for factor_code, (usual, with_support) in volumes.items():
            u, ul, uh = _bounds(usual)
            w, wl, wh = _bounds(with_support)
            assumptions.append(
                {
                    "family_type": type_code,
                    "factor": factor_code,
                    "usual": u,
                    "usual_low": ul,
                    "usual_high": uh,
                    "with_support": w,
                    "with_support_low": wl,
                    "with_support_high": wh,
                    "note": "Voorbeeldaanname (±30 %); vervang door eigen gegevens of de Dock4-aannames.",
                }
            )
    return ModelDefinition.model_validate(
        {
            "name": "Voorbeeldmodel maatschappelijke businesscase",
            "is_example": True,
            "notice_nl": NOTICE_NL,
            "notice_en": NOTICE_EN,
            "price_year": 2026,
            "support_payer": "wlz",
            "payers": [{"code": c, "name_nl": nl, "name_en": en} for c, nl, en in PAYERS],
            "family_types": [
                {"code": c, "name_nl": nl, "name_en": en, "support_hours_per_year": h, "hourly_rate": r}
                for c, nl, en, h, r in TYPES
            ],
            "cost_factors": [
                {
                    "code": c,
                    "name_nl": nl,
                    "name_en": en,
                    "life_domain": domain,
                    "payer": payer,
                    "unit": unit,
                    "unit_cost": cost,
                    "unit_cost_low": low,
                    "unit_cost_high": high,
                    "source": SOURCE.format(year=2026, basis=basis),
                }
                for c, nl, en, domain, payer, unit, cost, low, high, basis in FACTORS
            ],
            "assumptions": assumptions,
        }
    )
