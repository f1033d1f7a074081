"""One output policy for every command that writes: own folders replaced whole, anything else refused unless --force."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

import ecograph as eg
from ecograph.cli import main
from ecograph.interop.gephi import write_gexf

CORPUS = Path(__file__).parent / "data" / "adversarial"
MANIFEST = ".ecograph-outputs.json"


def files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def one_line_error(capsys) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    return err


# ---- the policy itself ---------------------------------------------------------------------------------


def test_own_folder_is_replaced_whole_with_a_manifest(tmp_path):
    from ecograph.outputs import output_folder

    out = tmp_path / "out"
    with output_folder(out, command="demo") as folder:
        (folder / "sub").mkdir()
        (folder / "sub" / "old.txt").write_text("old", encoding="utf-8")
    with output_folder(out, command="demo") as folder:
        (folder / "new.txt").write_text("new", encoding="utf-8")
    assert files(out) == [MANIFEST, "new.txt"]
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["command"] == "demo" and list(manifest["files"]) == ["new.txt"]
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no temporary folder left


def test_a_failure_leaves_the_previous_outputs_intact(tmp_path):
    from ecograph.outputs import output_folder

    out = tmp_path / "out"
    with output_folder(out, command="demo") as folder:
        (folder / "a.txt").write_text("good", encoding="utf-8")
    with pytest.raises(ZeroDivisionError), output_folder(out, command="demo") as folder:
        (folder / "a.txt").write_text("half", encoding="utf-8")
        1 / 0  # noqa: B018
    assert (out / "a.txt").read_text(encoding="utf-8") == "good"
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


@pytest.mark.parametrize(
    ("prepare", "reason"),
    [
        (lambda d: (d / "notes.txt").write_text("mine", encoding="utf-8"), r"files ecograph did not write there \(notes\.txt\)"),
        (lambda d: (d / "a.txt").write_text("edited", encoding="utf-8"), r"files changed since ecograph wrote them \(a\.txt\)"),
        (lambda d: (d / MANIFEST).write_text('{"command": "import", "files": {}}', encoding="utf-8"), "another command"),
    ],
)
def test_a_folder_with_other_content_is_refused_unless_forced(tmp_path, prepare, reason):
    from ecograph.errors import OutputError
    from ecograph.outputs import output_folder

    out = tmp_path / "out"
    with output_folder(out, command="demo") as folder:
        (folder / "a.txt").write_text("ours", encoding="utf-8")
    prepare(out)
    with pytest.raises(OutputError, match=reason), output_folder(out, command="demo"):
        pass
    with output_folder(out, command="demo", force=True) as folder:
        (folder / "b.txt").write_text("forced", encoding="utf-8")
    assert files(out) == [MANIFEST, "b.txt"]


def test_desktop_files_do_not_make_a_folder_foreign(tmp_path):
    from ecograph.outputs import output_folder

    out = tmp_path / "out"
    with output_folder(out, command="demo") as folder:
        (folder / "a.txt").write_text("ours", encoding="utf-8")
    (out / ".DS_Store").write_bytes(b"\0")
    with output_folder(out, command="demo") as folder:
        (folder / "a.txt").write_text("again", encoding="utf-8")
    assert (out / "a.txt").read_text(encoding="utf-8") == "again"


def test_never_replaces_a_folder_holding_an_input_or_the_current_folder(tmp_path, monkeypatch):
    from ecograph.errors import OutputError
    from ecograph.outputs import output_folder

    data = tmp_path / "data"
    shutil.copytree(CORPUS / "empty-ties", data)
    with pytest.raises(OutputError, match="an input of this command"), output_folder(tmp_path, command="demo", force=True, protect=[data]):
        pass
    monkeypatch.chdir(data)
    with pytest.raises(OutputError, match="holds the current folder"), output_folder(tmp_path, command="demo", force=True):
        pass
    assert files(data) == ["actors.csv", "ties.csv"]


def test_an_existing_file_is_refused_unless_forced(tmp_path):
    from ecograph.errors import OutputError
    from ecograph.outputs import output_file

    path = tmp_path / "w.csv"
    path.write_text("filled in by hand", encoding="utf-8")
    with pytest.raises(OutputError, match="already exists"), output_file(path) as tmp:
        tmp.write_text("new", encoding="utf-8")
    assert path.read_text(encoding="utf-8") == "filled in by hand"
    with output_file(path, force=True) as tmp:
        tmp.write_text("new", encoding="utf-8")
    assert path.read_text(encoding="utf-8") == "new"


# ---- the commands --------------------------------------------------------------------------------------


@pytest.fixture
def people_data(tmp_path) -> Path:
    data = tmp_path / "people-rejected"
    shutil.copytree(CORPUS / "people-rejected", data)
    return data


def test_report_rerun_leaves_nothing_stale(tmp_path, people_data, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    out = tmp_path / "report"
    assert main(["report", str(people_data), "-o", str(out), "--quiet"]) == 1
    assert "Jeanne Secret" in (out / "tables" / "rejected.csv").read_text(encoding="utf-8")
    assert main(["report", "dijon", "-o", str(out), "--quiet", "--pseudonymise-people"]) == 0
    assert not (out / "tables" / "rejected.csv").exists()
    for path in out.rglob("*"):
        if path.is_file() and path.suffix != ".png":
            assert "Jeanne" not in path.read_bytes().decode("utf-8", "replace"), path


def test_report_into_a_file_a_foreign_folder_or_below_a_file_is_one_line_exit_2(tmp_path, capsys):
    existing = tmp_path / "report.html"
    existing.write_text("x", encoding="utf-8")
    assert main(["report", "dijon", "-o", str(existing)]) == 2
    assert "is a file; give a folder" in one_line_error(capsys)
    foreign = tmp_path / "documents"
    foreign.mkdir()
    (foreign / "budget.xlsx").write_bytes(b"precious")
    assert main(["report", "dijon", "-o", str(foreign)]) == 2
    assert "did not write there (budget.xlsx)" in one_line_error(capsys)
    assert main(["report", "dijon", "-o", str(existing / "sub")]) == 2
    assert "is a file, not a folder" in one_line_error(capsys)
    assert (foreign / "budget.xlsx").read_bytes() == b"precious"


def test_a_folder_that_may_not_be_written_is_one_line_exit_2(tmp_path, capsys, monkeypatch):
    """A read-only folder (tests run as root here, whom permissions do not stop: the answer is given by os.access)."""
    import ecograph.outputs

    monkeypatch.setattr(ecograph.outputs.os, "access", lambda path, mode: False)  # what a read-only folder answers
    assert main(["report", "dijon", "-o", str(tmp_path / "out")]) == 2
    assert f"cannot write in {tmp_path}: permission denied" in one_line_error(capsys)
    assert list(tmp_path.iterdir()) == []


def test_import_into_an_existing_dataset_replaces_it_whole(tmp_path, capsys):
    source = tmp_path / "map.gexf"
    write_gexf(eg.datasets.tiny(), source)
    out = tmp_path / "imported"
    assert main(["export", "dijon", "--format", "csv", "-o", str(out)]) == 0
    assert (out / "people.csv").exists()
    assert main(["import", str(source), "--out", str(out)]) == 2  # another command's outputs
    assert "another command" in one_line_error(capsys)
    assert main(["import", str(source), "--out", str(out), "--force"]) == 0
    assert sorted(p.name for p in out.iterdir()) == [MANIFEST, "actors.csv", "ties.csv"]  # no stale people
    assert main(["import", str(source), "--out", str(out)]) == 0  # its own outputs: replaced without --force


def test_template_does_not_overwrite_a_filled_in_workbook(tmp_path, capsys):
    path = tmp_path / "collecte.xlsx"
    assert main(["template", str(path)]) == 0
    filled = path.read_bytes()
    assert main(["template", str(path), "--lang", "fr"]) == 2
    assert "already exists" in one_line_error(capsys)
    assert path.read_bytes() == filled
    assert main(["template", str(path), "--lang", "fr", "--force"]) == 0
    assert path.read_bytes() != filled


@pytest.mark.parametrize(
    "argv",
    [
        ["outreach", "dijon", "-o", "{out}.xlsx"],
        ["export", "dijon", "--format", "gexf", "-o", "{out}.gexf"],
        ["schema", "-o", "{out}.md"],
    ],
)
def test_every_file_command_refuses_an_existing_file(tmp_path, capsys, argv):
    target = tmp_path / "existing"
    argv = [a.format(out=target) for a in argv]
    Path(argv[argv.index("-o") + 1]).write_text("keep me", encoding="utf-8")
    assert main(argv) == 2
    assert "already exists" in one_line_error(capsys)
    assert main([*argv, "--force"]) == 0


# ---- round 3: --force never deletes what it must not ---------------------------------------------------


def test_force_never_replaces_a_folder_holding_the_home_folder(tmp_path, monkeypatch, capsys):
    home = tmp_path / "users" / "someone"
    home.mkdir(parents=True)
    (home / "thesis.tex").write_text("years of work", encoding="utf-8")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(tmp_path)
    for target in (home, home.parent):  # the home folder, and the folder above it
        assert main(["report", "dijon", "-o", str(target), "--force", "--quiet"]) == 2
        assert "home folder" in one_line_error(capsys)
    assert (home / "thesis.tex").read_text(encoding="utf-8") == "years of work"


def test_force_never_replaces_an_input_table(tmp_path, capsys):
    data = tmp_path / "data"
    shutil.copytree(Path(eg.datasets.__file__).resolve().parents[3] / "data" / "dijon", data)
    before = (data / "actors.csv").read_bytes()
    assert main(["outreach", str(data), "-o", str(data / "actors.csv"), "--force"]) == 2
    assert "an input of this command" in one_line_error(capsys)
    assert (data / "actors.csv").read_bytes() == before


def test_a_link_given_as_output_is_refused_not_written_through(tmp_path, capsys):
    elsewhere = tmp_path / "elsewhere.csv"
    dangling = tmp_path / "worklist.csv"
    dangling.symlink_to(elsewhere)  # points to a file that does not exist yet
    assert main(["outreach", "dijon", "-o", str(dangling), "--force"]) == 2
    assert "symbolic link" in one_line_error(capsys)
    assert not elsewhere.exists()
    folder_link = tmp_path / "out"
    folder_link.symlink_to(tmp_path / "real-out", target_is_directory=True)
    assert main(["report", "dijon", "-o", str(folder_link), "--quiet"]) == 2
    assert "symbolic link" in one_line_error(capsys)


@pytest.mark.parametrize("what", ["fifo", "empty-tree", "manifest-entry-to-dev-zero"])
def test_special_files_and_empty_folders_are_not_ours(tmp_path, what):
    import os

    from ecograph.errors import OutputError
    from ecograph.outputs import check_output_folder, output_folder

    out = tmp_path / "out"
    with output_folder(out, command="demo") as folder:
        (folder / "a.txt").write_text("mine", encoding="utf-8")
    if what == "fifo":
        os.mkfifo(out / "pipe")
    elif what == "empty-tree":
        (out / "deep" / "deeper").mkdir(parents=True)
    else:
        (out / "a.txt").unlink()
        (out / "a.txt").symlink_to("/dev/zero")  # reading it would never end
    with pytest.raises(OutputError, match=r"did not write there|did not make there"):
        check_output_folder(out, command="demo")
    assert out.exists()  # nothing deleted without --force
    check_output_folder(out, command="demo", force=True)  # with --force it may go


def test_a_right_to_left_override_in_a_name_is_isolated_in_the_page_and_left_out_of_the_files(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    out = tmp_path / "report"
    assert main(["report", str(CORPUS / "bidi-override"), "-o", str(out), "--quiet"]) == 0
    page = (out / "report.html").read_text(encoding="utf-8")
    name = "Evil\u202eCorp"
    assert name in page
    # every time the name is written, it is inside an isolate (U+2068 ... U+2069) that ends its override
    at = [i for i in range(len(page)) if page.startswith(name, i)]
    assert at and all(page[i - 1] == "\u2068" and page[i + len(name)] == "\u2069" for i in at)
    assert "\u202e" not in page.replace("\u2068" + name + "\u2069", "")
    # a sentence that names the actor goes on after the isolate in its own order
    sentence = next(s for s in page.split("<span class='sentence'>")[1:] if name in s)
    assert "\u2069" in sentence.split(name, 1)[1][:1]
    for path in [*out.rglob("*.csv"), *out.rglob("*.txt")]:
        assert "\u202e" not in path.read_text(encoding="utf-8"), path
    assert "evil,EvilCorp," in (out / "tables" / "worklist.csv").read_text(encoding="utf-8")  # the worklist names it, without the override

    for book in out.rglob("*.xlsx"):
        with zipfile.ZipFile(book) as z:
            assert not any("\u202e" in z.read(n).decode("utf-8", "replace") for n in z.namelist()), book
