"""Write the adversarial corpus (see README.md next to this file): ``python tests/data/adversarial/generate.py``.

Every input is built from a few lines here, so that what each file holds is
readable; the files are committed, and tests/test_hardening_corpus.py checks
what each must trigger.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ACTORS = ["id", "name", "kind", "sphere", "source"]
TIES = ["source", "target", "type", "evidence"]


def _csv(rows: list[list[str]], delimiter: str = ",") -> str:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buf.getvalue()


def _dataset(name: str, actors: list[list[str]], ties: list[list[str]], *, encoding: str = "utf-8", **extra: bytes | str) -> Path:
    folder = HERE / name
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    (folder / "actors.csv").write_bytes(_csv(actors).encode(encoding))
    (folder / "ties.csv").write_bytes(_csv(ties).encode(encoding))
    for file, content in extra.items():
        (folder / file.replace("__", ".")).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return folder


#: Addresses of a view that once threw or were shown as given: after ``#``, one a line.
VIEW_ADDRESSES = [
    "focus=toString",
    "focus=__proto__",
    "focus=constructor",
    "q=__proto__",
    "q=toString",
    "off=%25E0",
    "hl=%25E0",
    "off=sphere:%25E0,__proto__:x,sphere:toString",
    "hl=__proto__,toString!",
    "year=9999",
    "year=-5&steps=9",
    "focus=%E0%A4",
]


def _a(ident: str, name: str, sphere: str = "") -> list[str]:
    return [ident, name, "initiative", sphere, "corpus"]


def _t(source: str, target: str) -> list[str]:
    return [source, target, "partnership", "corpus"]


# ---- workbooks -------------------------------------------------------------------------------------

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
    '<sheet name="actors" sheetId="1" r:id="rId1"/><sheet name="ties" sheetId="2" r:id="rId2"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>'
    "{extra}</Relationships>"
)
_SHARED_REL = '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'


def _column(n: int) -> str:
    letters = ""
    while n:
        n, r = divmod(n - 1, 26)
        letters = chr(65 + r) + letters
    return letters


def _row(number: int, values: list[str], first: int = 1) -> str:
    cells = "".join(f'<c r="{_column(first + i)}{number}" t="inlineStr"><is><t>{v}</t></is></c>' for i, v in enumerate(values) if v != "")
    return f'<row r="{number}">{cells}</row>'


def _sheet(rows: str, dimension: str = "A1:E3", head: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{head}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<dimension ref="{dimension}"/><sheetData>{rows}</sheetData></worksheet>'
    )


_GOOD_ACTORS = _row(1, ACTORS) + _row(2, _a("a", "Alpha")) + _row(3, _a("b", "Beta"))
_GOOD_TIES = _row(1, TIES) + _row(2, _t("a", "b"))


def _workbook(name: str, actors: str, ties: str = "", *, shared: str | None = None) -> Path:
    path = HERE / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for part, text in [
            ("[Content_Types].xml", _CONTENT_TYPES),
            ("_rels/.rels", _ROOT_RELS),
            ("xl/workbook.xml", _WORKBOOK),
            ("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS.format(extra=_SHARED_REL if shared is not None else "")),
            ("xl/worksheets/sheet1.xml", actors),
            ("xl/worksheets/sheet2.xml", ties or _sheet(_GOOD_TIES)),
        ]:
            info = zipfile.ZipInfo(part, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text)
        if shared is not None:
            info = zipfile.ZipInfo("xl/sharedStrings.xml", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, shared)
    return path


def main() -> None:
    # control characters in cells and in a header
    _dataset("control-characters", [ACTORS, _a("a", "Le\x0bclub"), _a("b", "Nul\x00part"), _a("c", "Fine")], [TIES, _t("a", "c")])
    _dataset("nul-in-header", [["id", "na\x00me", "kind", "source"], ["a", "Alpha", "place", "corpus"]], [TIES])
    # text that would start a formula, in cells, a column name and a vocabulary description
    formula = [[*ACTORS, "=cmd()"], [*_a("a", '=HYPERLINK("http://evil.example","click")'), "@SUM(A1)"]]
    formula += [[*_a("b", "+33 1 23 45 67 89"), "-2+3"], [*_a("c", "Plain"), ""]]
    _dataset(
        "formula-cells",
        formula,
        [TIES, _t("a", "b"), _t("b", "c")],
        vocabulary__csv=_csv([["field", "value", "directed", "description"], ["type", "barter", "no", "=1+1"]]),
    )
    # names matplotlib would read as mathematics, and two actors sharing one name
    _dataset(
        "dollar-and-twin-names",
        [ACTORS, _a("club", "Le $$ club"), _a("price", "Price $x^2$"), _a("bar-1", "Le Bar"), _a("bar-2", "Le Bar"), _a("hub", "Hub")],
        [TIES, _t("hub", "club"), _t("hub", "bar-1"), _t("hub", "bar-2"), _t("bar-1", "price"), _t("bar-2", "club")],
    )
    # terminal escape codes: in a column name, and in a web address whose hint repeats it
    _dataset(
        "escape-codes",
        [[*ACTORS, "website", "note\x1b[2J"], [*_a("docks", "Docks"), "example.org/\x1b[2J\x1b]0;pwned\x07", ""], _a("ok", "Ok")],
        [TIES, _t("ok", "docks")],
    )
    # encodings
    _dataset("utf16-unicode-text", [ACTORS, _a("cafe", "Café Pirouette"), _a("gare", "Gare")], [TIES, _t("cafe", "gare")])
    for name in ("actors.csv", "ties.csv"):  # Excel's "Unicode Text": UTF-16 with a BOM, tabs between cells
        path = HERE / "utf16-unicode-text" / name
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
        path.write_bytes(_csv(rows, "\t").encode("utf-16"))
    _dataset("utf32-bom", [ACTORS, _a("cafe", "Café"), _a("gare", "Gare")], [TIES, _t("cafe", "gare")], encoding="utf-32")
    mixed = _dataset("mixed-utf8-cp1252", [ACTORS, _a("cafe", "Café"), _a("ete", "Été"), _a("creme", "Crème")], [TIES, _t("cafe", "ete")])
    lines = (mixed / "actors.csv").read_bytes().split(b"\r\n")
    lines[3] = lines[3].decode("utf-8").encode("cp1252")  # row 4 pasted from a Windows-1252 file
    (mixed / "actors.csv").write_bytes(b"\r\n".join(lines))
    mostly = _dataset(
        "mixed-cp1252-utf8",
        [ACTORS, _a("cafe", "Café"), _a("ete", "Été"), _a("creme", "Crème")],
        [TIES, _t("cafe", "ete")],
        encoding="cp1252",
    )
    lines = (mostly / "actors.csv").read_bytes().split(b"\r\n")
    lines[2] = lines[2].decode("cp1252").encode("utf-8")  # row 3 pasted from a UTF-8 file
    (mostly / "actors.csv").write_bytes(b"\r\n".join(lines))
    _dataset("long-cell", [[*ACTORS, "description"], [*_a("a", "Alpha"), "x" * 140000], [*_a("b", "Beta"), ""]], [TIES, _t("a", "b")])
    # tables: two files for one, a duplicate id, a duplicate column, an empty table
    two = _dataset("two-actors-files", [ACTORS, _a("a", "Alpha")], [TIES])
    (two / "ACTORS.csv").write_bytes(_csv([ACTORS, _a("b", "Beta")]).encode("utf-8"))
    _dataset("duplicate-id", [ACTORS, _a("a", "Alpha"), _a("b", "Beta"), _a("a", "Alpha again")], [TIES, _t("a", "b")])
    _dataset("duplicate-column", [[*ACTORS, "name"], [*_a("a", "Alpha"), "Other"], [*_a("b", "Beta"), ""]], [TIES, _t("a", "b")])
    _dataset("empty-ties", [ACTORS, _a("a", "Alpha"), _a("b", "Beta")], [TIES])
    # people: a rejected person, and a dataset that cannot load at all
    people = _csv([["id", "name", "source"], ["Jeanne Secret", "Jeanne Secret", "corpus"], ["karim", "Karim Visible", "corpus"]])
    aff = _csv([["person", "actor", "role", "source"], ["Jeanne Secret", "a", "employee", "corpus"], ["karim", "b", "founder", "corpus"]])
    _dataset(
        "people-rejected", [ACTORS, _a("a", "Alpha"), _a("b", "Beta")], [TIES, _t("a", "b")], people__csv=people, affiliations__csv=aff
    )
    fatal_people = _csv([["id", "name", "source"], ["Jeanne Secret", "Jeanne Secret", "corpus"]])
    _dataset(
        "people-fatal",
        [["id", "name", "source"], ["a", "Alpha", "corpus"]],  # no 'kind' column: the dataset cannot load
        [TIES],
        people__csv=fatal_people,
        affiliations__csv=_csv([["person", "actor", "source"], ["jeanne-secrett", "a", "corpus"]]),
    )
    # a right-to-left override in a name: it must not reverse the report's sentences, nor reach a CSV file or a workbook
    evil = [_a("evil", "Evil\u202eCorp", "finance"), _a("hub", "Hub", "support"), _a("lab", "Lab", "innovation")]
    evil += [_a("fab", "Fab", "production"), _a("coop", "Coop", "consumption"), _a("loner", "Loner", "support")]
    _dataset(
        "bidi-override",
        [ACTORS, *evil],
        [TIES, _t("hub", "evil"), _t("hub", "lab"), _t("lab", "fab"), _t("fab", "coop"), _t("coop", "hub")],
    )
    # names a browser would read as parts of every object, and two names equal once normalised (NFC and NFD)
    names = [_a("proto", "__proto__", "finance"), _a("tostring", "toString", "support"), _a("constructor", "constructor")]
    names += [_a("cafe-nfc", "Caf\u00e9 Pirouette", "production"), _a("cafe-nfd", "Cafe\u0301 Pirouette"), _a("hub", "Hub", "support")]
    _dataset(
        "object-names",
        [ACTORS, *names],
        [TIES, _t("hub", "proto"), _t("hub", "tostring"), _t("hub", "constructor"), _t("hub", "cafe-nfc"), _t("hub", "cafe-nfd")],
    )
    # boundaries for the map mode that are not GeoJSON
    feature = '{{"type": "Feature", "properties": {{}}, "geometry": {}}}'
    line = '{"type": "LineString", "coordinates": [[4.8, 47.0], [5.1, 47.4]]}'
    (HERE / "boundaries-not-an-object.geojson").write_text("[1, 2, 3]", encoding="utf-8")
    (HERE / "boundaries-no-features.geojson").write_text('{"type": "FeatureCollection", "features": 5}', encoding="utf-8")
    nested = '{"type": "Point", "coordinates": [5, 47]}'
    for _ in range(200):
        nested = f'{{"type": "GeometryCollection", "geometries": [{nested}]}}'
    deep = f'{{"type": "FeatureCollection", "features": [{feature.format(line)}, {feature.format(nested)}]}}'
    (HERE / "boundaries-deep.geojson").write_text(deep, encoding="utf-8")
    bad = '{"type": "Polygon", "coordinates": [[[4.8, 47.0], ["east", 47.4], [4.8, 47.0]]]}'
    bad_file = f'{{"type": "FeatureCollection", "features": [{feature.format(line)}, {feature.format(line)}, {feature.format(bad)}]}}'
    (HERE / "boundaries-bad-coordinates.geojson").write_text(bad_file, encoding="utf-8")
    # view addresses that once threw in the page (read by tests/test_views_browser.py)
    (HERE / "view-addresses.txt").write_text("\n".join(VIEW_ADDRESSES) + "\n", encoding="utf-8")
    # workbooks
    _workbook("oversized-dimension.xlsx", _sheet(_GOOD_ACTORS + _row(1_048_576, ["zz"]), dimension="A1:XFD1048576"))
    _workbook("malformed-sheet.xlsx", _sheet(_GOOD_ACTORS)[:200])
    wide = _row(1, ACTORS + [f"c{i}" for i in range(6, 2001)]) + "".join(_row(r, _a(f"a{r}", "A")) for r in range(2, 60))
    _workbook("wide-header.xlsx", _sheet(wide, dimension="A1:BXX60"))
    bomb = '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    bomb += "<si><t>" + "a" * 30_000_000 + "</t></si></sst>"
    _workbook("zip-bomb.xlsx", _sheet(_GOOD_ACTORS), shared=bomb)
    laughs = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    _workbook("doctype-entities.xlsx", _sheet(_row(1, ACTORS) + _row(2, _a("a", "&lol2;")), head=laughs))
    (HERE / "not-a-workbook.xlsx").write_bytes(b"PK\x03\x04 this is not really a zip file" * 20)
    # JSON and XML files for `ecograph import`
    (HERE / "deeply-nested.json").write_text("[" * 5_000 + "]" * 5_000, encoding="utf-8")
    (HERE / "broken.gexf").write_text('<?xml version="1.0"?><gexf xmlns="http://gexf.net/1.2"><graph><nodes><node id="a"', encoding="utf-8")
    (HERE / "laughs.graphml").write_text(
        '<?xml version="1.0"?>' + laughs.replace("lolz", "graphml") + '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
        '<key id="n" for="node" attr.name="name" attr.type="string"/><graph edgedefault="undirected">'
        '<node id="a"><data key="n">&lol2;</data></node></graph></graphml>',
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
