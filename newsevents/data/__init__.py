"""Loading the knowledge files (YAML and TSV) that ship in this folder.

Users extend any file without touching Python: put a file of the same name
in a folder and pass it as ``Options(data_paths=[folder])`` or
``--data DIR`` on the command line, or list folders in the environment
variable ``NEWSEVENTS_DATA`` (separated by ``os.pathsep``). Rows of TSV files
and entries of YAML lists are appended after the built-in ones; YAML mappings are
merged key by key at every depth (a list under a key is extended, a mapping merged,
any other value replaced: the user's entry wins).
"""
from __future__ import annotations

import csv
import os
import re
from pathlib import Path
from typing import Iterable, Optional

import yaml

from ..errors import DataError

DATA_DIR = Path(__file__).parent

__all__ = ["DATA_DIR", "data_files", "load_yaml", "load_tsv"]


def _user_dirs(extra: Optional[Iterable[os.PathLike]] = None) -> list[Path]:
    dirs = [Path(p) for p in (extra or [])]
    env = os.environ.get("NEWSEVENTS_DATA")
    if env:
        dirs.extend(Path(p) for p in env.split(os.pathsep) if p)
    return dirs


def data_files(name: str, extra: Optional[Iterable[os.PathLike]] = None) -> list[Path]:
    """The built-in file ``name`` followed by users' files of the same name.

    name (str): file name relative to this folder, e.g. ``"actors/office_holders.tsv"``.
    extra (iterable of paths): user data folders (Options.data_paths).
    RETURNS (list[Path]): existing files, built-in first.
    """
    files = [DATA_DIR / name] if (DATA_DIR / name).exists() else []
    files += [d / name for d in _user_dirs(extra) if (d / name).exists()]
    return files


class _KnowledgeLoader(yaml.SafeLoader):
    """YAML 1.2 booleans: only ``true``/``false``. PyYAML follows YAML 1.1, where ``on``, ``off``,
    ``yes`` and ``no`` are booleans -- in word lists ("sanctions on X", "no") they are words."""


_KnowledgeLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_KnowledgeLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def load_yaml(name: str, extra: Optional[Iterable[os.PathLike]] = None):
    """Load a YAML knowledge file, merged with users' files of the same name.

    Words such as ``on``, ``off``, ``yes`` and ``no`` stay strings (YAML 1.2 booleans:
    only ``true`` and ``false``), so that word lists mean what they say.

    RETURNS (dict | list): mappings merged key by key at every depth, lists concatenated.
    RAISES DataError (E010): a file can't be parsed, or no file exists.
    """
    result = None
    files = data_files(name, extra)
    if not files:
        raise DataError("E010", path=DATA_DIR / name, reason="no such file")
    for path in files:
        try:
            with open(path, encoding="utf8") as fh:
                value = yaml.load(fh, Loader=_KnowledgeLoader)
        except (OSError, yaml.YAMLError) as err:
            raise DataError("E010", path=path, reason=err) from err
        if value is None:
            continue
        if result is None:
            result = value
        elif isinstance(result, type(value)) or isinstance(value, type(result)):
            result = _merge(result, value)
        else:
            raise DataError("E010", path=path, reason="its top level must match the built-in file (mapping or list)")
    return result


def _merge(base, extra):
    """Merge ``extra`` into ``base``: mappings key by key (recursively), lists extended, else replaced."""
    if isinstance(base, dict) and isinstance(extra, dict):
        for key, value in extra.items():
            base[key] = _merge(base[key], value) if key in base else value
        return base
    if isinstance(base, list) and isinstance(extra, list):
        return base + extra
    return extra


def load_tsv(name: str, extra: Optional[Iterable[os.PathLike]] = None) -> list[dict]:
    """Load a TSV knowledge file (header row; ``#`` starts a comment line).

    RETURNS (list[dict]): one dict per row, keyed by the header; empty cells are None.
    RAISES DataError (E010/E011): a file is missing or a row has the wrong width.
    """
    rows: list[dict] = []
    files = data_files(name, extra)
    if not files:
        raise DataError("E010", path=DATA_DIR / name, reason="no such file")
    for path in files:
        try:
            with open(path, encoding="utf8", newline="") as fh:
                lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
        except OSError as err:
            raise DataError("E010", path=path, reason=err) from err
        reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if header is None:
            continue
        for i, cells in enumerate(reader, start=2):
            if len(cells) != len(header):
                raise DataError("E011", path=path, row=i,
                                reason=f"{len(cells)} cells, header has {len(header)}")
            rows.append({k: (v if v != "" else None) for k, v in zip(header, cells)})
    return rows
