"""Shared helpers: write small datasets to disk the way spreadsheets do."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")  # tests never open windows

ROOT = Path(__file__).resolve().parents[1]

ACTORS_HEADER = ["id", "name", "kind", "sphere", "scope", "founded", "closed", "commune", "lat", "lon", "website", "description", "source"]
TIES_HEADER = ["source", "target", "type", "start", "end", "weight", "evidence"]


def write_csv(path: Path, header: list[str], rows: list[list[str]], *, encoding: str = "utf-8", delimiter: str = ",") -> Path:
    """Write a CSV file with the given encoding and delimiter."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    data = buf.getvalue()
    path.write_bytes(data.encode(encoding))
    return path


def actor(id_: str, name: str = "", kind: str = "initiative", sphere: str = "", **extra: str) -> list[str]:
    """An actors row with defaults."""
    row = dict.fromkeys(ACTORS_HEADER, "")
    row.update({"id": id_, "name": name or id_.title(), "kind": kind, "sphere": sphere, "source": "test notes"})
    row.update(extra)
    return [row[c] for c in ACTORS_HEADER]


def tie(source: str, target: str, type_: str = "partnership", **extra: str) -> list[str]:
    """A ties row with defaults."""
    row = dict.fromkeys(TIES_HEADER, "")
    row.update({"source": source, "target": target, "type": type_, "evidence": "test notes"})
    row.update(extra)
    return [row[c] for c in TIES_HEADER]


@pytest.fixture
def make_dataset(tmp_path):
    """Build a dataset folder from rows; returns its path."""

    def make(
        actors=None, ties=None, people=None, affiliations=None, *, encoding="utf-8", delimiter=",", actors_header=None, ties_header=None
    ):
        folder = tmp_path / "dataset"
        folder.mkdir(exist_ok=True)
        actors = actors if actors is not None else [actor("a", sphere="consumption"), actor("b", sphere="production"), actor("c")]
        ties = ties if ties is not None else [tie("a", "b"), tie("b", "c", "support")]
        write_csv(folder / "actors.csv", actors_header or ACTORS_HEADER, actors, encoding=encoding, delimiter=delimiter)
        write_csv(folder / "ties.csv", ties_header or TIES_HEADER, ties, encoding=encoding, delimiter=delimiter)
        if people is not None:
            write_csv(folder / "people.csv", ["id", "name", "source"], people, encoding=encoding, delimiter=delimiter)
        if affiliations is not None:
            write_csv(
                folder / "affiliations.csv",
                ["person", "actor", "role", "start", "end", "source"],
                affiliations,
                encoding=encoding,
                delimiter=delimiter,
            )
        return folder

    return make


def directed_ecosystem(*, types: tuple[str, ...] = ("funding", "support", "partnership"), weights: bool = True):
    """Six actors of three spheres and seven ties, some directed and weighted, whose directed measures are worked out by hand.

    Arcs (funding and support one way, partnership both ways): a→b (2), b→c (1), c⇄d (3), d→a (1), e→c (0.5),
    c→f (1), a⇄e (1). ``types`` replaces funding, support and partnership in that order; ``weights=False`` sets every weight to 1.
    """
    import pandas as pd

    import ecograph as eg

    funding, support, partnership = types
    actors = pd.DataFrame(
        {
            "id": list("abcdef"),
            "name": ["A", "B", "C", "D", "E", "F"],
            "kind": "initiative",
            "sphere": ["finance", "finance", "production", "production", "support", "support"],
            "source": "notes",
        }
    )
    rows = [
        ("a", "b", funding, 2.0),
        ("b", "c", support, 1.0),
        ("c", "d", partnership, 3.0),
        ("d", "a", funding, 1.0),
        ("e", "c", support, 0.5),
        ("c", "f", funding, 1.0),
        ("a", "e", partnership, 1.0),
    ]
    ties = pd.DataFrame(rows, columns=["source", "target", "type", "weight"]).assign(evidence="notes")
    if not weights:
        ties["weight"] = 1.0
    return eg.from_frames(actors, ties, name="directed")
