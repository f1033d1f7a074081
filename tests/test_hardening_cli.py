"""The command line under mistakes: one line and exit 2 for usage errors, exit 1 for data problems, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import ecograph
from ecograph.cli import main

CORPUS = Path(__file__).parent / "data" / "adversarial"
SRC = Path(ecograph.__file__).resolve().parents[1]  # the ecograph these tests import, also in the child processes


def ecograph(*argv: str, env: dict | None = None, stdout=subprocess.PIPE, timeout: int = 300) -> subprocess.CompletedProcess:
    """Run ``python -m ecograph`` in a child process, as a user would."""
    environ = {**os.environ, "PYTHONPATH": str(SRC), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "ecograph", *argv], stdout=stdout, stderr=subprocess.PIPE, text=True, env=environ, timeout=timeout
    )


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["outreach", "dijon", "-o", "worklist.txt"], "must end with .xlsx or .csv"),
        (["template", "collecte.ods"], "must end with .xlsx"),
        (["import-umap", "map.umap", "--out", "x", "--layer-sphere", "Foo"], "give LAYER=SPHERE"),
        (["outreach", "dijon", "-o", "w.csv", "-k", "0"], "at least 1"),
        (["report", "dijon", "-o", "out", "--seed", "-1"], "between 0 and 4294967295"),
        (["report", "dijon"], "the following arguments are required: -o/--output"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        ([], "the following arguments are required: COMMAND"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(tmp_path, monkeypatch, capsys, argv, needle):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and needle in captured.err, captured.err
    assert captured.out == "" and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("epoch", ["abc", "1.5", "99999999999999999999"])
def test_a_malformed_source_date_epoch_is_a_usage_error(tmp_path, epoch):
    done = ecograph("report", "dijon", "-o", str(tmp_path / "out"), env={"SOURCE_DATE_EPOCH": epoch})
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1 and "SOURCE_DATE_EPOCH must be a whole number" in done.stderr
    assert not (tmp_path / "out").exists()


def test_a_closed_pipe_ends_quietly():
    read, write = os.pipe()
    os.close(read)  # like `| head` that has already exited
    try:
        done = ecograph("summary", "dijon", stdout=write)
    finally:
        os.close(write)
    assert done.stderr == "" and done.returncode == 141


def test_validation_problems_exit_1_with_every_problem_and_no_traceback():
    done = ecograph("validate", str(CORPUS / "control-characters"))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "actors.csv, row 2, column 'name': holds a control character (U+000B" in done.stdout


def test_terminal_escape_codes_from_the_data_are_never_printed_raw():
    done = ecograph("validate", str(CORPUS / "escape-codes"))
    assert done.returncode == 1
    assert "\x1b" not in done.stdout + done.stderr and "\x07" not in done.stdout + done.stderr
    assert "example.org/\\x1b[2J" in done.stdout and "note\\x1b[2J" in done.stdout


def test_deeply_nested_json_is_a_clean_error(tmp_path):
    done = ecograph("import", str(CORPUS / "deeply-nested.json"), "--out", str(tmp_path / "out"))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "nested too deeply" in done.stderr and not (tmp_path / "out").exists()


def test_an_unexpected_error_is_one_line_unless_debug(monkeypatch, capsys):
    import ecograph.ecosystem

    def broken(eco):
        raise RuntimeError("something nobody expected")

    monkeypatch.setattr(ecograph.ecosystem, "summarise", broken)  # the name the Ecosystem calls
    assert main(["summary", "dijon"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "internal error (RuntimeError: something nobody expected)" in err and "--debug" in err
    with pytest.raises(RuntimeError, match="nobody expected"):
        main(["--debug", "summary", "dijon"])


def test_report_on_a_dataset_that_cannot_load_exits_1_and_names_no_person(tmp_path):
    out = tmp_path / "out"
    done = ecograph("report", str(CORPUS / "people-fatal"), "-o", str(out), "--pseudonymise-people")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    shown = done.stdout + done.stderr + (out / "validation.txt").read_text(encoding="utf-8")
    assert "missing required column" in shown
    for needle in ("Jeanne", "Secret", "jeanne-secret"):
        assert needle not in shown, needle


def test_export_writes_the_map_in_the_datasets_language_unless_asked(tmp_path):
    import dataclasses
    import json

    import ecograph as eg
    from ecograph.io import write_dataset

    tiny = eg.datasets.tiny()
    folder = write_dataset(dataclasses.replace(tiny, metadata=dataclasses.replace(tiny.metadata, language="fr")), tmp_path / "tiny-fr")

    def labels(*options: str) -> set:
        out = tmp_path / "map.geojson"
        assert main(["export", str(folder), "--format", "geojson", "-o", str(out), "--force", *options]) == 0
        return {f["properties"]["sphere_label"] for f in json.loads(out.read_text(encoding="utf-8"))["features"]}

    assert "Structures d'accompagnement" in labels()
    assert "Support structures" in labels("--lang", "en")


def test_every_message_and_help_of_the_command_line_comes_from_the_catalogue():
    import ast

    import ecograph.cli as cli

    tree = ast.parse(Path(cli.__file__).read_text(encoding="utf-8"))
    literal = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", getattr(node.func, "attr", ""))
        shown = [kw.value for kw in node.keywords if kw.arg in ("help", "description")]
        if name in ("print", "command"):
            shown += node.args[:2] if name == "command" else node.args[:1]
        for value in shown:
            if isinstance(value, ast.JoinedStr) and any(
                isinstance(v, ast.Constant) and any(c.isalpha() for c in v.value) for v in value.values
            ):
                literal.append((node.lineno, ast.unparse(value)))
            elif isinstance(value, ast.Constant) and isinstance(value.value, str) and " " in value.value:
                literal.append((node.lineno, value.value))
    assert literal == []


def test_validate_tells_its_counts_in_words(make_dataset, capsys):
    from conftest import actor, tie
    from ecograph.words import word

    folder = make_dataset(actors=[actor("a"), actor("a"), actor("b", kind="nonsense")], ties=[tie("a", "b")])
    assert main(["validate", str(folder)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{folder}: 2 problems found"
    assert out[-1] == "3 rows would be rejected; the other rows are valid."  # both rows of the repeated id, and b
    assert word("cli.would_be_rejected", "en", n=1) == "1 row would be rejected; the other rows are valid."
    assert word("cli.problems_found", "fr", path="d", n=1) == "d : 1 problème trouvé"
