"""Adversarial dataset folders: one hub tied to everyone, many tie rows between few actors, self-loops.

Each writes ``actors.csv`` and ``ties.csv`` with the schema of ``data/dijon``
(docs/schema.md) into a folder, so that ``ecograph report FOLDER`` reads them
as it reads any dataset.

Usage::

    python benchmarks/_hub_data.py star 4000 /tmp/star-4000
    python benchmarks/_hub_data.py parallel 1000000 /tmp/parallel-1m   # 1,000,000 tie rows, 10 actors
    python benchmarks/_hub_data.py loops 1000000 /tmp/loops-1m         # 1,000,000 self-loops, 10 actors
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

KINDS = ("initiative", "place", "company", "institution")
SPHERES = ("production", "consumption", "finance", "innovation", "")


def _actors(n: int, hub: bool) -> pd.DataFrame:
    ids = [f"a{i}" for i in range(n)]
    kinds = [KINDS[i % len(KINDS)] for i in range(n)]
    if hub:
        ids[0], kinds[0] = "hub", "funder"
    return pd.DataFrame(
        {
            "id": ids,
            "name": [f"Actor {i}" for i in range(n)],
            "kind": kinds,
            "sphere": [SPHERES[i % len(SPHERES)] for i in range(n)],
            "source": "benchmark",
        }
    )


def star(n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``n`` actors, one of them (``hub``, a funder) funding each of the others, nothing else."""
    actors = _actors(n, hub=True)
    leaves = actors["id"].iloc[1:]
    ties = pd.DataFrame({"source": "hub", "target": leaves.to_numpy(), "type": "funding"})
    ties["start"], ties["end"], ties["evidence"] = "2016", "2018", "benchmark"
    return actors, ties


def parallel(rows: int, n: int = 10, seed: int = 0) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``rows`` tie rows drawn at random among the 45 pairs of ``n`` = 10 actors, years 2000 to 2020."""
    rng = np.random.default_rng(seed)
    actors = _actors(n, hub=False)
    ids = actors["id"].to_numpy()
    a = rng.integers(0, n, rows)
    b = (a + rng.integers(1, n, rows)) % n  # never the same actor
    start = rng.integers(2000, 2020, rows)
    ties = pd.DataFrame(
        {
            "source": ids[a],
            "target": ids[b],
            "type": "partnership",
            "start": start.astype(str),
            "end": (start + rng.integers(0, 3, rows)).astype(str),
            "evidence": "benchmark",
        }
    )
    return actors, ties


def loops(rows: int, n: int = 10) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``rows`` self-loops spread over ``n`` actors, plus a path through them so the network is not empty."""
    actors = _actors(n, hub=False)
    ids = actors["id"].to_numpy()
    self_ids = ids[np.arange(rows) % n]
    path = pd.DataFrame({"source": ids[:-1], "target": ids[1:]})
    ties = pd.concat([pd.DataFrame({"source": self_ids, "target": self_ids}), path], ignore_index=True)
    ties["type"], ties["evidence"] = "partnership", "benchmark"
    return actors, ties


def write(folder: Path, actors: pd.DataFrame, ties: pd.DataFrame) -> Path:
    """Write the two tables as a dataset folder; return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    actors.to_csv(folder / "actors.csv", index=False)
    ties.to_csv(folder / "ties.csv", index=False)
    return folder


if __name__ == "__main__":
    shape, size, out = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
    print(write(out, *{"star": star, "parallel": parallel, "loops": loops}[shape](size)))
