"""``ecograph merge``: the fiches' answers reviewed, then applied to a new dataset folder, and hostile answers refused by name."""

from __future__ import annotations

import hashlib
import json
import shutil

import openpyxl
import pandas as pd
import pytest

import ecograph as eg
from ecograph.cli import main
from ecograph.interop.invite import SECRET_FILE, actor_token, dataset_fingerprint
from ecograph.interop.merge import MAX_RESPONSE_BYTES, apply_review, read_review, review_responses
from ecograph.words import is_missing

SECRET = "5a" * 32


@pytest.fixture
def dataset(tmp_path):
    """A copy of Dijon, an invitations folder holding the secret, and the loaded dataset."""
    folder = tmp_path / "dijon"
    shutil.copytree(eg.datasets.dijon_path(), folder)
    invitations = tmp_path / "inv"
    invitations.mkdir()
    (invitations / SECRET_FILE).write_text(SECRET + "\n", encoding="ascii")
    return folder, invitations, eg.load(folder)


def _answer(eco, actor, *, fields=None, known=(), new=(), fingerprint=None, token=None, on="2027-01-10"):
    fp = fingerprint or dataset_fingerprint(eco)
    return {
        "format": "ecograph-response",
        "version": 1,
        "actor": actor,
        "token": token or actor_token(SECRET, actor, fp),
        "fingerprint": fp,
        "answered_on": on,
        "fields": fields or {},
        "shown": {},
        "known_ties": list(known),
        "new_ties": list(new),
        "comment": "",
    }


def _tie(partner="", type="partnership", *, name="", direction="out", start=""):
    return {"partner": partner, "partner_name": name, "type": type, "direction": direction, "start": start}


def _write(folder, name, data):
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def _digests(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def _ten_answers(eco, responses):
    """Answers of ten actors: 5 fields, 2 ties declared by both ends, 3 by one, 1 new actor, 1 tie ended."""
    a = [a for a in eg.outreach_worklist(eco).index if eco.actors.at[a, "kind"] == "initiative"][:9]
    hub = "metropole-dijon"
    ended = eco.ties[(eco.ties["source"] == hub) | (eco.ties["target"] == hub)].iloc[0]
    partner = ended["target"] if ended["source"] == hub else ended["source"]
    answers = {
        a[0]: _answer(eco, a[0], fields={"commune": "Quetigny-test"}, new=[_tie(a[1], start="2019")]),
        a[1]: _answer(eco, a[1], fields={"commune": "Chenôve-test"}, new=[_tie(a[0], start="2020")]),
        a[2]: _answer(eco, a[2], fields={"commune": "Talant-test"}, new=[_tie(a[3], "support", direction="out")]),
        a[3]: _answer(eco, a[3], fields={"commune": "Longvic-test"}, new=[_tie(a[2], "support", direction="in")]),
        a[4]: _answer(eco, a[4], fields={"founded": "2011"}, new=[_tie(a[5], "partnership")]),
        a[5]: _answer(eco, a[5]),
        a[6]: _answer(eco, a[6], new=[_tie(name="Atelier Vélo Solidaire Test", type="partnership", start="2021")]),
        a[7]: _answer(eco, a[7], new=[_tie(a[8], "co_organisation")]),
        a[8]: _answer(eco, a[8]),
        hub: _answer(eco, hub, known=[{"partner": partner, "type": ended["type"], "start": "", "answer": "ended", "end": "2025"}]),
    }
    for actor, data in answers.items():
        _write(responses, f"response-{actor}.json", data)
    return a, hub, (partner, ended["type"])


def test_round_trip_ten_answers(dataset, tmp_path):
    folder, invitations, eco = dataset
    before = _digests(folder)
    a, hub, (partner, kind) = _ten_answers(eco, tmp_path / "responses")
    assert main(["merge", str(folder), str(tmp_path / "responses"), "-o", str(tmp_path / "review"), "--invitations", str(invitations)]) == 0
    review, about = read_review(tmp_path / "review" / "review.xlsx")
    assert about["fingerprint"] == dataset_fingerprint(eco)
    assert review["change"].value_counts().to_dict() == {"field": 5, "new_tie": 7, "new_actor": 1, "ended_tie": 1, "nothing": 2}
    assert (review["accept"] == "yes").sum() == 14 and not (review["change"] == "rejected").any()
    confirmed = review[review["status"] == "confirmed"]
    assert sorted(confirmed["actor"]) == sorted(a[:4]) and confirmed["conflict"].str.contains("response-").all()
    new = tmp_path / "new"
    assert main(["merge", str(folder), "--apply", str(tmp_path / "review" / "review.xlsx"), "-o", str(new)]) == 0
    after = eg.load(new)  # valid
    assert _digests(folder) == before  # the old folder untouched
    assert len(after.actors) == len(eco.actors) + 1 and len(after.ties) == len(eco.ties) + 5
    assert after.ties["status"].value_counts()[["confirmed", "declared"]].tolist() == [2, 3]
    both = after.ties[(after.ties["source"] == a[2]) & (after.ties["target"] == a[3])].iloc[0]
    assert (both["type"], both["status"], both["declared_by"], both["confirmed_by"]) == ("support", "confirmed", a[2], a[3])
    assert both["evidence"] == f"response-{a[2]}.json (2027-01-10); response-{a[3]}.json (2027-01-10)"
    first = after.ties[(after.ties["source"].isin(a[:2])) & (after.ties["target"].isin(a[:2]))].iloc[0]
    assert (first["status"], first["start"]) == ("confirmed", "2019")
    newcomer = after.actors[after.actors["name"] == "Atelier Vélo Solidaire Test"]
    assert newcomer.index.tolist() == ["atelier-velo-solidaire-test"]
    assert newcomer[["kind", "declared_by", "declared_on", "source"]].values.tolist() == [
        ["initiative", a[6], "2027-01-10", f"response-{a[6]}.json (2027-01-10)"]
    ]
    assert after.actors.at[a[0], "commune"] == "Quetigny-test" and str(after.actors.at[a[4], "founded"]) == "2011"
    assert after.actors.at[a[0], "declared_by"] == a[0] and after.actors.at[a[0], "source"].endswith(f"; response-{a[0]}.json (2027-01-10)")
    end = after.ties[
        (
            ((after.ties["source"] == hub) & (after.ties["target"] == partner))
            | ((after.ties["source"] == partner) & (after.ties["target"] == hub))
        )
        & (after.ties["type"] == kind)
    ]
    assert end[["end", "declared_by"]].values.tolist()[0] == ["2025", hub]
    unchanged = [x for x in eco.actors.index if x not in (*a[:5], a[6])]
    pd.testing.assert_frame_equal(
        after.actors.loc[unchanged, ["name", "kind", "commune"]].astype(object),
        eco.actors.loc[unchanged, ["name", "kind", "commune"]].astype(object),
    )


def _hostile(eco, folder, other_eco):
    """20 hostile answers: file name -> the reason the review must give."""
    known = eco.actors.index[0]
    good = "cafe-pirouette"
    cases = {
        "unknown-actor.json": (_answer(eco, good) | {"actor": "nobody-here"}, "unknown_actor"),
        "unknown-partner.json": (_answer(eco, good, new=[_tie("no-such-partner")]), "unknown_partner"),
        "formula-name.json": (_answer(eco, good, fields={"name": '=HYPERLINK("http://evil","x")'}), "formula"),
        "formula-partner.json": (_answer(eco, good, new=[_tie(name="@SUM(1+1)*cmd|' /C calc'!A0")]), "formula"),
        "oversized-text.json": (_answer(eco, good, fields={"description": "x" * 5000}), "too_long"),
        "html-partner.json": (_answer(eco, good, new=[_tie(name="<img src=x onerror=alert(1)>")]), "markup"),
        "html-name.json": (_answer(eco, good, fields={"name": "<script>alert(1)</script>"}), "markup"),
        "token-mismatch.json": (_answer(eco, good, token=actor_token(SECRET, known, dataset_fingerprint(eco))), "token_mismatch"),
        "forged-token.json": (_answer(eco, good, token="0" * 32), "token_mismatch"),
        "same-tie-twice.json": (_answer(eco, good, new=[_tie(known), _tie(known)]), "duplicate"),
        "older-version.json": (
            _answer(eco, good, fields={"commune": "Ailleurs"}, fingerprint=dataset_fingerprint(other_eco)),
            "older_version",
        ),
        "not-json.json": ("{'actor': nope", "not_json"),
        "too-large.json": ('{"pad": "' + "x" * (MAX_RESPONSE_BYTES + 10) + '"}', "too_large"),
        "wrong-format.json": ({"format": "something-else", "version": 1}, "bad_format"),
        "deep.json": (_answer(eco, good) | {"comment": [[[[[[["deep"]]]]]]]}, "bad_format"),
        "bad-type.json": (_answer(eco, good, new=[_tie(known, "friendship")]), "bad_code"),
        "bad-year.json": (_answer(eco, good, fields={"founded": "20155"}), "bad_year"),
        "self-tie.json": (_answer(eco, good, new=[_tie(good)]), "self_tie"),
        "control-chars.json": (_answer(eco, good, fields={"commune": "Dijon\x1b[31m"}), "control"),
        "name-emptied.json": (_answer(eco, good, fields={"name": "", "password": "x"}), "required"),
    }
    for name, (data, _) in cases.items():
        _write(folder, name, data)
    return {name: reason for name, (_, reason) in cases.items()}


def test_twenty_hostile_answers_each_listed_with_its_reason(dataset, tmp_path, capsys):
    folder, invitations, eco = dataset
    before = _digests(folder)
    other = eg.datasets.tiny()
    expected = _hostile(eco, tmp_path / "hostile", other)
    assert len(expected) == 20
    code = main(["merge", str(folder), str(tmp_path / "hostile"), "-o", str(tmp_path / "review"), "--invitations", str(invitations)])
    assert code == 0, capsys.readouterr().err
    review, _ = read_review(tmp_path / "review" / "review.xlsx")
    reasons = review.groupby("response")["reason"].apply(set).to_dict()
    assert set(reasons) == set(expected)  # no answer lost
    for name, reason in expected.items():
        assert reason in reasons[name], (name, reasons[name])
    assert "unknown_field" in reasons["name-emptied.json"]
    accepted = review[review["accept"] == "yes"]  # only the first of the tie claimed twice: the second is refused
    assert accepted[["response", "change", "partner"]].values.tolist() == [["same-tie-twice.json", "new_tie", eco.actors.index[0]]]
    assert review.loc[review["response"] == "older-version.json", ["change", "new", "accept"]].values.tolist() == [
        ["field", "Ailleurs", "no"]
    ]
    assert review["why"].str.len().gt(0).all()
    ws = openpyxl.load_workbook(tmp_path / "review" / "review.xlsx")["review"]
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)  # no cell is a formula
    assert main(["merge", str(folder), "--apply", str(tmp_path / "review" / "review.xlsx"), "-o", str(tmp_path / "new")]) == 0
    after = eg.load(tmp_path / "new")
    assert len(after.actors) == len(eco.actors) and len(after.ties) == len(eco.ties) + 1
    assert after.actors.at["cafe-pirouette", "name"] == eco.actors.at["cafe-pirouette", "name"]
    assert _digests(folder) == before


def test_a_review_of_another_version_is_not_applied(dataset, tmp_path):
    *_, eco = dataset
    _write(tmp_path / "r", "a.json", _answer(eco, "cafe-pirouette", fields={"commune": "Dijon"}))
    review = review_responses(eco, [tmp_path / "r" / "a.json"], secret=SECRET)
    with pytest.raises(eg.EcographError, match="changed since this review"):
        apply_review(eg.datasets.tiny(), review, fingerprint=dataset_fingerprint(eco))


def test_without_the_secret_no_answer_is_attributed(dataset, tmp_path):
    *_, eco = dataset
    _write(tmp_path / "r", "a.json", _answer(eco, "cafe-pirouette", fields={"commune": "Dijon"}))
    review = review_responses(eco, [tmp_path / "r" / "a.json"], secret=None, lang="fr")
    assert review[["change", "reason", "accept"]].values.tolist() == [["rejected", "no_secret", "no"]]
    assert review.loc[0, "why"].startswith("le secret des invitations")


def test_a_tie_declared_in_an_earlier_round_is_confirmed_by_the_other_end(dataset, tmp_path):
    *_, eco = dataset
    a, _, _ = _ten_answers(eco, tmp_path / "responses")
    first, counts = apply_review(eco, review_responses(eco, sorted((tmp_path / "responses").iterdir()), secret=SECRET))
    assert counts == {
        "field": 5,
        "new_actor": 1,
        "new_tie": 3,
        "confirmed_tie": 2,
        "confirm_tie": 0,
        "ended_tie": 1,
        "wrong_tie": 0,
        "skipped": 0,
    }
    eg.io.write_dataset(first, tmp_path / "round1")
    round1 = eg.load(tmp_path / "round1")
    _write(tmp_path / "r2", "response.json", _answer(round1, a[5], new=[_tie(a[4], "partnership")], on="2027-03-01"))
    review = review_responses(round1, [tmp_path / "r2" / "response.json"], secret=SECRET)
    assert review[["change", "status", "reason", "accept"]].values.tolist() == [["confirm_tie", "confirmed", "confirms", "yes"]]
    second, counts = apply_review(round1, review, fingerprint=dataset_fingerprint(round1))
    assert counts["confirm_tie"] == 1
    tie = second.ties[(second.ties["source"] == a[4]) & (second.ties["target"] == a[5])].iloc[0]
    assert (tie["status"], tie["declared_by"], tie["confirmed_by"]) == ("confirmed", a[4], a[5])
    assert tie["evidence"] == f"response-{a[4]}.json (2027-01-10); response.json (2027-03-01)"


def _mutations(rng, value, depth=0):
    """``value`` with some parts replaced by values of other types."""
    odd = [None, 0, -1, 1e308, True, "", "=1+1", "<b>", "x" * 3000, [], {}, [1, [2]], {"a": {"b": 1}}, "\x00", "20155"]
    if rng.random() < 0.15 or depth > 3:
        return odd[rng.integers(len(odd))]
    if isinstance(value, dict):
        return {k: _mutations(rng, v, depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [_mutations(rng, v, depth + 1) for v in value]
    return value


def test_two_hundred_mangled_answers_never_raise_and_are_all_listed(dataset, tmp_path):
    import numpy as np

    *_, eco = dataset
    rng = np.random.default_rng(18)
    partner = eco.actors.index[0]
    base = _answer(
        eco,
        "cafe-pirouette",
        fields={"name": "Café", "founded": "2015", "kind": "initiative"},
        known=[{"partner": partner, "type": "partnership", "start": "", "answer": "ended", "end": "2020"}],
        new=[_tie(partner), _tie(name="Nouvelle asso", direction="in", start="2019")],
    ) | {"comment": "merci"}
    paths = [_write(tmp_path / "m", f"r{i:03d}.json", _mutations(rng, base)) for i in range(200)]
    review = review_responses(eco, paths, secret=SECRET)
    assert set(review["response"]) == {p.name for p in paths}  # every file listed
    assert review.loc[review["change"] == "rejected", "reason"].ne("").all()
    assert review["why"].ne("").all()


def _fill(path, edits):
    """Edit a collection workbook as people do: cells by sheet, actor id (or a new row) and column name."""
    wb = openpyxl.load_workbook(path)
    for sheet, key, values in edits:
        ws = wb[sheet]
        head = [c.value for c in ws[1]]
        row = next((r for r in range(2, ws.max_row + 1) if key is not None and ws.cell(r, 1).value == key), ws.max_row + 1)
        for column, value in values.items():
            ws.cell(row, head.index(column) + 1, value)
    wb.save(path)


def test_a_filled_gaps_workbook_is_reviewed_and_applied(dataset, tmp_path):
    import datetime as dt

    from ecograph.interop.template import write_template

    *_, eco = dataset
    gaps = eco.actors.index[eco.actors["sphere"].map(is_missing) & (eco.actors["kind"] == "initiative")]
    no_year = [a for a in eco.actors.index[eco.actors["founded"].isna()] if a not in gaps[:1]]
    path = write_template(tmp_path / "gaps.xlsx", source=eco, mark_gaps=True)
    _fill(
        path,
        [
            ("actors", gaps[0], {"sphere": "consumption"}),  # a gap filled
            ("actors", no_year[0], {"founded": 2014}),  # a gap filled
            ("actors", "premice", {"name": "PREMICE renamed"}),  # a known value changed: to check
            ("actors", "metropole-dijon", {"description": "@SUM(A1:A9)"}),  # text a spreadsheet runs: refused
            ("actors", None, {"id": "ressourcerie-test", "name": "Ressourcerie Test", "kind": "initiative", "source": "phone call"}),
            ("actors", None, {"id": "Bad Id!", "name": "x", "kind": "initiative", "source": "y"}),  # an invalid row
            (
                "ties",
                None,
                {"source": "ressourcerie-test", "target": gaps[0], "type": "partnership", "evidence": "phone call", "start": "2022"},
            ),
        ],
    )
    on = dt.date.fromtimestamp(path.stat().st_mtime).isoformat()
    review = review_responses(eco, [path], secret=None)
    got = review[["change", "subject", "field", "new", "reason", "accept"]].values.tolist()
    assert sorted(got) == sorted(
        [
            ["rejected", "", "", "", "invalid_row", "no"],
            ["field", "premice", "name", "PREMICE renamed", "workbook_change", "no"],
            ["rejected", "metropole-dijon", "description", "", "formula", "no"],
            ["field", gaps[0], "sphere", "consumption", "gap_filled", "yes"],
            ["field", no_year[0], "founded", "2014", "gap_filled", "yes"],
            ["new_actor", "ressourcerie-test", "kind", "initiative", "workbook_actor", "yes"],
            ["new_tie", "ressourcerie-test", "", "phone call", "workbook_tie", "yes"],
        ]
    )
    assert set(review["actor"]) == {""} and set(review["declared_on"]) <= {on, ""}
    new, counts = apply_review(eco, review)
    assert (counts["field"], counts["new_actor"], counts["new_tie"], counts["skipped"]) == (2, 1, 1, 0)
    assert new.actors.at[gaps[0], "sphere"] == "consumption" and new.actors.at["premice", "name"] == "PREMICE"
    assert new.actors.at[gaps[0], "source"].endswith(f"; gaps.xlsx ({on})") and pd.isna(new.actors.at[gaps[0], "declared_by"])
    tie = new.ties.iloc[-1]
    assert (tie["source"], tie["status"], tie["evidence"], tie["start"]) == (
        "ressourcerie-test",
        "stated",
        f"phone call; gaps.xlsx ({on})",
        "2022",
    )
    eg.load(eg.io.write_dataset(new, tmp_path / "new"))
