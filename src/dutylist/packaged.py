"""The files shipped inside the package: knowledge, schemas and message catalogs.

Every packaged file is read here, through :mod:`importlib.resources` (so an installed
package, zipped or not, finds them). ``importlib.resources`` imports tempfile, zipfile,
shutil and more, which cost ``import dutylist`` milliseconds: it is imported when a file is
first read.
"""

from __future__ import annotations


def packaged_bytes(path: str) -> bytes | None:
    """Return the bytes of ``path`` (``data/headers.toml``) inside the package, or None.

    None means the file is not shipped (a catalog for a language without one).
    """
    from importlib import resources  # noqa: PLC0415 - slow to import, needed on first read

    try:
        return resources.files(__package__ or "dutylist").joinpath(path).read_bytes()
    except FileNotFoundError:
        return None


def packaged_text(path: str) -> str:
    """Return the UTF-8 text of ``path`` (``data/headers.toml``), a file the package ships."""
    data = packaged_bytes(path)
    if data is None:
        raise FileNotFoundError(path)
    return data.decode("utf-8")
