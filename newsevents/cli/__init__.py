"""The command line: thin. Each command validates its arguments and calls a plain function.

Data goes to stdout; progress and logs to stderr. Exit codes: 0 ok, 1 some
article (or gold item) failed, 2 usage error.

One module per command group (``newsevents.cli:main`` is the entry point):

- ``app``: the group, error endings, logging, output checks (E050)
- ``options``: the options several commands share, the pipeline factory
- ``analyse``: extract, evaluate, schema, stages
- ``database``: ingest, load
- ``query``: events, quotes, dyads, search, export, serve
- ``live``: watch, feeds

Commands call :func:`make_pipeline` and :func:`run_extract` through this package at run time, so a
test may replace ``newsevents.cli.make_pipeline`` to reuse a loaded pipeline.
"""
from __future__ import annotations

import click

from .app import main
from .options import make_pipeline
from .analyse import run_extract
from . import database, live, query  # noqa: F401  (each registers its commands on main)

__all__ = ["main", "make_pipeline", "run_extract"]


def _verbose(ctx, param, value):
    if value:
        from .app import _setup_logging

        _setup_logging(True)


# -v works after the command name too (`newsevents extract -v FILE`), as before it
for _command in main.commands.values():
    if not any("-v" in p.opts for p in _command.params):
        _command.params.append(click.Option(["-v", "--verbose"], is_flag=True, expose_value=False, is_eager=True,
                                            callback=_verbose, help="Log debug messages to stderr (as `newsevents -v`)."))
