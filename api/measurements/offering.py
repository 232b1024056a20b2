"""Whether a family member is offered a questionnaire on the phone, and if not, why.

One rule for both sides: the phone (api/checkins/questionnaires.py) offers a questionnaire exactly when
`phone_reason` is None, and the measurement plan shows the supporter the same reason code per member and
instrument, so "not offered" never goes unexplained.
"""

import uuid
from collections.abc import Sequence
from enum import StrEnum

from pydantic import BaseModel, Field

from api.measurements.definitions import InstrumentDefinition, InstrumentUse, LocalizedText, Respondent
from api.models import FamilyMember, Language


class PhoneReason(StrEnum):
    """Why a member is not offered a questionnaire through their link."""

    not_a_respondent = "not_a_respondent"  # the instrument's respondent rules leave this member out
    no_wording = "no_wording"  # a licensed form shipped without its item wording
    no_wording_in_language = "no_wording_in_language"  # wording exists, but not in the member's language


class PhoneOffer(BaseModel):
    member_id: uuid.UUID
    member_name: str
    member_language: Language
    instrument_code: str
    instrument_name: LocalizedText
    offered: bool = Field(description="Offered on the member's phone (through their check-in link).")
    reason: PhoneReason | None = Field(description="Why not (None when offered); done with the supporter.")


def has_wording(definition: InstrumentDefinition, language: str | None = None) -> bool:
    """Every item has words to show (in `language`, the member's, when given); licensed forms shipped without
    wording, or without wording the member reads, are done with the supporter."""
    if language == "nl":
        return all(item.text_nl for item in definition.items)
    if language == "en":
        return all(item.text_en for item in definition.items)
    return all(item.text_nl or item.text_en for item in definition.items)


def is_respondent(definition: InstrumentDefinition, member: FamilyMember) -> bool:
    """The respondent rules: a member answers when the instrument names no roles, or names theirs."""
    if definition.respondent is not Respondent.FAMILY_MEMBER:
        return False
    roles = {r.value for r in definition.wave_member_roles}
    return not roles or member.role.value in roles


def phone_reason(definition: InstrumentDefinition, member: FamilyMember) -> PhoneReason | None:
    """Why this member is not offered this questionnaire on the phone (None: it is offered)."""
    if not is_respondent(definition, member):
        return PhoneReason.not_a_respondent
    if not has_wording(definition):
        return PhoneReason.no_wording
    if not has_wording(definition, member.language.value):
        return PhoneReason.no_wording_in_language
    return None


def phone_offers(
    definitions: Sequence[InstrumentDefinition], members: Sequence[FamilyMember]
) -> list[PhoneOffer]:
    """Per member and family questionnaire (answered by members): offered on the phone, or why not."""
    offers = []
    for definition in definitions:
        if definition.use is not InstrumentUse.FAMILY_OUTCOME:
            continue
        if definition.respondent is Respondent.SUPPORTER:
            continue
        for member in members:
            reason = phone_reason(definition, member)
            offers.append(
                PhoneOffer(
                    member_id=member.id,
                    member_name=member.display_name,
                    member_language=member.language,
                    instrument_code=definition.code,
                    instrument_name=definition.name,
                    offered=reason is None,
                    reason=reason,
                )
            )
    return offers


def phone_languages(definition: InstrumentDefinition) -> list[Language]:
    """The languages a member may read to be offered this questionnaire on the phone (for the editor)."""
    if definition.respondent is Respondent.SUPPORTER:
        return []
    return [language for language in Language if has_wording(definition, language.value)]
