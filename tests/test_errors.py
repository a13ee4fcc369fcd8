"""Every error code is defined once: a second definition in the class silently replaces the first
(two branches once both took E070-E074, and `watch` printed Ray's messages)."""
from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import newsevents.errors


def test_each_error_code_is_defined_once():
    tree = ast.parse(Path(newsevents.errors.__file__).read_text(encoding="utf-8"))
    names = [t.id for node in ast.walk(tree) if isinstance(node, ast.ClassDef)
             for stmt in node.body if isinstance(stmt, ast.Assign) for t in stmt.targets
             if isinstance(t, ast.Name) and t.id[:1] in ("E", "W") and t.id[1:].isdigit()]
    assert names, "no error codes found"
    assert [n for n, c in Counter(names).items() if c > 1] == []
