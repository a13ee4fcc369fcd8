"""Reading as a user's files come: HTML with no declared charset, same-named files of one folder."""
from __future__ import annotations

PAGE = ("<html><head><title>Caf\u00e9 talks</title></head><body><article><p>The French president Emmanuel "
        "Macron met German Chancellor Angela Merkel at a caf\u00e9 in Berlin on Tuesday to discuss the "
        "na\u00efve plan. \u00abWe agree,\u00bb Macron said. \u201cIt is d\u00e9j\u00e0 vu.\u201d</p></article></body></html>")


def test_undeclared_non_utf8_page_is_read_as_windows_1252_with_a_warning():
    from newsevents.sources.html import CHARSET_GUESSED, read_html

    art = read_html(PAGE.encode("cp1252"), "p")
    assert art.problem is None
    assert art.title == "Caf\u00e9 talks"
    assert "caf\u00e9 in Berlin" in art.text and "na\u00efve plan" in art.text
    assert "\u00abWe agree,\u00bb" in art.text and "\u201cIt is d\u00e9j\u00e0 vu.\u201d" in art.text
    assert art.warnings == (CHARSET_GUESSED,)


def test_declared_and_utf8_pages_are_read_without_a_warning():
    from newsevents.sources.html import decode_page

    assert decode_page(PAGE.encode("utf-8")) == (PAGE, None)
    assert decode_page(b"\xef\xbb\xbf" + PAGE.encode("utf-8")) == (PAGE, None)
    polish = '<html><head><meta charset="iso-8859-2"></head><p>\u0141\u00f3d\u017a and Gda\u0144sk</p></html>'
    assert decode_page(polish.encode("iso-8859-2")) == (polish, None)
    cyr = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head>\u041c\u0438\u0440'
    assert decode_page(cyr.encode("cp1251")) == (cyr, None)
    # the HTTP charset comes first; a Latin-1 label is read as windows-1252, as browsers do
    assert decode_page("\u201cQuote\u201d".encode("cp1252"), "ISO-8859-1") == ("\u201cQuote\u201d", None)


def test_the_guessed_charset_reaches_the_article_warnings(pipeline, tmp_path):
    from newsevents.sources import read_inputs
    from newsevents.sources.html import CHARSET_GUESSED

    (tmp_path / "latin1.html").write_bytes(PAGE.encode("cp1252"))
    analysis = next(pipeline.pipe(read_inputs([str(tmp_path / "latin1.html")])))
    assert analysis.error is None and CHARSET_GUESSED in analysis.warnings
    assert analysis.title == "Caf\u00e9 talks"


def test_files_of_one_folder_with_one_stem_keep_their_endings(tmp_path):
    from newsevents.sources import read_inputs

    (tmp_path / "coll" / "sub").mkdir(parents=True)
    (tmp_path / "coll" / "page.txt").write_text("Germany and France signed a trade agreement.", encoding="utf8")
    (tmp_path / "coll" / "page.html").write_text(
        "<html><body><article><p>Russia expelled two Polish diplomats on Friday in Moscow.</p></article></body></html>",
        encoding="utf8")
    (tmp_path / "coll" / "other.txt").write_text("Kenya and Ethiopia agreed to reopen their border.", encoding="utf8")
    (tmp_path / "coll" / "sub" / "page.txt").write_text("Japan will send aid to the Philippines.", encoding="utf8")
    ids = sorted(a.id for a in read_inputs([str(tmp_path / "coll")]))
    assert ids == ["other", "page.html", "page.txt", "sub/page"]


def test_colliding_files_are_both_stored(pipeline, tmp_path):
    from click.testing import CliRunner

    from newsevents.cli import main

    (tmp_path / "coll").mkdir()
    (tmp_path / "coll" / "page.txt").write_text("Germany and France signed a trade agreement on Tuesday.",
                                                encoding="utf8")
    (tmp_path / "coll" / "page.html").write_text(
        "<html><body><article><p>Russia expelled two Polish diplomats on Friday in Moscow.</p></article></body></html>",
        encoding="utf8")
    r = CliRunner().invoke(main, ["ingest", str(tmp_path / "coll"), "--db", str(tmp_path / "c.db"),
                                  "--published", "2021-03-05"])
    assert r.exit_code == 0, r.output
    assert "2 stored" in r.output


def test_a_folder_walk_says_which_json_files_it_left_out(tmp_path, caplog):
    import logging

    from newsevents.sources import read_inputs

    (tmp_path / "a.txt").write_text("Germany and France signed a trade agreement.", encoding="utf8")
    (tmp_path / "export.json").write_text("[]", encoding="utf8")
    (tmp_path / "notes.md").write_text("notes", encoding="utf8")
    with caplog.at_level(logging.INFO, logger="newsevents"):
        assert [a.id for a in read_inputs([str(tmp_path)])] == ["a"]
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "1 .json file(s) not read (export.json)" in warnings[0]
    assert any("1 file(s) of other endings not read (.md)" in r.getMessage() for r in caplog.records)


def test_a_folder_walk_leaves_out_text_files_named_as_a_copy_of_a_page_beside_them(tmp_path, caplog):
    """Trial 8 §3.1: the shipped HTML corpus keeps `X.expected.txt` beside `X.html`; the walk read each
    as a second, undated article of the story. A text file named after a page beside it with a
    qualifier is left out, with a warning; `page.txt` (the page's own name) and a copy named by itself
    are read; the Ray engine's walk leaves out the same files."""
    import logging
    from pathlib import Path

    from newsevents.runners.ray import expand_inputs
    from newsevents.sources import page_copies, read_inputs

    page = "<html><body><article><p>Russia expelled two Polish diplomats on Friday in Moscow.</p></article></body></html>"
    (tmp_path / "c" / "sub").mkdir(parents=True)
    (tmp_path / "c" / "hk.html").write_text(page, encoding="utf8")
    (tmp_path / "c" / "hk.expected.txt").write_text("Russia expelled two Polish diplomats.", encoding="utf8")
    (tmp_path / "c" / "hk.main.TXT").write_text("Russia expelled two Polish diplomats.", encoding="utf8")
    (tmp_path / "c" / "hk.txt").write_text("Germany and France signed a trade agreement.", encoding="utf8")
    (tmp_path / "c" / "sub" / "hk.expected.txt").write_text("Kenya and Ethiopia agreed.", encoding="utf8")  # no page
    root = tmp_path / "c"
    assert page_copies(sorted(root.rglob("*"))) == {root / "hk.expected.txt": root / "hk.html",
                                                   root / "hk.main.TXT": root / "hk.html"}
    with caplog.at_level(logging.WARNING, logger="newsevents"):
        ids = sorted(a.id for a in read_inputs([str(root)]))
    assert ids == ["hk.html", "hk.txt", "sub/hk.expected"]
    [warning] = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warning.startswith(f"folder {root}: 2 text file(s) named as a copy of an HTML page beside them not read "
                              "(hk.expected.txt beside hk.html)")
    assert [a.id for a in read_inputs([str(root / "hk.expected.txt")])] == ["hk.expected"]  # by name: read
    assert sorted(Path(f).relative_to(root).as_posix() for f in expand_inputs([str(root)])) == [
        "hk.html", "hk.txt", "sub/hk.expected.txt"]


EMPTY_RSS = (b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Nothing yet</title>'
             b'<link>http://example.com/</link><description>An empty channel</description></channel></rss>')
TWO_ITEMS = (b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>News</title>'
             b'<item><title>Talks</title><guid>urn:news:1</guid><description>Talks resumed in Geneva.</description></item>'
             b'<item><title>Aid</title><description>Japan will send aid to the Philippines.</description></item>'
             b'</channel></rss>')


def test_a_feed_file_given_by_itself_is_named_without_its_ending(tmp_path):
    """README, Article ids: a feed file given by itself, its name without the ending. The E033 record
    of an empty feed and the E032 record of an empty .xml used to keep it ('empty.rss'); an item keeps
    its guid (else link, else 'file:n', as a JSONL record's 'file:line')."""
    from newsevents.sources import read_inputs

    (tmp_path / "empty.rss").write_bytes(EMPTY_RSS)
    (tmp_path / "zero.xml").write_bytes(b"")
    (tmp_path / "news.rss").write_bytes(TWO_ITEMS)
    empty, zero, first, second = read_inputs([str(tmp_path / n) for n in ("empty.rss", "zero.xml", "news.rss")])
    assert (empty.id, empty.problem[0]) == ("empty", "E033")
    assert (zero.id, zero.problem[0]) == ("zero", "E032")
    assert "empty.rss" in empty.problem[1]  # the message still names the file
    assert first.id == "urn:news:1" and second.id == str(tmp_path / "news.rss") + ":2"
