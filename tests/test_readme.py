"""Every example of the README runs as written, and every value it states is the one the code gives.

The README's fenced blocks are read in order:

* ``csv`` blocks of "Your own data in five minutes" are written as the
  ``my-data/`` folder the examples load;
* ``python`` blocks run one after the other in one namespace, in a temporary
  folder: a block of ``>>>`` lines is a doctest; in the others, a statement
  followed by ``# ... -> VALUE`` (on its line, or on the comment line right
  after it) must give VALUE (its ``repr`` or its ``str``);
* ``bash`` blocks: every line is an ``ecograph`` command run in that folder
  (exit status 0), or listed in :data:`SKIPPED` with the reason;
* the ``text`` block of "Command line" names every command of the parser.

Relative links of README.md and docs/*.md must lead to files (and headings).
"""

from __future__ import annotations

import ast
import contextlib
import doctest
import io
import re
import shlex
import shutil
import unicodedata
from pathlib import Path

import pytest

from conftest import ROOT

README = ROOT / "README.md"

#: README command lines not run by the tests, each with the reason.
SKIPPED = {
    "python3 tasks.py dijon": "sets up .venv with pip, then runs `ecograph report dijon`, which the bash blocks run",
    "python3 tasks.py test": "the whole suite (this test is part of it)",
    "python3 tasks.py quick": "a subset of the suite",
    "python3 tasks.py lint": "ruff, run by python3 tasks.py test",
    "python3 tasks.py schema": "regenerates docs/schema.md; tests/test_packaging.py checks that file is current",
    "python3 tasks.py glossary": "regenerates docs/glossary*.md; tests/test_glossary.py checks those files are current",
    "python3 tasks.py notebooks": "executes the six notebooks: tests/test_notebooks.py does",
    "python3 tasks.py bench": "benchmarks of up to a million actors: minutes to hours",
    "python3 tasks.py lab": "starts a JupyterLab server: tests/test_lab.py starts it headless",
    ".venv/bin/pytest tests/test_graphs.py -q": "one test file, run by the suite anyway",
}

#: Folders and files the examples expect beside the dataset (the answers of the fiches: none came back yet).
SETUP_FOLDERS = ("answers",)


def fenced_blocks(text: str) -> list[tuple[str, str, str]]:
    """(language, body, heading above) of every fenced block, in order."""
    blocks, heading = [], ""
    for match in re.finditer(r"^(#{1,4} [^\n]*)$|^```(\w*)\n(.*?)\n```$", text, flags=re.M | re.S):
        if match.group(1):
            heading = match.group(1)
        else:
            blocks.append((match.group(2), match.group(3), heading))
    return blocks


def _readme_blocks(language: str) -> list[tuple[str, str]]:
    return [(body, heading) for lang, body, heading in fenced_blocks(README.read_text(encoding="utf-8")) if lang == language]


def _expected_values(body: str) -> dict[int, str]:
    """Line number (1-based) -> the value its ``# ... -> VALUE`` comment states."""
    found = {}
    for number, line in enumerate(body.splitlines(), start=1):
        _, hash_, comment = line.partition("#")
        if hash_ and "-> " in comment:
            found[number] = comment.rsplit("-> ", 1)[1].strip()
    return found


def _same(value: object, expected: str) -> bool:
    def norm(s: str) -> str:
        return " ".join(s.split())

    return norm(expected) in (norm(repr(value)), norm(str(value)))


def run_python_block(body: str, namespace: dict) -> list[tuple[int, str]]:
    """Run one README block; the statements whose stated value is not the one computed, as (line, message)."""
    if body.lstrip().startswith(">>>"):
        test = doctest.DocTestParser().get_doctest(body, namespace, "README", str(README), 0)
        runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS)
        out = io.StringIO()
        runner.run(test, out=out.write, clear_globs=False)
        return [(0, out.getvalue())] if runner.failures else []
    expected = _expected_values(body)
    lines = body.splitlines()
    wrong, checked = [], set()
    for node in ast.parse(body).body:
        # the stated value sits on one of the statement's lines or on the comment line right after it
        span = range(node.lineno, node.end_lineno + 2)
        stated = [n for n in span if n in expected and (n <= node.end_lineno or lines[n - 1].lstrip().startswith("#"))]
        if isinstance(node, ast.Expr):
            value = eval(compile(ast.Expression(node.value), str(README), "eval"), namespace)
            for n in stated:
                checked.add(n)
                if not _same(value, expected[n]):
                    wrong.append((n, f"{lines[node.lineno - 1].strip()!r} gives {value!r}, the README says {expected[n]!r}"))
        else:
            exec(compile(ast.Module([node], type_ignores=[]), str(README), "exec"), namespace)
    wrong += [(n, f"{lines[n - 1].strip()!r}: a stated value with no expression to check") for n in expected if n not in checked]
    return wrong


def _write_my_data(folder: Path) -> None:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Your own data in five minutes") : text.index("## Using it")]
    files = dict(zip(("actors.csv", "ties.csv", "vocabulary.csv"), re.findall(r"```csv\n(.*?)\n```", section, re.S), strict=True))
    (folder / "my-data").mkdir()
    for name, content in files.items():
        (folder / "my-data" / name).write_text(content + "\n", encoding="utf-8")


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    _write_my_data(tmp_path)
    for name in SETUP_FOLDERS:
        (tmp_path / name).mkdir()
    # a Network Canvas export and its protocol (the interviews the README merges)
    shutil.copytree(ROOT / "tests" / "data" / "netcanvas" / "csv", tmp_path / "netcanvas-export")
    shutil.copy(ROOT / "tests" / "data" / "netcanvas" / "protocol.netcanvas", tmp_path / "study.netcanvas")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_every_python_example_runs_and_states_true_values(workdir):
    namespace: dict = {"__name__": "readme"}
    wrong = []
    blocks = _readme_blocks("python")
    assert len(blocks) >= 5
    with contextlib.redirect_stdout(io.StringIO()):
        for body, heading in blocks:
            wrong += [f"{heading}, line {n}: {message}" for n, message in run_python_block(body, namespace)]
    assert wrong == []
    # what the five-minute example promises
    assert (workdir / "my-data-view.html").exists()
    assert "Arts and culture" in (workdir / "my-data-view.html").read_text(encoding="utf-8")
    assert (workdir / "my-data-measures.gexf").exists() and (workdir / "my-data-measures.graphml").exists()
    assert (workdir / "dijon-view.html").exists()


def test_the_checker_catches_a_stale_value():
    namespace: dict = {}
    assert run_python_block("x = 2\nx + 1  # -> 3\nx * 2\n# -> 4", namespace) == []
    assert len(run_python_block("x = 2\nx + 1  # three -> 4", namespace)) == 1
    assert len(run_python_block("x = 2  # -> 5", namespace)) == 1  # a value stated on an assignment is never checked: refused
    assert len(run_python_block(">>> 1 + 1\n3", namespace)) == 1


def _command_lines() -> list[tuple[str, str]]:
    lines = []
    for body, heading in _readme_blocks("bash") + _readme_blocks("sh"):
        for line in body.splitlines():
            command = re.sub(r"\s+#.*$", "", line).strip()
            if command and not command.startswith("#"):
                lines.append((command, heading))
    return lines


def test_every_command_line_is_run_or_skipped_with_a_reason():
    commands = [c for c, _ in _command_lines()]
    assert "python3 tasks.py dijon" in commands
    not_covered = [c for c in commands if not c.startswith("ecograph ") and c not in SKIPPED]
    assert not_covered == []
    assert sorted(set(SKIPPED) - set(commands)) == []  # no reason kept for a command the README no longer shows


def test_every_ecograph_command_of_the_readme_parses():
    from ecograph.cli import build_parser

    parser = build_parser()
    for command, _ in _command_lines():
        if command.startswith("ecograph "):
            parser.parse_args(shlex.split(command)[1:])  # exits (SystemExit) on an option the parser no longer has


@pytest.mark.slow
def test_every_ecograph_command_of_the_readme_runs(workdir, capsys):
    from ecograph.cli import main

    failed = []
    for command, heading in _command_lines():
        if command.startswith("ecograph "):
            status = main(shlex.split(command)[1:])
            if status != 0:
                failed.append((heading, command, status, capsys.readouterr().err[-500:]))
    assert failed == []
    assert (workdir / "my-report" / "report.html").exists() and (workdir / "dijon-2027" / "actors.csv").exists()
    assert (workdir / "from-gephi" / "actors.csv").exists()


def test_the_command_line_synopsis_names_every_command():
    import argparse

    from ecograph.cli import build_parser

    (synopsis,) = [body for body, heading in _readme_blocks("text") if heading == "## Command line"]
    named = {line.split()[1] for line in synopsis.splitlines() if line.startswith("ecograph ")}
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    assert named == set(sub.choices)


def test_the_first_screen_names_the_two_commands_and_jupyterlab():
    first_screen = "\n".join(README.read_text(encoding="utf-8").splitlines()[:40])
    for command in ("python3 tasks.py dijon", "python3 tasks.py test", "python3 tasks.py lab"):
        assert command in first_screen


def test_the_dijon_licence_is_stated_as_unknown():
    import ecograph as eg

    licence = eg.datasets.dijon().metadata.licence
    assert licence.startswith("inconnue")
    text = README.read_text(encoding="utf-8")
    dijon = text[text.index("## The Dijon dataset") : text.index("## Licence and citation")]
    assert "Licence of the Dijon data: unknown" in dijon
    assert "[LICENSE](LICENSE)" in text and "[CITATION.cff](CITATION.cff)" in text


def github_anchor(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens."""
    text = unicodedata.normalize("NFC", heading.strip().lower())
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def _anchors(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^```.*?^```", "", text, flags=re.M | re.S)
    found = {github_anchor(h) for h in re.findall(r"^#{1,6} (.+)$", text, flags=re.M)}
    return found | set(re.findall(r'<a id="([^"]+)"></a>', text))


def broken_links(path: Path) -> list[str]:
    """The relative links of a Markdown file that lead to no file, or to no heading or ``<a id>`` of it."""
    text = re.sub(r"^```.*?^```", "", path.read_text(encoding="utf-8"), flags=re.M | re.S)
    broken = []
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if re.match(r"^[a-z]+:", target):
            continue  # http(s), mailto: not checked offline
        file, _, anchor = target.partition("#")
        resolved = (path.parent / file).resolve() if file else path
        missing_anchor = anchor and resolved.suffix == ".md" and resolved.exists() and anchor not in _anchors(resolved)
        if not resolved.exists() or missing_anchor:
            broken.append(target)
    return broken


@pytest.mark.parametrize("path", [README, *sorted((ROOT / "docs").glob("*.md"))], ids=lambda p: p.name)
def test_relative_links_lead_somewhere(path):
    assert broken_links(path) == []


def test_the_link_checker_finds_what_is_broken(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(
        "# A page\n\n## Its part: one\n\n[ok](#its-part-one) [ok](page.md#a-page) [web](https://example.org)\n"
        "[gone](missing.md) [no heading](#nowhere) [elsewhere](page.md#nowhere)\n",
        encoding="utf-8",
    )
    assert broken_links(page) == ["missing.md", "#nowhere", "page.md#nowhere"]
