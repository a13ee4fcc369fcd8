"""The command group and the endings every command shares: one-line errors, exit codes, a quiet
end on a closed pipe, logging to stderr, and the checks of an output path (E050)."""
from __future__ import annotations

import errno
import logging
import os
import sys
from pathlib import Path
from typing import Optional

import click

from .. import __version__
from ..errors import Errors, NewsEventsError

logger = logging.getLogger("newsevents")


def counted(n: int, noun: str) -> str:
    """``n`` and the noun, plural unless n is 1: counted(1, "article") -> "1 article" (summary lines)."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _fail(message: str, code: int = 1):
    click.echo(f"newsevents: {message}", err=True)
    sys.exit(code)


class NewsEventsGroup(click.Group):
    """The command group, with the endings every command shares.

    - Usage errors (bad option values, missing arguments) are one line on stderr, exit 2.
    - A closed pipe (``newsevents events | head``) ends quietly with exit 0.
    """

    def main(self, *args, **kwargs):
        kwargs["standalone_mode"] = False
        try:
            rv = super().main(*args, **kwargs)
        except SystemExit:
            _flush_stdout()  # commands that exit themselves (extract, ingest): same quiet end on a closed pipe
            raise
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)
        except click.Abort:  # Ctrl-C
            detail = Errors.INTERRUPTED.get(getattr(self, "_running", None), "")
            click.echo("newsevents: [E007] " + Errors.E007.format(detail=detail), err=True)
            sys.exit(1)
        except click.UsageError as exc:
            if type(exc).__name__ == "NoArgsIsHelpError":  # bare `newsevents`: the help, as click shows it
                exc.show()
                sys.exit(exc.exit_code)
            hint = f" See `{exc.ctx.command_path} --help`." if exc.ctx is not None else ""
            message = " ".join(exc.format_message().split()).rstrip(".")  # click lists choices on lines
            _fail(f"[E005] {message}.{hint}", 2)
        except click.ClickException as exc:
            _fail(exc.format_message(), exc.exit_code or 1)
        _flush_stdout()
        sys.exit(rv if isinstance(rv, int) else 0)


    def invoke(self, ctx):
        args = getattr(ctx, "_protected_args", None) or getattr(ctx, "protected_args", None) or ctx.args
        self._running = args[0] if args else None  # the command, for the message of an interrupt (E007)
        _OUTPUT["path"] = None
        try:  # here, not in main(): click's main turns EPIPE into exit 1 before we could see it
            return super().invoke(ctx)
        except BrokenPipeError:
            _quiet_broken_pipe()
        except NewsEventsError as err:  # a coded error no command caught (a database read failing: E051)
            _flush_stdout()
            _fail(err.message, err.exit_code)
        except OSError as err:
            if err.errno not in _WRITE_ERRNOS or _OUTPUT["path"] is None:
                raise
            _output_failed(err)


#: errors of writing an output (disk or quota full, file too large, I/O error): E052, not a traceback
_WRITE_ERRNOS = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO)
#: the output of the running command: its -o path, "stdout", or None before one is opened (_open_out)
_OUTPUT: dict = {"path": None}


def _output_failed(err: OSError):
    """Writing the output failed (a full disk): one line (E052), exit 1. When it was stdout, stdout
    goes to /dev/null first, so that the interpreter's final flush does not fail a second time."""
    path = _OUTPUT["path"]
    if path == "stdout":
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError, AttributeError):
            pass
    _fail("[E052] " + Errors.E052.format(path=path, reason=err.strerror or err))


def _flush_stdout():
    """Flush stdout now (not at interpreter exit): a reader that went away after the last write
    (``| head``) ends quietly too."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_broken_pipe()
    except (OSError, ValueError, AttributeError):
        pass


#: articles reported as failed so far in this process: a closed pipe then ends with exit 1, not 0
_FAILED = {"articles": 0}


def note_failure() -> None:
    """Count an article that failed (reported on stderr), so that an output pipe closed early
    (``| head``) does not end the command with exit 0 as if all went well."""
    _FAILED["articles"] += 1


def _quiet_broken_pipe():
    """The reader of stdout went away (``| head``): stop quietly (Python docs, "Note on SIGPIPE"),
    exit 0, or 1 when an article failed before (each failure was reported on stderr)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # the interpreter's final flush must not fail again
    except (OSError, ValueError, AttributeError):
        pass
    sys.exit(1 if _FAILED["articles"] else 0)


class _LibraryFilter(logging.Filter):
    """Without -v, only newsevents' own log lines reach stderr (not trafilatura's or charset detection's)."""

    def filter(self, record):
        return record.name == "newsevents" or record.name.startswith("newsevents.")


class _LineFormatter(logging.Formatter):
    """Warnings and errors logged read as the commands' own lines ("newsevents: warning: ..."); debug
    and info lines (-v) keep their level name ("newsevents: DEBUG reading ...")."""

    def format(self, record):
        if record.levelno >= logging.WARNING:
            return f"newsevents: {record.levelname.lower()}: {record.getMessage()}"
        return super().format(record)


_HANDLER: Optional[logging.Handler] = None


def _setup_logging(verbose: bool) -> None:
    global _HANDLER
    root = logging.getLogger()
    if _HANDLER is not None:
        root.removeHandler(_HANDLER)
    _HANDLER = logging.StreamHandler(sys.stderr)
    _HANDLER.setFormatter(_LineFormatter("newsevents: %(levelname)s %(message)s"))
    if not verbose:
        _HANDLER.addFilter(_LibraryFilter())
    root.addHandler(_HANDLER)
    root.setLevel(logging.DEBUG if verbose else logging.WARNING)


def _output_problem(output: Optional[str]) -> Optional[str]:
    """Why ``output`` can't be written (its folder is missing, it is a folder), or None."""
    if not output or output == "-":
        return None
    path = Path(output)
    if path.is_dir():
        return "it is a folder"
    parent = path.parent
    if not parent.is_dir():
        return f"no such folder {parent}" if not parent.exists() else f"{parent} is not a folder"
    return None


def _check_output(output: Optional[str]) -> None:
    """Exit 1 with one line (E050) before any work when ``output`` can't be written.

    Like sqlite-utils, cp or sqlite3's .output, a missing folder is an error, not created:
    a mistyped path should not scatter folders."""
    reason = _output_problem(output)
    if reason:
        _fail("[E050] " + Errors.E050.format(path=output, reason=reason))


def _open_out(output: str, binary: bool = False):
    _OUTPUT["path"] = "stdout" if output == "-" else output
    if output == "-":
        return sys.stdout
    _check_output(output)
    try:
        return open(output, "wb" if binary else "w", encoding=None if binary else "utf-8",
                    newline=None if binary else "")
    except OSError as err:
        _fail("[E050] " + Errors.E050.format(path=output, reason=err.strerror or err))


@click.group(cls=NewsEventsGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsevents")
@click.option("-v", "--verbose", is_flag=True, help="Log debug messages to stderr.")
def main(verbose):
    """newsevents: news articles in, event data out (actors, events, quotes, places, dates), with evidence."""
    _setup_logging(verbose)
