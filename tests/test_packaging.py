"""The front door: packaging, environment, README commands, CI, generated docs, the main job."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile

import pytest

import ecograph as eg
from conftest import ROOT

pytestmark = pytest.mark.slow  # real kernel / browser / wheel: left out of the quick loop

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~;\[ ]", requirement.strip(), maxsplit=1)[0].lower()


CONDA_TO_PIP = {"python-igraph": "igraph"}


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pip_deps = {_name(r): r.strip() for r in project["dependencies"]}
    conda = []
    text = (ROOT / "environment.yml").read_text()
    for line in text.split("dependencies:", 1)[1].splitlines():
        m = re.match(r"^  - ([A-Za-z0-9_.-]+)(.*)$", line)
        if m and m.group(1) not in ("python", "pip"):
            conda.append((CONDA_TO_PIP.get(m.group(1), m.group(1)).lower(), m.group(2).strip()))
    assert {n for n, _ in conda} == set(pip_deps)
    for name, spec in conda:  # same minimum versions
        assert pip_deps[name].endswith(spec), (name, spec, pip_deps[name])


def test_readme_quick_start_has_two_commands_and_ci_runs_the_second():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1]
    block = re.search(r"```[a-z]*\n(.*?)```", section, re.S).group(1)
    commands = [ln for ln in block.splitlines() if ln.strip()]
    assert commands == ["python3 tasks.py dijon", "python3 tasks.py test"]
    ci = (ROOT / ".ci" / "run").read_text()
    assert commands[1] in ci.splitlines()


def test_schema_docs_are_generated_from_code():
    assert (ROOT / "docs" / "schema.md").read_text(encoding="utf-8") == eg.schema_markdown() + "\n"


def test_python_dash_m_runs_the_cli():
    out = subprocess.run(
        [sys.executable, "-m", "ecograph", "summary", "dijon", "--json"], capture_output=True, text=True, check=True
    ).stdout
    assert '"actors": 108' in out


def test_wheel_ships_the_dijon_dataset(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("ecograph-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for f in ("actors.csv", "ties.csv", "people.csv", "affiliations.csv", "vocabulary.csv", "README.md"):
        assert f"ecograph/datasets/dijon/{f}" in names
    assert "ecograph/cli.py" in names
    # the views' page script, styles and WebGL renderer (with its licences) travel in the wheel
    for f in ("view.js", "view.css", "sigma-graphology.min.js", "LICENSES-webgl.txt"):
        assert f"ecograph/views/assets/{f}" in names


def test_main_job_writes_the_report(tmp_path):
    from ecograph.cli import main

    out = tmp_path / "dijon"
    assert main(["report", "dijon", "-o", str(out), "--quiet"]) == 0
    for name in ("report.html", "tables.xlsx", "summary.txt", "validation.txt", "tables/people_links.csv", "figures/network.svg"):
        assert (out / name).exists(), name
    assert (out / "validation.txt").read_text(encoding="utf-8").startswith("valid")
    assert "premice,toaster-lab,premice-alumni-a,moved,2018" in (out / "tables" / "people_links.csv").read_text(encoding="utf-8")


def test_main_job_on_bad_data_lists_problems(tmp_path, make_dataset):
    from conftest import actor, tie
    from ecograph.cli import main

    data = make_dataset(actors=[actor("a"), actor("b", kind="initiativ"), actor("c", sphere="x")], ties=[tie("a", "c")])
    out = tmp_path / "out"
    assert main(["report", str(data), "-o", str(out), "--quiet"]) == 1
    text = (out / "validation.txt").read_text(encoding="utf-8")
    assert "actors.csv, row 3, column 'kind'" in text and "actors.csv, row 4, column 'sphere'" in text
    rejected = (out / "tables" / "rejected.csv").read_text(encoding="utf-8")
    assert "kind: unknown kind" in rejected and "id=b" in rejected
    assert "id=c" not in rejected  # an unknown sphere keeps its row, the sphere read as unknown


def test_licence_and_citation_agree_with_the_package():
    root = ROOT
    assert (root / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    citation = (root / "CITATION.cff").read_text(encoding="utf-8")
    assert re.search(r'^version: "([^"]+)"$', citation, re.M).group(1) == eg.__version__
    assert re.search(r"^license: (\S+)$", citation, re.M).group(1) == "MIT"
