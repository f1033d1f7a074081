"""What every benchmark script ends with: the Markdown table, the optional file, the targets."""

from __future__ import annotations

from pathlib import Path


def finish(lines: list[str], failures: list[str], out: Path | None = None) -> int:
    """Print the table (and write it to ``out``), say whether the targets are met; return the exit status."""
    table = "\n".join(lines)
    print("\n" + table)
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(table + "\n", encoding="utf-8")
    print("\nTargets: " + ("all met" if not failures else "MISSED\n  - " + "\n  - ".join(failures)))
    return 0 if not failures else 1
