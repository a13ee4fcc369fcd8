"""The ``/docs`` page of ``newsevents serve``: the OpenAPI schema as one plain HTML page.

FastAPI's interactive docs (Swagger UI, ReDoc) load their JavaScript and CSS from a CDN, which an
offline machine can't reach, and no package installed here ships those assets (Swagger UI is on
npm as ``swagger-ui-dist`` and on PyPI in wrappers; adding one is a dependency to decide on). This
page is drawn on the server from ``app.openapi()``: every operation with its summary, its
parameters (type, default, limits, description) and its answers' media types, and a link to
``/openapi.json`` for tools. No script, no outside address.
"""
from __future__ import annotations

from html import escape

__all__ = ["render_openapi"]


def _type(schema: dict) -> str:
    """A parameter's type as one short phrase: ``integer 1..4``, ``string, one of json, csv``."""
    if "anyOf" in schema:
        parts = [_type(s) for s in schema["anyOf"] if s.get("type") != "null"]
        return " or ".join(p for p in parts if p) or "any"
    kind = schema.get("type", "")
    if kind == "array":
        return f"list of {_type(schema.get('items', {}))}"
    bits = [kind + (f" ({schema['format']})" if schema.get("format") else "")]
    if "enum" in schema:
        bits.append("one of " + ", ".join(str(v) for v in schema["enum"]))
    if "minimum" in schema or "maximum" in schema:
        bits.append(f"{schema.get('minimum', '')}..{schema.get('maximum', '')}")
    if "maxLength" in schema:
        bits.append(f"at most {schema['maxLength']} characters")
    if "pattern" in schema:
        bits.append(f"matching {schema['pattern']}")
    return ", ".join(b for b in bits if b)


def render_openapi(spec: dict) -> str:
    """RETURNS (str): the HTML page of an OpenAPI 3 document (``app.openapi()``)."""
    info = spec.get("info", {})
    out = ["<!doctype html>", '<html lang="en"><head><meta charset="utf-8">',
           f"<title>{escape(info.get('title', 'API'))} API</title>",
           "<style>body{font:15px/1.45 system-ui,sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem}"
           "code{background:#f3f3f3;padding:0 .2em}table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}"
           "td,th{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}"
           "h2{margin-top:2rem;font-family:monospace}</style></head><body>",
           f"<h1>{escape(info.get('title', 'API'))} {escape(str(info.get('version', '')))}</h1>",
           f"<p>{escape(info.get('description', ''))}</p>",
           '<p>The machine-readable schema: <a href="/openapi.json"><code>/openapi.json</code></a>. '
           "A query parameter an operation does not take is answered with a 422 naming it.</p>"]
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            out.append(f'<h2 id="{escape(op.get("operationId", path))}">{escape(method.upper())} {escape(path)}</h2>')
            if op.get("summary"):
                out.append(f"<p><strong>{escape(op['summary'])}</strong></p>")
            if op.get("description"):
                out.append(f"<p>{escape(op['description'])}</p>")
            params = op.get("parameters", [])
            if params:
                out.append("<table><tr><th>parameter</th><th>in</th><th>type</th><th>default</th><th>meaning</th></tr>")
                for p in params:
                    schema = p.get("schema", {})
                    default = schema.get("default", "required" if p.get("required") else "")
                    out.append(f"<tr><td><code>{escape(p['name'])}</code></td><td>{escape(p.get('in', ''))}</td>"
                               f"<td>{escape(_type(schema))}</td><td>{escape(str(default))}</td>"
                               f"<td>{escape(p.get('description') or schema.get('description') or '')}</td></tr>")
                out.append("</table>")
            media = sorted({m for r in op.get("responses", {}).values() for m in (r.get("content") or {})})
            codes = ", ".join(sorted(op.get("responses", {})))
            out.append(f"<p>Answers: {escape(codes)}" + (f"; media types {escape(', '.join(media))}" if media else "")
                       + "</p>")
    out.append("</body></html>")
    return "\n".join(out)
