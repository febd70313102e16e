"""Help texts in the language in use: commands and options carry Chinese msgids.

Every ``help=`` of a command or option is Chinese source text marked with
:func:`~dutylist.messages.N_`; :func:`show_help_in` sets each one to its translation
before click formats it, keeping the msgid so that a later change of language applies.
Click's own words (``Usage:``, ``Options:``) stay as click writes them.
"""

from __future__ import annotations

from collections.abc import Iterator

import click

from dutylist.messages import _

_MSGIDS: dict[int, str] = {}
"""The Chinese help text of each command and option (by ``id``), kept when translated."""


def show_help_in(command: click.Command) -> None:
    """Set the help of ``command``, its options and subcommands to the language in use."""
    for holder in _holders(command):
        text = getattr(holder, "help", None)
        if text is None:
            continue
        msgid = _MSGIDS.setdefault(id(holder), text)
        holder.help = _(msgid)


def _holders(command: click.Command) -> Iterator[click.Command | click.Parameter]:
    stack: list[click.Command] = [command]
    while stack:
        current = stack.pop()
        yield current
        yield from current.params
        if isinstance(current, click.Group):
            stack.extend(current.commands.values())
