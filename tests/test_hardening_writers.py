"""Every file ecograph writes opens, shows data literally, runs no formula, and names no person when asked not to."""

from __future__ import annotations

import csv
import io
import shutil
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import matplotlib
import openpyxl
import pytest

import ecograph as eg
from ecograph.cli import main
from ecograph.interop.gephi import write_gexf, write_graphml
from ecograph.interop.kumu import write_kumu_xlsx
from ecograph.interop.template import write_template
from ecograph.report import build_report
from ecograph.views.figures import figure_brokers, figure_network, save_figure

matplotlib.use("Agg")
CORPUS = Path(__file__).parent / "data" / "adversarial"
FORMULA_START = ("=", "+", "-", "@")


def xlsx_cells(path: Path) -> list[openpyxl.cell.Cell]:
    wb = openpyxl.load_workbook(path)  # raises if the workbook is not valid
    return [cell for ws in wb.worksheets for row in ws.iter_rows() for cell in row if cell.value is not None]


def dirty_ecosystem() -> eg.Ecosystem:
    """Control characters that reached the tables without validation (built in memory)."""
    eco = eg.datasets.tiny()
    eco.actors.loc["lab", "name"] = "Le\x0bclub\x00"
    eco.actors.loc["city", "description"] = "bell\x07 and \ud800 surrogate"
    eco.ties.loc[0, "evidence"] = "form\x0cfeed"
    return eco


# ---- control characters reaching writers ---------------------------------------------------------------


def test_gexf_and_graphml_stay_well_formed_xml(tmp_path):
    eco = dirty_ecosystem()
    for path in (write_gexf(eco, tmp_path / "t.gexf"), write_graphml(eco, tmp_path / "t.graphml")):
        ET.parse(path)  # well-formed
        assert "Le\ufffdclub\ufffd" in path.read_text(encoding="utf-8")


def test_workbooks_stay_valid(tmp_path):
    eco = dirty_ecosystem()
    kumu = write_kumu_xlsx(eco, tmp_path / "k.xlsx")
    template = write_template(tmp_path / "t.xlsx", source=eco)
    for path in (kumu, template):
        assert "Le\ufffdclub\ufffd" in [c.value for c in xlsx_cells(path)]


def test_report_with_control_characters_writes_files_that_open(tmp_path):
    out = tmp_path / "report"
    build_report(dirty_ecosystem(), date="2026-01-01").write(out)
    xlsx_cells(out / "tables.xlsx")
    for svg in (out / "figures").glob("*.svg"):
        ET.parse(svg)


def test_cli_on_control_characters_rejects_the_rows_and_every_output_opens(tmp_path):
    data = CORPUS / "control-characters"
    assert main(["report", str(data), "-o", str(tmp_path / "r"), "--quiet"]) == 1
    assert main(["template", str(tmp_path / "t.xlsx"), "--from", str(data)]) == 1  # the dataset has problems: nothing written
    assert main(["export", str(data), "--format", "kumu-xlsx", "-o", str(tmp_path / "k.xlsx")]) == 1
    eco = eg.load(data, on_error="collect")
    write_template(tmp_path / "t.xlsx", source=eco)
    xlsx_cells(tmp_path / "t.xlsx")
    xlsx_cells(tmp_path / "r" / "tables.xlsx")


# ---- figures ---------------------------------------------------------------------------------------------


def test_dollar_signs_are_shown_literally_and_twin_names_told_apart(tmp_path):
    eco = eg.load(CORPUS / "dollar-and-twin-names")
    G = eco.graph()
    b = eg.brokers(G)
    fig = figure_brokers(b, names=eco.actors["name"])
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == ["Le Bar (bar-1)", "Hub"]  # only actors on a path get a bar; bar-2's twin name still gets its id
    fig = figure_brokers(b.assign(betweenness=b["degree"] / 10), names=eco.actors["name"])  # every actor a bar
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert "Le Bar (bar-1)" in labels and "Le Bar (bar-2)" in labels and "Le $$ club" in labels
    assert len(fig.axes[0].patches) == len(labels) == 5  # one bar each
    save_figure(fig, tmp_path / "brokers")
    fig = figure_network(G, title="Le $$ club")
    save_figure(fig, tmp_path / "network")
    svg = (tmp_path / "network.svg").read_text(encoding="utf-8")
    assert "Le $$ club" in svg and "Price $x^2$" in svg  # matplotlib writes each text in a comment


def test_report_on_dollar_names_writes_its_figures(tmp_path):
    assert main(["report", str(CORPUS / "dollar-and-twin-names"), "-o", str(tmp_path / "r"), "--quiet", "--date", "2026-01-01"]) == 0
    assert (tmp_path / "r" / "figures" / "brokers.png").stat().st_size > 1000


# ---- formulas --------------------------------------------------------------------------------------------


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def test_every_report_csv_neutralises_formulas(tmp_path):
    out = tmp_path / "r"
    assert main(["report", str(CORPUS / "formula-cells"), "-o", str(out), "--quiet", "--date", "2026-01-01"]) == 0
    seen = set()
    for path in (out / "tables").glob("*.csv"):
        for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8"))):
            for cell in row:
                assert not cell.startswith(FORMULA_START) or _is_number(cell), (path.name, cell)
                seen.add(cell)
    assert '\'=HYPERLINK("http://evil.example","click")' in seen and "'+33 1 23 45 67 89" in seen
    assert not [c for c in xlsx_cells(out / "tables.xlsx") if c.data_type == "f"]


def test_template_from_data_holds_no_formula_cell(tmp_path):
    path = tmp_path / "t.xlsx"
    assert main(["template", str(path), "--from", str(CORPUS / "formula-cells")]) == 0
    cells = xlsx_cells(path)
    assert [c.value for c in cells if c.data_type == "f"] == []
    values = {c.value for c in cells}
    assert {"=cmd()", "=1+1", "@SUM(A1)"} <= values  # kept as text
    with zipfile.ZipFile(path) as z:
        assert not [n for n in z.namelist() if "<f>" in z.read(n).decode("utf-8", "replace")]


def test_outreach_csv_uses_the_same_rule(tmp_path):
    out = tmp_path / "w.csv"
    assert main(["outreach", str(CORPUS / "formula-cells"), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "'=HYPERLINK" in text and "\n=" not in text and ",=" not in text


# ---- people ----------------------------------------------------------------------------------------------


def all_text(folder: Path) -> str:
    parts = []
    for path in folder.rglob("*"):
        if path.is_file() and path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as z:
                parts += [z.read(n).decode("utf-8", "replace") for n in z.namelist()]
        elif path.is_file() and path.suffix != ".png":
            parts.append(path.read_bytes().decode("utf-8", "replace"))
    return "\n".join(parts)


@pytest.fixture
def people_data(tmp_path) -> Path:
    data = tmp_path / "people-rejected"
    shutil.copytree(CORPUS / "people-rejected", data)
    return data


def test_pseudonymised_report_names_no_rejected_person_anywhere(tmp_path, people_data, capsys):
    out = tmp_path / "r"
    assert main(["report", str(people_data), "-o", str(out), "--pseudonymise-people", "--date", "2026-01-01"]) == 1
    shown = capsys.readouterr()
    text = all_text(out) + shown.out + shown.err
    for needle in ("Jeanne", "Secret", "jeanne-secret", "Karim", "karim"):
        assert needle not in text, needle
    assert "not a valid identifier" in (out / "validation.txt").read_text(encoding="utf-8")
    assert "(hidden person)" in (out / "validation.txt").read_text(encoding="utf-8")


def test_without_pseudonyms_the_rejected_rows_keep_their_cells(tmp_path, people_data):
    out = tmp_path / "r"
    assert main(["report", str(people_data), "-o", str(out), "--quiet", "--date", "2026-01-01"]) == 1
    assert "Jeanne Secret" in (out / "tables" / "rejected.csv").read_text(encoding="utf-8")
