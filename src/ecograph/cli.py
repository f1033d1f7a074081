"""The ``ecograph`` command line.

Subcommands:

``ecograph validate PATH``
    Check a dataset; list every problem with file, row and column; exit 1 if
    there is any.
``ecograph summary PATH [--json]``
    Print counts by kind, sphere and scope, ties by type, components, density.
``ecograph schema``
    Print the dataset schema documentation (Markdown).
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


def _cmd_summary(args: argparse.Namespace) -> int:
    from .ecosystem import load
    from .errors import SchemaError

    path = _dataset_path(args.path)
    try:
        eco = load(path, name="dijon" if args.path == "dijon" else None)
    except SchemaError as exc:
        print(exc, file=sys.stderr)
        print("Run 'ecograph validate' for details.", file=sys.stderr)
        return 1
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
    from .ecosystem import load
    from .errors import SchemaError
    from .outreach import outreach_worklist, write_worklist

    path = _dataset_path(args.path)
    try:
        eco = load(path, name="dijon" if args.path == "dijon" else None)
    except SchemaError as exc:
        print(exc, file=sys.stderr)
        return 1
    worklist = outreach_worklist(eco, k=args.k, seed=args.seed, lang=args.lang)
    out = write_worklist(worklist, args.output, lang=args.lang)
    print(f"{len(worklist)} actors to reach out to, written to {out}")
    return 0


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
    """Run the command line; return the exit status."""
    import matplotlib

    matplotlib.use("Agg")  # figures are written to files, never shown
    parser = build_parser()
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
