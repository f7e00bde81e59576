"""Page content rendered with plain (synchronous) Jinja, inside the page's SQL trip.

Datasette renders with an async Jinja environment on the event loop. The speaker
page's content (dozens of claims, each value linked to its evidence) took 5.8 ms of
loop time that way, and every other request on that worker waited behind it; the
same template renders in 3.1 ms synchronously. So its content is rendered here, in
the thread that read its rows, and Datasette's page around it (``base.html``) only
places it. Templates are the plugin's own, autoescaped like Datasette's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

TEMPLATES = Path(__file__).resolve().parent / "templates"
# auto_reload off: the templates ship with the package, and checking every template
# file's time on each render was a stat() per file per page.
_ENVIRONMENT = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(default=True),
    auto_reload=False,
)


def render_body(template: str, context: dict[str, Any]) -> Markup:
    """``template`` rendered with ``context``, as markup to place in a Datasette page."""
    return Markup(_ENVIRONMENT.get_template(template).render(context))
