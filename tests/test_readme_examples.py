"""The README's quick-start examples run as written from a fresh clone (issue: examples named files
that did not exist). Each command of the quick-start block that needs no ../shared data is run in
the repository folder with the installed CLI; it must exit 0 and print something."""
from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def quick_start_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("Then, with `.venv/bin` on your `PATH`:", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    cmds = [re.sub(r"\s+#.*$", "", line).strip() for line in block.splitlines()]
    return [c for c in cmds if c.startswith(("newsevents", "cat ")) and "evaluate" not in c]


def test_quick_start_names_only_files_that_exist():
    for cmd in quick_start_commands():
        for word in shlex.split(cmd.replace("|", " ")):
            if "/" in word and not word.startswith("-"):
                assert (ROOT / word).exists(), f"README example names a missing file: {word} ({cmd})"


@pytest.mark.parametrize("cmd", quick_start_commands())
def test_quick_start_command_runs(cmd, tmp_path):
    exe = Path(sys.executable).with_name("newsevents")
    shell = cmd.replace("newsevents ", f"{exe} ").replace("> out.ndjson", f"> {tmp_path / 'out.ndjson'}")
    res = subprocess.run(shell, shell=True, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, (cmd, res.stderr[-2000:])
    assert "Traceback" not in res.stderr
    assert res.stdout.strip() or (tmp_path / "out.ndjson").exists()
