"""The HTTP API and the dashboard pages of ``newsevents serve`` (FastAPI).

Every endpoint reads through the store's query layer (:mod:`newsevents.store.browse`, the
same :class:`~newsevents.store.base.Store` the command line queries), opened read-only
per request; no endpoint writes. Query parameters are validated before any SQL runs: a
page size, a date range or a value past the limits below is a 422 whose ``detail`` says
which parameter and why (FastAPI's validation-error shape, also for the checks done
here). Any other failure is logged on the server and answered with a one-line 500; no
stack trace reaches a client.
"""
from __future__ import annotations

import io
import logging
from dataclasses import replace
from datetime import date as Date
from pathlib import Path
from typing import Literal, Optional

from fastapi import Depends, FastAPI, Path as PathParam, Query as Q, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel

from .. import __version__
from ..export.rows import QUERY_EVENT_COLUMNS, QUERY_QUOTE_COLUMNS
from ..store import StoreError
from ..store.browse import ACTOR_SORTS, EVENT_SORTS, PERIODS, PLACE_SORTS, QUOTE_SORTS, Query, QueryError
from . import assets

__all__ = ["create_app", "LIMITS"]

logger = logging.getLogger("newsevents.web")

HERE = Path(__file__).parent

#: the hard limits of the API (a request past one is a 422)
LIMITS = {
    "page_size": 500,        # rows per JSON page
    "offset": 1_000_000,
    "export_rows": 100_000,  # rows of a csv / geojson / gexf download
    "range_days": 36_600,    # since..until: 100 years
    "day_periods": 3_660,    # since..until with by=day: 10 years of bars
    "network_edges": 1_000,
    "text": 200,             # characters of a full-text query
}

# the columns of `newsevents events` / `quotes --format csv`: one list, so the download and the CLI agree
CSV_EVENT_COLUMNS = QUERY_EVENT_COLUMNS
CSV_QUOTE_COLUMNS = QUERY_QUOTE_COLUMNS

MEDIA = {"json": "application/json", "csv": "text/csv; charset=utf-8",
         "geojson": "application/geo+json", "gexf": "application/xml"}


def _media(*formats: str) -> dict:
    """OpenAPI ``responses`` declaring the media types an endpoint answers 200 with."""
    return {200: {"content": {MEDIA[f].split(";")[0]: {} for f in formats if f != "json"}}}


class Unprocessable(Exception):
    """A parameter past a limit or inconsistent with another: a 422 naming it."""

    def __init__(self, param: str, msg: str):
        self.param, self.msg = param, msg


def _detail(param: str, msg: str) -> list:
    return [{"type": "value_error", "loc": ["query", param], "msg": msg, "input": None}]


# -- models of the JSON answers (the OpenAPI schema; schemathesis checks answers against it) ------------

class Page(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[dict]


class SeriesAnswer(BaseModel):
    by: str
    items: list[dict]
    left_out: int = 0


class NetworkAnswer(BaseModel):
    nodes: list[dict]
    edges: list[dict]
    total_edges: int


class SearchAnswer(BaseModel):
    items: list[dict]


class Overview(BaseModel):
    articles: int
    events: int
    quotes: int
    first_date: Optional[str] = None
    last_date: Optional[str] = None
    version: str
    limits: dict


def _sorts(table: dict) -> str:
    """A regular expression of the sort keys of ``table`` (``key`` or ``-key``), for the schema."""
    return "^-?(" + "|".join(sorted(table)) + ")$"


# -- parameters -------------------------------------------------------------------------------

def filters(
    actor: Optional[str] = Q(None, max_length=100, description="Actor code (USA), sector (GOV), code and sector "
                             "(USAGOV) or canonical name (Donald Trump) among the event's actors."),
    recipient: Optional[str] = Q(None, max_length=100, description="Recipient: code, sector or canonical name. With "
                                 "actor, meetings between the two (reciprocal events) match too."),
    event_type: Optional[str] = Q(None, max_length=40, pattern=r"^[A-Za-z_]+$", description="PLOVER event type, "
                                  "e.g. PROTEST."),
    mode: Optional[str] = Q(None, max_length=60, description="PLOVER mode, e.g. demo."),
    quad_class: Optional[int] = Q(None, ge=1, le=4, description="1 verbal cooperation, 2 material cooperation, "
                                  "3 verbal conflict, 4 material conflict."),
    country: Optional[str] = Q(None, max_length=3, pattern=r"^[A-Za-z]{2,3}$", description="Country code of the "
                               "event's place (ISO 3166 alpha-3, e.g. HKG)."),
    place: Optional[str] = Q(None, max_length=200, description="The event's place: GeoNames id, or name."),
    since: Optional[Date] = Q(None, description="From this event date (ISO, inclusive)."),
    until: Optional[Date] = Q(None, description="Up to this event date (ISO, inclusive)."),
    text: Optional[str] = Q(None, max_length=LIMITS["text"], description="Full text of the article: words, "
                            "\"phrases\", OR, -word."),
    article: Optional[str] = Q(None, max_length=300, description="One article's id."),
    located: bool = Q(False, description="Only events with coordinates."),
    factual: bool = Q(False, description="Leave out negated and hypothetical events."),
) -> Query:
    """The shared filter of every list (the filter bar's fields)."""
    start, end = since, until
    if start and end:
        if start > end:
            raise Unprocessable("until", f"until ({until}) is before since ({since})")
        if (end - start).days > LIMITS["range_days"]:
            raise Unprocessable("until", f"the date range is longer than {LIMITS['range_days']} days: narrow it")
    return Query(actor=actor or None, recipient=recipient or None, event_type=event_type or None, mode=mode or None,
                 quad_class=quad_class, country=country or None, place=place or None,
                 since=since.isoformat() if since else None, until=until.isoformat() if until else None, text=text or None, article=article or None, located=located, factual=factual)


def paging(limit: int = Q(100, ge=1, le=LIMITS["page_size"], description="Page size (at most "
                          f"{LIMITS['page_size']})."),
           offset: int = Q(0, ge=0, le=LIMITS["offset"], description="Rows to skip.")) -> tuple[int, int]:
    return limit, offset


#: names users try first (the command line's option names) -> the API's parameter
PARAMETER_HINTS = {"type": "event_type", "speaker": "actor", "speaker_code": "actor", "speaker-code": "actor",
                   "quad-class": "quad_class", "event-type": "event_type", "q": "text", "query": "text",
                   "contains": "text", "dedup": "format=geojson or gexf", "from": "since", "to": "until"}


def _refuse_unknown_parameters(app: FastAPI) -> None:
    """Answer a request to an API operation with a query parameter it does not take with a 422
    naming the parameter (a typo such as ``?type=CONSULT`` for ``event_type`` would otherwise be
    ignored and return every row), with the parameter meant when it is a command-line name."""
    from fastapi.routing import APIRoute
    from starlette.routing import Match

    known: list = []

    def operations() -> list:
        """(route, its query parameter names), from the OpenAPI schema (built once, on first use)."""
        if not known:
            paths = app.openapi().get("paths", {})
            for route in app.routes:
                if isinstance(route, APIRoute) and route.path.startswith("/api"):
                    spec = paths.get(route.path_format, {}).get("get", {})
                    known.append((route, {p["name"] for p in spec.get("parameters", []) if p.get("in") == "query"}))
        return known

    @app.middleware("http")
    async def _unknown(request: Request, call_next):
        if request.url.path.startswith("/api") and request.query_params:
            for route, names in operations():
                if route.matches(request.scope)[0] == Match.FULL:
                    unknown = [k for k in dict.fromkeys(request.query_params.keys()) if k not in names]
                    if unknown:
                        k = unknown[0]
                        hint = f" (did you mean {PARAMETER_HINTS[k]}?)" if k in PARAMETER_HINTS else ""
                        msg = (f"unknown parameter '{k}'{hint}. This operation takes: "
                               f"{', '.join(sorted(names)) or 'no query parameters'}")
                        return JSONResponse({"detail": _detail(k, msg)}, status_code=422)
                    break
        return await call_next(request)


# -- the app ----------------------------------------------------------------------------------

def create_app(db_url: str) -> FastAPI:
    """Build the app serving the database at ``db_url`` (SQLite path or postgresql:// URL).

    The database is opened once here to fail early (StoreError: no such database), then
    read-only per request.
    RETURNS (FastAPI).
    """
    from ..store import open_readonly

    open_readonly(db_url).close()
    app = FastAPI(title="newsevents", version=__version__, docs_url=None, redoc_url=None,
                  description="Read-only HTTP API over a newsevents event database: events, quotes, actors, "
                              "places, articles with their evidence, time series and the actor network.")
    app.state.db_url = db_url

    @app.middleware("http")
    async def _no_nul(request: Request, call_next):
        """A NUL character in a parameter is a 422 for both backends (PostgreSQL text can't hold one,
        and SQLite ends strings there), before any query is built."""
        for where, params in (("query", request.query_params.multi_items()), ("path", [("path", request.url.path)])):
            for name, value in params:
                if "\x00" in value:
                    return JSONResponse({"detail": [{"type": "value_error", "loc": [where, name], "input": None,
                                                     "msg": "holds a NUL character"}]}, status_code=422)
        return await call_next(request)
    templates = Jinja2Templates(directory=str(HERE / "templates"))

    for name, folder in assets.static_dirs().items():
        app.mount(f"/static/{name}", StaticFiles(directory=str(folder)), name=name)
    app.mount("/static/app", StaticFiles(directory=str(HERE / "static")), name="app")

    def store():
        s = open_readonly(app.state.db_url)
        try:
            yield s
        except Exception as err:  # a damaged database: E051, a 503 with its line, not a 500 and a trace
            error = s.read_error(err)
            if error is None:
                raise
            raise error from None
        finally:
            s.close()

    # -- errors: a clear 422, a one-line 503 / 500, never a trace ---------------------------
    @app.exception_handler(Unprocessable)
    async def _unprocessable(request: Request, err: Unprocessable):
        return JSONResponse({"detail": _detail(err.param, err.msg)}, status_code=422)

    @app.exception_handler(QueryError)
    async def _query_error(request: Request, err: QueryError):
        return JSONResponse({"detail": _detail(err.param or "query", err.message)}, status_code=422)

    @app.exception_handler(StoreError)
    async def _store_error(request: Request, err: StoreError):
        logger.error("%s", err.message)
        return JSONResponse({"detail": err.message}, status_code=503)

    @app.exception_handler(Exception)
    async def _internal(request: Request, err: Exception):
        logger.exception("error answering %s", request.url.path)
        return JSONResponse({"detail": "internal error; the server log has the details"}, status_code=500)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, err: RequestValidationError):
        detail = [{"type": e.get("type", "value_error"), "loc": list(e.get("loc", ())), "msg": e.get("msg", ""),
                   "input": e.get("input") if isinstance(e.get("input"), (str, int, float, bool)) else None}
                  for e in err.errors()]
        return JSONResponse({"detail": detail}, status_code=422)

    # -- the API ---------------------------------------------------------------------------
    def _rows_out(rows: list[dict], fmt: str, columns: list[str], name: str) -> Response:
        from ..export.rows import write_rows

        buf = io.StringIO()
        write_rows(rows, "csv", buf, columns=columns)
        return Response(buf.getvalue(), media_type=MEDIA["csv"],
                        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})

    def _export_cap(total: int):
        if total > LIMITS["export_rows"]:
            raise Unprocessable("format", f"{total} rows match, more than the {LIMITS['export_rows']} a download "
                                "may hold: narrow the filter, or use `newsevents export`")

    def _clusters_out(s, q: Query, fmt: str) -> Response:
        from ..export.network import write_geojson, write_gexf

        _export_cap(s.event_page(q, limit=1)["total"])
        buf = io.StringIO()
        (write_geojson if fmt == "geojson" else write_gexf)(s.iter_clusters_matching(q), buf)
        ext = "geojson" if fmt == "geojson" else "gexf"
        return Response(buf.getvalue(), media_type=MEDIA[fmt],
                        headers={"Content-Disposition": f'attachment; filename="events.{ext}"'})

    @app.get("/api", response_model=Overview, tags=["api"])
    def overview(s=Depends(store)):
        """What the database holds, and the limits of this API."""
        return {**s.overview(), "version": __version__, "limits": LIMITS}

    @app.get("/api/events", response_model=Page, responses=_media("csv", "geojson", "gexf"), tags=["api"])
    def events(q: Query = Depends(filters), page=Depends(paging),
               sort: str = Q("date", pattern=_sorts(EVENT_SORTS), description="date, goldstein, event_type, "
                             "quad_class, article or published; -key for descending."),
               format: Literal["json", "csv", "geojson", "gexf"] = Q("json", description="json: one page of event "
                   "mentions; csv: every matching mention; geojson / gexf: the deduplicated factual events with a "
                   "matching mention, as `newsevents export` writes them."),
               s=Depends(store)):
        """Event mentions, filtered, sorted and paged; or a download of them."""
        if format in ("geojson", "gexf"):
            return _clusters_out(s, q, format)
        if format == "csv":
            _export_cap(s.event_page(q, limit=1)["total"])
            return _rows_out(s.event_page(q, sort=sort, limit=None)["items"], format, CSV_EVENT_COLUMNS, "events")
        limit, offset = page
        return {**s.event_page(q, sort=sort, limit=limit, offset=offset), "limit": limit, "offset": offset}

    @app.get("/api/quotes", response_model=Page, responses=_media("csv"), tags=["api"])
    def quotes(q: Query = Depends(filters), page=Depends(paging),
               kind: Optional[Literal["direct", "indirect", "mixed", "stance", "unsourced"]] = None,
               sort: str = Q("published", pattern=_sorts(QUOTE_SORTS), description="published, speaker, article or "
                             "kind; -key for descending."),
               format: Literal["json", "csv"] = "json", s=Depends(store)):
        """Quotes. Of the shared filter, actor (the speaker), since/until (publication date), text and
        article apply; the event filters do not."""
        if format == "csv":
            _export_cap(s.quote_page(q, kind=kind, limit=1)["total"])
            return _rows_out(s.quote_page(q, kind=kind, sort=sort, limit=None)["items"], format, CSV_QUOTE_COLUMNS,
                             "quotes")
        limit, offset = page
        return {**s.quote_page(q, kind=kind, sort=sort, limit=limit, offset=offset), "limit": limit, "offset": offset}

    @app.get("/api/actors", response_model=Page, responses=_media("csv"), tags=["api"])
    def actors(q: Query = Depends(filters), page=Depends(paging),
               sort: str = Q("-events", pattern=_sorts(ACTOR_SORTS), description="events, as_actor, as_recipient, "
                             "name or code; -key for descending."),
               format: Literal["json", "csv"] = "json", s=Depends(store)):
        """Actors of the matching events, with how many events they take part in."""
        if format == "csv":
            rows = s.actor_page(q, sort=sort, limit=None)["items"]
            _export_cap(len(rows))
            return _rows_out(rows, format, ["code", "sector", "canonical", "events", "as_actor", "as_recipient"],
                             "actors")
        limit, offset = page
        return {**s.actor_page(q, sort=sort, limit=limit, offset=offset), "limit": limit, "offset": offset}

    @app.get("/api/places", response_model=Page, responses=_media("csv", "geojson"), tags=["api"])
    def places(q: Query = Depends(filters), page=Depends(paging),
               sort: str = Q("-events", pattern=_sorts(PLACE_SORTS), description="events, name or country; -key "
                             "for descending."),
               format: Literal["json", "csv", "geojson"] = "json", s=Depends(store)):
        """Located places of the matching events, with counts per quad class (the map's markers)."""
        if format == "geojson":
            return _clusters_out(s, replace(q, located=True), "geojson")
        if format == "csv":
            rows = s.place_page(q, sort=sort, limit=None)["items"]
            _export_cap(len(rows))
            return _rows_out(rows, format, ["name", "country", "lat", "lon", "geonameid", "events", "verbal_coop",
                                            "material_coop", "verbal_conflict", "material_conflict",
                                            "goldstein_mean"], "places")
        limit, offset = page
        return {**s.place_page(q, sort=sort, limit=limit, offset=offset), "limit": limit, "offset": offset}

    @app.get("/api/dyads", response_model=SeriesAnswer, responses=_media("csv"), tags=["api"])
    def dyads(q: Query = Depends(filters),
              by: Literal["day", "week", "month", "year"] = Q("month", description="Period of the event date."),
              split: bool = Q(False, description="One row per period and dyad (actor codes, recipient codes)."),
              format: Literal["json", "csv"] = "json", s=Depends(store)):
        """Time series of the matching event mentions: per period, counts per quad class, Goldstein sum and mean
        (with actor and recipient: that dyad, meetings between the two included). Mentions without a day date
        (dated only to a week, month or year, or of an article without a publication date) are in no period:
        `left_out` counts them."""
        if by == "day" and q.since and q.until and \
                (Date.fromisoformat(q.until) - Date.fromisoformat(q.since)).days > LIMITS["day_periods"]:
            raise Unprocessable("by", f"more than {LIMITS['day_periods']} days between since and until: "
                                "use by=week or by=month, or narrow the range")
        rows = s.series(q, by=by, split=split)
        if format == "csv":
            cols = ["period", "start", "end"] + (["actor", "recipient"] if split else []) + [
                "events", "goldstein_sum", "goldstein_mean", "verbal_coop", "material_coop", "verbal_conflict",
                "material_conflict"]
            return _rows_out(rows, format, cols, "dyads")
        return {"by": by, "items": rows, "left_out": s.series_left_out(q)}

    @app.get("/api/network", response_model=NetworkAnswer, responses=_media("gexf"), tags=["api"])
    def network(q: Query = Depends(filters),
                limit: int = Q(200, ge=1, le=LIMITS["network_edges"], description="Heaviest edges kept."),
                format: Literal["json", "gexf"] = Q("json", description="gexf: the network of the deduplicated "
                                                    "factual events, as `newsevents export --format gexf`."),
                s=Depends(store)):
        """The actor network of the matching events: nodes are actors, edges dyads weighted by events."""
        if format == "gexf":
            return _clusters_out(s, q, "gexf")
        return s.network(q, limit=limit)

    @app.get("/api/search", response_model=SearchAnswer, tags=["api"])
    def search(text: str = Q(..., min_length=1, max_length=LIMITS["text"], description="Words, \"phrases\", OR, "
                             "-word."),
               limit: int = Q(20, ge=1, le=LIMITS["page_size"]), s=Depends(store)):
        """Full-text search over the stored articles (titles and texts), best first."""
        return {"items": s.search(text, limit=limit)}

    @app.get("/api/articles/{article_id:path}", tags=["api"],
             responses={404: {"description": "No such article"}})
    def article(article_id: str = PathParam(..., max_length=300), s=Depends(store)):
        """One article with its text and every record (actors, events, quotes, places, dates) and their offsets."""
        analysis = s.article_record(article_id)
        if analysis is None:
            return JSONResponse({"detail": f"no article '{article_id}' in the database"}, status_code=404)
        return analysis.model_dump(mode="json")

    _refuse_unknown_parameters(app)

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs_page():
        """The API's reference, drawn on the server from /openapi.json: no script, nothing from a
        CDN (FastAPI's Swagger UI page loads its assets from cdn.jsdelivr.net; no installed
        package provides them here)."""
        from .apidocs import render_openapi

        return HTMLResponse(render_openapi(app.openapi()))

    # -- the pages --------------------------------------------------------------------------
    def page(name: str, request: Request, **context):
        return templates.TemplateResponse(request, f"{name}.html", {"page": name, "periods": PERIODS, **context})

    @app.get("/", include_in_schema=False)
    def home():
        return RedirectResponse("/map")

    @app.get("/map", response_class=HTMLResponse, include_in_schema=False)
    def map_page(request: Request):
        return page("map", request, basemap=assets.basemap_path() is not None)

    @app.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
    def timeline_page(request: Request):
        return page("timeline", request)

    @app.get("/network", response_class=HTMLResponse, include_in_schema=False)
    def network_page(request: Request):
        return page("network", request)

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_page(request: Request):
        return page("events", request)

    @app.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
    def quotes_page(request: Request):
        return page("quotes", request)

    @app.get("/article/{article_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str):
        return page("article", request, article_id=article_id)

    @app.get("/static/basemap/countries.geojson", include_in_schema=False)
    def basemap():
        text = assets.basemap_geojson()
        if text is None:
            return JSONResponse({"detail": "basemap not installed: run `make setup` (npm ci installs world-atlas)"},
                                status_code=404)
        return Response(text, media_type=MEDIA["geojson"], headers={"Cache-Control": "max-age=86400"})

    return app
