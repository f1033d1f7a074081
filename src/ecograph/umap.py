"""uMap: import the map a territory already has, and send measures back to it.

The Dijon study's cartography was a uMap map. :func:`read_umap` imports

* a ``.umap`` backup, in the current format (layer settings under
  ``properties``) or the older ones (under ``_umap_options`` or ``_storage``);
* a uMap GeoJSON export (a ``FeatureCollection``);
* a uMap CSV export (``name,Latitude,Longitude,...``).

Each point feature becomes an actor: its name, its description with uMap's
markup (``**bold**``, ``*italic*``, ``[[url|text]]``, ``{{image}}``) turned
into plain text and links, its coordinates (GeoJSON order is longitude,
latitude), the layer's name mapped to a sphere (through ``layer_spheres`` or
by recognising the sphere's name), and every other property as a column.
Features that are not points (lines, polygons) are reported in
``Ecosystem.problems`` and ``Ecosystem.rejected``, never dropped silently.
Everything goes through the same validation as a spreadsheet.

:func:`write_umap` writes a ``.umap`` file uMap can import: one layer per
sphere or per community, in ecograph's colours, each actor with its measures
(degree, betweenness, community, isolated or not) and every column of the
actors table as feature properties. What uMap cannot carry: ties, people and
affiliations, and actors without coordinates (the export returns their ids).
:func:`write_geojson` writes the same features as plain GeoJSON.

Examples
--------
>>> umap_text("**Tiers-lieu** ouvert, voir [[https://example.org|le site]] {{https://example.org/a.png}}")
'Tiers-lieu ouvert, voir le site (https://example.org) https://example.org/a.png'
>>> guess_sphere("Consommation collaborative"), guess_sphere("Structures d'accompagnement"), guess_sphere("Divers")
('consumption', 'support', '')
"""

from __future__ import annotations

import csv
import io as _io
import json
import os
import re
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from .errors import Problem, SchemaError
from .io import RawRow, RawTable, _decode, cell_text, read_json
from .schema import TABLES
from .style import NO_SPHERE_COLOR, SPHERE_COLORS
from .validation import slugify, validate_tables

__all__ = ["read_umap", "write_umap", "write_geojson", "umap_text", "guess_sphere"]

_SPHERE_WORDS = {
    "consumption": ("consomm", "consum"),
    "production": ("produc",),
    "finance": ("financ",),
    "innovation": ("innov",),
    "support": ("accompagn", "support"),
}
_RESERVED = {"name", "description", "_umap_options", "_storage_options"}


def umap_text(text: Any) -> str:
    """uMap's markup as plain text: links become ``text (url)``, images their address.

    Examples
    --------
    >>> umap_text("[[https://a.example|site]]")
    'site (https://a.example)'
    """
    if text is None:
        return ""
    s = str(text)
    s = re.sub(r"\{\{\{?([^}|]+)(?:\|[^}]*)?\}?\}\}", r"\1", s)  # {{image}} {{image|width}} {{{iframe}}}
    s = re.sub(r"\[\[\[?([^\]|]+)\|([^\]]+)\]?\]\]", r"\2 (\1)", s)  # [[url|text]]
    s = re.sub(r"\[\[\[?([^\]|]+)\]?\]\]", r"\1", s)  # [[url]]
    s = re.sub(r"\*\*(.+?)\*\*", r"\1", s)
    s = re.sub(r"(?<!\*)\*(?!\s)(.+?)(?<!\s)\*(?!\*)", r"\1", s)
    s = re.sub(r"(?m)^#{1,6}\s*", "", s)
    return s.strip()


def guess_sphere(layer: str) -> str:
    """The sphere a layer's name speaks of (French or English), or ``""``.

    Examples
    --------
    >>> guess_sphere("Finance collaborative")
    'finance'
    """
    key = unicodedata.normalize("NFKD", str(layer)).encode("ascii", "ignore").decode().lower()
    for sphere, words in _SPHERE_WORDS.items():
        if any(w in key for w in words):
            return sphere
    return ""


def _layer_name(layer: Mapping) -> str:
    for key in ("properties", "_umap_options", "_storage"):
        options = layer.get(key)
        if isinstance(options, Mapping) and options.get("name"):
            return str(options["name"])
    return ""


def _features_from_umap(data: Any, file: str) -> tuple[list[tuple[str, dict]], list[Problem]]:
    problems: list[Problem] = []
    if not isinstance(data, Mapping):
        raise SchemaError(
            [
                Problem(
                    "umap", file, None, None, None, "not a uMap file: the top level is not a JSON object", "Export the map from uMap again"
                )
            ]
        )
    if data.get("type") == "FeatureCollection":
        return [("", f) for f in data.get("features") or []], problems
    layers = data.get("layers")
    if not isinstance(layers, list):
        raise SchemaError(
            [
                Problem(
                    "umap",
                    file,
                    None,
                    "layers",
                    None,
                    "not a uMap backup: no 'layers' list",
                    "Use uMap's 'Download > full map data (.umap)'",
                )
            ]
        )
    out = []
    for i, layer in enumerate(layers, start=1):
        if not isinstance(layer, Mapping):
            problems.append(Problem("umap", file, None, "layers", str(i), f"layer {i} is not a JSON object", "The layer is skipped"))
            continue
        name = _layer_name(layer) or f"layer {i}"
        out += [(name, f) for f in layer.get("features") or []]
    return out, problems


def _read_csv_features(text: str, file: str) -> list[tuple[str, dict]]:
    reader = csv.DictReader(
        _io.StringIO(text, newline=""), delimiter=";" if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",") else ","
    )
    features = []
    for row in reader:
        lat = row.pop("Latitude", row.pop("latitude", row.pop("lat", "")))
        lon = row.pop("Longitude", row.pop("longitude", row.pop("lon", "")))
        try:
            geometry = {"type": "Point", "coordinates": [float(str(lon).replace(",", ".")), float(str(lat).replace(",", "."))]}
        except ValueError:
            geometry = {"type": "Point", "coordinates": [lon, lat]}
        features.append(("", {"type": "Feature", "geometry": geometry, "properties": dict(row)}))
    return features


def read_umap(
    path: str | os.PathLike,
    *,
    layer_spheres: Mapping[str, str] | None = None,
    default_kind: str = "initiative",
    scope: str = "",
) -> Any:
    """Import a uMap backup, GeoJSON or CSV export as an Ecosystem of actors.

    Parameters
    ----------
    path : path-like
        ``.umap``, ``.geojson``/``.json`` or ``.csv``.
    layer_spheres : mapping, optional
        Layer name → sphere code; layers not listed are recognised by name
        (:func:`guess_sphere`).
    default_kind : str, default "initiative"
        Kind of the actors whose feature has no ``kind`` property (the kind is
        required; say which one the map's features are).
    scope : str, default ""
        Scope of the actors whose feature has none (e.g. ``"local"`` for a
        map of one territory); empty by default: nothing is assumed.

    Returns
    -------
    Ecosystem
        With no ties; ``problems`` and ``rejected`` list the features that
        could not be imported and why.

    Raises
    ------
    SchemaError
        If the file is not readable as uMap data at all.

    Examples
    --------
    >>> import tempfile, pathlib, json
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "m.geojson"
    >>> _ = path.write_text(json.dumps({"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [5.04, 47.32]}, "properties": {"name": "Gaïa"}}]}), encoding="utf-8")
    >>> read_umap(path).actors.loc["gaia", ["lat", "lon"]].tolist()
    [47.32, 5.04]
    """
    from .ecosystem import Ecosystem

    path = Path(path)
    file = str(path)
    notes: list[Problem] = []
    if path.suffix.lower() == ".csv":
        text, encoding = _decode(path.read_bytes())
        features = _read_csv_features(text, file)
    else:
        data, encoding = read_json(path, "umap", "Export the map from uMap again")
        features, more = _features_from_umap(data, file)
        notes += more
    if encoding in ("cp1252", "latin-1"):
        notes.insert(
            0, Problem("umap", file, None, None, None, f"the file is not UTF-8; it was read as {encoding}", "Check accented characters")
        )
    mapping = dict(layer_spheres or {})
    columns = [*list(TABLES["actors"].column_names), "umap_layer"]
    rows: list[RawRow] = []
    rejected_rows = []
    used: dict[str, int] = {}
    for number, (layer, feature) in enumerate(features, start=1):
        props = feature.get("properties") if isinstance(feature, Mapping) else None
        props = props if isinstance(props, Mapping) else {}
        geometry = feature.get("geometry") if isinstance(feature, Mapping) else None
        gtype = geometry.get("type") if isinstance(geometry, Mapping) else None
        coords = geometry.get("coordinates") if isinstance(geometry, Mapping) else None
        name = umap_text(props.get("name")) or f"feature {number}"
        if gtype != "Point" or not isinstance(coords, (list, tuple)) or len(coords) < 2:
            notes.append(
                Problem(
                    "umap",
                    file,
                    number,
                    "geometry",
                    str(gtype),
                    f"feature '{name}' (layer '{layer}') is not a point",
                    "Draw it as a marker in uMap, or add the actor by hand",
                )
            )
            rejected_rows.append(
                {
                    "table": "actors",
                    "file": file,
                    "row": number,
                    "reasons": f"geometry: not a point ({gtype})",
                    "cells": {"name": name, "layer": layer},
                }
            )
            continue
        own = cell_text(props.get("id"))
        base = own or slugify(name)
        used[base] = used.get(base, 0) + 1
        ident = base if used[base] == 1 else f"{base}-{used[base]}"
        sphere = mapping.get(layer, guess_sphere(layer)) if layer else ""
        cells = {
            "id": ident,
            "name": name,
            "kind": cell_text(props.get("kind")) or default_kind,
            "sphere": cell_text(props.get("sphere")) or sphere,
            "scope": cell_text(props.get("scope")) or scope,
            "lon": cell_text(coords[0]),
            "lat": cell_text(coords[1]),
            "description": umap_text(props.get("description")),
            "source": cell_text(props.get("source")) or f"uMap {path.name}" + (f", layer {layer}" if layer else ""),
            "umap_layer": layer,
        }
        for key, value in props.items():
            if key in _RESERVED or key in ("kind", "sphere", "scope", "id", "source", "lat", "lon"):
                continue
            column = str(key).strip()
            if column not in cells or cells[column] == "":
                cells[column] = umap_text(value) if isinstance(value, str) else cell_text(value)
                if column not in columns:
                    columns.append(column)
        rows.append(RawRow(number, cells))
    actors = RawTable("actors", file, columns, rows, encoding)
    ties = RawTable("ties", file, TABLES["ties"].column_names, [])
    result = validate_tables({"actors": actors, "ties": ties})
    problems = notes + result.problems
    rejected = pd.concat([result.rejected, pd.DataFrame(rejected_rows, columns=result.rejected.columns)], ignore_index=True)
    t = result.tables
    return Ecosystem(
        t["actors"],
        t["people"],
        t["affiliations"],
        t["ties"],
        result.vocabulary,
        name=path.stem,
        path=file,
        rejected=rejected,
        problems=problems,
    )


def _feature_table(eco: Any, by: str, lang: str, seed: int) -> tuple[pd.DataFrame, dict, list]:
    from .brokerage import betweenness
    from .communities import detect_communities
    from .vocabulary import SPHERE_LABELS

    a = eco.actors
    S = eco.sparse_graph()
    deg = pd.Series(S.degrees(), index=S.nodes)
    comms = detect_communities(S, seed=seed).membership
    table = a.reset_index()
    table["degree"] = deg.reindex(a.index).to_numpy()
    table["betweenness"] = betweenness(S, seed=seed).reindex(a.index).round(6).to_numpy()
    table["community"] = comms.reindex(a.index).to_numpy()
    table["isolated"] = table["degree"] == 0
    placed = table["lat"].notna() & table["lon"].notna()
    skipped = table.loc[~placed, "id"].tolist()
    table = table[placed]
    if by == "sphere":
        table["layer"] = table["sphere"].map(lambda s: SPHERE_LABELS[lang].get(s, s))
        colors = {SPHERE_LABELS[lang].get(s, s): SPHERE_COLORS.get(s, NO_SPHERE_COLOR) for s in table["sphere"].unique()}
    elif by == "community":
        from .style import CATEGORICAL_PALETTE

        table["layer"] = table["community"].map(lambda c: f"{'Communauté' if lang == 'fr' else 'Community'} {c}")
        colors = {
            f"{'Communauté' if lang == 'fr' else 'Community'} {c}": CATEGORICAL_PALETTE[int(c) % len(CATEGORICAL_PALETTE)]
            for c in table["community"].unique()
        }
    else:
        raise ValueError("by must be 'sphere' or 'community'")
    return table, colors, skipped


_MEASURES = ("degree", "betweenness", "community", "isolated")


def _feature(row: Mapping, color: str) -> dict:
    props: dict[str, Any] = {}
    for key, value in row.items():
        if (
            key in ("lat", "lon", "layer")
            or value is None
            or value is pd.NA
            or (isinstance(value, float) and value != value)
            or value == ""
        ):
            continue
        props[key] = value.item() if hasattr(value, "item") else value
    props["isolated"] = bool(row["isolated"])
    props["_umap_options"] = {"color": color}
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [float(row["lon"]), float(row["lat"])]}, "properties": props}


def write_umap(eco: Any, path: str | os.PathLike, *, by: str = "sphere", title: str | None = None, lang: str = "en", seed: int = 0) -> list:
    """Write a ``.umap`` file: one layer per sphere (or community), measures as feature properties.

    Returns the ids of the actors left out because they have no coordinates.

    Examples
    --------
    >>> import tempfile, pathlib, json, ecograph as eg
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "map.umap"
    >>> write_umap(eg.datasets.tiny(), out)
    ['bank']
    >>> [layer["_umap_options"]["name"] for layer in json.loads(out.read_text(encoding="utf-8"))["layers"]]
    ['Consumption', 'Innovation', 'Production', 'Sphere unknown', 'Support structures']
    """
    table, colors, skipped = _feature_table(eco, by, lang, seed)
    layers = []
    for name in sorted(colors, key=str):
        rows = table[table["layer"] == name]
        options = {"name": str(name), "color": colors[name], "displayOnLoad": True}
        layers.append(
            {
                "type": "FeatureCollection",
                "features": [_feature(r, colors[name]) for r in rows.to_dict("records")],
                "_umap_options": options,
                "properties": dict(options),
            }
        )
    center = [float(table["lon"].mean()), float(table["lat"].mean())] if len(table) else [0.0, 0.0]
    doc = {
        "type": "umap",
        "uri": "",
        "properties": {"name": title or eco.name, "zoom": 12, "description": "ecograph export"},
        "geometry": {"type": "Point", "coordinates": center},
        "layers": layers,
    }
    Path(path).write_text(json.dumps(doc, ensure_ascii=False, indent=1, allow_nan=False), encoding="utf-8")
    return skipped


def write_geojson(eco: Any, path: str | os.PathLike, *, by: str = "sphere", lang: str = "en", seed: int = 0) -> list:
    """Write the actors with coordinates as a GeoJSON FeatureCollection (measures and ``layer`` as properties).

    Returns the ids of the actors left out because they have no coordinates.

    Examples
    --------
    >>> import tempfile, pathlib, ecograph as eg
    >>> write_geojson(eg.datasets.tiny(), pathlib.Path(tempfile.mkdtemp()) / "t.geojson")
    ['bank']
    """
    table, colors, skipped = _feature_table(eco, by, lang, seed)
    features = []
    for r in table.to_dict("records"):
        f = _feature(r, colors[r["layer"]])
        f["properties"]["layer"] = r["layer"]
        features.append(f)
    Path(path).write_text(
        json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=1, allow_nan=False), encoding="utf-8"
    )
    return skipped
