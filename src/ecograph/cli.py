"""The ``ecograph`` command line.

Subcommands:

``ecograph validate PATH``
    Check a dataset; list every problem with file, row and column; exit 1 if
    there is any.
``ecograph summary PATH [--json]``
    Print counts by kind, sphere and scope, ties by type, components, density.
``ecograph schema``
    Print the dataset schema documentation (Markdown).
``ecograph template FILE.xlsx [--lang fr|en] [--from PATH]``
    An Excel collection template with drop-down lists.
``ecograph export PATH --format gexf|graphml|kumu-json|kumu-xlsx|umap|geojson|csv -o FILE [--with-measures]``
    Send a dataset to Gephi, Kumu or uMap (a map needs coordinates: exit 1 without any); ``--with-measures``
    adds each actor's measures to a GEXF, GraphML or Kumu file (exit 2 for another format).
``ecograph import-umap FILE --out DIR`` and ``ecograph import FILE --out DIR [--kind-from A] [--type-from A] [--people-kind K] [--strict]``
    Turn a uMap, GEXF, GraphML or Kumu file into a dataset folder; what cannot be imported is listed and kept
    in ``DIR/leftovers.csv``; exit 0 when a valid dataset was written, 1 with ``--strict`` and leftovers, 1 when
    nothing could be imported (only ``leftovers.csv`` is written), 2 for an unreadable file.
``ecograph import-netcanvas ZIP|DIR|FILE --out DIR [--protocol FILE.netcanvas] [--roster VARIABLE]``
    Turn Network Canvas interviews (CSV or GraphML export) into a dataset of declared ties; the matches of
    alters to actors by name are listed in ``DIR/review.csv``.
``ecograph outreach PATH -o FILE.xlsx|.csv [--lang fr|en]``
    The outreach worklist: isolated actors and who could introduce them.
``ecograph invite PATH -o DIR [--actors worklist|all|ID,...] [--lang fr|en] [--deadline DATE] [--contact TEXT]``
    One HTML form ("fiche") per actor to check and complete what is known of it, and ``invitations.xlsx``.
``ecograph merge PATH RESPONSES... -o DIR --invitations DIR`` and ``ecograph merge PATH --apply review.xlsx -o NEWPATH``
    The fiches' answers as ``review.xlsx`` (one row per proposed change), then the accepted ones as a new dataset folder;
    ``RESPONSES`` may also be interviews: a folder ``import-netcanvas`` wrote, or a Network Canvas export.
``ecograph datapackage PATH [-o FILE.json]``
    A Frictionless ``datapackage.json`` describing a dataset folder (types, codes, keys).
``ecograph report PATH -o DIR [--lang fr|en] [--pseudonymise-people] [--title T] [--walk walk.json] [--print-walk] [--previous OLD]``
    The main job: a one-file HTML report with its tables and figures (and a walk to present full screen); with
    ``--print-walk``, also ``walk-print.html``, the walk one step per printed page with its picture; with
    ``--previous``, its first page opens with what changed since the previous map.
``ecograph walk PATH -o walk.json [--lang fr|en]``
    Draft a walk through the findings (:mod:`ecograph.walk`) for an officer to edit.
``ecograph slides PATH -o brief.pptx [--walk walk.json] [--lang fr|en]``
    One slide per step of a walk (drafted from the brief without ``--walk``); needs python-pptx.
``ecograph compare OLD NEW [--lang fr|en] [--json]``
    What changed between two maps of one ecosystem: actors, ties added or confirmed, worklist actors now tied,
    spheres and founding years filled, density and main part against their bands, findings changed.

``PATH`` may be ``dijon`` for the bundled Dijon dataset.

Every command that writes words for people (``report``, ``outreach``,
``template --from``, ``export`` to uMap or GeoJSON) writes them in the
dataset's language (:func:`ecograph.report.detect_language`: its metadata's
``language``), unless ``--lang`` says otherwise; without a dataset, English.

Every command that writes follows one policy (:mod:`ecograph.outputs`): it
writes a new folder or file, or replaces the outputs it wrote there before;
it refuses an existing file, or a folder holding other files, unless
``--force``; and a failure leaves the earlier outputs as they were.

Exit status: 0 when all went well; 1 when the dataset has problems (rows
rejected, or it cannot be read) or the command could not finish; 2 for a
usage mistake (an unknown option, a malformed value, an output that may not
be written), always told in one line on stderr; 141 when the reader of the
output went away (``ecograph summary dijon | head -3``), quietly. No Python
traceback is shown unless the command is given ``--debug``. Text from the
data is never printed raw: control characters (terminal escape sequences)
are escaped.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as _dt
import json
import os
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from .datasets import dijon_path
from .ecosystem import load, validate
from .errors import EcographError, OutputError, SchemaError, printable
from .findings import Brief
from .glossary import glossary_markdown
from .interop import netcanvas, umap
from .interop.datapackage import write_datapackage
from .interop.exchange import leftovers_frame
from .interop.formats import FORMATS, export_format, import_format
from .interop.invite import dataset_fingerprint, invite_secret, write_invitations
from .interop.merge import apply_review, is_interview_source, read_review, review_responses, write_review
from .interop.slides import write_slides
from .interop.template import write_template
from .io import write_dataset
from .measures.analysis import Analysis
from .outputs import check_output_folder, output_file, output_folder
from .outreach import outreach_worklist, write_worklist
from .report import detect_language, draft_walk, run_report
from .schema import schema_markdown
from .version import __version__
from .walk import load_walk
from .waves import compare_maps
from .words import word

__all__ = ["build_parser", "main"]

_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a Unix tool killed by a closed pipe returns


def _say(key: str, **values: object) -> str:
    return word(f"cli.{key}", "en", **values)


class _Parser(argparse.ArgumentParser):
    """argparse, with every usage error told in one line (and exit status 2, argparse's convention)."""

    def error(self, message: str):  # type: ignore[override]
        self.exit(2, printable(_say("usage_error", prog=self.prog, message=message)) + "\n")


class _Printable:
    """A text stream that escapes control characters from the data before they reach the terminal."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text: str) -> int:
        text = printable(text)
        try:
            return self._stream.write(text)
        except UnicodeEncodeError:  # a terminal that cannot show some letters: escape them
            encoding = getattr(self._stream, "encoding", None) or "ascii"
            return self._stream.write(text.encode(encoding, "backslashreplace").decode(encoding))

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


@contextmanager
def _printable_streams() -> Iterator[None]:
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _Printable(out), _Printable(err)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err


def _suffix(*suffixes: str):
    """An argparse type: a file name ending with one of ``suffixes``."""

    def check(text: str) -> str:
        if Path(text).suffix.lower() not in suffixes:
            raise argparse.ArgumentTypeError(_say("bad_suffix", suffixes=" or ".join(suffixes), value=repr(text)))
        return text

    return check


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(_say("bad_count", value=repr(text)))
    return value


def _seed(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 0 <= value < 2**32:
        raise argparse.ArgumentTypeError(_say("bad_seed", value=repr(text)))
    return value


def _layer_sphere(text: str) -> str:
    layer, sep, sphere = text.partition("=")
    if not sep or not layer.strip() or not sphere.strip():
        raise argparse.ArgumentTypeError(_say("bad_layer_sphere", value=repr(text)))
    return text


def _check_source_date_epoch(parser: argparse.ArgumentParser) -> None:
    """``SOURCE_DATE_EPOCH``, when set, must be a date the report can show."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return
    try:
        _dt.datetime.fromtimestamp(int(epoch), tz=_dt.timezone.utc)
        time.gmtime(int(epoch))
    except (ValueError, OverflowError, OSError):
        parser.error(_say("bad_epoch", value=repr(epoch)))


def _dataset_path(text: str) -> Path:
    if text == "dijon":
        return dijon_path()
    return Path(text)


def _cmd_validate(args: argparse.Namespace) -> int:

    path = _dataset_path(args.path)
    result = validate(path)
    if result.warnings:
        print(_say("warnings", n=len(result.warnings)))
        for p in result.warnings:
            print(f"  - {p}")
    if result.problems:
        print(_say("problems_found", path=path, n=len(result.problems)), file=sys.stdout)
        for p in result.problems:
            print(f"  - {p}")
        rows = len(result.rejected)
        if rows:
            print(_say("would_be_rejected", n=rows))
        return 1
    counts = ", ".join(f"{len(df)} {name}" for name, df in result.tables.items())
    print(_say("valid", path=path, counts=counts))
    return 0


class _Failed(Exception):
    """A command could not run; its reason is already printed."""


def _load_dataset(text: str):
    """Load a dataset for a command, printing every problem and failing cleanly if it is invalid."""

    try:
        return load(_dataset_path(text), name="dijon" if text == "dijon" else None)
    except SchemaError as exc:
        print(exc, file=sys.stderr)
        print(_say("validate_hint"), file=sys.stderr)
        raise _Failed from None


def _cmd_summary(args: argparse.Namespace) -> int:
    eco = _load_dataset(args.path)
    s = eco.summary()
    print(s.to_json() if args.json else s)
    return 0


def _cmd_schema(args: argparse.Namespace) -> int:
    text = (glossary_markdown(args.lang) if args.command == "glossary" else schema_markdown()) + "\n"
    if args.output:
        with output_file(args.output, force=args.force) as path:
            path.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def _cmd_report(args: argparse.Namespace) -> int:

    path = _dataset_path(args.path)
    check_output_folder(
        args.output, command="report", force=args.force, protect=[path, *([_dataset_path(args.previous)] if args.previous else [])]
    )  # before hours of computing
    return run_report(
        path,
        Path(args.output),
        force=args.force,
        quiet=args.quiet,
        name="dijon" if args.path == "dijon" else None,
        lang=args.lang,
        pseudonymise_people=args.pseudonymise_people,
        title=args.title,
        seed=args.seed,
        date=args.date,
        walk=load_walk(args.walk) if args.walk else None,
        previous=_dataset_path(args.previous) if args.previous else None,
        print_walk=args.print_walk,
    )


def _cmd_walk(args: argparse.Namespace) -> int:

    eco = _load_dataset(args.path)
    walk = draft_walk(Brief(eco, seed=args.seed), lang=args.lang or detect_language(eco))
    with output_file(args.output, force=args.force, protect=[_dataset_path(args.path)]) as path:
        walk.save(path)
    print(word("walk.written", "en", n=len(walk.steps), file=args.output))
    return 0


def _cmd_slides(args: argparse.Namespace) -> int:

    eco = _load_dataset(args.path)
    brief = Brief(eco, seed=args.seed)
    walk = load_walk(args.walk) if args.walk else draft_walk(brief, lang=args.lang or detect_language(eco))
    with output_file(args.output, force=args.force, protect=[_dataset_path(args.path)]) as path:
        write_slides(walk, brief, path, lang=args.lang, seed=args.seed)
    print(word("walk.slides_written", "en", n=len(walk.steps), file=args.output))
    return 0


def _cmd_compare(args: argparse.Namespace) -> int:
    before, after = _load_dataset(args.old), _load_dataset(args.new)
    changes = compare_maps(before, after)
    if args.json:
        print(json.dumps(changes.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(changes.text(args.lang or detect_language(after)))
    return 0


def _cmd_outreach(args: argparse.Namespace) -> int:

    eco = _load_dataset(args.path)
    worklist = outreach_worklist(eco, k=args.k, seed=args.seed)
    with output_file(args.output, force=args.force, protect=[_dataset_path(args.path)]) as path:
        write_worklist(worklist, path, lang=args.lang or detect_language(eco))
    print(_say("worklist_written", n=len(worklist), file=args.output))
    return 0


EXPORT_FORMATS = tuple(f.name for f in FORMATS if f.write is not None)


def _cmd_template(args: argparse.Namespace) -> int:

    source = _load_dataset(args.source) if args.source else None
    with output_file(args.output, force=args.force, protect=[_dataset_path(args.source)] if args.source else []) as path:
        lang = args.lang or (detect_language(source) if source is not None else "en")
        write_template(path, lang=lang, source=source)
    print(_say("template_written", file=args.output))
    return 0


def _iso_date(text: str) -> str:
    try:
        return _dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(_say("bad_date", value=repr(text))) from None


def _cmd_invite(args: argparse.Namespace) -> int:

    eco = _load_dataset(args.path)
    actors = args.actors if args.actors in ("worklist", "all") else [a.strip() for a in args.actors.split(",") if a.strip()]
    secret = invite_secret(args.output)  # the tokens of fiches already sent stay valid
    with output_folder(args.output, command="invite", force=args.force, protect=[_dataset_path(args.path)]) as folder:
        table = write_invitations(
            eco, folder, actors=actors, lang=args.lang or detect_language(eco), deadline=args.deadline, contact=args.contact, secret=secret
        )
    print(_say("invitations_written", n=len(table), folder=args.output))
    return 0


def _response_files(items: Sequence[str]) -> list[Path]:
    files: list[Path] = []
    for item in items:
        path = Path(item)
        files += sorted(path.glob("*.json")) if path.is_dir() and not is_interview_source(path) else [path]
    return files


def _cmd_merge(args: argparse.Namespace) -> int:

    eco = _load_dataset(args.path)
    protect = [_dataset_path(args.path), *args.responses, *([args.apply] if args.apply else [])]
    if args.apply:
        if args.responses:
            raise OutputError(_say("merge_apply_alone"))
        review, about = read_review(args.apply)
        new, counts = apply_review(eco, review, fingerprint=about.get("fingerprint"))
        with output_folder(args.output, command="merge", force=args.force, protect=protect) as folder:
            write_dataset(new, folder)
            write_datapackage(folder)  # loads it: the new dataset must be valid before it is moved into place
        print(_say("merge_applied", folder=args.output, counts=", ".join(f"{k} {v}" for k, v in counts.items())))
        return 0
    secret = invite_secret(args.invitations) if args.invitations else None
    lang = args.lang or detect_language(eco)
    review = review_responses(eco, _response_files(args.responses), secret=secret, lang=lang)
    with output_folder(args.output, command="merge", force=args.force, protect=protect) as folder:
        write_review(review, folder / "review.xlsx", fingerprint=dataset_fingerprint(eco), lang=lang)
    counts = review["change"].value_counts()
    print(_say("merge_reviewed", n=len(review), folder=args.output, counts=", ".join(f"{k} {v}" for k, v in counts.items())))
    return 0


def _cmd_datapackage(args: argparse.Namespace) -> int:

    folder = _dataset_path(args.path)
    if args.path == "dijon" and not args.output:
        raise OutputError(_say("datapackage_bundled"))  # never written into the installed package
    _load_dataset(args.path)  # every problem told, as for the other commands
    target = args.output or folder / "datapackage.json"
    with output_file(target, force=args.force) as path:
        write_datapackage(folder, path)
    print(_say("datapackage_written", file=target))
    return 0


def _cmd_export(args: argparse.Namespace) -> int:

    eco = _load_dataset(args.path)
    out = Path(args.output)
    skipped: list = []
    lang = args.lang or detect_language(eco)
    analysis = Analysis.of(eco, seed=args.seed)
    inputs = [_dataset_path(args.path)]
    fmt = export_format(args.format)
    if args.with_measures and not fmt.measures:
        print(_say("measures_not_for", format=fmt.name, formats=", ".join(f.name for f in FORMATS if f.measures)), file=sys.stderr)
        return 2
    place = (
        output_folder(out, command="export", force=args.force, protect=inputs)
        if fmt.folder
        else output_file(out, force=args.force, protect=inputs)
    )
    try:
        with place as target:
            options = {"seed": args.seed, "undirected_ties": args.undirected_ties, "layers": args.layers, "lang": lang}
            options["measures"] = args.with_measures
            skipped = fmt.write(eco, target, analysis=analysis, **options)
    except umap.MissingCoordinatesError as exc:
        print(_say("about", path=args.path, message=exc), file=sys.stderr)
        return 1
    placed = len(eco.actors) - len(skipped)
    if skipped:
        ids = ", ".join(map(str, skipped[:10])) + (" ..." if len(skipped) > 10 else "")
        print(_say("not_on_map", n=len(skipped), ids=ids))
    if args.format in ("umap", "geojson"):
        print(_say("exported_map", placed=placed, n=len(eco.actors), file=out, format=args.format))
    else:
        print(_say("exported", n=len(eco.actors), m=len(eco.ties), file=out, format=args.format))
    return 0


def _one_line(exc: Exception) -> str:
    problems = getattr(exc, "problems", None)
    if problems:
        first = str(problems[0])
        return first if len(problems) == 1 else _say("more_problems", first=first, n=len(problems) - 1)
    return str(exc).splitlines()[0]


def _cmd_import(args: argparse.Namespace) -> int:

    source = Path(args.file)
    options = {"default_source": args.source or _say("imported_from", file=source.name)}
    try:
        if not (source.is_file() or (args.command == "import-netcanvas" and source.is_dir())):
            print(_say("no_such_file", file=source), file=sys.stderr)
            return 2
        if args.command == "import-netcanvas":
            eco = netcanvas.read_netcanvas(source, protocol=args.protocol, roster=args.roster, default_kind=args.kind)
        elif args.command == "import-umap":
            pairs = [pair.split("=", 1) for pair in args.layer_sphere or []]
            if any(len(p) != 2 for p in pairs):
                print(_say("layer_sphere_usage"), file=sys.stderr)
                return 2
            eco = umap.read_umap(source, layer_spheres=dict(pairs), default_kind=args.kind, people_kinds=args.people_kind or ())
        else:
            options.update(default_kind=args.kind, default_tie_type=args.tie_type, kind_from=args.kind_from, type_from=args.type_from)
            options.update(people_kinds=args.people_kind or ())
            fmt = import_format(source)
            if fmt is None:
                print(_say("unknown_format", file=source), file=sys.stderr)
                return 2
            eco = fmt.read(source, **options)
    except SchemaError as exc:
        print(_one_line(exc), file=sys.stderr)
        return 2
    leftovers = leftovers_frame(eco)
    imported_nothing = eco.actors.empty and len(leftovers) > 0  # something was read, and none of it could be imported
    with output_folder(args.out, command="import", force=args.force, protect=[source]) as folder:
        if not imported_nothing:
            write_dataset(eco, folder)
        if len(leftovers):
            leftovers.to_csv(folder / "leftovers.csv", index=False, encoding="utf-8", lineterminator="\n")
        review = getattr(eco, "review", None)  # matches by name of an import-netcanvas, to check
        if review is not None and len(review):
            review.to_csv(folder / "review.csv", index=False, encoding="utf-8", lineterminator="\n")
    out = Path(args.out)
    if review is not None and len(review):
        print(_say("netcanvas_review", n=len(review), file=out / "review.csv"))
    leftover_file = out / "leftovers.csv"
    if len(leftovers):
        print(_say("not_imported", n=len(leftovers)))
        for rec in leftovers.to_dict("records"):
            print(_say("not_imported_row", table=rec["table"], row=rec["row"], reasons=printable(str(rec["reasons"]))))
    if imported_nothing:
        key = "import_no_feature" if args.command == "import-umap" else "import_no_node"
        print(_say(key, file=source, n=len(leftovers), leftovers=leftover_file), file=sys.stderr)
        return 1
    nodes, edges = getattr(eco, "read_counts", (len(eco.actors) + len(leftovers), 0))
    read = _say("read_features", n=nodes) if args.command == "import-umap" else _say("read_nodes", n=nodes, edges=edges)
    left = _say("left_over", n=len(leftovers), file=leftover_file) if len(leftovers) else _say("nothing_left_over")
    print(_say("imported", read=read, source=source.name, actors=len(eco.actors), ties=len(eco.ties), out=out, leftovers=left))
    if len(eco.people):
        print(_say("imported_people", n=len(eco.people), m=len(eco.affiliations)))
    return 1 if args.strict and len(leftovers) else 0


def _loop_commands(command) -> None:
    """``invite`` and ``merge``: the fiches sent to the actors, and their answers brought back."""
    p = command("invite", _say("help_invite"), output=True)
    p.add_argument("path", help=_say("help_path"))
    p.add_argument("-o", "--output", required=True, help=_say("help_invite_output"))
    p.add_argument("--actors", default="worklist", help=_say("help_invite_actors"))
    p.add_argument("--lang", choices=["fr", "en"], help=_say("help_invite_lang"))
    p.add_argument("--deadline", type=_iso_date, help=_say("help_deadline"))
    p.add_argument("--contact", help=_say("help_contact"))
    p.set_defaults(func=_cmd_invite)

    p = command("merge", _say("help_merge"), output=True)
    p.add_argument("path", help=_say("help_path"))
    p.add_argument("responses", nargs="*", metavar="RESPONSE", help=_say("help_responses"))
    p.add_argument("-o", "--output", required=True, help=_say("help_merge_output"))
    p.add_argument("--invitations", metavar="DIR", help=_say("help_invitations"))
    p.add_argument("--apply", metavar="REVIEW.xlsx", type=_suffix(".xlsx"), help=_say("help_apply"))
    p.add_argument("--lang", choices=["fr", "en"], help=_say("help_merge_lang"))
    p.set_defaults(func=_cmd_merge)

    p = command("datapackage", _say("help_datapackage"), output=True)
    p.add_argument("path", help=_say("help_path"))
    p.add_argument("-o", "--output", type=_suffix(".json"), help=_say("help_datapackage_output"))
    p.set_defaults(func=_cmd_datapackage)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``ecograph`` command.

    Examples
    --------
    >>> build_parser().parse_args(["summary", "dijon", "--debug"]).debug
    True
    """

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=_say("help_debug"))
    writes = argparse.ArgumentParser(add_help=False)
    writes.add_argument("--force", action="store_true", help=_say("help_force"))

    parser = _Parser(prog="ecograph", description=_say("description"), parents=[common])
    parser.add_argument("--version", action="version", version=f"ecograph {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help: str, *, output: bool = False) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help, parents=[common, writes] if output else [common])

    p = command("validate", _say("help_validate"))
    p.add_argument("path", help=_say("help_path"))
    p.set_defaults(func=_cmd_validate)

    p = command("summary", _say("help_summary"))
    p.add_argument("path", help=_say("help_path"))
    p.add_argument("--json", action="store_true", help=_say("help_json"))
    p.set_defaults(func=_cmd_summary)

    p = command("outreach", _say("help_outreach"), output=True)
    p.add_argument("path", help=_say("help_path"))
    p.add_argument("-o", "--output", required=True, type=_suffix(".xlsx", ".csv"), help=_say("help_outreach_output"))
    p.add_argument("--lang", choices=["fr", "en"], help=_say("help_outreach_lang"))
    p.add_argument("-k", type=_count, default=3, help=_say("help_k"))
    p.add_argument("--seed", type=_seed, default=0, help=_say("help_seed"))
    p.set_defaults(func=_cmd_outreach)

    p = command("walk", word("walk.help_walk", "en"), output=True)
    p.add_argument("path", help=_say("help_path"))
    p.add_argument("-o", "--output", required=True, type=_suffix(".json"), help=word("walk.help_walk_output", "en"))
    p.add_argument("--lang", choices=["fr", "en"], help=word("walk.help_walk_lang", "en"))
    p.add_argument("--seed", type=_seed, default=0, help=_say("help_seed"))
    p.set_defaults(func=_cmd_walk)

    p = command("slides", word("walk.help_slides", "en"), output=True)
    p.add_argument("path", help=_say("help_path"))
    p.add_argument("-o", "--output", required=True, type=_suffix(".pptx"), help=word("walk.help_slides_output", "en"))
    p.add_argument("--walk", metavar="walk.json", help=word("walk.help_walk_file", "en"))
    p.add_argument("--lang", choices=["fr", "en"], help=word("walk.help_slides_lang", "en"))
    p.add_argument("--seed", type=_seed, default=0, help=_say("help_seed"))
    p.set_defaults(func=_cmd_slides)

    p = command("template", _say("help_template"), output=True)
    p.add_argument("output", type=_suffix(".xlsx"), help=_say("help_template_output"))
    p.add_argument("--lang", choices=["fr", "en"], help=_say("help_template_lang"))
    p.add_argument("--from", dest="source", help=_say("help_from"))
    p.set_defaults(func=_cmd_template)

    _loop_commands(command)

    p = command("export", _say("help_export"), output=True)
    p.add_argument("path", help=_say("help_path"))
    p.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    p.add_argument("-o", "--output", required=True, help=_say("help_export_output"))
    p.add_argument("--layers", choices=["sphere", "community"], default="sphere", help=_say("help_layers"))
    p.add_argument("--undirected-ties", choices=["mark", "both-ways"], default="mark", help=_say("help_undirected_ties"))
    p.add_argument("--with-measures", action="store_true", help=_say("help_with_measures"))
    p.add_argument("--lang", choices=["fr", "en"], help=_say("help_export_lang"))
    p.add_argument("--seed", type=_seed, default=0, help=_say("help_seed"))
    p.set_defaults(func=_cmd_export)

    def import_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("file")
        p.add_argument("--out", required=True, help=_say("help_import_out"))
        p.add_argument("--kind", default="initiative", help=_say("help_kind"))
        p.add_argument("--source", help=_say("help_source"))
        p.add_argument("--strict", action="store_true", help=_say("help_strict"))
        p.add_argument("--people-kind", action="append", metavar="VALUE", help=_say("help_people_kind"))

    p = command("import-umap", _say("help_import_umap"), output=True)
    import_options(p)
    p.add_argument(
        "--layer-sphere",
        action="append",
        type=_layer_sphere,
        metavar="LAYER=SPHERE",
        help=_say("help_layer_sphere"),
    )
    p.set_defaults(func=_cmd_import)

    p = command("import-netcanvas", _say("help_import_netcanvas"), output=True)
    import_options(p)
    p.add_argument("--protocol", metavar="FILE.netcanvas", help=_say("help_protocol"))
    p.add_argument("--roster", metavar="VARIABLE", default="actor_id", help=_say("help_roster"))
    p.set_defaults(func=_cmd_import)

    p = command("import", _say("help_import"), output=True)
    import_options(p)
    p.add_argument("--kind-from", metavar="ATTRIBUTE", help=_say("help_kind_from"))
    p.add_argument("--type-from", metavar="ATTRIBUTE", help=_say("help_type_from"))
    p.add_argument("--tie-type", help=_say("help_tie_type"))
    p.set_defaults(func=_cmd_import)

    p = command("schema", _say("help_schema"), output=True)
    p.add_argument("-o", "--output", help=_say("help_schema_output"))
    p.set_defaults(func=_cmd_schema)

    p = command("glossary", _say("help_glossary"), output=True)
    p.add_argument("-o", "--output", help=_say("help_schema_output"))
    p.add_argument("--lang", choices=["en", "fr"], default="en", help=_say("help_glossary_lang"))
    p.set_defaults(func=_cmd_schema)

    p = command("report", _say("help_report"), output=True)
    p.add_argument("path", help=_say("help_path"))
    p.add_argument("-o", "--output", required=True, help=_say("help_report_output"))
    p.add_argument("--lang", choices=["fr", "en"], help=_say("help_report_lang"))
    p.add_argument("--pseudonymise-people", action="store_true", help=_say("help_pseudonymise"))
    p.add_argument("--title", help=_say("help_title"))
    p.add_argument("--seed", type=_seed, default=0, help=_say("help_seed"))
    p.add_argument("--date", help=_say("help_date"))
    p.add_argument("-q", "--quiet", action="store_true", help=_say("help_quiet"))
    p.add_argument("--walk", metavar="walk.json", help=word("walk.help_walk_file", "en"))
    p.add_argument("--print-walk", action="store_true", help=word("walk.help_print_walk", "en"))
    p.add_argument("--previous", metavar="OLD", help=_say("help_previous"))
    p.set_defaults(func=_cmd_report)

    p = command("compare", _say("help_compare"))
    p.add_argument("old", help=_say("help_compare_old"))
    p.add_argument("new", help=_say("help_compare_new"))
    p.add_argument("--lang", choices=["fr", "en"], help=_say("help_compare_lang"))
    p.add_argument("--json", action="store_true", help=_say("help_json"))
    p.set_defaults(func=_cmd_compare)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    Usage mistakes are told in one line on stderr with status 2, a closed
    output pipe ends quietly, and an error is never shown as a Python
    traceback unless ``--debug`` comes before the command.

    Examples
    --------
    >>> main(["validate", "dijon"])  # doctest: +ELLIPSIS
    /...dijon: valid (108 actors, 3 people, 6 affiliations, 96 ties)
    0
    >>> import sys, contextlib
    >>> with contextlib.redirect_stderr(sys.stdout):
    ...     main(["outreach", "dijon", "-o", "worklist.txt"])
    ecograph outreach: error: argument -o/--output: the file must end with .xlsx or .csv (got 'worklist.txt') (see 'ecograph outreach --help')
    2
    """
    import matplotlib

    matplotlib.use("Agg")  # figures are written to files, never shown
    parser = build_parser()
    with _printable_streams():
        try:
            args = parser.parse_args(argv)
            if args.command == "report":
                _check_source_date_epoch(parser)
        except SystemExit as exc:  # --help, --version, or a usage mistake already told
            return exc.code if isinstance(exc.code, int) else 2
        try:
            return int(args.func(args))
        except _Failed:
            return 1
        except BrokenPipeError:
            _silence_stdout()
            return _BROKEN_PIPE
        except Exception as exc:
            if getattr(args, "debug", False):
                raise
            return _fail(exc)
        except KeyboardInterrupt:
            if getattr(args, "debug", False):
                raise
            print(_say("interrupted"), file=sys.stderr)
            return 130


def _fail(exc: Exception) -> int:
    """Tell an error in one line on stderr; return the exit status."""
    try:
        if isinstance(exc, OutputError):
            print(_say("error", message=exc), file=sys.stderr)
            return 2
        if isinstance(exc, SchemaError):
            print(exc, file=sys.stderr)
            return 1
        if isinstance(exc, MemoryError):
            print(_say("no_memory"), file=sys.stderr)
        elif isinstance(exc, (EcographError, OSError)):
            print(_say("error", message=exc), file=sys.stderr)
        else:
            error = printable(f"{type(exc).__name__}: {exc}", limit=300)
            print(_say("internal_error", error=error), file=sys.stderr)
    except BrokenPipeError:
        _silence_stdout()
        return _BROKEN_PIPE
    return 1


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so that flushing it at exit does not fail again on the closed pipe."""
    with contextlib.suppress(OSError, ValueError, AttributeError):  # no stdout to point anywhere: nothing left to flush
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stdout__.fileno())


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
