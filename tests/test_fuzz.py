"""Fuzzing every reader: random bytes, random shapes and random text give a dataset or a SchemaError, nothing else.

Each example must also end within a time bound and a memory bound. The
readers: ``eg.load`` on a CSV folder and on a workbook, and the import
readers of ``ecograph import`` (Gephi's GEXF and GraphML, Kumu's JSON and
workbook, uMap's backups, GeoJSON and CSV) through their public functions.

The default budget keeps CI within seconds and replays the same examples
every run. A longer, random run::

    ECOGRAPH_FUZZ_EXAMPLES=2000 python -m pytest -m fuzz tests/test_fuzz.py
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import os
import tempfile
import time
import tracemalloc
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ecograph as eg
from ecograph.errors import SchemaError
from ecograph.interop.gephi import read_gexf, read_graphml
from ecograph.interop.kumu import read_kumu
from ecograph.interop.template import write_template
from ecograph.interop.umap import read_umap

EXAMPLES = int(os.environ.get("ECOGRAPH_FUZZ_EXAMPLES", "0"))
FUZZ = settings(
    max_examples=EXAMPLES or 12,
    derandomize=not EXAMPLES,  # CI replays the same examples; a long run explores
    deadline=None,  # timed below, with a bound that a loaded CI machine still meets
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
SECONDS = 10.0
PEAK_MIB = 64

pytestmark = pytest.mark.fuzz

COLUMNS = sorted(
    {c for t in eg.schema.TABLES.values() for c in t.column_names}
    | {"field", "value", "directed", "description", "label", "type", "from", "to", "name", "id"}
)
TABLE_NAMES = ["actors", "ties", "people", "affiliations", "vocabulary"]

# any text: control characters, surrogates, accents, right-to-left marks, formula starts, long runs
ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=40)
CELL = st.one_of(
    ANY_TEXT,
    st.sampled_from(["", "a", "b", "initiative", "partnership", "2016", "2016-13-45", "47,5", "=1+1", "nan", "NaN", "yes", " "]),
    st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True),
)
HEADER = st.lists(st.one_of(st.sampled_from(COLUMNS), ANY_TEXT), min_size=0, max_size=8)


def loaded_or_schema_error(read, *args, **kwargs) -> None:
    """Call a reader: it returns an Ecosystem or raises SchemaError, in bounded time and memory."""
    tracemalloc.start()
    start = time.perf_counter()
    try:
        result = read(*args, **kwargs)
    except SchemaError as exc:
        assert exc.problems and all(str(p) for p in exc.problems)
        str(exc).encode("utf-8")  # every message can be printed and written
    else:
        assert isinstance(result, eg.Ecosystem)
        for p in result.problems:
            str(p).encode("utf-8")
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert time.perf_counter() - start < SECONDS
    assert peak < PEAK_MIB * 2**20, f"peak {peak / 2**20:.0f} MiB"


def csv_text(header: list[str], rows: list[list[str]], delimiter: str) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator=os.linesep)
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()


ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16", "utf-32", "latin-1"])


@st.composite
def csv_files(draw) -> bytes:
    """A CSV file of random shape: any header, ragged rows of any text, any encoding and separator."""
    header = draw(HEADER)
    rows = draw(st.lists(st.lists(CELL, max_size=10), max_size=8))
    text = csv_text(header, rows, draw(st.sampled_from([",", ";", "\t"])))
    return _encode(draw, text)


def _encode(draw, text: str) -> bytes:
    """Text in a random encoding; what it cannot hold becomes '?', and UTF-8 may carry lone surrogates."""
    encoding = draw(ENCODINGS)
    errors = "surrogatepass" if encoding.startswith("utf-8") and draw(st.booleans()) else "replace"
    return text.encode(encoding, errors)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# ---- eg.load -------------------------------------------------------------------------------------------


@FUZZ
@given(
    files=st.dictionaries(
        st.sampled_from(["actors.csv", "ties.csv", "people.csv", "ACTORS.csv", "vocabulary.txt"]), st.binary(max_size=600)
    )
)
def test_load_a_folder_of_random_bytes(tmp_path_factory, files):
    folder = tmp_path_factory.mktemp("bytes")
    for name, data in files.items():
        _write(folder / name, data)
    for on_error in ("raise", "collect"):
        loaded_or_schema_error(eg.load, folder, on_error=on_error)


@FUZZ
@given(tables=st.dictionaries(st.sampled_from(TABLE_NAMES), csv_files(), min_size=1))
def test_load_a_folder_of_random_csv(tmp_path_factory, tables):
    folder = tmp_path_factory.mktemp("csv")
    for name, data in tables.items():
        _write(folder / f"{name}.csv", data)
    for on_error in ("raise", "collect"):
        loaded_or_schema_error(eg.load, folder, on_error=on_error)


def _xlsx_value(draw):
    return draw(
        st.one_of(
            ANY_TEXT.map(lambda t: openpyxl.cell.cell.ILLEGAL_CHARACTERS_RE.sub("", t.encode("utf-8", "replace").decode())),
            CELL.map(lambda t: openpyxl.cell.cell.ILLEGAL_CHARACTERS_RE.sub("", t.encode("utf-8", "replace").decode())),
            st.integers(-(10**20), 10**20),
            st.floats(allow_nan=True, allow_infinity=False),
            st.booleans(),
            st.datetimes(min_value=datetime.datetime(1900, 3, 1), max_value=datetime.datetime(2100, 1, 1)),
            st.none(),
        )
    )


@st.composite
def workbooks(draw, sheet_names=TABLE_NAMES) -> bytes:
    """A workbook written by openpyxl: sheets named like tables (or not), cells of any type, anywhere."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    names = draw(
        st.lists(st.one_of(st.sampled_from(sheet_names), st.from_regex(r"[A-Za-z ]{1,12}", fullmatch=True)), min_size=1, max_size=4)
    )
    for name in dict.fromkeys(n.strip() or "x" for n in names):
        ws = wb.create_sheet(name[:31])
        for c, head in enumerate(draw(HEADER), start=1):
            value = openpyxl.cell.cell.ILLEGAL_CHARACTERS_RE.sub("", head.encode("utf-8", "replace").decode())
            ws.cell(row=1, column=c, value=value or None).data_type = "s"
        for _ in range(draw(st.integers(0, 6))):
            row, col = draw(st.integers(2, 40)), draw(st.integers(1, 12))
            cell = ws.cell(row=row, column=col, value=_xlsx_value(draw))
            if isinstance(cell.value, str):
                cell.data_type = "s"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


@FUZZ
@given(data=workbooks())
def test_load_a_random_workbook(tmp_path_factory, data):
    path = _write(tmp_path_factory.mktemp("xlsx") / "data.xlsx", data)
    for on_error in ("raise", "collect"):
        loaded_or_schema_error(eg.load, path, on_error=on_error)


def _valid_workbook() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = write_template(Path(folder) / "tiny.xlsx", source=eg.datasets.tiny())
        return path.read_bytes()


VALID_WORKBOOK = _valid_workbook()


@st.composite
def damaged_workbooks(draw) -> bytes:
    """A valid workbook with one part damaged: bytes replaced, inserted or cut, then zipped again."""
    with zipfile.ZipFile(io.BytesIO(VALID_WORKBOOK)) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    name = draw(st.sampled_from(sorted(parts)))
    data = bytearray(parts[name])
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["replace", "insert", "cut"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if kind == "replace" and data:
            data[at] = draw(st.integers(0, 255))
        elif kind == "insert":
            data[at:at] = draw(st.sampled_from([b"<", b"&", b"<!DOCTYPE x>", b'r="A0"', b't="s"', b"<v>99999</v>", b"\x00", b"\xff"]))
        else:
            del data[at:]
    parts[name] = bytes(data)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for n, d in parts.items():
            z.writestr(n, d)
    out = buf.getvalue()
    if draw(st.booleans()):  # and sometimes the zip itself
        cut = draw(st.integers(0, len(out)))
        out = out[:cut] + draw(st.binary(max_size=20)) + out[cut + 1 :]
    return out


@FUZZ
@given(data=damaged_workbooks())
def test_load_a_damaged_workbook(tmp_path_factory, data):
    path = _write(tmp_path_factory.mktemp("damaged") / "data.xlsx", data)
    loaded_or_schema_error(eg.load, path, on_error="collect")


@FUZZ
@given(data=st.binary(max_size=800))
def test_load_random_bytes_named_xlsx(tmp_path_factory, data):
    path = _write(tmp_path_factory.mktemp("rawxlsx") / "data.xlsx", b"PK\x03\x04" + data if data[:1] == b"P" else data)
    loaded_or_schema_error(eg.load, path)


# ---- the import readers ------------------------------------------------------------------------------------

JSON_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), ANY_TEXT)
JSON_VALUES = st.deferred(
    lambda: st.one_of(
        JSON_SCALARS,
        st.lists(JSON_VALUES, max_size=3),
        st.dictionaries(st.one_of(st.sampled_from(COLUMNS), ANY_TEXT), JSON_VALUES, max_size=4),
    )
)
KUMU = st.fixed_dictionaries(
    {"elements": st.lists(st.one_of(JSON_VALUES, st.dictionaries(st.sampled_from(COLUMNS), JSON_VALUES, max_size=6)), max_size=5)},
    optional={
        "connections": st.one_of(JSON_VALUES, st.lists(st.dictionaries(st.sampled_from(COLUMNS), JSON_VALUES, max_size=5), max_size=4))
    },
)
FEATURE = st.fixed_dictionaries(
    {"type": st.just("Feature")},
    optional={
        "geometry": st.one_of(
            JSON_VALUES, st.fixed_dictionaries({"type": st.sampled_from(["Point", "LineString"]), "coordinates": JSON_VALUES})
        ),
        "properties": st.one_of(JSON_VALUES, st.dictionaries(st.sampled_from(COLUMNS), JSON_VALUES, max_size=6)),
    },
)
UMAP = st.one_of(
    st.fixed_dictionaries({"type": st.just("FeatureCollection"), "features": st.lists(st.one_of(FEATURE, JSON_VALUES), max_size=4)}),
    st.fixed_dictionaries(
        {"type": st.just("umap")},
        optional={
            "layers": st.one_of(
                JSON_VALUES,
                st.lists(
                    st.fixed_dictionaries(
                        {"features": st.lists(st.one_of(FEATURE, JSON_VALUES), max_size=3)},
                        optional={"_umap_options": st.dictionaries(st.just("name"), JSON_VALUES), "properties": JSON_VALUES},
                    ),
                    max_size=3,
                ),
            )
        },
    ),
    JSON_VALUES,
)


def _json_bytes(draw, value) -> bytes:
    return _encode(draw, json.dumps(value, ensure_ascii=draw(st.booleans())))


@FUZZ
@given(data=st.data())
def test_kumu_json(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("kumu")
    raw = data.draw(
        st.one_of(st.binary(max_size=400), st.builds(lambda v: v, KUMU).map(lambda v: json.dumps(v).encode("utf-8", "surrogatepass")))
    )
    loaded_or_schema_error(read_kumu, _write(folder / "map.json", raw), default_source=data.draw(st.sampled_from([None, "fuzz"])))
    loaded_or_schema_error(read_kumu, _write(folder / "map2.json", _json_bytes(data.draw, data.draw(KUMU))))


@FUZZ
@given(data=workbooks(sheet_names=["Elements", "Connections", "elements"]))
def test_kumu_workbook(tmp_path_factory, data):
    loaded_or_schema_error(read_kumu, _write(tmp_path_factory.mktemp("kumux") / "map.xlsx", data), default_source="fuzz")


@FUZZ
@given(data=st.data())
def test_umap_files(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("umap")
    suffix = data.draw(st.sampled_from([".umap", ".geojson", ".json"]))
    loaded_or_schema_error(read_umap, _write(folder / f"map{suffix}", _json_bytes(data.draw, data.draw(UMAP))))
    loaded_or_schema_error(read_umap, _write(folder / f"raw{suffix}", data.draw(st.binary(max_size=300))))
    loaded_or_schema_error(read_umap, _write(folder / "map.csv", data.draw(csv_files())))
    spheres = data.draw(st.dictionaries(ANY_TEXT, st.sampled_from(["production", "finance", "nope", ""]), max_size=2))
    loaded_or_schema_error(read_umap, folder / f"map{suffix}", layer_spheres=spheres)


@st.composite
def graph_xml(draw, kind: str) -> bytes:
    """A GEXF or GraphML document of random shape: nodes and edges with random attributes."""
    nodes = draw(st.lists(st.one_of(st.from_regex(r"[a-z]{1,4}", fullmatch=True), ANY_TEXT), max_size=5))
    attrs = draw(
        st.lists(
            st.tuples(st.sampled_from([*COLUMNS, "tie_type", "directed"]), st.sampled_from(["string", "double", "int", "boolean"])),
            max_size=4,
        )
    )
    esc = lambda t: t.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")  # noqa: E731
    values = lambda: "".join(  # noqa: E731
        f'<{"attvalue for" if kind == "gexf" else "data key"}="{i}" {"value" if kind == "gexf" else ""}'
        + (f'="{esc(draw(CELL))}"/>' if kind == "gexf" else f">{esc(draw(CELL))}</data>")
        for i in range(len(attrs))
        if draw(st.booleans())
    )
    if kind == "gexf":
        keys = "".join(f'<attribute id="{i}" title="{esc(n)}" type="{t}"/>' for i, (n, t) in enumerate(attrs))
        body = "".join(f'<node id="{esc(n)}" label="{esc(draw(CELL))}"><attvalues>{values()}</attvalues></node>' for n in nodes)
        edges = "".join(
            f'<edge id="{i}" source="{esc(draw(st.sampled_from(nodes)))}" target="{esc(draw(st.sampled_from(nodes)))}"><attvalues>{values()}</attvalues></edge>'
            for i in range(draw(st.integers(0, 4)) if nodes else 0)
        )
        doc = (
            f'<?xml version="1.0" encoding="UTF-8"?><gexf xmlns="http://gexf.net/1.2" version="1.2"><graph defaultedgetype="{draw(st.sampled_from(["directed", "undirected", "mutual"]))}">'
            f'<attributes class="node">{keys}</attributes><attributes class="edge">{keys}</attributes><nodes>{body}</nodes><edges>{edges}</edges></graph></gexf>'
        )
    else:
        keys = "".join(
            f'<key id="{i}" for="{draw(st.sampled_from(["node", "edge", "all"]))}" attr.name="{esc(n)}" attr.type="{t}"/>'
            for i, (n, t) in enumerate(attrs)
        )
        body = "".join(f'<node id="{esc(n)}">{values()}</node>' for n in nodes)
        edges = "".join(
            f'<edge source="{esc(draw(st.sampled_from(nodes)))}" target="{esc(draw(st.sampled_from(nodes)))}">{values()}</edge>'
            for _ in range(draw(st.integers(0, 4)) if nodes else 0)
        )
        doc = (
            '<?xml version="1.0" encoding="UTF-8"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
            f'{keys}<graph edgedefault="{draw(st.sampled_from(["directed", "undirected"]))}">{body}{edges}</graph></graphml>'
        )
    data = doc.encode("utf-8", "surrogatepass")
    if draw(st.booleans()):  # damage it
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(max_size=8)) + data[at + draw(st.integers(0, 5)) :]
    return data


@FUZZ
@given(data=st.data())
def test_gexf_and_graphml(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("xml")
    source = data.draw(st.sampled_from([None, "fuzz"]))
    loaded_or_schema_error(read_gexf, _write(folder / "g.gexf", data.draw(graph_xml("gexf"))), default_source=source)
    loaded_or_schema_error(read_graphml, _write(folder / "g.graphml", data.draw(graph_xml("graphml"))), default_source=source)
    loaded_or_schema_error(read_gexf, _write(folder / "r.gexf", data.draw(st.binary(max_size=300))))
    loaded_or_schema_error(read_graphml, _write(folder / "r.graphml", data.draw(st.binary(max_size=300))))
