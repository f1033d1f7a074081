"""Where commands write: one policy for every output folder and file.

A command writes into a folder that does not exist yet, that is empty, or
that holds only the outputs it wrote there before, as its manifest
(``.ecograph-outputs.json``) lists them, unchanged since. It replaces those
outputs completely, so that nothing stale survives (a ``rejected.csv`` with
real names from an earlier run, the people of an earlier import). Any other
folder, and any existing file, is refused with an :class:`OutputError`
unless ``force=True`` (``--force`` on the command line), which replaces it.

Everything is written in a temporary folder next to the target, and moved
into place only when the writing has succeeded: a failure leaves the
previous outputs as they were. A folder that holds the current directory,
the home folder or an input of the command is never replaced.

:func:`output_folder` and :func:`output_file` are the two ways in, as
context managers::

    with output_folder("outputs/dijon", command="report", force=False) as folder:
        (folder / "report.html").write_text(...)     # written in a temporary folder
    # here outputs/dijon holds exactly what was written, and its manifest

:func:`check_output_folder` and :func:`check_output_file` say beforehand
whether a place may be written, without writing anything (a long command
checks before it computes).

Examples
--------
>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "out"
>>> with output_folder(out, command="demo") as folder:
...     _ = (folder / "a.txt").write_text("first", encoding="utf-8")
>>> with output_folder(out, command="demo") as folder:
...     _ = (folder / "b.txt").write_text("second", encoding="utf-8")
>>> sorted(p.name for p in out.iterdir())
['.ecograph-outputs.json', 'b.txt']
>>> _ = (out / "notes.txt").write_text("mine", encoding="utf-8")
>>> with output_folder(out, command="demo") as folder:
...     pass
Traceback (most recent call last):
...
ecograph.errors.OutputError: ...out holds files ecograph did not write there (notes.txt); give another folder, or add --force to replace it and everything in it
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import OutputError
from .version import __version__

__all__ = ["MANIFEST", "check_output_file", "check_output_folder", "output_file", "output_folder"]

#: Name of the file that lists, in an output folder, what ecograph wrote there.
MANIFEST = ".ecograph-outputs.json"

# Files that desktops add to any folder; they do not make a folder someone else's.
_DESKTOP_FILES = {".DS_Store", "Thumbs.db", "desktop.ini"}
_TEMP_PREFIX = ".ecograph-tmp-"


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _files(folder: Path) -> list[str]:
    """Every file under ``folder``, as sorted relative POSIX paths."""
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() or p.is_symlink())


def _entries(folder: Path) -> tuple[list[str], list[str], list[str]]:
    """Under ``folder``, without following links: (regular files, special files and links, folders holding no file)."""
    regular, special, empty = [], [], []
    for root, dirs, files in os.walk(folder, followlinks=False):
        here = Path(root)
        for name in files + [d for d in dirs if (here / d).is_symlink()]:
            rel = (here / name).relative_to(folder).as_posix()
            (regular if (here / name).is_file() and not (here / name).is_symlink() else special).append(rel)
        if here != folder and not dirs and not files:
            empty.append(here.relative_to(folder).as_posix() + "/")
    return sorted(regular), sorted(special), sorted(empty)


def _say_files(names: list[str]) -> str:
    return ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")


def _protected(target: Path, protect: Iterable[str | os.PathLike]) -> str | None:
    """Why ``target`` may never be replaced, or None."""
    try:
        home, here = Path.home().resolve(), Path.cwd().resolve()
    except (OSError, RuntimeError):  # no home folder, or the current folder was deleted
        home = here = None
    if target == Path(target.anchor):
        return f"{target} is the root of the disk"
    if home is not None and (target == home or target in home.parents):
        return f"{target} is or holds the home folder"
    if here is not None and (target == here or target in here.parents):
        return f"{target} holds the current folder"
    for item in protect:
        inner = Path(item).resolve()
        if inner == target or target in inner.parents:
            return f"{target} holds {inner}, an input of this command"
    return None


def _not_a_link(path: str | os.PathLike) -> Path:
    """``path`` with ``~`` expanded, refused when it is a symbolic link (a link given as an output is never written through)."""
    given = Path(path).expanduser()
    if given.is_symlink():
        raise OutputError(f"{given} is a symbolic link; ecograph does not write through links: give the real path")
    return given


def _foreign(target: Path, command: str) -> str | None:
    """Why the existing folder ``target`` is not only ``command``'s earlier outputs, or None.

    Links and special files (a FIFO, a device) are never read; like folders
    holding no file, they are not ecograph's outputs.
    """
    regular, special, empty = _entries(target)
    if special:
        return f"{target} holds links or special files ecograph did not write there ({_say_files(special)})"
    if empty:
        return f"{target} holds folders ecograph did not make there ({_say_files(empty)})"
    present = [name for name in regular if Path(name).name not in _DESKTOP_FILES and name != MANIFEST]
    if not present:
        return None
    manifest_path = target / MANIFEST
    try:
        if not manifest_path.is_file() or manifest_path.stat().st_size > 64 << 20:
            raise ValueError("no readable manifest")
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        listed = dict(manifest["files"])
        theirs = manifest.get("command")
    except (OSError, ValueError, KeyError, TypeError):
        return f"{target} holds files ecograph did not write there ({_say_files(present)})"
    if theirs != command:
        return f"{target} holds the outputs of another command ('ecograph {theirs}')"
    unknown = [name for name in present if name not in listed]
    if unknown:
        return f"{target} holds files ecograph did not write there ({_say_files(unknown)})"
    changed = [name for name in present if _digest(target / name) != listed[name]]
    if changed:
        return f"{target} holds files changed since ecograph wrote them ({_say_files(changed)})"
    return None


def check_output_folder(path: str | os.PathLike, *, command: str, force: bool = False, protect: Iterable[str | os.PathLike] = ()) -> Path:
    """Check that ``command`` may write its outputs into the folder ``path``; return it, resolved.

    Raises
    ------
    OutputError
        When ``path`` is a file, is not writable, holds the current folder or
        an input, or holds anything but ``command``'s earlier outputs
        (without ``force``).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> file = pathlib.Path(tempfile.mkdtemp()) / "report.html"
    >>> _ = file.write_text("x", encoding="utf-8")
    >>> check_output_folder(file, command="report")
    Traceback (most recent call last):
    ...
    ecograph.errors.OutputError: ...report.html is a file; give a folder for the outputs
    """
    target = _not_a_link(path).resolve()
    if target.exists() and not target.is_dir():
        raise OutputError(f"{target} is a file; give a folder for the outputs")
    reason = _protected(target, protect)
    if reason:
        raise OutputError(f"ecograph will not write its outputs there: {reason}; give a folder of their own")
    if target.is_dir():
        reason = _foreign(target, command)
        if reason and not force:
            raise OutputError(f"{reason}; give another folder, or add --force to replace it and everything in it")
    _check_writable(target.parent)
    return target


def check_output_file(path: str | os.PathLike, *, force: bool = False, protect: Iterable[str | os.PathLike] = ()) -> Path:
    """Check that a command may write the file ``path``; return it, resolved.

    Raises
    ------
    OutputError
        When ``path`` is a folder, is not writable, is an input of the
        command, or exists (without ``force``).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> file = pathlib.Path(tempfile.mkdtemp()) / "filled-in.xlsx"
    >>> _ = file.write_bytes(b"...")
    >>> check_output_file(file)
    Traceback (most recent call last):
    ...
    ecograph.errors.OutputError: ...filled-in.xlsx already exists; give another name, or add --force to replace it
    >>> check_output_file(file, force=True) == file.resolve()
    True
    """
    target = _not_a_link(path).resolve()
    if target.is_dir():
        raise OutputError(f"{target} is a folder; give the name of a file")
    if target.exists() and not target.is_file():
        raise OutputError(f"{target} is not a regular file (a FIFO or a device); give the name of a file")
    for item in protect:
        inner = Path(item).resolve()
        if inner == target:
            raise OutputError(f"{target} is an input of this command; give another name for the output")
        if target.exists() and inner in target.parents:
            raise OutputError(f"{target} is a file of {inner}, an input of this command; give another name for the output")
    if target.exists() and not force:
        raise OutputError(f"{target} already exists; give another name, or add --force to replace it")
    _check_writable(target.parent)
    return target


def _check_writable(folder: Path) -> None:
    """The nearest existing folder of ``folder`` must let us create files and folders."""
    existing = folder
    while not existing.exists():
        existing = existing.parent
    if not existing.is_dir():
        raise OutputError(f"{existing} is a file, not a folder: the output cannot be written below it")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write in {existing}: permission denied")


def _temporary(parent: Path, name: str) -> Path:
    try:
        parent.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=f"{_TEMP_PREFIX}{name}-", dir=parent))
    except OSError as exc:
        raise OutputError(f"cannot write in {parent}: {exc.strerror or exc}") from None


def _write_manifest(folder: Path, command: str) -> None:

    files = {name: _digest(folder / name) for name in _files(folder) if name != MANIFEST}
    manifest = {"command": command, "files": files, "written_by": f"ecograph {__version__}"}
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8", newline="\n")


@contextlib.contextmanager
def output_folder(
    path: str | os.PathLike, *, command: str, force: bool = False, protect: Iterable[str | os.PathLike] = ()
) -> Iterator[Path]:
    """Write ``command``'s outputs in a temporary folder that replaces the folder ``path`` at the end.

    Yields an empty folder (its name is that of ``path``) next to ``path``.
    When the block ends without an error, ecograph writes the manifest in it
    and puts it in the place of ``path``, whose earlier content is deleted;
    when the block raises, the temporary folder is deleted and ``path`` is
    left as it was.

    Parameters
    ----------
    path : path-like
        The output folder.
    command : str
        The command writing it (``"report"``, ``"import"``...): a folder
        holding another command's outputs is not replaced without ``force``.
    force : bool, default False
        Replace a folder that holds other files too.
    protect : iterable of path-like
        Inputs of the command: a folder holding one is never replaced.

    Raises
    ------
    OutputError
        See :func:`check_output_folder`.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "kept"
    >>> with output_folder(out, command="demo") as folder:
    ...     _ = (folder / "a.txt").write_text("good", encoding="utf-8")
    >>> try:
    ...     with output_folder(out, command="demo") as folder:
    ...         _ = (folder / "a.txt").write_text("half-written", encoding="utf-8")
    ...         raise RuntimeError("the disk is full")
    ... except RuntimeError:
    ...     pass
    >>> (out / "a.txt").read_text(encoding="utf-8"), [p.name for p in out.parent.iterdir()]
    ('good', ['kept'])
    """
    target = check_output_folder(path, command=command, force=force, protect=protect)
    workspace = _temporary(target.parent, target.name)
    staged = workspace / target.name
    staged.mkdir()
    try:
        yield staged
        _write_manifest(staged, command)
        _swap(staged, target, workspace)
    finally:
        shutil.rmtree(workspace, ignore_errors=True)


def _swap(staged: Path, target: Path, workspace: Path) -> None:
    """Put ``staged`` in the place of ``target``; the old ``target`` is deleted only once the new one is there."""
    old = workspace / ".previous"
    try:
        if target.exists():
            os.replace(target, old)
        try:
            os.replace(staged, target)
        except OSError:
            if old.exists():
                os.replace(old, target)
            raise
    except OSError as exc:
        raise OutputError(f"cannot put the outputs in place at {target}: {exc.strerror or exc}") from None


@contextlib.contextmanager
def output_file(path: str | os.PathLike, *, force: bool = False, protect: Iterable[str | os.PathLike] = ()) -> Iterator[Path]:
    """Write one file at a temporary path that replaces ``path`` at the end.

    Yields a path with the same name as ``path``, in a temporary folder next
    to it; when the block ends without an error, the file written there is
    moved onto ``path`` (one atomic rename); when it raises, nothing changes.

    Raises
    ------
    OutputError
        See :func:`check_output_file`; also when the block wrote nothing.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "worklist.csv"
    >>> with output_file(path) as tmp:
    ...     _ = tmp.write_text("a,b\\n", encoding="utf-8")
    >>> tmp.name == path.name, path.read_text(encoding="utf-8")
    (True, 'a,b\\n')
    """
    target = check_output_file(path, force=force, protect=protect)
    workspace = _temporary(target.parent, target.name)
    staged = workspace / target.name
    try:
        yield staged
        if not staged.is_file():
            raise OutputError(f"nothing was written for {target}")
        try:
            os.replace(staged, target)
        except OSError as exc:
            raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None
    finally:
        shutil.rmtree(workspace, ignore_errors=True)
