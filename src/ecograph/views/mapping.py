"""Map mode: actors placed by longitude and latitude, on an optional boundary map the user gives.

The projection is a plain equirectangular one centred on the actors (x =
longitude × cos(mean latitude), y = −latitude), good for a territory the
size of a region; no tiles are fetched, so the page stays offline. A
boundary file (GeoJSON: communes, a region) is drawn as outlines in the same
coordinates.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import EcographError
from ..words import is_missing

__all__: list[str] = []


def _number(value: Any) -> float | None:
    if value is None or (not isinstance(value, str) and is_missing(value)):
        return None
    try:
        x = float(value)
    except (TypeError, ValueError):
        return None
    return x if math.isfinite(x) else None


class Projection:
    """Longitude/latitude → view coordinates (``y`` downwards), scaled so the actors span ``scale`` on their longer side."""

    def __init__(self, lons: np.ndarray, lats: np.ndarray, scale: float):
        self.lat0 = float(np.mean(lats))
        self.k = math.cos(math.radians(self.lat0))
        x, y = lons * self.k, -lats
        self.cx, self.cy = float((x.max() + x.min()) / 2), float((y.max() + y.min()) / 2)
        half = max(float(x.max() - x.min()), float(y.max() - y.min())) / 2
        self.factor = scale / half if half > 0 else 1.0

    def __call__(self, lons: np.ndarray, lats: np.ndarray) -> np.ndarray:
        x = (np.asarray(lons, dtype=float) * self.k - self.cx) * self.factor
        y = (-np.asarray(lats, dtype=float) - self.cy) * self.factor
        return np.round(np.column_stack([x, y]), 2)


def geo_positions(attrs: Iterable[tuple[Any, Mapping]], *, lat: str, lon: str, scale: float) -> tuple[dict, Projection | None]:
    """Map position of every actor that has both coordinates, and the projection (None when no actor has them)."""
    found = []
    for n, d in attrs:
        la, lo = _number(d.get(lat)), _number(d.get(lon))
        if la is not None and lo is not None and -90 <= la <= 90 and -180 <= lo <= 180:
            found.append((n, lo, la))
    if not found:
        return {}, None
    lons = np.array([f[1] for f in found])
    lats = np.array([f[2] for f in found])
    projection = Projection(lons, lats, scale)
    xy = projection(lons, lats)
    return {n: [float(a), float(b)] for (n, _, _), (a, b) in zip(found, xy)}, projection


def _rings(geometry: Mapping, where: str) -> list[list]:
    kind = geometry.get("type")
    coords = geometry.get("coordinates")
    if kind == "GeometryCollection":
        return [r for g in geometry.get("geometries", []) for r in _rings(g, where)]
    if coords is None:
        raise EcographError(f"{where}: the geometry has no 'coordinates'")
    if kind == "LineString":
        return [coords]
    if kind in ("Polygon", "MultiLineString"):
        return list(coords)
    if kind == "MultiPolygon":
        return [ring for polygon in coords for ring in polygon]
    if kind in ("Point", "MultiPoint"):
        return []
    raise EcographError(f"{where}: unknown geometry type {kind!r} (expected Polygon, MultiPolygon, LineString or MultiLineString)")


def boundary_paths(boundaries: Mapping | str | os.PathLike, projection: Projection) -> list[list[list[float]]]:
    """Outlines of a GeoJSON (a dict, or a file path) as polylines in view coordinates."""
    name = "the boundaries given"
    if isinstance(boundaries, (str, os.PathLike)):
        name = str(boundaries)
        try:
            boundaries = json.loads(Path(boundaries).read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise EcographError(f"{name}: not valid JSON (line {exc.lineno}, column {exc.colno}): {exc.msg}") from None
    kind = boundaries.get("type") if isinstance(boundaries, Mapping) else None
    if kind == "FeatureCollection":
        features = boundaries.get("features") or []
    elif kind == "Feature":
        features = [boundaries]
    elif kind is not None:
        features = [{"geometry": boundaries}]
    else:
        raise EcographError(f"{name}: not GeoJSON (no 'type' FeatureCollection, Feature or geometry)")
    paths = []
    for i, feature in enumerate(features):
        geometry = feature.get("geometry")
        if not geometry:
            continue
        for ring in _rings(geometry, f"{name}, feature {i}"):
            pts = np.asarray([p[:2] for p in ring], dtype=float)
            if len(pts) >= 2:
                paths.append(projection(pts[:, 0], pts[:, 1]).tolist())
    return paths
