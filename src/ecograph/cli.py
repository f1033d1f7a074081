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
``ecograph export PATH --format gexf|graphml|kumu-json|kumu-xlsx|umap|geojson|csv -o FILE``
    Send a dataset to Gephi, Kumu or uMap.
``ecograph import-umap FILE --out DIR`` and ``ecograph import FILE --out DIR``
    Turn a uMap, GEXF, GraphML or Kumu file into a dataset folder.
``ecograph outreach PATH -o FILE.xlsx|.csv [--lang fr|en]``
    The outreach worklist: isolated actors and who could introduce them.
``ecograph report PATH -o DIR [--lang fr|en] [--pseudonymise-people] [--title T]``
    The main job: a one-file HTML report with its tables and figures.

``PATH`` may be ``dijon`` for the bundled Dijon dataset.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

__all__ = ["main"]


def _dataset_path(text: str) -> Path:
    if text == "dijon":
        from .datasets import dijon_path

        return dijon_path()
    return Path(text)


def _cmd_validate(args: argparse.Namespace) -> int:
    from .ecosystem import validate

    path = _dataset_path(args.path)
    result = validate(path)
    if result.problems:
        n = len(result.problems)
        print(f"{path}: {n} problem{'s' if n != 1 else ''} found", file=sys.stdout)
        for p in result.problems:
            print(f"  - {p}")
        rows = len(result.rejected)
        if rows:
            print(f"{rows} row{'s' if rows != 1 else ''} would be rejected; the other rows are valid.")
        return 1
    counts = ", ".join(f"{len(df)} {name}" for name, df in result.tables.items())
    print(f"{path}: valid ({counts})")
    return 0


class _Failed(Exception):
    """A command could not run; its reason is already printed."""


def _load_dataset(text: str):
    """Load a dataset for a command, printing every problem and failing cleanly if it is invalid."""
    from .ecosystem import load
    from .errors import SchemaError

    try:
        return load(_dataset_path(text), name="dijon" if text == "dijon" else None)
    except SchemaError as exc:
        print(exc, file=sys.stderr)
        print("Run 'ecograph validate' for details.", file=sys.stderr)
        raise _Failed from None


def _cmd_summary(args: argparse.Namespace) -> int:
    eco = _load_dataset(args.path)
    s = eco.summary()
    print(s.to_json() if args.json else s)
    return 0


def _cmd_schema(args: argparse.Namespace) -> int:
    from .schema import schema_markdown

    text = schema_markdown() + "\n"
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from .report import run_report

    path = _dataset_path(args.path)
    return run_report(
        path,
        Path(args.output),
        quiet=args.quiet,
        name="dijon" if args.path == "dijon" else None,
        lang=args.lang,
        pseudonymise_people=args.pseudonymise_people,
        title=args.title,
        seed=args.seed,
        date=args.date,
    )


def _cmd_outreach(args: argparse.Namespace) -> int:
    from .outreach import outreach_worklist, write_worklist

    eco = _load_dataset(args.path)
    worklist = outreach_worklist(eco, k=args.k, seed=args.seed)
    out = write_worklist(worklist, args.output, lang=args.lang)
    print(f"{len(worklist)} actors to reach out to, written to {out}")
    return 0


EXPORT_FORMATS = ("gexf", "graphml", "kumu-json", "kumu-xlsx", "umap", "geojson", "csv")


def _cmd_template(args: argparse.Namespace) -> int:
    from .template import write_template

    source = _load_dataset(args.source) if args.source else None
    path = write_template(args.output, lang=args.lang, source=source)
    print(f"Collection template written to {path}")
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from . import gephi, kumu, umap

    eco = _load_dataset(args.path)
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    skipped: list = []
    if args.format == "gexf":
        gephi.write_gexf(eco, out, seed=args.seed)
    elif args.format == "graphml":
        gephi.write_graphml(eco, out)
    elif args.format == "kumu-json":
        kumu.write_kumu_json(eco, out)
    elif args.format == "kumu-xlsx":
        kumu.write_kumu_xlsx(eco, out)
    elif args.format == "umap":
        skipped = umap.write_umap(eco, out, by=args.layers, lang=args.lang, seed=args.seed)
    elif args.format == "geojson":
        skipped = umap.write_geojson(eco, out, by=args.layers, lang=args.lang, seed=args.seed)
    else:
        from .io import write_dataset

        write_dataset(eco, out)
    if skipped:
        print(
            f"{len(skipped)} actors have no coordinates and are not on the map: {', '.join(map(str, skipped[:10]))}{' ...' if len(skipped) > 10 else ''}"
        )
    print(f"Exported {len(eco.actors)} actors and {len(eco.ties)} ties to {out} ({args.format})")
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    from . import gephi, kumu, umap
    from .errors import SchemaError
    from .io import write_dataset

    source = Path(args.file)
    suffix = source.suffix.lower()
    try:
        if args.command == "import-umap":
            eco = umap.read_umap(source, layer_spheres=dict(pair.split("=", 1) for pair in args.layer_sphere or []))
        elif suffix == ".gexf":
            eco = gephi.read_gexf(source, default_source=f"imported from {source.name}")
        elif suffix == ".graphml":
            eco = gephi.read_graphml(source, default_source=f"imported from {source.name}")
        elif suffix in (".json", ".xlsx"):
            eco = kumu.read_kumu(source, default_source=f"imported from {source.name}")
        else:
            print(
                f"{source}: unknown format; give a .gexf, .graphml, Kumu .json or .xlsx file (uMap: ecograph import-umap)", file=sys.stderr
            )
            return 2
    except SchemaError as exc:
        print(exc, file=sys.stderr)
        return 1
    write_dataset(eco, Path(args.out))
    for problem in eco.problems:
        print(f"  - {problem}")
    print(
        f"{len(eco.actors)} actors and {len(eco.ties)} ties written to {args.out}"
        + (f"; {len(eco.rejected)} features not imported (listed above)" if len(eco.rejected) else "")
    )
    return 1 if len(eco.rejected) else 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``ecograph`` command."""
    from . import __version__

    parser = argparse.ArgumentParser(prog="ecograph", description="Ecosystem relationship-graph analytics.")
    parser.add_argument("--version", action="version", version=f"ecograph {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("validate", help="check a dataset and list every problem")
    p.add_argument("path", help="dataset folder, .xlsx workbook, or 'dijon'")
    p.set_defaults(func=_cmd_validate)

    p = sub.add_parser("summary", help="counts, tie types, components and density of a dataset")
    p.add_argument("path", help="dataset folder, .xlsx workbook, or 'dijon'")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.set_defaults(func=_cmd_summary)

    p = sub.add_parser("outreach", help="write the outreach worklist of isolated actors and their introducers")
    p.add_argument("path", help="dataset folder, .xlsx workbook, or 'dijon'")
    p.add_argument("-o", "--output", required=True, help="worklist.xlsx (one sheet per sphere) or worklist.csv")
    p.add_argument("--lang", choices=["fr", "en"], default="en", help="language of the column headers")
    p.add_argument("-k", type=int, default=3, help="introducers per actor (default 3)")
    p.add_argument("--seed", type=int, default=0)
    p.set_defaults(func=_cmd_outreach)

    p = sub.add_parser("template", help="write an Excel collection template (drop-down lists, help sheet)")
    p.add_argument("output", help="FILE.xlsx")
    p.add_argument("--lang", choices=["fr", "en"], default="en")
    p.add_argument("--from", dest="source", help="pre-fill with this dataset (folder, workbook or 'dijon')")
    p.set_defaults(func=_cmd_template)

    p = sub.add_parser("export", help="export a dataset to Gephi, Kumu, uMap, GeoJSON or CSV")
    p.add_argument("path", help="dataset folder, .xlsx workbook, or 'dijon'")
    p.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    p.add_argument("-o", "--output", required=True, help="file (a folder for csv)")
    p.add_argument("--layers", choices=["sphere", "community"], default="sphere", help="uMap/GeoJSON layers (default: sphere)")
    p.add_argument("--lang", choices=["fr", "en"], default="en")
    p.add_argument("--seed", type=int, default=0)
    p.set_defaults(func=_cmd_export)

    p = sub.add_parser("import-umap", help="import a uMap backup (.umap), GeoJSON or CSV export as a dataset folder")
    p.add_argument("file")
    p.add_argument("--out", required=True, help="dataset folder to write")
    p.add_argument("--layer-sphere", action="append", metavar="LAYER=SPHERE", help="map a layer name to a sphere code (repeatable)")
    p.set_defaults(func=_cmd_import)

    p = sub.add_parser("import", help="import a GEXF, GraphML or Kumu (.json, .xlsx) file as a dataset folder")
    p.add_argument("file")
    p.add_argument("--out", required=True, help="dataset folder to write")
    p.set_defaults(func=_cmd_import)

    p = sub.add_parser("schema", help="print the dataset schema documentation (Markdown)")
    p.add_argument("-o", "--output", help="write to this file instead of the screen")
    p.set_defaults(func=_cmd_schema)

    p = sub.add_parser("report", help="run the main job on a dataset and write the results")
    p.add_argument("path", help="dataset folder, .xlsx workbook, or 'dijon'")
    p.add_argument("-o", "--output", required=True, help="output folder, e.g. outputs/dijon")
    p.add_argument("--lang", choices=["fr", "en"], help="language of the report (default: the dataset's, French for Dijon)")
    p.add_argument(
        "--pseudonymise-people", action="store_true", help="replace every person's name and id by a stable pseudonym in every file"
    )
    p.add_argument("--title", help="title of the report")
    p.add_argument("--seed", type=int, default=0, help="seed of every random step (default 0)")
    p.add_argument("--date", help="date shown in the report (default: SOURCE_DATE_EPOCH or today)")
    p.add_argument("-q", "--quiet", action="store_true", help="print only the final path")
    p.set_defaults(func=_cmd_report)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    Examples
    --------
    >>> main(["validate", "dijon"])  # doctest: +ELLIPSIS
    /...dijon: valid (108 actors, 3 people, 6 affiliations, 92 ties)
    0
    """
    import matplotlib

    matplotlib.use("Agg")  # figures are written to files, never shown
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except _Failed:
        return 1


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
