"""Renderers: one module per output format, each turning a value into text or a file."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from dutylist.messages import _, ngettext

if TYPE_CHECKING:
    import jinja2


def html_template(name: str) -> jinja2.Template:
    """Return the Jinja2 template ``name`` of ``reports/templates``, set up as every page is.

    Output is escaped, undefined names fail, and the template's ``{{ _("…") }}`` texts go
    through dutylist's catalogs, like the Python ones.
    """
    import jinja2  # noqa: PLC0415

    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("dutylist.reports", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
    )
    cast("Any", environment).install_gettext_callables(gettext=_, ngettext=ngettext, newstyle=True)
    return environment.get_template(name)
