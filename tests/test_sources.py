"""Readers of HTML pages, RSS/Atom feeds, WARC files, and the dispatch in read_inputs.

The HTML accuracy test compares our main text with the hand-made article bodies of
../shared/corpus/html (Zyte article-extraction benchmark pages). Similarity per page =
``difflib.SequenceMatcher(None, ours.split(), expected.split(), autojunk=False).ratio()``:
the ratio over whitespace-separated words, so whitespace and paragraph breaks don't count
(1.0 = identical; 2 * matched words / all words; order matters, unlike bag-of-words F1).
Word level because the same ratio over characters costs ~15 s for 24 pages; it gives the
same mean (0.979). Measured (trafilatura 2.3.1, favor_precision): mean 0.979, lowest
0.837 (The Hill: inline hover cards), publication day right on 24/24 pages. The floors
below sit a little under that.
"""
from __future__ import annotations

import difflib
import gzip
import io
import json
from datetime import date
from pathlib import Path

import pytest

from newsevents.sources import ReaderOptions, detect_format, read_inputs
from newsevents.sources.feeds import html_to_text, item_day, read_feed
from newsevents.sources.html import page_published, read_html
from newsevents.sources.warc import read_warc

from conftest import shared_path

#: floors of the HTML accuracy gate (measured 0.979 mean, 0.837 lowest; see module docstring)
HTML_MEAN_FLOOR = 0.97
HTML_PAGE_FLOOR = 0.80

JPOST = "2019-11-20_jpost-son-of-former-german-president-stabbed"
CBS = "2019-11-20_cbsnews-impeachment-hearings-volker-morrison"

GENEVA = """<!DOCTYPE html><html><head><title>Talks resume in Geneva | Example News</title>
<meta property="article:published_time" content="2019-07-01T23:30:00-05:00"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Talks resume in Geneva</h1>
<p>Negotiators from both countries met in Geneva on Monday to resume talks on a ceasefire, officials said.</p>
<p>The foreign minister said the delegations had agreed to exchange prisoners before the end of the month.</p>
<p>Opposition leaders criticised the agreement and called for protests in the capital on Friday.</p>
</article><footer>Copyright 2019 Example News</footer></body></html>"""

RSS_EMPTY = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Nothing yet</title><link>http://example.com/</link>
<description>An empty channel</description></channel></rss>"""


def _similarity(ours: str, expected: str) -> float:
    return difflib.SequenceMatcher(None, ours.split(), expected.split(), autojunk=False).ratio()


def _html(name: str) -> bytes:
    return shared_path("corpus", "html", name + ".html").read_bytes()


def _feed(name: str) -> Path:
    return shared_path("corpus", "feeds", name)


# -- format detection -----------------------------------------------------------

@pytest.mark.parametrize("name,head,expected", [
    ("page.html", b"", "html"),
    ("page.HTM", b"", "html"),
    ("news.rss", b"", "feed"),
    ("news.atom", b"", "feed"),
    ("crawl.warc.gz", b"", "warc"),
    ("crawl.arc.gz", b"", "warc"),
    ("crawl.warc", b"", "warc"),
    ("articles.ndjson", b"", "jsonl"),
    ("article.txt", b"<html><body>x</body></html>", "text"),  # a .txt is text, whatever it holds
    ("feed.xml", b'<?xml version="1.0"?>\n<rss version="2.0">', "feed"),
    ("page.xml", b"<!DOCTYPE html>\n<html>", "html"),  # .xml is ambiguous: sniffed
    ("sitemap.xml", b'<?xml version="1.0"?><urlset>', "feed"),  # undecided: the ending's format
    ("download", b"WARC/1.0\r\nWARC-Type: warcinfo", "warc"),
    ("download", b"  <feed xmlns='http://www.w3.org/2005/Atom'>", "feed"),
    ("download", b"\xef\xbb\xbf<!doctype html><html>", "html"),
    ("download", b"Negotiators met in Geneva.", "text"),
    ("https://example.com/rss.xml?x=1", b"", "feed"),
])
def test_detect_format(name, head, expected):
    assert detect_format(name, head) == expected


def test_detect_format_gzip_warc():
    head = gzip.compress(b"WARC/1.1\r\nWARC-Type: warcinfo\r\n")
    assert detect_format("capture.gz", head) == "warc"
    assert detect_format("notes.gz", gzip.compress(b"plain words")) == "text"


# -- HTML pages ------------------------------------------------------------------

@pytest.mark.slow
def test_html_corpus_main_text_and_dates():
    folder = shared_path("corpus", "html")
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    assert len(index) == 24
    scores, right_days = {}, 0
    for item in index:
        art = read_html((folder / item["html"]).read_bytes(), ident=item["name"])
        assert art.problem is None, item["name"]
        expected = (folder / item["expected_text"]).read_text(encoding="utf-8")
        scores[item["name"]] = _similarity(art.text, expected)
        right_days += art.published == date.fromisoformat(item["published"][:10])
    mean = sum(scores.values()) / len(scores)
    low = {name: round(s, 3) for name, s in scores.items() if s < HTML_PAGE_FLOOR}
    assert mean >= HTML_MEAN_FLOOR, f"mean similarity {mean:.3f} < {HTML_MEAN_FLOOR}"
    assert not low, f"pages under {HTML_PAGE_FLOOR}: {low}"
    assert right_days == 24


def test_html_page_title_date_and_text():
    art = read_html(_html(JPOST), ident=JPOST)
    assert art.problem is None
    assert art.title == "Son of former German president stabbed to death in Berlin"
    assert art.published == date(2019, 11, 20)
    assert art.id == JPOST
    assert art.text.startswith("The son of former German President Richard von Weizsäcker, Fritz Eckart "
                               "von Weizsäcker was stabbed to death")
    assert "\n\n" in art.text  # paragraphs separated by a blank line


def test_html_date_from_structured_metadata_beats_url_date():
    # the CBS page's URL ends in 2019-11-19 (htmldate's pick); its JSON-LD datePublished is 2019-11-20
    art = read_html(_html(CBS), ident=CBS)
    assert art.published == date(2019, 11, 20)
    assert art.url.endswith("testimony-2019-11-19/")  # canonical URL of the page


def test_html_inline_page():
    art = read_html(GENEVA.encode("utf-8"), ident="geneva", url="http://example.com/geneva")
    assert art.title == "Talks resume in Geneva"
    assert art.published == date(2019, 7, 1)  # the day as written, not 2019-07-02 UTC
    assert art.url == "http://example.com/geneva"
    assert art.text.split("\n\n")[1] == ("Negotiators from both countries met in Geneva on Monday "
                                         "to resume talks on a ceasefire, officials said.")
    assert "Copyright" not in art.text and "Home" not in art.text


def test_html_fallback_date_and_declared_charset():
    page = GENEVA.replace('<meta property="article:published_time" content="2019-07-01T23:30:00-05:00">', "")
    page = page.replace("Geneva on Monday", "Genève on Monday")
    art = read_html(page.encode("iso-8859-1"), ident="g", published=date(2020, 1, 2), encoding="iso-8859-1")
    assert art.published == date(2020, 1, 2)
    assert "met in Genève on Monday" in art.text


@pytest.mark.parametrize("html,expected", [
    ('<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite",'
     '"datePublished":"2001-01-01"},{"@type":"NewsArticle","datePublished":"2019-11-20T06:07:01+0000"}]}</script>',
     date(2019, 11, 20)),
    ('<meta name="pubdate" content="2018-10-09T16:02:36+01:00">', date(2018, 10, 9)),
    ('<span itemprop="datePublished" content="2019-11-18">Nov 18</span>', date(2019, 11, 18)),
    ('<script type="application/ld+json">{broken json</script><meta name="date" content="yesterday">', None),
])
def test_page_published(html, expected):
    import lxml.html

    tree = lxml.html.fromstring(f"<html><head>{html}</head><body><p>x</p></body></html>")
    assert page_published(tree) == expected


def test_html_malformed_markup_still_read():
    page = (b"<html><body><div><p>Negotiators met in Geneva on Monday to resume talks on a ceasefire, "
            b"officials said. <b>The minister said the delegations had agreed to exchange prisoners.</p>"
            b"</div></span><p>Opposition leaders criticised the agreement")
    art = read_html(page, ident="broken")
    assert art.problem is None
    assert art.text == ("Negotiators met in Geneva on Monday to resume talks on a ceasefire, officials said. "
                        "The minister said the delegations had agreed to exchange prisoners.\n\n"
                        "Opposition leaders criticised the agreement")


@pytest.mark.parametrize("data,code,words", [
    (b"", "E030", "the file is empty"),
    (b"  \n\t ", "E030", "the file is empty"),
    (bytes(range(256)) * 8, "E030", "binary"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00\x10" * 100, "E030", "binary"),
    (b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "E031", "no main text"),
])
def test_html_problems(data, code, words):
    art = read_html(data, ident="bad")
    assert art.problem[0] == code
    assert art.problem[1].startswith(f"[{code}] ") and words in art.problem[1]
    assert art.text == "" and art.id == "bad"


# -- RSS / Atom feeds --------------------------------------------------------------

def test_feed_guardian_rss():
    items = list(read_feed(_feed("guardian-us-2018-01-31.rss").read_bytes(), "guardian"))
    assert len(items) == 55
    assert not any(i.problem for i in items)
    first = items[0]
    assert first.title == "Trump State of the Union address promised unity but emphasized discord"
    assert first.url == first.id == ("https://www.theguardian.com/us-news/2018/jan/31/"
                                     "donald-trump-state-of-the-union-address-unity-discord")
    assert first.published == date(2018, 1, 31)
    assert first.text.startswith("The president’s ‘new American moment’ speech stirred Republican applause")
    assert first.text.endswith("the deep discord at the heart of the country’s politics.")
    assert not any("Continue reading" in i.text for i in items)  # link-only blocks dropped
    assert min(i.published for i in items) == date(2017, 12, 8)


def test_feed_heise_atom():
    items = list(read_feed(_feed("heise-developer-2016-02-01.atom").read_bytes(), "heise"))
    assert len(items) == 15
    first = items[0]
    assert first.title == "Java-Anwendungsserver: Red Hat gibt WildFly 10 frei"
    assert first.id == "http://heise.de/-3088438"
    assert first.published == date(2016, 2, 1)
    assert first.text.startswith("Die nun verfügbare Version 10 des Enterprise-Java-Servers")
    assert {i.published for i in items} == {date(2016, 1, 28), date(2016, 1, 29), date(2016, 2, 1)}


def test_feed_uol_latin1_portuguese_dates():
    items = list(read_feed(_feed("uol-noticias-2018-09-24.rss").read_bytes(), "uol"))
    assert len(items) == 15
    assert {i.published for i in items} == {date(2018, 9, 24)}  # "Seg, 24 Set 2018" via dateparser
    assert items[0].title == "Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno"
    assert items[0].text.startswith("Líder na pesquisa Ibope de intenção de voto")
    assert not any("Ã" in (i.text + (i.title or "")) for i in items)  # no UTF-8-as-Latin-1 mojibake
    # an item with an empty <description> carries its headline as text
    assert items[1].text == items[1].title == ("Promotoria abre inquérito para apurar suspeita de "
                                               "improbidade de Skaf no Sebrae-SP")


@pytest.mark.parametrize("entry,expected", [
    ({"published": "Seg, 24 Set 2018 19:42:40 -0300"}, date(2018, 9, 24)),
    ({"published": "Mon, 01 Jul 2019 23:30:00 -0500"}, date(2019, 7, 1)),  # as written, not UTC
    ({"updated": "2016-02-01T17:54:50+01:00"}, date(2016, 2, 1)),
    ({"published": "not a date at all"}, None),
    ({}, None),
])
def test_item_day(entry, expected):
    assert item_day(entry) == expected


def test_html_to_text():
    markup = ('<p>Talks <b>resumed</b> &amp; ended.</p><img src="x.jpg"><script>var a;</script>'
              '<p><span>Related: </span><a href="http://e.com/b">Another story entirely</a></p>'
              '<a href="http://e.com/a">Continue reading...</a>')
    assert html_to_text(markup, "http://e.com/a") == "Talks resumed & ended."
    assert html_to_text("Plain  text\nhere", None) == "Plain text here"
    assert html_to_text("", None) == ""


@pytest.mark.parametrize("data,code", [
    (b"", "E032"),
    (b"This is not XML, just a sentence about a ceasefire.", "E032"),
    (bytes(range(256)) * 8, "E032"),
    (RSS_EMPTY, "E033"),
])
def test_feed_problems(data, code):
    items = list(read_feed(data, "bad.rss"))
    assert len(items) == 1
    assert items[0].problem[0] == code and items[0].problem[1].startswith(f"[{code}] ")


# -- WARC files -----------------------------------------------------------------------

def _write_warc(path: Path, records: list, gz: bool) -> None:
    """records: (kind, uri, content type, status, payload bytes)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "newsevents tests"}))
        for kind, uri, ctype, status, payload in records:
            if kind == "request":
                http = StatusAndHeaders(f"GET / HTTP/1.1", [("Host", "example.com")], is_http_request=True)
                record = writer.create_warc_record(uri, "request", payload=io.BytesIO(b""), http_headers=http)
            else:
                http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
                record = writer.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=http)
            record.rec_headers.replace_header("WARC-Date", "2021-03-04T05:06:07Z")
            writer.write_record(record)


def _records(jpost: bytes) -> list:
    undated = GENEVA.replace('<meta property="article:published_time" content="2019-07-01T23:30:00-05:00">', "")
    return [
        ("request", "http://example.com/jpost", None, None, b""),
        ("response", "http://example.com/jpost", "text/html; charset=utf-8", "200 OK", jpost),
        ("response", "http://example.com/logo.png", "image/png", "200 OK", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
        ("response", "http://example.com/gone", "text/html", "404 Not Found", b"<html><body>Gone</body></html>"),
        ("response", "http://example.com/geneva", "text/html", "200 OK", undated.encode("utf-8")),
    ]


@pytest.mark.parametrize("gz", [False, True])
def test_warc_pages(tmp_path, gz):
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    _write_warc(path, _records(_html(JPOST)), gz)
    arts = list(read_inputs([str(path)]))
    assert [a.url for a in arts] == ["http://example.com/jpost", "http://example.com/geneva"]
    assert [a.problem for a in arts] == [None, None]
    assert arts[0].title == "Son of former German president stabbed to death in Berlin"
    assert arts[0].published == date(2019, 11, 20)  # from the page's metadata
    assert arts[1].published == date(2021, 3, 4)  # no page date: the WARC-Date day
    assert arts[0].id.startswith("urn:uuid:") and arts[0].id != arts[1].id
    assert "exchange prisoners" in arts[1].text


def test_warc_truncated_yields_records_so_far(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    _write_warc(path, _records(_html(JPOST)) + [
        ("response", "http://example.com/cbs", "text/html", "200 OK", _html(CBS))], gz=True)
    data = path.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) - 20000])  # inside the CBS page's gzip member
    arts = list(read_inputs([str(cut)]))
    assert [a.url for a in arts[:2]] == ["http://example.com/jpost", "http://example.com/geneva"]
    assert len(arts) == 3 and arts[2].problem[0] == "E034"
    assert "after 6 records" in arts[2].problem[1]


def test_warc_truncated_inside_headers(tmp_path):
    path = tmp_path / "crawl.warc"
    _write_warc(path, _records(_html(JPOST)), gz=False)
    data = path.read_bytes()
    end = data.index(b"WARC/1", data.index(b"http://example.com/geneva") - 400)
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[: end + 120])  # the last record stops inside its WARC headers
    arts = list(read_inputs([str(cut)]))
    assert [a.url for a in arts[:1]] == ["http://example.com/jpost"]
    assert len(arts) == 2 and arts[1].problem[0] == "E034"


@pytest.mark.parametrize("data", [b"", b"this is not an archive\n" * 10, bytes(range(256)) * 8,
                                  gzip.compress(b"WARC/1.0\r\nWARC-Type: resp")])
def test_warc_corrupt(data):
    arts = list(read_warc(io.BytesIO(data), "bad.warc"))
    assert len(arts) == 1 and arts[0].problem[0] == "E034"


def test_warc_without_pages(tmp_path):
    path = tmp_path / "images.warc"
    _write_warc(path, [r for r in _records(b"") if not r[2] or "html" not in r[2]], gz=False)
    arts = list(read_inputs([str(path)]))
    assert len(arts) == 1 and arts[0].problem[0] == "E035"
    assert "(3 records of other types were skipped)" in arts[0].problem[1]


# -- dispatch -------------------------------------------------------------------------------

def test_read_inputs_dispatch(tmp_path):
    (tmp_path / "a.txt").write_text("Negotiators met in Geneva.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "j1", "text": "Talks resumed.", "published": "2019-07-01"})
                                      + "\n", encoding="utf-8")
    (tmp_path / "c.xml").write_text(GENEVA, encoding="utf-8")  # an HTML page named .xml: sniffed
    (tmp_path / "d.rss").write_bytes(RSS_EMPTY)
    (tmp_path / "e.bin").write_text("ignored: not a known ending", encoding="utf-8")
    arts = list(read_inputs([str(tmp_path)]))
    assert [a.id for a in arts] == ["a", "j1", "c", "d"]  # the E033 record of d.rss: its path in the folder
    assert arts[0].text == b"Negotiators met in Geneva." and arts[1].published == date(2019, 7, 1)
    assert arts[2].title == "Talks resume in Geneva" and arts[2].published == date(2019, 7, 1)
    assert arts[3].problem[0] == "E033"


def test_read_inputs_shared_feeds_and_page():
    feeds = shared_path("corpus", "feeds")
    page = shared_path("corpus", "html", JPOST + ".html")
    arts = list(read_inputs([str(feeds), str(page)], ReaderOptions(published=date(2000, 1, 1))))
    assert len(arts) == 55 + 15 + 15 + 1
    assert arts[-1].id == JPOST and arts[-1].published == date(2019, 11, 20)


def test_read_inputs_forced_format(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(GENEVA, encoding="utf-8")
    assert list(read_inputs([str(path)]))[0].text == GENEVA.encode("utf-8")
    art = list(read_inputs([str(path)], ReaderOptions(fmt="html")))[0]
    assert art.title == "Talks resume in Geneva" and art.id == "page"


def test_read_inputs_failed_fetch_is_a_problem():
    # discard port: nothing listens (loopback: allowed explicitly, refused by default with E071)
    arts = list(read_inputs(["http://127.0.0.1:9/feed.rss"], ReaderOptions(allow_private_hosts=True)))
    assert len(arts) == 1
    assert arts[0].problem[0] == "E036" and arts[0].url == "http://127.0.0.1:9/feed.rss"
    assert arts[0].problem[1].startswith("[E036] Can't fetch http://127.0.0.1:9/feed.rss")


def test_jsonl_wrong_typed_field_is_an_error_row_and_the_rest_goes_on(tmp_path):
    """One line with ``"text": 12345`` or ``"title": 7`` used to end the run with an AttributeError."""
    f = tmp_path / "typed.jsonl"
    f.write_text('{"id": "a", "text": "Police arrested a man."}\n{"id": "b", "text": 12345}\n'
                 '{"id": "c", "title": 7, "text": "Rebels attacked."}\n{"id": 4, "text": "Number id is fine."}\n'
                 '{"id": "e", "published": 20190701, "text": "x"}\n{"id": "f", "text": null, "url": ["x"]}\n',
                 encoding="utf8")
    got = list(read_inputs([str(f)], ReaderOptions()))
    assert [(a.id, a.problem[0] if a.problem else None) for a in got] == [
        ("a", None), ("b", "E024"), ("c", "E024"), ("4", None), ("e", "E024"), ("f", "E024")]
    assert "field 'text' holds a number 12345" in got[1].problem[1]
    assert "field 'title'" in got[2].problem[1] and "line 3" in got[2].problem[1]
    renamed = list(read_inputs([str(f)], ReaderOptions(text_key="body")))
    assert {a.problem[0] for a in renamed} == {"E022"}


def test_html_every_step_is_inside_the_per_article_boundary(monkeypatch):
    """The date lookup ran outside the error handling: hostile markup ended the run with a traceback."""
    from newsevents.sources import html as html_module

    body = "<p>" + "Police arrested twenty protesters in the city centre on Sunday. " * 5 + "</p>"
    deep = ('<html><head><script type="application/ld+json">' + "[" * 100_000 + "]" * 100_000
            + "</script></head><body><article>" + body + "</article></body></html>")
    page = read_html(deep.encode(), ident="deep")  # a JSON-LD bomb: the date lookup skips it
    assert page.problem is None and "Police arrested" in page.text

    def boom(tree):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(html_module, "page_published", boom)
    failed = read_html(deep.encode(), ident="deep")
    assert failed.problem[0] == "E030" and "RecursionError" in failed.problem[1]


def test_a_reader_failing_unexpectedly_ends_that_input_only(tmp_path, monkeypatch):
    import newsevents.sources as sources

    (tmp_path / "a.jsonl").write_text('{"id": "1", "text": "One."}\n{"id": "2", "text": "Two."}\n', encoding="utf8")
    (tmp_path / "b.txt").write_text("Police arrested a man.", encoding="utf8")
    real = sources._read_jsonl

    def breaks_after_one(stream, name, options):
        gen = real(stream, name, options)
        yield next(gen)
        raise RuntimeError("lxml: huge text node")

    monkeypatch.setattr(sources, "_read_jsonl", breaks_after_one)
    got = list(read_inputs([str(tmp_path / "a.jsonl"), str(tmp_path / "b.txt")]))
    assert [(a.id, a.problem[0] if a.problem else None) for a in got] == [
        ("1", None), (f"{tmp_path / 'a.jsonl'}#2", "E038"), ("b", None)]


def test_jsonl_nested_too_deeply_is_one_error_row(tmp_path):
    f = tmp_path / "deep.jsonl"
    f.write_text("[" * 100_000 + "\n" + '{"id": "ok", "text": "Fine."}\n', encoding="utf8")
    got = list(read_inputs([str(f)]))
    assert [(a.id, a.problem[0] if a.problem else None) for a in got] == [(f"{f}:1", "E021"), ("ok", None)]


def _bomb_warc(path: Path, size: int, gz: bool = True) -> None:
    """A WARC (gzip) whose second HTML record is ``size`` bytes of page (mostly spaces) between two good pages:
    compressed, the bomb record is tiny."""
    page = GENEVA.encode("utf-8")
    bomb = b"<html><body><p>" + b" " * size + b"</p></body></html>"
    _write_warc(path, [("response", "http://example.com/a", "text/html", "200 OK", page),
                       ("response", "http://example.com/bomb", "text/html", "200 OK", bomb),
                       ("response", "http://example.com/c", "text/html", "200 OK", page)], gz)


def test_warc_record_over_the_cap_is_an_error_row_and_the_archive_goes_on(tmp_path):
    """A record of a few KB, gzip-compressed, expanded to its full size in memory."""
    import tracemalloc

    path = tmp_path / "bomb.warc.gz"
    _bomb_warc(path, 200_000_000)
    assert path.stat().st_size < 300_000
    tracemalloc.start()
    arts = list(read_inputs([str(path)], ReaderOptions(max_record_bytes=1_000_000)))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert [(a.url, a.problem[0] if a.problem else None) for a in arts] == [
        ("http://example.com/a", None), ("http://example.com/bomb", "E039"), ("http://example.com/c", None)]
    assert "larger than 1,000,000 bytes" in arts[1].problem[1]
    # the 200 MB page was never held: memory is bounded by warcio's block decompression
    # (a 16 KB gzip block of spaces expands to about 16 MB), not by the record's size
    assert peak < 100_000_000


def test_warc_malformed_record_does_not_drop_the_records_after_it():
    """A record whose headers lack WARC-Type (its Content-Length intact) used to end the archive (E034)."""
    from newsevents.sources.warc import read_warc

    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + GENEVA.encode("utf-8")

    def record(name: str, with_type: bool = True) -> bytes:
        head = [b"WARC/1.0", b"WARC-Record-ID: <urn:uuid:%s>" % name.encode(),
                b"WARC-Target-URI: http://example.com/" + name.encode(), b"WARC-Date: 2021-03-04T05:06:07Z",
                b"Content-Type: application/http; msgtype=response", b"Content-Length: %d" % len(http)]
        if with_type:
            head.insert(1, b"WARC-Type: response")
        return b"\r\n".join(head) + b"\r\n\r\n" + http + b"\r\n\r\n"

    data = record("a") + record("untyped", with_type=False) + record("c")
    arts = list(read_warc(io.BytesIO(data), "crawl.warc"))
    assert [(a.id, a.problem[0] if a.problem else None) for a in arts] == [
        ("urn:uuid:a", None), ("urn:uuid:untyped", "E039"), ("urn:uuid:c", None)]
    assert "no WARC-Type" in arts[1].problem[1]


def test_jsonl_line_of_valid_json_that_is_no_object_says_what_it_is(tmp_path):
    """`[1,2,3]` or `"x"` on a line was "not valid JSON": it is valid JSON, of the wrong kind. Each such
    line is E025 naming the kind and the line, and the lines after it are read."""
    f = tmp_path / "a.jsonl"
    f.write_text('[1, 2, 3]\n"x"\n{"id": "ok", "text": "Fine."}\n42\nnull\ntrue\n', encoding="utf8")
    got = list(read_inputs([str(f)]))
    assert [(a.id, a.problem[0] if a.problem else None) for a in got] == [
        (f"{f}:1", "E025"), (f"{f}:2", "E025"), ("ok", None), (f"{f}:4", "E025"), (f"{f}:5", "E025"),
        (f"{f}:6", "E025")]
    kinds = [a.problem[1].split(": a JSON ")[1].split(",")[0] for a in got if a.problem]
    assert kinds == ["array", "string", "number", "null", "boolean"]
    assert got[0].problem[1].startswith(f"[E025] Input {f}, line 1: a JSON array, expected an object")


def test_same_named_files_of_two_subfolders_are_two_articles(tmp_path):
    """A mirrored site is full of index.html files: a file found by walking a folder is named by
    its path inside it; a file given by itself keeps its stem."""
    for sub, text in (("a", "Police in Paris arrested a man."), ("b", "Police in Rome arrested a woman.")):
        (tmp_path / "site" / sub).mkdir(parents=True)
        (tmp_path / "site" / sub / "index.txt").write_text(text, encoding="utf-8")
    ids = [a.id for a in read_inputs([str(tmp_path / "site")])]
    assert ids == ["a/index", "b/index"]
    assert [a.id for a in read_inputs([str(tmp_path / "site" / "a" / "index.txt")])] == ["index"]


def test_stdin_texts_are_named_by_their_content(monkeypatch):
    """Two different texts piped in on two runs are two articles; the same text is one."""
    import sys

    def read(data):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
        return [a.id for a in read_inputs(["-"])]

    first, again, other = read(b"Police arrested a man."), read(b"Police arrested a man."), read(b"Troops left.")
    assert first == again and first != other and first[0].startswith("stdin-")


def test_a_file_that_is_no_jsonl_is_one_error_not_one_per_line(tmp_path):
    """An HTML page read with --input-format jsonl: one E021 row for the file; a JSONL file with a
    bad first line still keeps that line's error and the good lines after it."""
    page = tmp_path / "page.html"
    page.write_text("<html>\n" + "<p>line</p>\n" * 60 + "</html>\n", encoding="utf-8")
    rows = list(read_inputs([str(page)], ReaderOptions(fmt="jsonl")))
    assert len(rows) == 1 and rows[0].problem[0] == "E021" and "is this a JSONL file" in rows[0].problem[1]
    mixed = tmp_path / "a.jsonl"
    mixed.write_text('not json\n{"id": "a", "text": "Iran attacked Israel."}\n', encoding="utf-8")
    rows = list(read_inputs([str(mixed)]))
    assert [(r.id, r.problem[0] if r.problem else None) for r in rows] == [(f"{mixed}:1", "E021"), ("a", None)]


def test_a_csv_or_tsv_table_is_refused_with_a_conversion_hint_not_read_as_one_text(tmp_path):
    """Trial 8: a CSV of articles given to extract was one article whose text was every row. A file
    named as a table is E027 (no text read), with the command that converts it to JSONL; a forced
    --input-format text still reads it as text."""
    f = tmp_path / "arts.csv"
    f.write_text('id,title,text\n1,Hello,"Russia attacked Ukraine."\n', encoding="utf8")
    got = list(read_inputs([str(f)]))
    assert [(a.id, a.text, a.problem[0]) for a in got] == [("arts", "", "E027")]
    assert got[0].problem[1].startswith(f"[E027] Input {f} is a CSV table: newsevents does not read tables.")
    assert "csv.DictReader(open(sys.argv[1]))" in got[0].problem[1]
    t = tmp_path / "arts.tsv"
    t.write_text("id\ttext\n1\tHello.\n", encoding="utf8")
    tsv = list(read_inputs([str(t)]))[0]
    assert tsv.problem[0] == "E027" and "a TSV table" in tsv.problem[1] and "delimiter='\\t'" in tsv.problem[1]
    forced = list(read_inputs([str(f)], ReaderOptions(fmt="text")))
    assert [(a.text, a.problem) for a in forced] == [(b'id,title,text\n1,Hello,"Russia attacked Ukraine."\n', None)]


def test_the_conversion_e027_gives_makes_jsonl_that_is_read(tmp_path):
    """The command in E027's message, run as written, turns the table into JSONL records that read."""
    import shlex
    import subprocess
    import sys

    f = tmp_path / "arts.csv"
    f.write_text('id,title,text\n1,Hello,"Russia attacked Ukraine."\n', encoding="utf8")
    message = list(read_inputs([str(f)]))[0].problem[1]
    cmd = message.split("(e.g. `", 1)[1].split("`", 1)[0]
    argv = shlex.split(cmd.split(" > ")[0])
    assert argv[0] == "python3"
    out = subprocess.run([sys.executable] + argv[1:], capture_output=True, text=True, check=True).stdout
    (tmp_path / "a.jsonl").write_text(out, encoding="utf8")
    got = list(read_inputs([str(tmp_path / "a.jsonl")]))
    assert [(a.id, a.title, a.text, a.problem) for a in got] == [("1", "Hello", "Russia attacked Ukraine.", None)]


def test_a_json_object_wrapping_articles_names_the_list_not_text_key(tmp_path):
    """Trial 8: {"articles": [...]} got "Pass --text-key", which can't help. An object with no text
    field whose field holds a list of objects is E026 naming that field; one with no such list is still
    E022."""
    f = tmp_path / "wrapped.json"
    f.write_text('{"articles": [{"id": "a", "text": "Russia attacked Ukraine."}, {"id": "b", "text": "x"}]}',
                 encoding="utf8")
    got = list(read_inputs([str(f)]))
    assert [(a.id, a.problem[0]) for a in got] == [("wrapped", "E026")]
    assert got[0].problem[1] == (
        f"[E026] Input {f}, line 1: a JSON object that wraps articles (its field 'articles' holds a list of "
        f"2 objects), expected an array of articles or JSON lines. Pass the list itself, e.g. "
        f"`jq -c '.articles[]' {f} > articles.jsonl`.")
    j = tmp_path / "w.jsonl"
    j.write_text('{"meta": {"n": 1}, "results": [{"text": "a"}]}\n{"body": "no text"}\n', encoding="utf8")
    got = list(read_inputs([str(j)]))
    assert [a.problem[0] for a in got] == ["E026", "E022"]
    assert "its field 'results' holds a list of 1 object)" in got[0].problem[1]
