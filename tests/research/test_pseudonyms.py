"""Project pseudonyms: stable under one key, unrelated to another project's and to a funder's pseudonyms."""

import uuid

from api.core.secrets import pseudonym as funder_pseudonym
from api.research.pseudonyms import Pseudonymiser, new_key, pseudonym


def test_stable_within_a_project_and_different_between_projects_and_kinds() -> None:
    family, key, other = uuid.uuid4(), new_key(), new_key()
    assert pseudonym(key, "family", family) == pseudonym(key, "family", family)
    assert pseudonym(key, "family", family) != pseudonym(other, "family", family)
    # the same id as another kind of thing is another pseudonym, with its own letter
    assert pseudonym(key, "respondent", family)[0] == "R" != pseudonym(key, "family", family)[0]
    assert Pseudonymiser(key)("family", None) is None


def test_never_a_funders_pseudonym_even_under_the_same_key() -> None:
    family, key = uuid.uuid4(), new_key()
    mine = pseudonym(key, "family", family)
    assert len(mine) == 21 and mine.startswith("F")
    assert mine[1:] not in funder_pseudonym(key, family)  # the kind is part of what is signed
