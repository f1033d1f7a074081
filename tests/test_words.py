"""The catalogue of words: complete in both languages, placeholders matching, codes of every vocabulary covered."""

import pytest

from ecograph import words
from ecograph.vocabulary import default_vocabulary


def test_every_entry_has_both_languages_and_the_same_placeholders():
    for key, texts in words.CATALOGUE.items():
        assert len(texts) == len(words.LANGUAGES), key
        assert all(t.strip() for t in texts), f"{key} has an empty translation"
        en, fr = (words._placeholders(t) for t in texts)
        fr -= set(words.AGREEMENT)  # French agrees with a group's word where English does not
        assert en == fr, f"{key}: placeholders differ between English {sorted(en)} and French {sorted(fr)}"


def test_every_builtin_code_has_words():
    voc = default_vocabulary()
    for field in ("sphere", "kind", "scope", "type", "role"):
        for code in voc.codes(field):
            assert f"{field}.{code}" in words.CATALOGUE, f"{field} code {code!r} has no words"
        assert f"{field}." in words.CATALOGUE, f"{field} has no words for a missing value"


def test_missing_values_are_unknown_never_a_code():
    for missing in (None, float("nan"), "", " "):
        assert words.label("sphere", missing, "fr") == "Sphère inconnue"


def test_unknown_key_and_language_are_clear_errors():
    with pytest.raises(KeyError, match=r"no text 'report\.nope'"):
        words.word("report.nope", "en")
    with pytest.raises(ValueError, match="lang must be one of"):
        words.word("common.none", "de")


def test_pseudonyms_and_hidden_people_are_words_of_the_catalogue():
    from ecograph.privacy import pseudonyms, scrub_people

    assert sorted(pseudonyms([f"p{i}" for i in range(10)], lang="fr").values()) == [f"Personne {i:02d}" for i in range(1, 11)]
    assert sorted(pseudonyms(["b", "a"], lang="en").values()) == ["Person 1", "Person 2"]
    assert scrub_people("anne met bob", {"anne": "", "bob": ""}, {"anne": "Personne 1"}, lang="fr") == "Personne 1 met (personne masquée)"
    assert scrub_people("bob", {"bob": ""}, {}) == "(hidden person)"
