"""Bundled and generated datasets.

* :func:`dijon` — the collaborative economy around Dijon, built from the 2018
  study (see ``data/dijon/README.md`` for what it covers and what it cannot);
* :func:`tiny` — an eight-actor example used in the documentation;
* :func:`karate` — Zachary's karate club, every actor's group (its faction) known;
* :func:`synthetic` — a calibrated synthetic ecosystem of any size.

Examples
--------
>>> import ecograph as eg
>>> eco = eg.datasets.dijon()
>>> eco.actors.loc["premice", "name"]
'PREMICE'
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pandas as pd

from ..ecosystem import Ecosystem, from_frames, load
from ..gaps import STRUCTURE_KINDS, counted_coverage
from .karate import karate
from .synthetic import synthetic

__all__ = ["STRUCTURE_KINDS", "dijon", "dijon_coverage", "dijon_path", "karate", "open_dataset", "synthetic", "tiny"]


def open_dataset(name: str, *, seed: int = 0) -> Ecosystem:
    """A dataset by name: ``"dijon"``, ``"tiny"``, ``"karate"``, ``"synthetic:N"``, or the path of a folder or workbook.

    Files are loaded with ``on_error="collect"``: invalid rows are set aside in
    ``Ecosystem.rejected`` with their reasons. This is what the notebooks'
    parameter cell takes.

    Examples
    --------
    >>> import ecograph as eg
    >>> eg.datasets.open_dataset("synthetic:300").synthetic
    True
    >>> eg.datasets.open_dataset("dijon").name
    'dijon'
    """
    if name == "dijon":
        return dijon()
    if name == "tiny":
        return tiny()
    if name == "karate":
        return karate()
    if name.startswith("synthetic:"):
        return synthetic(int(name.split(":", 1)[1]), seed=seed)
    return load(name, on_error="collect")


def dijon_path() -> Path:
    """Folder of the bundled Dijon dataset.

    Inside an installed wheel the data sits in ``ecograph/datasets/dijon``;
    in a source checkout (editable install) it is the repository's
    ``data/dijon`` folder.

    Examples
    --------
    >>> sorted(p.name for p in dijon_path().glob("*.csv"))
    ['actors.csv', 'affiliations.csv', 'metadata.csv', 'people.csv', 'ties.csv', 'vocabulary.csv']
    """
    packaged = resources.files("ecograph.datasets") / "dijon"
    if packaged.is_dir() and (packaged / "actors.csv").is_file():
        return Path(str(packaged))
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent / "data" / "dijon"
        if (candidate / "actors.csv").is_file():
            return candidate
    raise FileNotFoundError("the Dijon dataset is not installed: reinstall ecograph")


def dijon() -> Ecosystem:
    """The Dijon collaborative-economy ecosystem (2018 study).

    Returns
    -------
    Ecosystem

    Examples
    --------
    >>> import ecograph as eg
    >>> eco = eg.datasets.dijon()
    >>> bool((eco.actors["source"] != "").all()), bool((eco.ties["evidence"] != "").all())
    (True, True)
    """
    return load(dijon_path(), name="dijon")


def dijon_coverage(eco: Ecosystem | None = None) -> pd.DataFrame:
    """:func:`ecograph.gaps.counted_coverage` of ``eco`` (default: :func:`dijon`).

    The 2018 study counted 69 local structures and initiatives by sphere
    (the ``counted`` field of ``data/dijon/metadata.csv``) but named only
    some of them; this is the table comparing the two.

    Examples
    --------
    >>> import ecograph as eg
    >>> cov = eg.datasets.dijon_coverage()
    >>> int(cov.loc["total", "study"]), int(cov.loc["total", "dataset"])
    (69, 23)
    """
    return counted_coverage(eco if eco is not None else dijon())


def tiny() -> Ecosystem:
    """An eight-actor example ecosystem for documentation and tests.

    An incubator and a regional network support a fab lab; the city funds
    both; a crowdfunding platform funds a food co-op and partners with a new
    accelerator lab; a repair café has no tie. Person ``p1`` moved from the
    incubator to the lab in 2018; person ``p2`` sits on the incubator's board
    while a member of the network.

    Examples
    --------
    >>> import ecograph as eg
    >>> eco = eg.datasets.tiny()
    >>> eco.actors["sphere"].tolist()
    ['support', 'support', '', 'production', 'consumption', 'innovation', 'consumption', 'finance']
    """
    actors = pd.DataFrame(
        [
            ("incubator", "Incubator", "support_structure", "support", "local", 2005, "Dijon", 47.32, 5.04, "city website"),
            ("network", "Regional network", "support_structure", "support", "regional", 2000, "Dijon", 47.33, 5.03, "network website"),
            ("city", "City council", "institution", "", "local", None, "Dijon", 47.322, 5.041, "city website"),
            ("fablab", "Fab lab", "initiative", "production", "local", 2014, "Dijon", 47.31, 5.05, "interview 2017"),
            ("coop", "Food co-op", "initiative", "consumption", "local", 2015, "Chenôve", 47.29, 5.01, "interview 2017"),
            ("lab", "Accelerator lab", "support_structure", "innovation", "local", 2017, "Dijon", 47.325, 5.045, "press release 2018"),
            ("loner", "Repair café", "initiative", "consumption", "local", 2010, "Talant", 47.33, 4.99, "interview 2017"),
            ("bank", "Crowdfunding platform", "platform", "finance", "national", 2016, None, None, None, "platform website"),
        ],
        columns=["id", "name", "kind", "sphere", "scope", "founded", "commune", "lat", "lon", "source"],
    )
    ties = pd.DataFrame(
        [
            ("incubator", "fablab", "support", "2014", "", "interview 2017"),
            ("fablab", "network", "membership", "2015", "", "annual report 2016"),
            ("network", "fablab", "support", "2016", "", "interview 2017"),
            ("city", "incubator", "funding", "2005", "", "city budget 2016"),
            ("city", "network", "funding", "2010", "", "city budget 2016"),
            ("fablab", "coop", "partnership", "2016", "", "interview 2017"),
            ("bank", "coop", "funding", "2016", "", "platform website"),
            ("lab", "bank", "partnership", "2018", "", "press release 2018"),
        ],
        columns=["source", "target", "type", "start", "end", "evidence"],
    )
    people = pd.DataFrame(
        [("p1", "Person A", "interview 2017"), ("p2", "Person B", "annual report 2016")], columns=["id", "name", "source"]
    )
    affiliations = pd.DataFrame(
        [
            ("p1", "incubator", "employee", "2012", "2018", "interview 2017"),
            ("p1", "lab", "employee", "2018", "", "press release 2018"),
            ("p2", "incubator", "board", "2014", "", "annual report 2016"),
            ("p2", "network", "member", "2010", "", "annual report 2016"),
        ],
        columns=["person", "actor", "role", "start", "end", "source"],
    )
    metadata = {
        "title": "Tiny example ecosystem",
        "territory": "an invented territory around Dijon",
        "language": "en",
        "source": "ecograph.datasets.tiny(): an invented example for the documentation and tests",
        "licence": "MIT (the licence of ecograph)",
    }
    return from_frames(actors, ties, people, affiliations, name="tiny", metadata=metadata)
