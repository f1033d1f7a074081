"""``ecograph invite``: one fiche per actor, the invitations workbook, tokens, and what a fiche never holds."""

from __future__ import annotations

import re
import time

import openpyxl

import ecograph as eg
from ecograph.cli import main
from ecograph.interop.invite import FICHE_CSP, actor_token, dataset_fingerprint, invite_secret, write_invitations


def test_invite_worklist_writes_one_fiche_per_listed_actor_in_under_5_seconds(tmp_path):
    out = tmp_path / "inv"
    started = time.perf_counter()
    assert (
        main(["invite", "dijon", "-o", str(out), "--actors", "worklist", "--deadline", "2027-01-15", "--contact", "carto@example.org"]) == 0
    )
    assert time.perf_counter() - started < 5
    listed = list(eg.outreach_worklist(eg.datasets.dijon()).index)
    assert sorted(p.name for p in (out / "fiches").iterdir()) == sorted(f"fiche-{a}.html" for a in listed)
    ws = openpyxl.load_workbook(out / "invitations.xlsx").active
    rows = list(ws.values)
    assert rows[0] == ("acteur", "nom", "fiche", "contact (à compléter)", "objet", "message")  # the dataset's language
    assert [r[0] for r in rows[1:]] == listed
    assert rows[1][2] == f"fiche-{listed[0]}.html" and rows[1][3] is None
    assert "carto@example.org avant le 15 janvier 2027" in rows[1][5]
    secret = invite_secret(out)
    html = (out / "fiches" / f"fiche-{listed[0]}.html").read_text(encoding="utf-8")
    assert actor_token(secret, listed[0], dataset_fingerprint(eg.datasets.dijon())) in html
    # written again: the same secret, so that the fiches already sent stay valid
    assert main(["invite", "dijon", "-o", str(out), "--actors", "cafe-pirouette"]) == 0
    assert invite_secret(out) == secret and len(list((out / "fiches").iterdir())) == 1


def test_fiche_is_closed_to_other_origins_and_never_shows_people(tmp_path):
    eco = eg.datasets.dijon()
    write_invitations(eco, tmp_path, actors="all", lang="fr", secret="22" * 32)
    people = [str(n) for n in eco.people["name"]]
    for fiche in (tmp_path / "fiches").iterdir():
        html = fiche.read_text(encoding="utf-8")
        assert f'content="{FICHE_CSP}"' in html and "default-src 'none'" in FICHE_CSP
        assert not re.search(r"(src|href)=\"?https?:", html)
        assert not [n for n in people if n in html], fiche.name
    assert len(list((tmp_path / "fiches").iterdir())) == len(eco.actors)


def test_names_with_markup_stay_text(tmp_path):
    eco = eg.datasets.tiny()
    eco.actors.loc["coop", "name"] = "</script><img src=x onerror=alert(1)>"
    write_invitations(eco, tmp_path, actors=["coop", "loner"], lang="en", secret="33" * 32)
    html = (tmp_path / "fiches" / "fiche-coop.html").read_text(encoding="utf-8")
    assert "<img" not in html and html.count("</script>") == 2


def test_tokens_differ_by_actor_secret_and_version():
    fp = dataset_fingerprint(eg.datasets.tiny())
    tokens = {actor_token("44" * 32, "coop", fp), actor_token("44" * 32, "loner", fp), actor_token("55" * 32, "coop", fp)}
    tokens.add(actor_token("44" * 32, "coop", "0" * 16))
    assert len(tokens) == 4 and all(re.fullmatch(r"[0-9a-f]{32}", t) for t in tokens)


def test_unknown_actor_is_refused(tmp_path, capsys):
    assert main(["invite", "dijon", "-o", str(tmp_path / "x"), "--actors", "nobody"]) == 1
    assert "no actor with id 'nobody'" in capsys.readouterr().err
