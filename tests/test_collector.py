"""The cyclic collector is paused around bulk work and left as it was found."""

from __future__ import annotations

import gc

import pytest

from dutylist.collector import collector_paused


@pytest.mark.parametrize("running", [True, False])
def test_the_collector_is_paused_inside_and_restored_after(running: bool) -> None:
    was = gc.isenabled()
    (gc.enable if running else gc.disable)()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert gc.isenabled() is running
        with pytest.raises(KeyError), collector_paused():
            raise KeyError
        assert gc.isenabled() is running
    finally:
        (gc.enable if was else gc.disable)()
