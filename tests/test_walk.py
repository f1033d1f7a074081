"""The walk format (ecograph.walk): loaded, checked, saved byte for byte, and drafted from the brief."""

from __future__ import annotations

import json

import pytest

import ecograph as eg
from ecograph.report import draft_walk
from ecograph.walk import Step, Walk, WalkError, focused_actors, load_walk, markdown, markdown_blocks


@pytest.fixture(scope="module")
def brief():
    return eg.Brief(eg.datasets.dijon())


@pytest.fixture(scope="module")
def walk(brief):
    return draft_walk(brief)


def _step(**fields) -> dict:
    return {"id": "one", "title": {"fr": "T", "en": "T"}, "caption": {"fr": "C", "en": "C"}, **fields}


def _doc(*steps) -> str:
    return json.dumps({"ecograph_walk": 1, "title": {"fr": "W", "en": "W"}, "steps": list(steps)})


def test_load_then_save_is_byte_identical(walk, tmp_path):
    path = walk.save(tmp_path / "walk.json")
    first = path.read_bytes()
    again = load_walk(path).save(tmp_path / "again.json").read_bytes()
    assert again == first
    assert first.endswith(b"\n") and "é".encode() in first  # UTF-8, not \u escapes


def test_a_hand_written_walk_round_trips(tmp_path):
    text = Walk(
        {"fr": "Titre", "en": "Title"},
        [
            Step(
                "a",
                {"fr": "Un", "en": "One"},
                {"fr": "*x*", "en": "*x*"},
                focus={"around": "premice", "depth": 2},
                filters=["kind:event"],
                highlight=["bridges"],
                ties=[["premice", "toaster-lab"]],
                camera={"x": 0.5, "y": -1, "zoom": 2},
                year=2016,
                layer="map",
            )
        ],
    ).to_json()
    assert load_walk(text).to_json() == text
    assert json.loads(text)["steps"][0]["camera"] == {"x": 0.5, "y": -1, "zoom": 2}


def test_every_problem_is_named_with_its_step_and_field():
    text = _doc(
        _step(),
        _step(id="two", camera="wide", year="2016", layer="3d", focus={"actors": "premice"}, colour="red"),
        _step(id="one", highlight=["glow"]),
    )
    with pytest.raises(WalkError) as err:
        load_walk(text)
    problems = err.value.problems
    assert "step 2 ('two'), field 'colour': unknown field" in problems
    assert "step 2 ('two'), field 'camera': must be 'fit', 'focus' or {'x': number, 'y': number, 'zoom': positive number}" in problems
    assert "step 2 ('two'), field 'year': must be a whole number or null" in problems
    assert "step 2 ('two'), field 'layer': must be one of network, map" in problems
    assert "step 2 ('two'), field 'focus.actors': must be a list of actor ids" in problems
    assert "step 3 ('one'), field 'highlight': must be a list of bridges, cut_points, to_reach, connectors" in problems
    assert "step 3 ('one'), field 'id': the same as step 1's" in problems
    assert len(problems) == 7
    assert isinstance(err.value, ValueError)


def test_texts_need_both_languages_and_json_must_parse():
    with pytest.raises(WalkError, match=r"step 1 \('one'\), field 'caption': must be an object with a text for each of en, fr"):
        load_walk(_doc(_step(caption={"fr": "seulement"})))
    with pytest.raises(WalkError, match="not JSON"):
        load_walk("{steps: []}")


def test_an_unknown_actor_id_is_named_with_its_step(brief):
    walk = load_walk(_doc(_step(), _step(id="flows", focus={"actors": ["premice", "nobody-here"]}, ties=[["premice", "ghost"]])))
    with pytest.raises(WalkError) as err:
        walk.check(brief.analysis.eco, analysis=brief.analysis)
    assert err.value.problems == [
        "step 2 ('flows'), field 'focus.actors': unknown actor id 'nobody-here'",
        "step 2 ('flows'), field 'ties': unknown actor id 'ghost'",
    ]
    bad = load_walk(_doc(_step(focus={"sphere": "circus"}), _step(id="b", focus={"community": 99})))
    with pytest.raises(WalkError, match=r"no actor has the sphere 'circus'.*there is no community 99"):
        bad.check(brief.analysis.eco, analysis=brief.analysis)


def test_captions_render_only_text_emphasis_and_lists():
    html = markdown("**Bold** and *em*\n\n- one <script>x</script>\n- [link](http://x.org)\n\n1. first\n# not a heading")
    assert html == (
        "<p><strong>Bold</strong> and <em>em</em></p>"
        "<ul><li>one &lt;script&gt;x&lt;/script&gt;</li><li>[link](http://x.org)</li></ul>"
        "<ol><li>first</li></ol><p># not a heading</p>"
    )
    assert markdown("no_known_tie stays") == "<p>no_known_tie stays</p>"
    assert markdown_blocks("a\nb") == [("p", ["a b"])]


def test_the_dijon_draft_tells_each_stated_finding(brief, walk):
    ids = [s.id for s in walk.steps]
    assert ids == [
        "covers", "ties", "fragmentation", "connectors", "flows", "communities", "worklist",
        "withheld-spheres", "withheld-evolution", "actions",
    ]  # fmt: skip
    walk.check(brief.analysis.eco, analysis=brief.analysis)
    steps = {s.id: s for s in walk.steps}
    a = brief.analysis
    assert focused_actors(steps["ties"], a) == [str(i) for i in a.standing.index[a.standing["no_known_tie"]]]
    assert len(focused_actors(steps["ties"], a)) == 65
    assert steps["connectors"].focus == {"actors": ["metropole-dijon", "coursive-boutaric", "region-bfc"]}
    assert steps["flows"].ties == [["premice", "toaster-lab"], ["premice", "village-by-ca"]]
    assert "PREMICE → TOASTER Lab" in steps["flows"].caption["en"] and "PREMICE → Village by CA" in steps["flows"].caption["fr"]
    # the two parts of 8 tie for the largest, and the text names both: both are lit (one of them was)
    assert len(focused_actors(steps["fragmentation"], a)) == 16
    assert {"metropole-dijon", "coursive-boutaric"} <= set(focused_actors(steps["fragmentation"], a))
    # the communities step lights the 10 groups of two actors or more that its text counts, not one of them
    shown = focused_actors(steps["communities"], a)
    assert len(set(a.communities.membership[shown])) == 10 and len(shown) == 100 - 65
    assert steps["ties"].notes["en"].startswith("A minimum")


def test_withheld_findings_say_so_without_a_figure(walk):
    step = next(s for s in walk.steps if s.id == "withheld-spheres")
    assert step.caption["en"].startswith("*Cannot be shown yet.* Cannot be said yet")
    assert step.caption["fr"].startswith("*Ne peut pas encore être montré.*")
    assert step.focus is None and step.highlight == []


def test_focus_around_an_actor_follows_the_depth(brief):
    a = brief.analysis
    one = Step("s", {"fr": "", "en": ""}, {"fr": "", "en": ""}, focus={"around": "metropole-dijon", "depth": 1})
    two = Step("s", {"fr": "", "en": ""}, {"fr": "", "en": ""}, focus={"around": "metropole-dijon", "depth": 2})
    near = {"metropole-dijon", "cite-autre-economie", "cite-gastronomie", "direccte", "jea", "smart-city-dijon", "tiga"}
    assert set(focused_actors(one, a)) == near
    assert set(focused_actors(two, a)) == near | {"alternatives-economiques"}


def test_the_walk_command_drafts_a_walk_an_officer_can_edit(tmp_path):
    from ecograph.cli import main

    out = tmp_path / "walk.json"
    assert main(["walk", "dijon", "-o", str(out), "--lang", "en"]) == 0
    walk = load_walk(out)
    assert walk.lang == "en" and len(walk.steps) >= 6
    assert all(s.title["fr"] and s.title["en"] and s.caption["fr"] and s.caption["en"] for s in walk.steps)
    assert main(["walk", "dijon", "-o", str(out)]) == 2  # an existing file is not replaced without --force
    assert main(["walk", "dijon", "-o", str(out), "--force"]) == 0 and load_walk(out).lang == "fr"


def test_a_finding_code_is_checked_against_the_codes_given(brief):
    from ecograph.findings import FINDING_CODES

    walk = load_walk(_doc(_step(finding="weather")))
    with pytest.raises(WalkError, match=r"step 1 \('one'\), field 'finding': 'weather' is none of ties, fragmentation"):
        walk.check(brief.analysis.eco, codes=FINDING_CODES)


def test_the_commands_name_a_walk_problem_in_one_line(tmp_path, capsys):
    from ecograph.cli import main

    bad = tmp_path / "walk.json"
    bad.write_text(_doc(_step(focus={"actors": ["ghost"]})), encoding="utf-8")
    assert main(["report", "dijon", "-o", str(tmp_path / "report"), "--quiet", "--walk", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.strip() == "ecograph: error: walk: step 1 ('one'), field 'focus.actors': unknown actor id 'ghost'"
    assert not (tmp_path / "report").exists()
