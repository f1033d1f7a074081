"""Pseudonyms hold in every file: with --pseudonymise-people no person's name, id or other data is written anywhere.

A dataset full of people: extra columns in the people and affiliations
tables (e-mail, phone, notes), names inside the actors' and ties' free text
written with another case, a typographic apostrophe, decomposed accents
(NFD) and doubled spaces. The report is written with pseudonyms, then every
file (pages, CSV, workbooks unzipped, SVG figures, text) is searched.
"""

from __future__ import annotations

import html
import itertools
import re
import unicodedata
import zipfile
from pathlib import Path

import pandas as pd
import pytest

import ecograph as eg
from ecograph.cli import main
from ecograph.privacy import pseudonyms, scrub_people

PEOPLE = [
    ("p-obrien", "Siobhan O'Brien", "siobhan.obrien@example.org"),
    ("p-lefevre", "Hélène Lefèvre", "h.lefevre@example.org"),
    ("p-ngoc", "Nguyễn Thị Ngọc", "ngoc@example.org"),
    ("p-martin", "Jean-Paul Martin", "jp.martin@example.org"),
]


def _dataset(folder: Path) -> Path:
    eco = eg.datasets.tiny()
    actors = eco.actors.reset_index()
    ties = eco.ties.copy()
    # names in free text, as people write them: typographic apostrophe, another case, decomposed accents, two spaces
    actors.loc[0, "description"] = "Founded by Siobhan O\u2019Brien with SIOBHAN O'BRIEN's cousin"
    actors.loc[1, "description"] = unicodedata.normalize("NFD", "Run by Hélène  Lefèvre since 2015")
    actors.loc[2, "source"] = "interview with nguyễn thị ngọc, 2019"
    ties.loc[0, "evidence"] = "minutes (p-martin present)"
    if "note" in ties.columns:
        ties.loc[1, "note"] = "Jean-Paul Martin said so"
    people = pd.DataFrame(
        {
            "id": [p for p, _, _ in PEOPLE],
            "name": [n for _, n, _ in PEOPLE],
            "source": [f"interview with {n}" for _, n, _ in PEOPLE],
            "email": [e for _, _, e in PEOPLE],
            "phone": ["+33 6 12 34 56 78", "+33 6 98 76 54 32", "+33 7 11 22 33 44", "+33 6 55 44 33 22"],
        }
    )
    ids = list(actors["id"])
    affiliations = pd.DataFrame(
        {
            "person": ["p-obrien", "p-obrien", "p-lefevre", "p-ngoc", "p-martin"],
            "actor": [ids[0], ids[1], ids[1], ids[2], ids[3]],
            "role": "employee",
            "start": [2015, 2018, 2016, 2017, 2019],
            "end": ["2017", "", "", "", ""],
            "source": [
                f"CV of {n}" for n in ("Siobhan O'Brien", "Siobhan O'Brien", "Hélène Lefèvre", "Nguyễn Thị Ngọc", "Jean-Paul Martin")
            ],
            "note": ["private: siobhan.obrien@example.org", "", "", "", ""],
        }
    )
    out = folder / "people-data"
    out.mkdir()
    actors.to_csv(out / "actors.csv", index=False)
    ties.to_csv(out / "ties.csv", index=False)
    people.to_csv(out / "people.csv", index=False)
    affiliations.to_csv(out / "affiliations.csv", index=False)
    return out


def _texts(folder: Path) -> dict[str, str]:
    """Every text written under ``folder``, workbooks unzipped (PNG pictures aside)."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.suffix == ".png":
            continue
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as z:
                for name in z.namelist():
                    found[f"{path.name}!{name}"] = z.read(name).decode("utf-8", "replace")
        else:
            found[str(path.relative_to(folder))] = path.read_bytes().decode("utf-8", "replace")
    return found


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold().replace("\u2019", "'")
    return re.sub(r"\s+", " ", text)


FORBIDDEN = [
    *(p for p, _, _ in PEOPLE),
    *(n for _, n, _ in PEOPLE),
    *(e for _, _, e in PEOPLE),
    "o'brien",
    "lefèvre",
    "+33 6 12 34 56 78",
    "siobhan",
]


@pytest.mark.slow
def test_no_person_data_in_any_file_of_a_pseudonymised_report(tmp_path):
    data = _dataset(tmp_path)
    out = tmp_path / "report"
    assert main(["report", str(data), "-o", str(out), "--pseudonymise-people", "--lang", "en", "--quiet", "--date", "2026-01-01"]) == 0
    texts = _texts(out)
    assert any(name.endswith(".xlsx!xl/worksheets/sheet1.xml") or "sheet" in name for name in texts)  # workbooks were read
    leaks = [(name, word) for name, text in texts.items() for word in FORBIDDEN if _fold(word) in _fold(html_unescape(text))]
    assert leaks == []
    # the people are there, under their pseudonyms
    page = texts["report.html"]
    assert "Person " in html_unescape(page)


def html_unescape(text: str) -> str:
    return html.unescape(text)


def test_scrub_finds_names_written_otherwise():
    people = {"p-obrien": "Siobhan O'Brien", "p-lefevre": "Hélène Lefèvre"}
    aliases = pseudonyms(people)
    for text in (
        "met Siobhan O\u2019Brien",
        "met SIOBHAN O'BRIEN",
        "met siobhan  o'brien",
        unicodedata.normalize("NFD", "met Hélène Lefèvre"),
        "met p-lefevre",
    ):
        scrubbed = scrub_people(text, people, aliases)
        assert scrubbed.startswith("met Person "), (text, scrubbed)


def test_pseudonym_numbers_do_not_follow_the_ids():
    ids = [f"person-{i:03d}" for i in range(200)]
    aliases = pseudonyms(ids)
    numbers = [int(aliases[i].split()[-1]) for i in ids]
    assert sorted(numbers) == list(range(1, 201))
    assert numbers != sorted(numbers)  # "Person 1" is not the first id in the alphabet
    assert sum(a < b for a, b in itertools.pairwise(numbers)) < 150  # ... nor nearly so
    assert pseudonyms(list(reversed(ids))) == aliases  # the same people, the same pseudonyms
