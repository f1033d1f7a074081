"""A walk as slides (ecograph.slides), read back with python-pptx."""

from __future__ import annotations

import shutil
import subprocess

import pytest

import ecograph as eg
from ecograph.report import draft_walk
from ecograph.walk import load_walk

pptx = pytest.importorskip("pptx")
from pptx.enum.shapes import MSO_SHAPE_TYPE  # noqa: E402

from ecograph.interop.slides import write_slides  # noqa: E402


@pytest.fixture(scope="module")
def brief():
    return eg.Brief(eg.datasets.dijon())


@pytest.fixture(scope="module")
def deck(brief, tmp_path_factory):
    walk = draft_walk(brief)
    path = write_slides(walk, brief, tmp_path_factory.mktemp("slides") / "brief.pptx", lang="en")
    return walk, pptx.Presentation(path), path


def _texts(slide) -> list[str]:
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


def test_one_slide_per_step_each_with_a_picture_and_notes(deck):
    walk, prs, _ = deck
    assert len(prs.slides) == len(walk.steps) == 10
    assert (prs.slide_width, prs.slide_height) == (12_192_000, 6_858_000)  # 16:9
    for step, slide in zip(walk.steps, prs.slides):
        pictures = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(pictures) == 1 and pictures[0].image.content_type == "image/png"
        assert _texts(slide)[0] == step.title["en"]
        assert slide.has_notes_slide and slide.notes_slide.notes_text_frame.text == step.notes["en"] != ""


def test_captions_keep_lists_and_names_not_ids(deck):
    walk, prs, _ = deck
    slides = dict(zip([s.id for s in walk.steps], prs.slides))
    connectors = _texts(slides["connectors"])[1]
    assert "Métropole du Grand Dijon" in connectors and "metropole-dijon" not in connectors
    flows = _texts(slides["flows"])[1]
    assert "PREMICE → TOASTER Lab" in flows and "PREMICE → Village by CA" in flows
    covers = slides["covers"].shapes[1].text_frame.paragraphs
    assert len(covers) == 5 and all(p.text.startswith("• ") for p in covers)
    notes = slides["ties"].notes_slide.notes_text_frame.text
    band = deck_brief_band(deck)
    assert notes.startswith("A minimum") and f"between {band[0]:.2%} and {band[1]:.2%}" in notes  # the finding's confidence


def deck_brief_band(deck) -> tuple[float, float]:
    """The density's robustness band the brief read (the Analysis's, computed once)."""
    row = eg.Brief(eg.datasets.dijon()).analysis.robustness.set_index("measure").loc["density"]
    return float(row["ci_low"]), float(row["ci_high"])


def test_an_edited_walk_in_french_from_the_command_line(brief, tmp_path):
    from ecograph.cli import main

    walk = load_walk(draft_walk(brief).to_json())
    walk.steps[1].caption["fr"] = "**Peu** de liens :\n- 26 liens\n- 65 acteurs *seuls*"
    walk.save(tmp_path / "walk.json")
    out = tmp_path / "brief.pptx"
    assert main(["slides", "dijon", "-o", str(out), "--walk", str(tmp_path / "walk.json"), "--lang", "fr"]) == 0
    slide = pptx.Presentation(out).slides[1]
    paragraphs = slide.shapes[1].text_frame.paragraphs
    assert [p.text for p in paragraphs] == ["Peu de liens :", "• 26 liens", "• 65 acteurs seuls"]
    runs = paragraphs[0].runs
    assert runs[0].text == "Peu" and runs[0].font.bold and not runs[1].font.bold
    assert paragraphs[2].runs[-1].text == "seuls" and paragraphs[2].runs[-1].font.italic
    assert _texts(slide)[0] == "Les liens sont-ils assez denses ?"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_the_deck_converts_to_pdf_with_libreoffice(deck, tmp_path):
    _, _, path = deck
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)], check=True, timeout=300)
    assert (tmp_path / "brief.pdf").stat().st_size > 10_000
