"""Every input of tests/data/adversarial/ gives what its README says, and never a traceback or a raw control character."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ecograph.cli import main

CORPUS = Path(__file__).parent / "data" / "adversarial"
ROW = re.compile(r"^\| `(?P<input>[^`]+)` \| (?P<command>[^|]+) \| (?P<exit>\d) \| `(?P<needle>[^`]+)`", re.MULTILINE)
ROWS = [m.groupdict() for m in ROW.finditer((CORPUS / "README.md").read_text(encoding="utf-8"))]
VIEW_ROW = re.compile(r"^\| `(?P<input>[^`]+)` \| (?P<reader>view|browser) \| `?(?P<needle>[^`|]+)`? \|", re.MULTILINE)
VIEW_ROWS = [m.groupdict() for m in VIEW_ROW.finditer((CORPUS / "README.md").read_text(encoding="utf-8"))]


def test_the_readme_lists_every_input_once():
    listed = sorted(r["input"].rstrip("/") for r in ROWS + VIEW_ROWS)
    present = sorted(p.name for p in CORPUS.iterdir() if p.name not in ("README.md", "generate.py", "__pycache__"))
    assert listed == present


@pytest.mark.parametrize("row", ROWS, ids=[r["input"] for r in ROWS])
def test_each_input_triggers_what_the_readme_says(row, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    command, *options = row["command"].split()
    path = str(CORPUS / row["input"])
    argv = {
        "validate": ["validate", path],
        "report": ["report", path, "-o", str(tmp_path / "out"), "--quiet", *options],
        "import": ["import", path, "--out", str(tmp_path / "out")],
    }[command]
    status = main(argv)
    captured = capsys.readouterr()
    shown = captured.out + captured.err
    assert status == int(row["exit"]), shown
    validation = tmp_path / "out" / "validation.txt"
    told = shown + (validation.read_text(encoding="utf-8") if command == "report" else "")
    assert row["needle"] in told, told
    assert "Traceback" not in shown and "internal error" not in shown
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", shown), "raw control character on the terminal"
    if "pseudonymise" in row["command"]:
        written = "".join(
            p.read_bytes().decode("utf-8", "replace") for p in (tmp_path / "out").rglob("*") if p.is_file() and p.suffix != ".png"
        )
        for needle in ("Jeanne", "Secret", "jeanne-secret"):
            assert needle not in shown + written, needle


@pytest.mark.parametrize("row", [r for r in VIEW_ROWS if r["reader"] == "view"], ids=lambda r: r["input"])
def test_each_boundary_file_is_refused_naming_the_file_and_the_feature(row):
    import networkx as nx

    import ecograph as eg

    G = nx.Graph([("dijon", "beaune")])
    nx.set_node_attributes(G, {"dijon": 47.32, "beaune": 47.02}, "lat")
    nx.set_node_attributes(G, {"dijon": 5.04, "beaune": 4.84}, "lon")
    with pytest.raises(eg.EcographError) as info:
        eg.view(G, boundaries=CORPUS / row["input"])
    assert row["needle"] in str(info.value)
