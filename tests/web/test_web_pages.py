"""The pages and their assets are served (without a browser: see test_web_browser.py)."""
from __future__ import annotations


def test_pages_are_served_with_assets_from_packages(client):
    for page in ("/map", "/timeline", "/network", "/events", "/quotes", "/article/sample-singapore-summit"):
        r = client.get(page)
        assert r.status_code == 200 and "filter-bar" in r.text, page
    assert client.get("/static/leaflet/leaflet.js").status_code == 200
    assert client.get("/static/markercluster/leaflet.markercluster.js").status_code == 200
    assert client.get("/openapi.json").json()["paths"]["/api/events"]
    assert client.get("/docs").status_code == 200


def test_docs_page_is_drawn_offline_from_the_schema(client):
    """/docs used Swagger UI from cdn.jsdelivr.net: a blank page offline. Now no outside address."""
    import re

    r = client.get("/docs")
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    assert re.findall(r"(?:src|href)=\"(https?:)?//", r.text) == [] and "<script" not in r.text
    for path in client.get("/openapi.json").json()["paths"]:
        assert f"GET {path}</h2>" in r.text
    assert "<code>event_type</code>" in r.text and 'href="/openapi.json"' in r.text
