"""Injection in every parameter of every API operation: SQL, FTS5 and LIKE syntax, markup, path
tricks, NUL and control characters, overlong values. Each answer is a 2xx or a clear 4xx, never a
5xx or a stack trace; nothing is written; markup is never sent back unescaped in an HTML page.

The parameters are read from the app's own /openapi.json, so a new parameter is covered when added.
"""
from __future__ import annotations

import pytest

INJECTIONS = [
    "' OR '1'='1",
    "1; DROP TABLE events; --",
    "\" OR 1=1 --",
    "') UNION SELECT name, sql FROM sqlite_master --",
    "%",
    "_",
    "\\",
    "*",
    "NEAR(a b)",
    "title:* OR text:*",
    "-",
    "\"",
    "<script>alert(1)</script>",
    "../../../../etc/passwd",
    "%00",
    "\x00",
    "\u202e\ufeff\U0001F600",
    "A" * 5000,
]


def _operations():
    from newsevents.web import create_app

    # the schema only: any database will do, the parameters do not depend on it
    import tempfile

    from newsevents.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        path = f"{tmp}/empty.db"
        open_store(path).close()
        spec = create_app(path).openapi()
    out = []
    for route, methods in sorted(spec["paths"].items()):
        for method, op in methods.items():
            for param in op.get("parameters", []):
                out.append((method.upper(), route, param["name"], param["in"]))
    return out


OPERATIONS = _operations()


def test_every_operation_has_its_parameters_listed():
    routes = {route for _, route, _, _ in OPERATIONS}
    assert {"/api/events", "/api/quotes", "/api/actors", "/api/places", "/api/dyads", "/api/network", "/api/search",
            "/api/articles/{article_id}"} <= routes


@pytest.mark.parametrize("method,route,name,where", OPERATIONS, ids=[f"{r}:{n}" for _, r, n, _ in OPERATIONS])
def test_injection_in_every_parameter(client, samples_db, method, route, name, where):
    from newsevents.store import open_readonly

    with open_readonly(samples_db) as s:
        before = s.counts()
    for value in INJECTIONS:
        if where == "path":
            from urllib.parse import quote

            r = client.request(method, route.replace("{" + name + "}", quote(value, safe="")))
        else:
            r = client.request(method, route, params={name: value})
        assert r.status_code < 500, (route, name, value[:40], r.status_code, r.text[:200])
        assert "Traceback" not in r.text and 'File "' not in r.text, (route, name, value[:40])
        if r.status_code == 200 and name in ("text", "actor", "recipient", "place", "mode", "article"):
            assert r.headers["content-type"].startswith(("application/json", "text/csv", "application/geo+json",
                                                         "application/xml", "application/gexf")), r.headers
    with open_readonly(samples_db) as s:
        assert s.counts() == before


@pytest.mark.parametrize("page", ["/events", "/quotes", "/map", "/timeline", "/network"])
def test_markup_in_a_page_filter_is_escaped(client, page):
    r = client.get(page, params={"actor": "<script>alert(1)</script>", "text": "\"><img src=x onerror=alert(1)>"})
    assert r.status_code < 500
    assert "<script>alert(1)</script>" not in r.text and "<img src=x onerror" not in r.text


def test_search_with_a_nul_or_control_character_is_words(samples_db):
    """Found by the test above: a NUL ended the FTS5 query string inside SQLite ("unterminated string",
    a 500). Control characters separate words, as the tokenizer reads them."""
    from newsevents.store import open_readonly
    from newsevents.store.sqlite import fts5_query

    assert fts5_query('police\x00"arrest') == fts5_query('police "arrest')
    with open_readonly(samples_db) as s:
        assert s.search("police\x00") == s.search("police")
