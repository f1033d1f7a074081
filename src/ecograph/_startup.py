"""What must happen before ecograph's dependencies load.

numpy.f2py, which scipy imports, reads ``SOURCE_DATE_EPOCH`` as it loads
and fails on anything but a date it can show: a malformed value would stop
``import ecograph`` with a traceback. It is hidden while the dependencies
load and put back afterwards (:func:`restore`), so that the command line
reports it as the usage mistake it is.
"""

from __future__ import annotations

import datetime
import os
import time

_hidden: str | None = None
_epoch = os.environ.get("SOURCE_DATE_EPOCH")
if _epoch is not None:
    try:
        time.gmtime(int(_epoch))
        datetime.datetime.fromtimestamp(int(_epoch), tz=datetime.timezone.utc)
    except (ValueError, OverflowError, OSError):
        _hidden = os.environ.pop("SOURCE_DATE_EPOCH")


def restore() -> None:
    """Put back a ``SOURCE_DATE_EPOCH`` hidden while the dependencies loaded."""
    global _hidden
    if _hidden is not None:
        os.environ["SOURCE_DATE_EPOCH"] = _hidden
        _hidden = None
