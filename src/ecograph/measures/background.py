"""One computation on the machine's second core, in a forked process.

The report of a large network spends a fifth of its time on null models
(degree-preserving rewirings, each one re-detecting communities), which need
nothing else the report computes. :func:`in_background` runs such a
computation in a forked child process while the caller goes on, and gives
back a function that waits for its result. The child computes exactly what
the caller would have (same data, same seed), so results and files do not
depend on where it ran.

It runs in the background only where that is safe and useful: on Linux
(``fork`` elsewhere is either missing or unsafe with system libraries), with
at least two CPU cores, and unless ``ECOGRAPH_BACKGROUND=0`` is set. Anywhere
else, and if the child fails for any reason, the computation runs in the
caller when the result is asked for.

Examples
--------
>>> collect = in_background(lambda: sum(range(10)))
>>> collect()
45
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

__all__ = ["YOUNG_OBJECTS", "background_available", "fewer_collections", "in_background"]

#: Objects allocated between two collections of the youngest generation inside :func:`fewer_collections` (Python's default: 700).
YOUNG_OBJECTS = 50_000

T = TypeVar("T")


def background_available() -> bool:
    """Whether :func:`in_background` would use another process here.

    >>> isinstance(background_available(), bool)
    True
    """
    if os.environ.get("ECOGRAPH_BACKGROUND", "1").strip() in ("0", "no", "false"):
        return False
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return sys.platform.startswith("linux") and cores >= 2 and "fork" in multiprocessing.get_all_start_methods()


def in_background(compute: Callable[[], T], *, use_process: bool | None = None) -> Callable[[], T]:
    """Start ``compute()`` in a forked process; return a function that waits for and returns its result.

    Parameters
    ----------
    compute : callable
        Takes no argument; its result must be picklable (it comes back
        through a pipe).
    use_process : bool, optional
        Force (True) or forbid (False) the background process; by default
        :func:`background_available`.

    Returns
    -------
    callable
        Returns ``compute()``'s result. If the child failed or ended without
        a result, ``compute()`` runs then, in the caller (a failure then
        raises there, as it would have without the background process).
    """
    if not (background_available() if use_process is None else use_process):
        return compute
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)

    def child() -> None:
        try:
            send.send(("ok", compute()))
        except BaseException:  # any failure: the caller computes it again and sees the error itself
            send.send(("failed", None))
        finally:
            send.close()

    process = context.Process(target=child, daemon=True)
    process.start()
    send.close()
    done: list[Any] = []

    def collect() -> T:
        if not done:
            try:
                status, value = receive.recv()
            except (EOFError, OSError):
                status, value = "failed", None
            receive.close()
            process.join()
            done.append(value if status == "ok" else compute())
        return done[0]

    return collect


@contextmanager
def fewer_collections(young: int = YOUNG_OBJECTS) -> Iterator[None]:
    """Let Python's cycle collector run less often inside the block (its thresholds are put back after).

    Building a report allocates millions of small objects that live to the
    end (tables, figure artists): with the default threshold the collector
    walks them again and again, a tenth of the report of 1,000 actors. Cycles
    are still collected, every ``young`` allocations instead of every 700.

    Examples
    --------
    >>> import gc
    >>> before = gc.get_threshold()
    >>> with fewer_collections():
    ...     gc.get_threshold()[0] >= YOUNG_OBJECTS
    True
    >>> gc.get_threshold() == before
    True
    """
    before = gc.get_threshold()
    gc.set_threshold(max(young, before[0]), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)
