"""Timing in rounds, shared by the benchmarks: each function in turn, best of every round."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable


def best_of(
    functions: dict[str, Callable[[], object]],
    repeat: int,
    clock: Callable[[], float] = time.perf_counter,
) -> dict[str, float]:
    """Return the least time of each function over ``repeat`` rounds, measured by ``clock``.

    The functions run in turn within each round, so a busy machine slows all alike. Before
    each run the garbage collector empties its generations (untimed, and it stays enabled
    during the run): otherwise one step pays for scanning the objects another step left
    behind. ``time.process_time`` as the clock leaves out the time other processes take.
    """
    times: dict[str, list[float]] = {name: [] for name in functions}
    for _ in range(repeat):
        for name, function in functions.items():
            gc.collect()
            start = clock()
            function()
            times[name].append(clock() - start)
    return {name: min(values) for name, values in times.items()}
