"""The README's first example runs as written, and the values its comments state are the ones the code gives."""

from __future__ import annotations

import contextlib
import io
import re

from conftest import ROOT


def _using_it_block() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Using it") :]
    return section[section.index("```python\n") + len("```python\n") : section.index("\n```", section.index("```python\n"))]


def test_the_using_it_example_runs_and_its_comments_are_true():
    block = _using_it_block()
    namespace: dict = {}
    stated = []
    with contextlib.redirect_stdout(io.StringIO()):
        for line in block.splitlines():
            code, _, comment = line.partition("#")
            code = code.strip()
            if not code:
                continue
            if code.startswith(("import ", "from ")) or re.match(r"^[A-Za-z_][\w.]*\s*=(?!=)", code):
                exec(code, namespace)
            else:
                stated.append((eval(code, namespace), comment.strip()))
    values = {str(v): c for v, c in stated}
    coverage = str(namespace["a"].coverage)
    assert values[coverage] == coverage  # the comment is the value, word for word
    ei = next(v for v, c in stated if c.startswith("(nan, 'no_known_tie')"))
    assert ei[1] == "no_known_tie"
    standing = next(v for v, c in stated if c.startswith("[65, 33, 5]"))
    assert standing == [65, 33, 5]
    links = next(v for v, c in stated if "premice-alumni-a" in str(v))
    assert links[0]["person"] == "premice-alumni-a"


def _blocks(section: str, language: str) -> list[str]:
    return re.findall(r"```" + language + r"\n(.*?)\n```", section, flags=re.S)


def test_the_five_minute_example_runs_from_the_readme_text(tmp_path, monkeypatch):
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Your own data in five minutes") : text.index("## Using it")]
    files = dict(zip(("actors.csv", "ties.csv", "vocabulary.csv"), _blocks(section, "csv"), strict=True))
    folder = tmp_path / "my-data"
    folder.mkdir()
    for name, content in files.items():
        (folder / name).write_text(content + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(_blocks(section, "python")[0], namespace)
    eco, a = namespace["eco"], namespace["a"]
    assert len(eco.actors) == 6 and len(eco.ties) == 5 and eco.problems == []
    assert a.standing["no_known_tie"].sum() == 1  # the residents' forum
    assert (tmp_path / "my-data-view.html").exists()
    assert "Arts and culture" in (tmp_path / "my-data-view.html").read_text(encoding="utf-8")
