#!/usr/bin/env python3
"""ecograph's front door: set-up and the project's jobs, with only Python 3 and pip.

    python3 tasks.py dijon      # set up, then run the main job on the bundled Dijon data
    python3 tasks.py test       # set up, then run the whole test suite (lint, doctests, tests)

Set-up creates a virtual environment in ``.venv`` (reused while
``pyproject.toml`` is unchanged) and installs ecograph there in editable mode
with its test dependencies. The test job also makes sure Debian's
``chromium`` is installed for the browser tests (installing it with
``apt-get`` when run as root), or stops with a clear message.

Other jobs: ``python3 tasks.py quick`` (lint and the tests not marked slow, for
the developers' loop: under a minute), ``python3 tasks.py lint`` (ruff), ``python3 tasks.py schema``
(regenerate docs/schema.md), ``python3 tasks.py glossary`` (regenerate docs/glossary.md and
docs/glossary.fr.md), ``python3 tasks.py notebooks`` (executed copies
under outputs/notebooks/), ``python3 tasks.py bench`` (benchmarks), ``python3 tasks.py lab``
(JupyterLab on notebooks/, in the project's environment).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".ecograph-installed"


def run(*cmd: str | os.PathLike, check: bool = True, env: dict | None = None) -> int:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    proc = subprocess.run([str(c) for c in cmd], cwd=ROOT, env=env)
    if check and proc.returncode != 0:
        sys.exit(proc.returncode)
    return proc.returncode


def setup() -> None:
    """Create .venv and install ecograph with its test extras when needed."""
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if PY.exists() and STAMP.exists() and STAMP.read_text().strip() == wanted:
        return
    if not PY.exists():
        print(f"Creating the virtual environment {VENV} ...", flush=True)
        venv.EnvBuilder(with_pip=True, clear=False).create(VENV)
    run(PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(PY, "-m", "pip", "install", "--quiet", "-e", ".[test]")
    STAMP.write_text(wanted)


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def ensure_chromium() -> str:
    """Path of a Chromium for the browser tests, installing Debian's package if needed."""
    found = os.environ.get("ECOGRAPH_CHROMIUM") or find_chromium()
    if found:
        return found
    apt = shutil.which("apt-get")
    is_root = hasattr(os, "geteuid") and os.geteuid() == 0
    if apt and is_root:
        print("Chromium is missing: installing Debian's chromium for the browser tests ...", flush=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        run(apt, "update", "-qq", env=env)
        run(apt, "install", "-y", "-qq", "chromium", env=env)
        found = find_chromium()
        if found:
            return found
    sys.exit(
        "The browser tests need Chromium and none was found.\n"
        "Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set ECOGRAPH_CHROMIUM to its path, then run again."
    )


def task_dijon() -> None:
    setup()
    run(BIN / "ecograph", "report", "dijon", "-o", ROOT / "outputs" / "dijon", "--force")  # replaces the earlier report there


def task_lint() -> None:
    setup()
    run(BIN / "ruff", "check", "src", "tests", "tasks.py", "benchmarks", "conftest.py")
    run(BIN / "ruff", "format", "--check", "src", "tests", "tasks.py", "benchmarks", "conftest.py")


def task_test() -> None:
    setup()
    chromium = ensure_chromium()
    task_lint()
    env = {**os.environ, "ECOGRAPH_CHROMIUM": chromium}
    run(PY, "-m", "pytest", *sys.argv[2:], env=env)


def task_quick() -> None:
    """The developers' loop: lint, then every test not marked slow (no browser, kernel or wheel; under a minute)."""
    setup()
    task_lint()
    run(PY, "-m", "pytest", "-q", "-m", "not slow", *sys.argv[2:])


def task_schema() -> None:
    setup()
    run(BIN / "ecograph", "schema", "-o", ROOT / "docs" / "schema.md", "--force")


def task_glossary() -> None:
    """Regenerate docs/glossary.md (English) and docs/glossary.fr.md from the catalogue of words."""
    setup()
    run(BIN / "ecograph", "glossary", "-o", ROOT / "docs" / "glossary.md", "--force")
    run(BIN / "ecograph", "glossary", "--lang", "fr", "-o", ROOT / "docs" / "glossary.fr.md", "--force")


def task_notebooks() -> None:
    """Write notebooks/fr/ from notebooks/, then execute the six notebooks in English and in French (.ipynb and .html) under outputs/notebooks/."""
    setup()
    run(PY, ROOT / "tests" / "notebooks_runner.py", "--translate")
    run(PY, ROOT / "tests" / "notebooks_runner.py", ROOT / "outputs" / "notebooks")
    run(PY, ROOT / "tests" / "notebooks_runner.py", ROOT / "outputs" / "notebooks" / "fr", "LANG=fr")


def task_lab() -> None:
    """Start JupyterLab in the project's environment on notebooks/ (the kernel imports this tree); extra arguments go to jupyter lab."""
    setup()
    as_root = ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []  # Jupyter refuses root otherwise (containers, CI)
    run(PY, "-m", "jupyter", "lab", f"--notebook-dir={ROOT / 'notebooks'}", *as_root, *sys.argv[2:])


def task_bench() -> None:
    setup()
    for script in sorted((ROOT / "benchmarks").glob("*.py")):
        run(PY, script, *sys.argv[2:])


TASKS = {
    "dijon": task_dijon,
    "test": task_test,
    "lint": task_lint,
    "quick": task_quick,
    "schema": task_schema,
    "glossary": task_glossary,
    "notebooks": task_notebooks,
    "bench": task_bench,
    "lab": task_lab,
    "setup": setup,
}


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TASKS:
        print(__doc__)
        sys.exit(f"usage: python3 tasks.py {{{','.join(TASKS)}}}")
    TASKS[sys.argv[1]]()


if __name__ == "__main__":
    main()
