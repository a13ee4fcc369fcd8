"""Property tests (Hypothesis) for every reader and for ``extract`` on generated text.

The property, for any input bytes: a reader never raises, and every record it yields is an
article (text) or a problem with a code and a reason; run through the pipeline and stored,
every record is a stored article or an ``errors`` row with its code and message.

The readers are fuzzed without the spaCy model (a blank English pipeline with no stages, so
thousands of examples run in seconds); ``extract`` on generated text runs the full model.
The readers are called directly, not through ``read_inputs``' per-input boundary (E038),
so a reader failing in an unforeseen way fails the test instead of being caught there.

    make test                                   # profile "default": 40 examples per reader
    make fuzz                                   # HYPOTHESIS_PROFILE=fuzz: 10,000 per reader

Profiles are registered in tests/conftest.py; NEWSEVENTS_FUZZ_EXAMPLES overrides the count.
"""
from __future__ import annotations

import codecs
import gzip
import io
import json
import re
import string

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from newsevents.pipeline import ArticleInput, Options, Pipeline
from newsevents.sources import ReaderOptions, _decode_bom, _read_jsonl
from newsevents.sources.feeds import read_feed
from newsevents.sources.html import read_html
from newsevents.sources.warc import read_warc
from newsevents.store import open_store

CODE = re.compile(r"^E\d{3}$")


# -- the checks ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def blank():
    """A Pipeline over spaCy's blank English tokenizer with no stages: the readers' records go
    through the same input checks and batches as with the model, in microseconds."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return Pipeline(Options(stages=(), attribute_cache=False), nlp=nlp)


@pytest.fixture(scope="module")
def store():
    with open_store(":memory:") as s:
        yield s


def _check_records(records: list, pipeline: Pipeline, store) -> None:
    """Every record is text or a coded problem; through the pipeline and the store, every one is
    a stored article or an errors row with its code and message."""
    for r in records:
        assert isinstance(r, ArticleInput)
        if r.problem:
            code, message = r.problem
            assert CODE.match(code) and message.startswith(f"[{code}] ") and len(message) > 8, r.problem
        else:
            assert isinstance(r.text, (str, bytes)), type(r.text)
    analyses = list(pipeline.pipe(records))
    assert len(analyses) == len(records)
    for a in analyses:
        if a.error is not None:
            assert CODE.match(a.error.code) and a.error.message, a.error
    counts = store.add_batch(analyses)
    assert counts["stored"] + counts["skipped"] + counts["errors"] == len(analyses), counts
    for art_id, code, message in counts["failed"]:
        assert CODE.match(code) and message, (art_id, code, message)


# -- generators ---------------------------------------------------------------------------
_ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "latin-1", "cp1252", "shift_jis")
#: text of every kind: news words, markup, quotes, controls, surrogates' neighbours, long runs
words = st.sampled_from(
    "the police said on Monday President Trump met Kim Jong-un in Panmunjom . , \" ' “ ” ‘ ’ « » — "
    "protesters attacked Hong Kong Syria's 2019-07-01 yesterday & &amp; &#x0; < > <p> </div> ]]> "
    "\x00 \x0b \ufeff \ufffd \u202e \U0001F600 ﷽ ǅ İ ß Ω".split(" "))
texts = st.one_of(st.text(max_size=300), st.lists(words, max_size=80).map(" ".join),
                  st.builds(lambda w, n: w * n, words, st.integers(1, 400)))


def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


encoded = st.builds(_encode, texts, st.sampled_from(_ENCODINGS))
any_bytes = st.one_of(st.binary(max_size=2000), encoded,
                      st.builds(lambda b, s: b + s, st.sampled_from([codecs.BOM_UTF8, codecs.BOM_UTF16_LE,
                                                                     codecs.BOM_UTF16_BE, b"\x1f\x8b", b""]),
                                st.one_of(st.binary(max_size=500), encoded)))

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | texts,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12)
_KEYS = ("id", "title", "published", "text", "url", "source")
dates = st.one_of(st.sampled_from(["2019-07-01", "2019-07-01T10:00:00Z", "2019-02-30", "20190701", "", "0000-00-00",
                                   "9999-12-31T99:99", "Mon, 01 Jul 2019 10:00:00 GMT", "yesterday", "2019-13-45"]),
                  st.text(max_size=30))
record = st.fixed_dictionaries({}, optional={
    "id": st.one_of(texts, st.integers(), json_values), "title": st.one_of(texts, json_values),
    "published": st.one_of(dates, json_values), "text": st.one_of(texts, texts, json_values),
    "url": st.one_of(texts, json_values), "source": st.one_of(texts, json_values)})
jsonl_line = st.one_of(
    record.map(lambda r: json.dumps(r).encode()),
    record.map(lambda r: json.dumps(r, ensure_ascii=False).encode("utf-8", "surrogatepass")),
    json_values.map(lambda v: json.dumps(v).encode()),
    st.binary(max_size=200),
    st.builds(lambda n: b"[" * n, st.integers(1, 5000)),
    st.just(b""), st.just(b"   "))


@st.composite
def jsonl_documents(draw):
    lines = draw(st.lists(jsonl_line, max_size=8))
    sep = draw(st.sampled_from([b"\n", b"\r\n", b"\r", b"\n\n"]))
    data = sep.join(line.replace(b"\n", b" ").replace(b"\r", b" ") for line in lines)
    how = draw(st.sampled_from(["utf-8", "bom8", "utf-16", "raw"]))
    if how == "bom8":
        data = codecs.BOM_UTF8 + data
    elif how == "utf-16":
        data = data.decode("utf-8", "replace").encode("utf-16")
    if draw(st.booleans()):  # cut anywhere: a half-written export
        data = data[: draw(st.integers(0, len(data)))]
    return data


_TAGS = ("html", "head", "body", "title", "p", "div", "span", "a", "article", "main", "script", "style", "meta",
         "time", "table", "tr", "td", "ul", "li", "h1", "br", "img", "iframe", "svg", "math", "template",
         "noscript", "form", "textarea", "plaintext", "xmp", "frameset", "![CDATA[", "!--", "?xml")
attr_values = st.one_of(texts, dates, st.sampled_from(["application/ld+json", "datePublished", "article:published_time",
                                                       "text/html; charset=shift_jis", "utf-7", "x-bogus"]))


@st.composite
def markup(draw, depth=0):
    """HTML-like markup: nested elements, attributes, text, broken tags, entities, JSON-LD."""
    parts = []
    for _ in range(draw(st.integers(0, 6 if depth < 4 else 2))):
        kind = draw(st.integers(0, 9))
        if kind <= 2 or depth >= 6:
            parts.append(draw(texts))
        elif kind == 3:
            parts.append('<script type="application/ld+json">' + json.dumps(
                draw(st.one_of(json_values, st.fixed_dictionaries({"@type": st.sampled_from(["NewsArticle", "x"]),
                                                                   "datePublished": dates})))) + "</script>")
        elif kind == 4:
            parts.append("<" * draw(st.integers(1, 3)) + draw(st.text(max_size=20)) + ">" * draw(st.integers(0, 2)))
        elif kind == 5:  # nested deeply
            tag = draw(st.sampled_from(["div", "span", "b", "a", "table"]))
            parts.append(f"<{tag}>" * draw(st.integers(1, 3000)) + draw(texts))
        else:
            tag = draw(st.sampled_from(_TAGS))
            attrs = "".join(f' {name}="{value}"' for name, value in draw(st.lists(st.tuples(
                st.sampled_from(["content", "property", "name", "itemprop", "charset", "http-equiv", "href", "type",
                                 "datetime", "lang"]), attr_values), max_size=3)))
            inner = draw(markup(depth + 1))
            close = draw(st.sampled_from([f"</{tag}>", "", f"</{tag}", "</>"]))
            parts.append(f"<{tag}{attrs}>{inner}{close}")
    return "".join(parts)


html_documents = st.one_of(
    st.builds(lambda m, enc: _encode(m, enc), markup(), st.sampled_from(_ENCODINGS)),
    st.builds(lambda m, t: f"<!DOCTYPE html><html><head><title>{t}</title></head><body><article><p>{m}</p>"
                           f"<p>{t} {t}</p></article></body></html>".encode("utf-8", "surrogatepass"),
              markup(), texts),
    any_bytes)


@st.composite
def feed_documents(draw):
    def esc(value: str) -> str:
        if draw(st.booleans()):
            return value.replace("&", "&amp;").replace("<", "&lt;")
        return value  # raw, as broken feeds carry it

    atom = draw(st.booleans())
    items = []
    for _ in range(draw(st.integers(0, 5))):
        fields = draw(st.lists(st.tuples(
            st.sampled_from(["title", "link", "guid", "id", "description", "summary", "content:encoded", "content",
                             "pubDate", "published", "updated", "dc:date", "category", "author"]),
            st.one_of(texts, dates, markup().map(lambda m: "<![CDATA[" + m + "]]>"), markup())), max_size=6))
        body = "".join(f"<{k}>{esc(v)}</{k}>" for k, v in fields)
        items.append(f"<entry>{body}</entry>" if atom else f"<item>{body}</item>")
    language = draw(st.sampled_from(["en", "pt-BR", "xx", "", "de\x00"]))
    head = draw(st.sampled_from(['<?xml version="1.0" encoding="utf-8"?>', '<?xml version="1.0" encoding="latin-1"?>',
                                 '<?xml version="1.0" encoding="bogus"?>', "", "<!DOCTYPE x [<!ENTITY a 'aaaa'>]>"]))
    if atom:
        doc = f'{head}<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>{"".join(items)}</feed>'
    else:
        doc = (f'{head}<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
               f'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><language>{language}</language>'
               f'{"".join(items)}</channel></rss>')
    data = _encode(doc, draw(st.sampled_from(_ENCODINGS)))
    if draw(st.integers(0, 4)) == 0:
        data = data[: draw(st.integers(0, len(data)))]
    return data


@st.composite
def warc_records(draw):
    """One WARC record, its framing sometimes wrong (length, headers), its parts sometimes broken."""
    kind = draw(st.sampled_from(["response", "resource", "request", "metadata", "revisit", "warcinfo", "", "bogus"]))
    page = draw(st.one_of(html_documents, st.binary(max_size=300)))
    encoding = draw(st.sampled_from(["", "gzip", "br", "deflate", "chunked", "bogus"]))
    if encoding == "gzip" and draw(st.booleans()):
        page = gzip.compress(page)
    elif encoding == "chunked" and draw(st.booleans()):
        page = b"%x\r\n" % len(page) + page + b"\r\n0\r\n\r\n"
    ctype = draw(st.sampled_from(["text/html", "text/html; charset=utf-8", "text/html; charset=bogus",
                                  "application/xhtml+xml", "image/png", "", "text/html; charset="]))
    status = draw(st.sampled_from(["200 OK", "404 Not Found", "301 Moved", "2xx", "", "200"]))
    if kind == "response":
        http = f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\n"
        if encoding in ("gzip", "br", "deflate", "bogus"):
            http += f"Content-Encoding: {encoding}\r\n"
        if encoding == "chunked":
            http += "Transfer-Encoding: chunked\r\n"
        block = http.encode("latin-1") + b"\r\n" + page
        wtype = "application/http; msgtype=response"
    else:
        block, wtype = page, ctype
    length = len(block) + draw(st.sampled_from([0, 0, 0, 0, 1, -1, 50, -50]))
    headers = [("WARC-Type", kind), ("WARC-Record-ID", f"<urn:uuid:{draw(st.uuids())}>"),
               ("WARC-Date", draw(dates)), ("WARC-Target-URI", draw(st.sampled_from(["http://e.com/a", "", "x y"]))),
               ("Content-Type", wtype), ("Content-Length", str(length))]
    headers = [h for h in headers if draw(st.integers(0, 15))]  # now and then one is missing
    head = "WARC/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers) + "\r\n"
    raw = head.encode("utf-8", "replace") + block + b"\r\n\r\n"
    return gzip.compress(raw) if draw(st.booleans()) else raw


warc_documents = st.one_of(
    st.lists(warc_records(), min_size=1, max_size=4).map(b"".join),
    st.tuples(st.lists(warc_records(), min_size=1, max_size=3).map(b"".join), st.integers(0, 10**6),
              st.binary(max_size=20)).map(lambda t: t[0][: t[1] % (len(t[0]) + 1)] + t[2]),
    any_bytes.map(lambda b: b"WARC/1.0\r\n" + b))

_FUZZ = dict(deadline=None, suppress_health_check=list(HealthCheck))


# -- the readers --------------------------------------------------------------------------
@settings(**_FUZZ)
@given(data=any_bytes)
def test_fuzz_text_reader(data, blank, store):
    _check_records([ArticleInput(text=_decode_bom(data), id="text")], blank, store)


@settings(**_FUZZ)
@given(data=jsonl_documents(), keys=st.sampled_from([ReaderOptions(), ReaderOptions(text_key="body", id_key="title")]))
def test_fuzz_jsonl_reader(data, keys, blank, store):
    _check_records(list(_read_jsonl(io.BytesIO(data), "fuzz.jsonl", keys)), blank, store)


@settings(**_FUZZ)
@given(data=html_documents, encoding=st.sampled_from([None, None, "utf-8", "latin-1", "bogus", "utf-16"]))
def test_fuzz_html_reader(data, encoding, blank, store):
    _check_records([read_html(data, ident="page", encoding=encoding)], blank, store)


@settings(**_FUZZ)
@given(data=feed_documents() | any_bytes, encoding=st.sampled_from([None, None, "utf-8", "bogus"]))
def test_fuzz_feed_reader(data, encoding, blank, store):
    _check_records(list(read_feed(data, "fuzz.rss", encoding=encoding)), blank, store)


@settings(**_FUZZ)
@given(data=warc_documents, cap=st.sampled_from([20_000_000, 200]))
def test_fuzz_warc_reader(data, cap, blank, store):
    _check_records(list(read_warc(io.BytesIO(data), "fuzz.warc", max_bytes=cap)), blank, store)


# -- extract on generated text, with the model ------------------------------------------------------
_NEWS = ("President Trump", "Kim Jong-un", "the police", "rebels", "Syria's army", "the United Nations", "Merkel",
         "protesters", "Hong Kong", "Goma", "Moscow", "he", "she", "they", "officials")
_VERBS = ("met", "attacked", "said", "will sanction", "did not arrest", "accused", "praised", "condemned",
          "threatened", "signed a deal with", "told reporters", "visited", "withdrew from")
sentence = st.builds(
    lambda a, v, b, when, q, end: (f'"{a} {v} {b}," {when} said {q}' if q else f"{a} {v} {b} {when}") + end,
    st.sampled_from(_NEWS), st.sampled_from(_VERBS), st.sampled_from(_NEWS),
    st.sampled_from(["on Monday", "last week", "in 2019", "yesterday", "on 1 July", "", "next Tuesday"]),
    st.sampled_from(["", "", "a spokesman", "Trump", "“the minister”"]),
    st.sampled_from([". ", "? ", "! ", "\n\n", " ", "; ", "..."]))
articles = st.one_of(
    st.lists(sentence, min_size=1, max_size=12).map("".join),
    st.lists(st.one_of(sentence, st.text(min_size=1, max_size=40), words), min_size=1, max_size=20).map(" ".join),
    st.text(alphabet=string.printable, max_size=600))


def _extract_examples() -> int:
    return max(5, settings().max_examples // 25)  # 400 under the fuzz profile, a few in `make test`


def test_fuzz_extract_on_generated_text(pipeline):
    @settings(max_examples=_extract_examples(), **_FUZZ)
    @given(text=articles, published=st.sampled_from([None, "2019-07-01", "2000-02-29"]))
    def check(text, published):
        from datetime import date

        analysis = pipeline(text, published=date.fromisoformat(published) if published else None, id="x")
        if analysis.error is not None:
            assert CODE.match(analysis.error.code) and analysis.error.message
            assert analysis.error.code != "E199", analysis.error.message  # a stage failed: a bug
            return
        for records in (analysis.actors, analysis.places, analysis.dates):
            for r in records:
                ev = r.evidence
                assert 0 <= ev.start <= ev.end <= len(text) and text[ev.start:ev.end] == ev.text, (r, text)
        for e in analysis.events:
            assert text[e.trigger.start:e.trigger.end] == e.trigger.text, (e, text)

    check()
