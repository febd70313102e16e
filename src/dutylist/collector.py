"""Work that builds many objects without reference cycles, with the cyclic collector paused.

Reading a 30,000-item list, checking it and comparing two each make hundreds of thousands
of small objects that form no reference cycles and are freed by reference counting.
Python's cyclic collector would walk them, and the whole heap, again and again as they
are made, for nothing: the time would grow faster than the list.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the ``with`` block (if it was running)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
