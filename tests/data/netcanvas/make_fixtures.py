"""Write the Network Canvas fixtures of this folder (run from the repository root: python tests/data/netcanvas/make_fixtures.py).

Written for ecograph from Network Canvas's documented export shapes (network-exporters: the CSV ego,
attribute and edge lists; the GraphML with the nc namespace); no file of Network Canvas is copied. Three
interviews, two node types (Organisation, Place), two edge types (collaborates, funds) that both have a
variable called strength, a categorical variable (sector, and the ego's role) and a layout variable.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

HERE = Path(__file__).parent
PROTOCOL = "Ecosystem partners 2026"
U = {  # codebook UUIDs
    "org": "5b2c0d1e-0a4f-4c8e-9f10-000000000001",
    "place": "5b2c0d1e-0a4f-4c8e-9f10-000000000002",
    "collaborates": "5b2c0d1e-0a4f-4c8e-9f10-000000000003",
    "funds": "5b2c0d1e-0a4f-4c8e-9f10-000000000004",
}
CODEBOOK_VARIABLES = {
    "ego": [("e-name", "name", "text"), ("e-org", "organisation", "text"), ("e-id", "actor_id", "text"), ("e-role", "role", "categorical")],
    "org": [
        ("o-name", "name", "text"),
        ("o-id", "actor_id", "text"),
        ("o-sector", "sector", "categorical"),
        ("o-layout", "Layout", "layout"),
    ],
    "place": [("p-name", "name", "text"), ("p-commune", "commune", "text"), ("p-layout", "Layout", "layout")],
    "collaborates": [("c-strength", "strength", "number"), ("c-since", "since", "text")],
    "funds": [("f-strength", "strength", "number"), ("f-known", "amount_known", "boolean")],
}
OPTIONS = {"role": ["founder", "employee", "volunteer"], "sector": ["public", "private", "nonprofit"]}
TYPE_NAMES = {"org": "Organisation", "place": "Place", "collaborates": "collaborates", "funds": "funds"}


def var_uuid(short: str) -> str:
    return "7c1d2e3f-" + hashlib.sha1(short.encode()).hexdigest()[:4] + "-4a5b-8c6d-" + hashlib.sha1(short.encode()).hexdigest()[4:16]


SESSIONS = [
    {
        "case": "R01",
        "session": "0e0e0e0e-1111-4111-8111-000000000001",
        "ego": "e90e0e0e-1111-4111-8111-000000000001",
        "times": ("2026-03-02T09:00:00.000Z", "2026-03-02T09:41:10.000Z", "2026-03-10T08:00:00.000Z"),
        "ego_vars": {"name": "Alice", "organisation": "La Coursive", "actor_id": "coursive", "role": ["founder"]},
        "nodes": [
            ("n-r01-1", "org", {"name": "Fab Lab Dijon", "actor_id": "fablab", "sector": ["private"], "Layout": (0.25, 0.4)}),
            ("n-r01-2", "org", {"name": "Dijon Métropole", "actor_id": "metropole", "sector": ["public"], "Layout": (0.7, 0.2)}),
            ("n-r01-3", "place", {"name": "Tiers-lieu Nord", "commune": "Dijon", "Layout": (0.5, 0.85)}),
        ],
        "edges": [
            ("x-r01-1", "collaborates", "n-r01-1", "n-r01-2", {"strength": 3, "since": "2019"}),
            ("x-r01-2", "funds", "n-r01-2", "n-r01-1", {"strength": 2, "amount_known": True}),
        ],
    },
    {
        "case": "R02",
        "session": "0e0e0e0e-1111-4111-8111-000000000002",
        "ego": "e90e0e0e-1111-4111-8111-000000000002",
        "times": ("2026-03-05T14:00:00.000Z", "2026-03-05T14:30:00.000Z", "2026-03-10T08:00:00.000Z"),
        "ego_vars": {"name": "Bruno", "organisation": "Fab Lab Dijon", "actor_id": "fablab", "role": ["employee", "volunteer"]},
        "nodes": [
            ("n-r02-1", "org", {"name": "La Coursive", "actor_id": "coursive", "sector": ["private", "nonprofit"], "Layout": (0.1, 0.9)}),
            ("n-r02-2", "org", {"name": "Repair Café Dijon", "sector": ["nonprofit"], "Layout": (0.6, 0.6)}),
            ("n-r02-3", "place", {"name": "Tiers-Lieu  nord", "commune": "Dijon", "Layout": (0.3, 0.3)}),
        ],
        "edges": [("x-r02-1", "collaborates", "n-r02-1", "n-r02-2", {"strength": 1, "since": "2024"})],
    },
    {
        "case": "R03",
        "session": "0e0e0e0e-1111-4111-8111-000000000003",
        "ego": "e90e0e0e-1111-4111-8111-000000000003",
        "times": ("2026-03-09T10:15:00.000Z", "2026-03-09T10:50:00.000Z", "2026-03-10T08:00:00.000Z"),
        "ego_vars": {"name": "Chloé", "organisation": "Repair Cafe Dijon", "role": ["volunteer"]},
        "nodes": [
            ("n-r03-1", "org", {"name": "Dijon Metropole", "actor_id": "metropole", "sector": ["public"], "Layout": (0.45, 0.55)}),
            ("n-r03-2", "org", {"name": "Fablab Dijon", "sector": ["private"], "Layout": (0.8, 0.75)}),
        ],
        "edges": [("x-r03-1", "funds", "n-r03-1", "n-r03-2", {"strength": 4, "amount_known": False})],
    },
]


def node_uuid(short: str) -> str:
    return "a1a1a1a1-2222-4222-8222-" + hashlib.sha1(short.encode()).hexdigest()[:12]


def text(value) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def flat(type_key: str, values: dict) -> dict[str, str]:
    """Variables as the CSV export writes them: categoricals one-hot, layouts as _x/_y."""
    out = {}
    for _, name, kind in CODEBOOK_VARIABLES[type_key]:
        if kind == "categorical":
            for option in OPTIONS[name]:
                out[f"{name}_{option}"] = text(option in values.get(name, []))
        elif kind == "layout":
            x, y = values[name]
            out[f"{name}_x"], out[f"{name}_y"] = str(x), str(y)
        else:
            out[name] = text(values[name]) if name in values else ""
    return out


def write_protocol() -> None:
    def variables(type_key):
        out = {}
        for short, name, kind in CODEBOOK_VARIABLES[type_key]:
            out[var_uuid(short)] = {"name": name, "type": kind}
            if kind == "categorical":
                out[var_uuid(short)]["options"] = [{"label": o.title(), "value": o} for o in OPTIONS[name]]
        return out

    codebook = {
        "ego": {"variables": variables("ego")},
        "node": {U[k]: {"name": TYPE_NAMES[k], "variables": variables(k)} for k in ("org", "place")},
        "edge": {U[k]: {"name": TYPE_NAMES[k], "variables": variables(k)} for k in ("collaborates", "funds")},
    }
    protocol = {"name": PROTOCOL, "schemaVersion": 6, "stages": [], "codebook": codebook}
    with zipfile.ZipFile(HERE / "protocol.netcanvas", "w", zipfile.ZIP_DEFLATED) as z:
        info = zipfile.ZipInfo("protocol.json", date_time=(2026, 3, 1, 0, 0, 0))
        z.writestr(info, json.dumps(protocol, indent=2, ensure_ascii=False))


def csv_text(header: list[str], rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for r in rows:
        writer.writerow([r.get(h, "") for h in header])
    return buffer.getvalue()


def write_csv() -> None:
    folder = HERE / "csv"
    folder.mkdir(exist_ok=True)
    for s in SESSIONS:
        prefix = f"{s['case']}_{s['session']}"
        head = ["networkCanvasEgoUUID", "networkCanvasCaseID", "networkCanvasSessionID", "networkCanvasProtocolName"]
        head += ["sessionStart", "sessionFinish", "sessionExported"]
        ego = {"networkCanvasEgoUUID": s["ego"], "networkCanvasCaseID": s["case"], "networkCanvasSessionID": s["session"]}
        ego.update(dict(zip(head[3:], [PROTOCOL, *s["times"]])), **flat("ego", s["ego_vars"]))
        (folder / f"{prefix}_ego.csv").write_text(csv_text(head + list(flat("ego", s["ego_vars"])), [ego]), encoding="utf-8", newline="")
        ids = {short: i for i, (short, *_) in enumerate(s["nodes"] + s["edges"], start=1)}
        for type_key in ("org", "place"):
            rows = [
                {"nodeID": ids[short], "networkCanvasEgoUUID": s["ego"], "networkCanvasUUID": node_uuid(short), **flat(type_key, values)}
                for short, t, values in s["nodes"]
                if t == type_key
            ]
            head = [
                "nodeID",
                "networkCanvasEgoUUID",
                "networkCanvasUUID",
                *flat(type_key, s["nodes"][0][2] if type_key == "org" else {"Layout": (0, 0)}),
            ]
            if rows:
                name = f"{prefix}_attributeList_{TYPE_NAMES[type_key]}.csv"
                (folder / name).write_text(csv_text(head, rows), encoding="utf-8", newline="")
        for type_key in ("collaborates", "funds"):
            rows = []
            for short, t, a, b, values in s["edges"]:
                if t == type_key:
                    rows.append(
                        {"edgeID": ids[short], "from": ids[a], "to": ids[b], "networkCanvasEgoUUID": s["ego"]}
                        | {
                            "networkCanvasUUID": node_uuid(short),
                            "networkCanvasSourceUUID": node_uuid(a),
                            "networkCanvasTargetUUID": node_uuid(b),
                        }
                        | flat(type_key, values)
                    )
            head = [
                "edgeID",
                "from",
                "to",
                "networkCanvasEgoUUID",
                "networkCanvasUUID",
                "networkCanvasSourceUUID",
                "networkCanvasTargetUUID",
            ]
            if rows:
                name = f"{prefix}_edgeList_{TYPE_NAMES[type_key]}.csv"
                (folder / name).write_text(
                    csv_text(head + [n for _, n, _ in CODEBOOK_VARIABLES[type_key]], rows), encoding="utf-8", newline=""
                )


def keys_xml() -> list[str]:
    out = ['  <key id="label" attr.name="label" attr.type="string" for="all"/>']
    types = {"text": "string", "number": "int", "boolean": "boolean"}
    for type_key, domain in (("ego", "graph"), ("org", "node"), ("place", "node"), ("collaborates", "edge"), ("funds", "edge")):
        if type_key == "org":
            out.append('  <key id="networkCanvasType" attr.name="networkCanvasType" attr.type="string" for="all"/>')
            out.append('  <key id="networkCanvasUUID" attr.name="networkCanvasUUID" attr.type="string" for="all"/>')
        if type_key == "collaborates":
            out.append('  <key id="networkCanvasTargetUUID" attr.name="networkCanvasTargetUUID" attr.type="string" for="edge"/>')
            out.append('  <key id="networkCanvasSourceUUID" attr.name="networkCanvasSourceUUID" attr.type="string" for="edge"/>')
        for short, name, kind in CODEBOOK_VARIABLES[type_key]:
            uid = var_uuid(short)
            if kind == "categorical":
                for option in OPTIONS[name]:
                    opt = hashlib.sha1(option.encode()).hexdigest()
                    out.append(f'  <key id="{uid}_{opt}" attr.name="{name}_{option}" attr.type="boolean" for="{domain}"/>')
            elif kind == "layout":
                out.append(f'  <key id="{uid}_X" attr.name="{name}_X" attr.type="double" for="{domain}"/>')
                out.append(f'  <key id="{uid}_Y" attr.name="{name}_Y" attr.type="double" for="{domain}"/>')
            else:
                out.append(f'  <key id="{uid}" attr.name="{name}" attr.type="{types[kind]}" for="{domain}"/>')
    return out


def data_xml(type_key: str, values: dict, indent: str) -> list[str]:
    out = []
    for short, name, kind in CODEBOOK_VARIABLES[type_key]:
        uid = var_uuid(short)
        if name not in values:
            continue
        if kind == "categorical":
            for option in OPTIONS[name]:
                opt = hashlib.sha1(option.encode()).hexdigest()
                out.append(f'{indent}<data key="{uid}_{opt}">{text(option in values[name])}</data>')
        elif kind == "layout":
            x, y = values[name]
            out += [f'{indent}<data key="{uid}_X">{x}</data>', f'{indent}<data key="{uid}_Y">{y}</data>']
        else:
            out.append(f'{indent}<data key="{uid}">{escape(text(values[name]))}</data>')
    return out


def write_graphml() -> None:
    folder = HERE / "graphml"
    folder.mkdir(exist_ok=True)
    for s in SESSIONS:
        start, finish, exported = s["times"]
        lines = ['<?xml version="1.0" encoding="UTF-8"?>']
        lines.append(
            '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
            ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"'
            ' xmlns:nc="http://schema.networkcanvas.com/xmlns">'
        )
        lines += keys_xml()
        lines.append(
            f'  <graph edgedefault="undirected" nc:caseId="{s["case"]}" nc:sessionUUID="{s["session"]}" nc:protocolName={quoteattr(PROTOCOL)}'
            f' nc:protocolUID="9f9f9f9f-3333-4333-8333-000000000001" nc:codebookHash="0" nc:sessionExportTime="{exported}"'
            f' nc:sessionStartTime="{start}" nc:sessionFinishTime="{finish}">'
        )
        lines.append(f'    <data key="networkCanvasUUID">{s["ego"]}</data>')
        lines += data_xml("ego", s["ego_vars"], "    ")
        ids = {short: i for i, (short, *_) in enumerate(s["nodes"] + s["edges"], start=1)}
        for short, t, values in s["nodes"]:
            lines.append(f'    <node id="{ids[short]}">')
            lines.append(f'      <data key="networkCanvasUUID">{node_uuid(short)}</data>')
            lines.append(f'      <data key="networkCanvasType">{TYPE_NAMES[t]}</data>')
            lines.append(f'      <data key="label">{escape(values["name"])}</data>')
            lines += data_xml(t, values, "      ")
            lines.append("    </node>")
        for short, t, a, b, values in s["edges"]:
            lines.append(f'    <edge id="{ids[short]}" source="{ids[a]}" target="{ids[b]}">')
            lines.append(f'      <data key="networkCanvasUUID">{node_uuid(short)}</data>')
            lines.append(f'      <data key="networkCanvasType">{TYPE_NAMES[t]}</data>')
            lines.append(f'      <data key="networkCanvasSourceUUID">{node_uuid(a)}</data>')
            lines.append(f'      <data key="networkCanvasTargetUUID">{node_uuid(b)}</data>')
            lines += data_xml(t, values, "      ")
            lines.append("    </edge>")
        lines += ["  </graph>", "</graphml>", ""]
        (folder / f"{s['case']}_{s['session']}.graphml").write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    write_protocol()
    write_csv()
    write_graphml()
