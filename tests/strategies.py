"""Hypothesis strategies: small valid ecosystems with awkward text, for round-trip tests."""

from __future__ import annotations

import pandas as pd
from hypothesis import strategies as st

import ecograph as eg
from ecograph.vocabulary import KINDS, SCOPES, SPHERES, TIE_TYPES

# names and texts people really type: accents, apostrophes, markup, quotes, emoji
TEXT = (
    st.text(
        alphabet=st.characters(codec="utf-8", categories=("L", "N", "Zs", "P", "S"), exclude_characters="\x00\r\n\t\u2028\u2029"),
        min_size=1,
        max_size=30,
    )
    .map(str.strip)
    .filter(bool)
)
PLAIN = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéèàçœ ABCDEFGHIJ'-0123456789<>&\"", min_size=1, max_size=25).map(str.strip).filter(bool)


@st.composite
def ecosystems(draw, *, text=TEXT, with_coordinates: bool | None = None, max_actors: int = 8) -> eg.Ecosystem:
    n = draw(st.integers(2, max_actors))
    ids = [f"a{i}-{draw(st.sampled_from(['x', 'y', 'z']))}" for i in range(n)]
    rows = []
    for ident in ids:
        coords = draw(st.booleans()) if with_coordinates is None else with_coordinates
        lat = draw(st.floats(-89.9, 89.9, allow_nan=False)) if coords else None
        lon = draw(st.floats(-179.9, 179.9, allow_nan=False)) if coords else None
        rows.append(
            {
                "id": ident,
                "name": draw(text),
                "kind": draw(st.sampled_from(list(KINDS))),
                "sphere": draw(st.sampled_from([*SPHERES, ""])),
                "scope": draw(st.sampled_from([*SCOPES, ""])),
                "founded": draw(st.one_of(st.none(), st.integers(1900, 2025))),
                "lat": lat,
                "lon": lon,
                "description": draw(st.one_of(st.just(""), text)),
                "source": draw(text),
                "legal_form": draw(st.one_of(st.just(""), text)),
            }
        )
    n_ties = draw(st.integers(0, 10))
    ties = []
    for _ in range(n_ties):
        a, b = draw(st.lists(st.sampled_from(ids), min_size=2, max_size=2, unique=True))
        ties.append(
            {
                "source": a,
                "target": b,
                "type": draw(st.sampled_from(list(TIE_TYPES))),
                "start": draw(st.one_of(st.just(""), st.integers(1990, 2025).map(str))),
                "weight": draw(st.one_of(st.none(), st.floats(0.1, 10, allow_nan=False))),
                "evidence": draw(text),
            }
        )
    ties_df = pd.DataFrame(ties, columns=["source", "target", "type", "start", "weight", "evidence"])
    return eg.from_frames(pd.DataFrame(rows), ties_df, name="generated")


def carried(frame: pd.DataFrame, schema_columns: list[str]) -> pd.DataFrame:
    """The frame without extra columns that are empty everywhere (no value for a file to carry)."""
    empty = [c for c in frame.columns if c not in schema_columns and not has_values(frame[c])]
    return frame.drop(columns=empty)


def has_values(column: pd.Series) -> bool:
    """Whether a column holds at least one non-empty value (any dtype)."""
    values = column.astype(object)
    return bool((values.notna() & (values != "")).any())
