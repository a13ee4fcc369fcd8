"""Documentation cannot drift (after sqlite-utils' test_docs.py): every command and every option of
the command line is named in README.md (the user guide) or in docs/ (database.md, scaling.md,
feeds.md and the others the README links to)."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.cli import main

ROOT = Path(__file__).resolve().parents[1]
DOCS = "\n".join(f.read_text(encoding="utf8") for f in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))])
COMMANDS = sorted(main.commands)


@pytest.mark.parametrize("name", COMMANDS)
def test_command_is_documented(name):
    assert f"newsevents {name}" in DOCS, f"`newsevents {name}` is missing from README.md / docs/*.md"


@pytest.mark.parametrize("name", COMMANDS)
def test_options_are_documented(name):
    missing = [opt for p in main.commands[name].params for opt in p.opts
               if opt.startswith("--") and opt not in ("--help",) and opt not in DOCS]
    assert not missing, f"options of `newsevents {name}` missing from the docs: {missing}"
