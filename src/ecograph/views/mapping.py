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

from ..errors import EcographError, printable
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


#: How deeply a boundary file may nest its geometries (GeometryCollections in GeometryCollections).
MAX_NESTING = 16
_KINDS = "Polygon, MultiPolygon, LineString or MultiLineString"


def _rings(geometry: Any, where: str, depth: int = 0) -> list[list]:
    if not isinstance(geometry, Mapping):
        raise EcographError(f"{where}: the geometry is not a GeoJSON object (got {type(geometry).__name__})")
    kind = geometry.get("type")
    if kind == "GeometryCollection":
        if depth >= MAX_NESTING:
            raise EcographError(f"{where}: geometries are nested too deeply (more than {MAX_NESTING} levels)")
        parts = geometry.get("geometries")
        if not isinstance(parts, list):
            raise EcographError(f"{where}: the GeometryCollection has no list of 'geometries'")
        return [r for g in parts for r in _rings(g, where, depth + 1)]
    coords = geometry.get("coordinates")
    if coords is None:
        raise EcographError(f"{where}: the geometry has no 'coordinates'")
    if kind == "LineString":
        return [coords]
    if kind in ("Polygon", "MultiLineString"):
        return _list(coords, where)
    if kind == "MultiPolygon":
        return [ring for polygon in _list(coords, where) for ring in _list(polygon, where)]
    if kind in ("Point", "MultiPoint"):
        return []
    raise EcographError(f"{where}: unknown geometry type {printable(repr(kind), limit=60)} (expected {_KINDS})")


def _list(value: Any, where: str) -> list:
    if not isinstance(value, list):
        raise EcographError(f"{where}: the coordinates are not a list of rings")
    return value


def _points(ring: Any, where: str) -> np.ndarray:
    """A ring's points as a (n, 2) array of finite longitudes and latitudes."""
    if not isinstance(ring, list) or not all(isinstance(p, list) and len(p) >= 2 for p in ring):
        raise EcographError(f"{where}: the coordinates are not a list of [longitude, latitude] points")
    try:
        pts = np.array([p[:2] for p in ring], dtype=float).reshape(-1, 2)
    except (TypeError, ValueError, OverflowError, RecursionError):
        raise EcographError(f"{where}: a coordinate is not a number") from None
    if not np.isfinite(pts).all():
        raise EcographError(f"{where}: a coordinate is not a finite number")
    return pts


def _read_boundaries(path: str | os.PathLike) -> Any:
    name = str(path)
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise EcographError(f"{name}: not valid JSON (line {exc.lineno}, column {exc.colno}): {exc.msg}") from None
    except RecursionError:
        raise EcographError(f"{name}: the data is nested too deeply") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise EcographError(f"{name}: cannot read the boundaries: {exc}") from None


def _features(boundaries: Any, name: str) -> list:
    kind = boundaries.get("type") if isinstance(boundaries, Mapping) else None
    if kind == "FeatureCollection":
        features = boundaries.get("features")
        if not isinstance(features, list):
            raise EcographError(f"{name}: the FeatureCollection has no list of 'features'")
        return features
    if kind == "Feature":
        return [boundaries]
    if isinstance(kind, str):
        return [{"geometry": boundaries}]
    raise EcographError(f"{name}: not GeoJSON (no 'type' FeatureCollection, Feature or geometry)")


def boundary_paths(boundaries: Mapping | str | os.PathLike, projection: Projection) -> list[list[list[float]]]:
    """Outlines of a GeoJSON (a dict, or a file path) as polylines in view coordinates.

    A file or mapping that is not GeoJSON (not an object, no list of
    ``features``, geometries nested more than :data:`MAX_NESTING` deep,
    coordinates that are not finite numbers) is refused with an
    :class:`~ecograph.EcographError` naming the file and the feature.

    Examples
    --------
    >>> p = Projection(np.array([4.8, 5.1]), np.array([47.0, 47.4]), 100)
    >>> boundary_paths({"type": "FeatureCollection", "features": [{"geometry": {"type": "LineString", "coordinates": [[4.8, "x"]]}}]}, p)
    Traceback (most recent call last):
    ...
    ecograph.errors.EcographError: the boundaries given, feature 0: a coordinate is not a number
    """
    name = "the boundaries given"
    if isinstance(boundaries, (str, os.PathLike)):
        name = str(boundaries)
        boundaries = _read_boundaries(boundaries)
    paths = []
    for i, feature in enumerate(_features(boundaries, name)):
        where = f"{name}, feature {i}"
        if not isinstance(feature, Mapping):
            raise EcographError(f"{where}: the feature is not a GeoJSON object (got {type(feature).__name__})")
        geometry = feature.get("geometry")
        if not geometry:
            continue
        for ring in _rings(geometry, where):
            pts = _points(ring, where)
            if len(pts) >= 2:
                paths.append(projection(pts[:, 0], pts[:, 1]).tolist())
    return paths
