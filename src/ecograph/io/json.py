"""JSON files read within bounds: size, encoding and nesting depth.

Examples
--------
>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "a.json"
>>> _ = path.write_text('{"nodes": []}', encoding="utf-8")
>>> read_json(path, "kumu", "Export it again")
({'nodes': []}, 'utf-8')
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from ..errors import Problem, SchemaError
from ..schema import MAX_JSON_DEPTH
from .raw import decode_bytes, size_problem

__all__ = ["read_json"]


def _depth(data: object) -> int:
    """How deeply lists and mappings nest in ``data`` (without recursion)."""
    deepest = 0
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            values = value.values()
        elif isinstance(value, list):
            values = value
        else:
            continue
        deepest = max(deepest, depth)
        if deepest > MAX_JSON_DEPTH:
            return deepest
        stack.extend((v, depth + 1) for v in values if isinstance(v, (dict, list)))
    return deepest


def read_json(path: str | os.PathLike, table: str, hint: str) -> tuple[object, str]:
    """Parse a JSON file (UTF-8, else Windows-1252); a syntax error becomes a located :class:`SchemaError`.

    Returns the data and the encoding it was read with. Files larger than
    :data:`ecograph.schema.MAX_FILE_BYTES` and data nested more than
    :data:`ecograph.schema.MAX_JSON_DEPTH` levels deep are refused with a
    :class:`SchemaError` too.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "bad.json"
    >>> _ = path.write_text('{"a": }', encoding="utf-8")
    >>> read_json(path, "kumu", "Export it again")
    Traceback (most recent call last):
    ...
    ecograph.errors.SchemaError: 1 problem found in the dataset:
      - ..., row 1: not valid JSON: Expecting value (line 1, column 7). Export it again
    >>> _ = path.write_text("[" * 10_000 + "]" * 10_000, encoding="utf-8")
    >>> read_json(path, "kumu", "Export it again")
    Traceback (most recent call last):
    ...
    ecograph.errors.SchemaError: 1 problem found in the dataset:
      - ...: the data is nested too deeply (more than 64 levels). Export it again
    """

    path = Path(path)
    file = str(path)
    try:
        too_large = size_problem(path)
        data = b"" if too_large else path.read_bytes()
    except OSError as exc:
        raise SchemaError([Problem(table, file, None, None, None, f"cannot read the file ({exc.strerror or exc})", hint)]) from None
    if too_large:
        raise SchemaError([Problem(table, file, None, None, None, too_large, hint)])
    text, encoding = decode_bytes(data, file)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        problem = Problem(table, file, exc.lineno, None, None, f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})", hint)
        raise SchemaError([problem]) from None
    except RecursionError:
        data = None
        depth = MAX_JSON_DEPTH + 1
    else:
        depth = _depth(data)
    if depth > MAX_JSON_DEPTH:
        raise SchemaError(
            [Problem(table, file, None, None, None, f"the data is nested too deeply (more than {MAX_JSON_DEPTH} levels)", hint)]
        )
    return data, encoding
