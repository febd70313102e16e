"""People-facing text in one voice: Chinese by default, English on request.

Every message shown to a person (findings and hints, report headings, CLI notes and
errors) is written in Chinese in the source, wrapped in :func:`_`, and translated through
the gettext catalog in ``dutylist/locale/en/LC_MESSAGES/dutylist.mo``. Codes and JSON keys
are never translated. The language is chosen by :func:`set_language`, by the CLI's
``--lang``, or by the ``DUTYLIST_LANG`` environment variable (``zh`` or ``en``); ``LANG`` is
ignored, since it is ``C`` on most CI machines.
"""

from __future__ import annotations

import gettext
import io
import os
from functools import cache

from dutylist.packaged import packaged_bytes

LANGUAGES = ("zh", "en")
"""The languages dutylist speaks; the first is the default."""

_DOMAIN = "dutylist"
_chosen: list[str] = []


def set_language(language: str | None) -> None:
    """Speak ``language`` (``"zh"`` or ``"en"``) from now on; None returns to the default.

    Raises:
        ValueError: the language is not one of :data:`LANGUAGES`.
    """
    if language is not None and language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; known: {', '.join(LANGUAGES)}")
    _chosen[:] = [language] if language else []


def language() -> str:
    """Return the language in use: the one set, else ``DUTYLIST_LANG``, else Chinese."""
    if _chosen:
        return _chosen[0]
    wanted = os.environ.get("DUTYLIST_LANG", "").strip().lower()[:2]
    return wanted if wanted in LANGUAGES else LANGUAGES[0]


@cache
def _catalog(lang: str) -> gettext.NullTranslations:
    if lang == LANGUAGES[0]:
        return gettext.NullTranslations()
    mo = packaged_bytes(f"locale/{lang}/LC_MESSAGES/{_DOMAIN}.mo")
    if mo is None:
        return gettext.NullTranslations()
    return gettext.GNUTranslations(io.BytesIO(mo))


def _(message: str) -> str:
    """Return ``message`` (Chinese source text) in the language in use."""
    return _catalog(language()).gettext(message)


def N_(message: str) -> str:  # noqa: N802 - the gettext convention
    """Return ``message`` untranslated, marking it for extraction.

    For Chinese source text stored in tables at import time; translate it with :func:`_`
    where it is shown, so the language chosen later applies.
    """
    return message


def pgettext(context: str, message: str) -> str:
    """Return ``message`` translated in ``context``, for a word that means two things.

    ``pgettext("部门角色", "配合")`` (a department cooperates) and ``_("配合")`` (the
    cooperative part) are two entries of the catalog.
    """
    return _catalog(language()).pgettext(context, message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """Return the singular or plural form of a message for ``count``, translated."""
    return _catalog(language()).ngettext(singular, plural, count)
