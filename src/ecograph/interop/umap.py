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
A feature whose kind, type or category says it is a person (``person``,
``personne``..., or a kind named in ``people_kinds``) goes to the people
table instead. Features that are not points (lines, polygons) are reported in
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
import math
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from ..ecosystem import Ecosystem
from ..errors import EcographError, Problem, SchemaError
from ..io import RawRow, RawTable, cell_text, decode_bytes, read_json, sniff_delimiter
from ..measures.analysis import Analysis
from ..schema import TABLES
from ..validation import slugify, validate_tables
from ..views.style import CATEGORICAL_PALETTE, NO_SPHERE_COLOR, SPHERE_COLORS
from ..vocabulary import SPHERE_LABELS
from ..words import word
from .exchange import is_person_kind

__all__ = ["MissingCoordinatesError", "read_umap", "write_umap", "write_geojson", "umap_text", "guess_sphere"]

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
    out: list[tuple[str, dict]] = []

    def walk(items: list, prefix: str, group: str) -> None:
        for i, layer in enumerate(items, start=1):
            if not isinstance(layer, Mapping):
                problems.append(
                    Problem("umap", file, None, "layers", str(i), f"layer {prefix}{i} is not a JSON object", "The layer is skipped")
                )
                continue
            own = _layer_name(layer) or f"layer {prefix}{i}"
            name = f"{group} / {own}" if group else own
            out.extend((name, f) for f in layer.get("features") or [])
            if isinstance(layer.get("layers"), list):  # a group of layers (uMap 3): its layers at any depth
                walk(layer["layers"], f"{prefix}{i}.", name)

    walk(layers, "", "")
    return out, problems


_WKT_POINT = re.compile(r"^\s*POINT\s*Z?\s*\(\s*([-+0-9.eE]+)\s+([-+0-9.eE]+)(?:\s+[-+0-9.eE]+)?\s*\)\s*$", re.I)


def _coordinate_columns(header: list[str]) -> tuple[str | None, str | None, str | None]:
    """The latitude, longitude and WKT columns of a CSV header, matched as uMap matches them."""
    low = {h: h.strip().lower() for h in header}
    lat = next((h for h, v in low.items() if v in ("lat", "latitude")), None) or next((h for h, v in low.items() if "lat" in v), None)
    lon = next((h for h, v in low.items() if v in ("lon", "lng", "long", "longitude")), None) or next(
        (h for h, v in low.items() if re.search(r"lon|lng", v)), None
    )
    wkt = next((h for h, v in low.items() if v in ("wkt", "geom", "geometry", "the_geom")), None)
    return lat, lon, wkt


def _number(text: str) -> float:
    return float(str(text).strip().replace(",", "."))


def _read_csv_features(text: str, file: str) -> list[tuple[str, dict]]:

    reader = csv.DictReader(_io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    lat_col, lon_col, wkt_col = _coordinate_columns([h for h in reader.fieldnames or [] if h])
    if not (lat_col and lon_col) and not wkt_col:
        raise SchemaError(
            [
                Problem(
                    "umap",
                    file,
                    1,
                    None,
                    ", ".join(reader.fieldnames or []),
                    "no coordinate columns: uMap reads lat/latitude and lon/lng/long/longitude columns, or a WKT column",
                    "Name the columns Latitude and Longitude",
                )
            ]
        )
    features = []
    for row in reader:
        row = {k: v for k, v in row.items() if k is not None}
        geometry: dict = {"type": None, "coordinates": None}
        if lat_col and lon_col and (row.get(lat_col) or row.get(lon_col)):
            lat, lon = row.pop(lat_col, ""), row.pop(lon_col, "")
            try:
                geometry = {"type": "Point", "coordinates": [_number(lon), _number(lat)]}
            except ValueError:
                geometry = {"type": "Point", "coordinates": [lon, lat]}
        elif wkt_col:
            shape = row.pop(wkt_col, "")
            m = _WKT_POINT.match(shape or "")
            geometry = (
                {"type": "Point", "coordinates": [float(m.group(1)), float(m.group(2))]}
                if m
                else {"type": (shape or "").split("(")[0].strip().title() or None}
            )
        row.pop(lat_col or "", None)
        row.pop(lon_col or "", None)
        row.pop(wkt_col or "", None)
        features.append(("", {"type": "Feature", "geometry": geometry, "properties": dict(row)}))
    return features


_NOT_READ = {
    ".gpx": "GPX",
    ".kml": "KML",
    ".kmz": "KML",
    ".xml": "GeoRSS",
    ".rss": "GeoRSS",
    ".georss": "GeoRSS",
    ".osm": "OSM XML",
}


def _refuse_format(file: str, what: str) -> SchemaError:
    return SchemaError(
        [
            Problem(
                "umap",
                file,
                None,
                None,
                None,
                f"{what} is a format uMap reads but ecograph does not",
                "In uMap, open the map and use Share > Download > GeoJSON or 'full map data (.umap)', then import that file",
            )
        ]
    )


def _label_key(data: Any) -> str:
    props = data.get("properties") if isinstance(data, Mapping) else None
    for holder in (props, data.get("_umap_options") if isinstance(data, Mapping) else None):
        if isinstance(holder, Mapping) and holder.get("labelKey"):
            return str(holder["labelKey"])
    return ""


def read_umap(
    path: str | os.PathLike,
    *,
    layer_spheres: Mapping[str, str] | None = None,
    default_kind: str = "initiative",
    scope: str = "",
    people_kinds: Iterable[str] = (),
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
    people_kinds : iterable of str, optional
        Kinds of the features that are people, besides
        :data:`ecograph.interop.exchange.PEOPLE_WORDS` (``person``,
        ``personne``...): those features go to the people table, not the
        actors (a map has no ties, so no affiliations).

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

    path = Path(path)
    file = str(path)
    notes: list[Problem] = []
    suffix = path.suffix.lower()
    label_key = ""
    if suffix in _NOT_READ:
        raise _refuse_format(file, _NOT_READ[suffix])
    if suffix in (".csv", ".tsv", ".txt"):
        text, encoding = decode_bytes(path.read_bytes())
        features = _read_csv_features(text, file)
    else:
        head = path.read_bytes()[:200].lstrip(b"\xef\xbb\xbf \t\r\n")
        if head.startswith(b"<"):
            raise _refuse_format(file, "An XML file (GPX, KML, GeoRSS or OSM)")
        data, encoding = read_json(path, "umap", "Export the map from uMap again")
        if (
            isinstance(data, Mapping)
            and isinstance(data.get("elements"), list)
            and ("version" in data or "osm3s" in data or "generator" in data)
        ):
            raise _refuse_format(file, "OSM JSON (from Overpass)")
        features, more = _features_from_umap(data, file)
        label_key = _label_key(data)
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
    for number, (layer, feature) in enumerate(features, start=2):  # numbered as the CSV export's rows: the first is row 2
        props = feature.get("properties") if isinstance(feature, Mapping) else None
        props = props if isinstance(props, Mapping) else {}
        geometry = feature.get("geometry") if isinstance(feature, Mapping) else None
        gtype = geometry.get("type") if isinstance(geometry, Mapping) else None
        coords = geometry.get("coordinates") if isinstance(geometry, Mapping) else None
        name = umap_text(props.get(label_key) if label_key else None) or umap_text(props.get("name")) or f"feature {number - 1}"
        if gtype != "Point" or not isinstance(coords, (list, tuple)) or len(coords) < 2:
            notes.append(
                Problem(
                    "umap",
                    file,
                    number,
                    "geometry",
                    str(gtype),
                    f"feature '{name}' (layer '{layer}') is not a point"
                    if gtype != "Point"
                    else f"feature '{name}' (layer '{layer}') has no coordinates",
                    "Draw it as a marker in uMap, or add the actor by hand",
                )
            )
            rejected_rows.append(
                {
                    "table": "actors",
                    "file": file,
                    "row": number,
                    "reasons": f"geometry: not a point ({gtype})" if gtype != "Point" else "geometry: a point without coordinates",
                    "cells": {"name": name, "layer": layer},
                }
            )
            continue
        own = cell_text(props.get("id"))
        base = own or slugify(name)
        used[base] = used.get(base, 0) + 1
        ident = base if used[base] == 1 else f"{base}-{used[base]}"
        parts = [layer, *layer.split(" / ")[::-1]] if layer else []
        sphere = next((mapping[p] for p in parts if p in mapping), "") or (guess_sphere(layer) if layer else "")
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
            if key in _RESERVED or key in ("kind", "sphere", "scope", "id", "source", "lat", "lon") or (label_key and key == label_key):
                continue
            column = str(key).strip()
            if column not in cells or cells[column] == "":
                cells[column] = umap_text(value) if isinstance(value, str) else cell_text(value)
                if column not in columns:
                    columns.append(column)
        rows.append(RawRow(number, cells))
    rows, people = _people_apart(rows, file, encoding, people_kinds)
    actors = RawTable("actors", file, columns, rows, encoding)
    ties = RawTable("ties", file, TABLES["ties"].column_names, [])
    result = validate_tables({"actors": actors, "ties": ties, **people})
    problems = notes + result.problems
    rejected = pd.concat([result.rejected, pd.DataFrame(rejected_rows, columns=result.rejected.columns)], ignore_index=True)
    rejected = rejected.sort_values("row", kind="stable", key=lambda rows: pd.to_numeric(rows, errors="coerce")).reset_index(drop=True)
    t = result.tables
    eco = Ecosystem(
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
    eco.read_counts = (len(features), 0)  # features in the file, for the import summary
    return eco


def _people_apart(rows: list[RawRow], file: str, encoding: str, people_kinds: Iterable[str]) -> tuple[list[RawRow], dict[str, RawTable]]:
    """The actors' rows, and the people table of the features whose kind, type or category says they are people."""
    is_person = [any(is_person_kind(r.cells.get(f), people_kinds) for f in ("kind", "type", "category")) for r in rows]
    if not any(is_person):
        return rows, {}
    people = []
    columns = list(TABLES["people"].column_names)
    for row, person in zip(rows, is_person):
        if person:
            cells = {k: v for k, v in row.cells.items() if k not in ("kind", "sphere", "scope") and v}
            columns += [c for c in cells if c not in columns]
            people.append(RawRow(row.row, cells))
    return [r for r, person in zip(rows, is_person) if not person], {"people": RawTable("people", file, columns, people, encoding)}


class MissingCoordinatesError(EcographError, ValueError):
    """No actor of the dataset has coordinates: there is nothing to put on a map.

    Examples
    --------
    >>> import tempfile, pathlib, ecograph as eg
    >>> try:
    ...     write_umap(eg.datasets.dijon(), pathlib.Path(tempfile.mkdtemp()) / "m.umap")
    ... except MissingCoordinatesError as exc:
    ...     print(str(exc).split(":")[0])
    none of the 108 actors has coordinates
    """


def _feature_table(eco: Any, by: str, lang: str, seed: int, analysis: Any = None) -> tuple[pd.DataFrame, dict, list]:

    if by not in ("sphere", "community"):
        raise ValueError("by must be 'sphere' or 'community'")
    a = eco.actors
    placed = a["lat"].notna() & a["lon"].notna()
    if not placed.any():
        raise MissingCoordinatesError(word("interop.no_coordinates", lang, n=len(a)))
    measures = Analysis.of(analysis if analysis is not None else eco, seed=seed)
    table = a.reset_index()
    table["degree"] = measures.degree.reindex(a.index).fillna(0).astype(int).to_numpy()
    table["betweenness"] = measures.betweenness.reindex(a.index).round(6).to_numpy()
    table["community"] = measures.communities.membership.reindex(a.index).to_numpy()
    isolate = measures.isolated["isolate"] if "isolate" in measures.isolated else pd.Series(dtype=bool)
    table["isolated"] = isolate.reindex(a.index).fillna(False).astype(bool).to_numpy()
    table["sphere_label"] = table["sphere"].map(lambda s: SPHERE_LABELS[lang].get(s, s))
    skipped = table.loc[~placed.to_numpy(), "id"].tolist()
    table = table[placed.to_numpy()]
    community_word = word("interop.community", lang)
    if by == "sphere":
        table["layer"] = table["sphere_label"]
        colors = {SPHERE_LABELS[lang].get(s, s): SPHERE_COLORS.get(s, NO_SPHERE_COLOR) for s in table["sphere"].unique()}
    else:
        table["layer"] = table["community"].map(lambda c: f"{community_word} {c}")
        colors = {f"{community_word} {c}": CATEGORICAL_PALETTE[int(c) % len(CATEGORICAL_PALETTE)] for c in table["community"].unique()}
    return table, colors, skipped


_MEASURES = ("degree", "betweenness", "community", "isolated")
_FIELD_TYPES = {"degree": "Number", "betweenness": "Number", "community": "Number", "isolated": "Boolean", "lat": "Number", "lon": "Number"}


def _fields(table: pd.DataFrame) -> list[dict]:
    """uMap's typed fields of the features' properties."""
    out = []
    for col in table.columns:
        if col in ("lat", "lon", "layer"):
            continue
        kind = _FIELD_TYPES.get(col)
        if kind is None:
            if pd.api.types.is_numeric_dtype(table[col]):
                kind = "Number"
            elif col in ("sphere", "kind", "scope", "sphere_label"):
                kind = "Enum"
            elif col == "description":
                kind = "Text"
            else:
                kind = "String"
        out.append({"key": str(col), "type": kind})
    return out


def _popup(lang: str) -> str:
    return "\n".join(
        [
            "# {name}",
            f"{word('interop.popup_sphere', lang)}: {{sphere_label}}",
            f"{word('interop.popup_degree', lang)}: {{degree}}",
            f"{word('interop.popup_betweenness', lang)}: {{betweenness}}",
            f"{word('interop.popup_community', lang)}: {{community}}",
            f"{word('interop.popup_isolated', lang)}: {{isolated}}",
            "{description}",
        ]
    )


def _view(table: pd.DataFrame) -> tuple[list[float], int]:
    """Centre (longitude, latitude) and zoom that fit every placed actor."""
    lon_min, lon_max = float(table["lon"].min()), float(table["lon"].max())
    lat_min, lat_max = float(table["lat"].min()), float(table["lat"].max())
    extent = max(lon_max - lon_min, (lat_max - lat_min) * 1.5, 1e-4)
    zoom = int(max(2, min(17, math.floor(math.log2(360 / extent)))))
    return [round((lon_min + lon_max) / 2, 6), round((lat_min + lat_max) / 2, 6)], zoom


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


def write_umap(
    eco: Any,
    path: str | os.PathLike,
    *,
    by: str = "sphere",
    title: str | None = None,
    lang: str = "en",
    seed: int = 0,
    analysis: Any = None,
) -> list:
    """Write a ``.umap`` file: one layer per sphere (or community), measures as typed feature fields.

    Each layer declares its fields with their types (numbers, yes/no, lists)
    and a popup that shows the actor's name, sphere and measures (degree,
    betweenness, community, isolated), taken from ``analysis`` (an
    :class:`ecograph.Analysis` of ``eco``, made when not given). The map
    opens on a view that fits the actors. Returns the ids of the actors left
    out because they have no coordinates.

    Raises
    ------
    MissingCoordinatesError
        If no actor has coordinates (there would be nothing on the map).

    Examples
    --------
    >>> import tempfile, pathlib, json, ecograph as eg
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "map.umap"
    >>> write_umap(eg.datasets.tiny(), out)
    ['bank']
    >>> doc = json.loads(out.read_text(encoding="utf-8"))
    >>> [layer["_umap_options"]["name"] for layer in doc["layers"]]
    ['Consumption', 'Innovation', 'Production', 'Sphere unknown', 'Support structures']
    >>> doc["properties"]["defaultView"], {f["key"]: f["type"] for f in doc["layers"][0]["_umap_options"]["fields"]}["degree"]
    ('data', 'Number')
    """
    table, colors, skipped = _feature_table(eco, by, lang, seed, analysis)
    fields = _fields(table)
    popup = _popup(lang)
    layers = []
    for name in sorted(colors, key=str):
        rows = table[table["layer"] == name]
        options = {
            "name": str(name),
            "color": colors[name],
            "displayOnLoad": True,
            "fields": fields,
            "popupTemplate": "Default",
            "popupContentTemplate": popup,
            "labelKey": "name",
        }
        layers.append(
            {
                "type": "FeatureCollection",
                "features": [_feature(r, colors[name]) for r in rows.to_dict("records")],
                "_umap_options": options,
                "properties": dict(options),
            }
        )
    center, zoom = _view(table)
    doc = {
        "type": "umap",
        "uri": "",
        "properties": {
            "name": title or eco.name,
            "zoom": zoom,
            "defaultView": "data",
            "description": "ecograph export",
            "popupContentTemplate": popup,
            "labelKey": "name",
        },
        "geometry": {"type": "Point", "coordinates": center},
        "layers": layers,
    }
    Path(path).write_text(json.dumps(doc, ensure_ascii=False, indent=1, allow_nan=False), encoding="utf-8")
    return skipped


def write_geojson(eco: Any, path: str | os.PathLike, *, by: str = "sphere", lang: str = "en", seed: int = 0, analysis: Any = None) -> list:
    """Write the actors with coordinates as a GeoJSON FeatureCollection (measures and ``layer`` as properties).

    Returns the ids of the actors left out because they have no coordinates;
    raises :class:`MissingCoordinatesError` if no actor has any.

    Examples
    --------
    >>> import tempfile, pathlib, ecograph as eg
    >>> write_geojson(eg.datasets.tiny(), pathlib.Path(tempfile.mkdtemp()) / "t.geojson")
    ['bank']
    """
    table, colors, skipped = _feature_table(eco, by, lang, seed, analysis)
    features = []
    for r in table.to_dict("records"):
        f = _feature(r, colors[r["layer"]])
        f["properties"]["layer"] = r["layer"]
        features.append(f)
    Path(path).write_text(
        json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=1, allow_nan=False), encoding="utf-8"
    )
    return skipped
