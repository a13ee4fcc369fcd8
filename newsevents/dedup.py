"""Deduplication across articles: reports of the same event collapse into one.

Several articles (or several sentences of one article) often report the same real-world
event. As GDELT does with its NumMentions / NumSources / NumArticles, newsevents keeps
every mention (with its evidence) and groups the mentions into one *deduplicated event*
(a row of ``event_clusters``).

The rule (deterministic: it depends only on the set of stored mentions, not on the order
or the batches they came in, so a crashed and resumed ingest gives the same clusters):

1. Two mentions can be the same event when they have the same **dedup key**: the PLOVER
   event type, the sorted set of actor codes and the sorted set of recipient codes, each code
   with its PLOVER sector when it has one ("USA-GOV") (:func:`dedup_key`). Mentions that are
   negated or hypothetical, that have no date, or that do not name both sides (a coded actor
   and a coded recipient, or two coded actors of a reciprocal event) are never merged: each is
   an event of its own. A one-sided key ("USA accuses") would join unrelated stories of a day.
2. Within one key, mentions are sorted by (date, article id, event id). The first one
   anchors a cluster; each following mention joins the first cluster whose anchor is dated at
   most ``window`` days (default 1) before it and that holds a mention of the same story
   (:func:`same_story`: the same people named on each side where both name someone, and a
   participant named in both or sentences that share most of their content words); else it
   anchors a cluster of its own
   (:func:`cluster_mentions`). So every mention of a cluster lies within ``window`` days of
   its first date. The same codes, type and day are not enough: in one week of Wikinews a
   Kanye West sentence and "protests against the restrictions on free speech in Islam" were
   one PROTEST of USA against USA, as were two campaign rallies in two states (trial 8).
3. NumMentions = mentions in the cluster, NumArticles = distinct articles, NumSources =
   distinct sources (the article's publisher: its url host or the input's ``source`` field;
   articles of unknown source count as one source).

The id of a deduplicated event is a 60-bit integer derived from its anchor mention
(:func:`cluster_id`), usable as GDELT's GLOBALEVENTID.
"""
from __future__ import annotations

import hashlib
import re
from datetime import date as Date, timedelta
from functools import lru_cache
from typing import Callable, Iterable, Optional

__all__ = ["DEFAULT_WINDOW", "SAME_WORDS", "dedup_key", "side_code", "cluster_id", "cluster_mentions", "same_story",
           "same_name", "participant_name",
           "content_words", "shift_date", "source_of", "article_key", "same_article", "known_copy"]

#: days: mentions dated within this many days of a cluster's first mention join it
DEFAULT_WINDOW = 1
#: Dice coefficient of the content words of two sentences that name no participant in common, at
#: or above which they are one story: a wire story and its rewrite share most of their words; two
#: rallies in two states share "rally" and a state's name, a fraction of either sentence
SAME_WORDS = 0.5


def dedup_key(event_type: str, actor_codes: Iterable[Optional[str]], recipient_codes: Iterable[Optional[str]],
              *, negated: bool = False, hypothetical: bool = False, date: Optional[str] = None) -> Optional[str]:
    """The key under which mentions of the same event are grouped, or None if it is never merged.

    event_type (str): PLOVER event type, e.g. "CONSULT".
    actor_codes, recipient_codes (iterable of str | None): the codes (ISO alpha-3 or IGO
        code, optionally with "-SECTOR": "USA-GOV") of the event's actors and recipients; None
        entries (uncoded) are dropped.
    negated, hypothetical (bool): such mentions are not merged (return None).
    date (str | None): the mention's ISO date; undated mentions are not merged.
    RETURNS (str | None): ``"TYPE|A1;A2|R1"`` with the codes sorted and unique; None when the
    mention names one side only (one actor code and no recipient code, or recipients only).
    """
    actors = join_codes(actor_codes)
    recipients = join_codes(recipient_codes)
    if negated or hypothetical or not date or not actors or not (recipients or ";" in actors):
        return None
    return f"{event_type}|{actors}|{recipients}"


def side_code(ref) -> Optional[str]:
    """The dedup code of an event participant (records.ActorRef): "USA-GOV", "USA", or None."""
    if not ref.code:
        return None
    return f"{ref.code}-{ref.sector}" if ref.sector else ref.code


def join_codes(codes: Iterable[Optional[str]]) -> str:
    """RETURNS (str): the distinct non-empty codes, sorted, joined with ';' ("" when none)."""
    return ";".join(sorted({c for c in codes if c}))


def cluster_id(article_id: str, event_id: str) -> int:
    """A stable 60-bit integer id for the event anchored by mention (article_id, event_id).

    RETURNS (int): the first 15 hex digits of sha256("article_id\\x1fevent_id"), in 1..2**60-1.
    """
    digest = hashlib.sha256(f"{article_id}\x1f{event_id}".encode("utf-8")).hexdigest()
    return int(digest[:15], 16) or 1


def shift_date(iso: str, days: int) -> str:
    """RETURNS (str): the ISO date ``days`` days after ``iso`` (negative: before)."""
    return (Date.fromisoformat(iso[:10]) + timedelta(days=days)).isoformat()


def cluster_mentions(mentions: list[dict], window: int = DEFAULT_WINDOW,
                     same: Optional[Callable[[dict, dict], bool]] = None) -> list[list[dict]]:
    """Group the mentions of one dedup key into clusters (rule 2 of the module docstring).

    mentions (list[dict]): each with at least ``date`` (ISO), ``article_id`` and ``event_id``
        (and what ``same`` reads: :func:`same_story` reads ``names`` and ``text``).
    window (int): days after the anchor's date that still join its cluster (>= 0).
    same (callable | None): whether two mentions report one story; a mention joins the first open
        cluster holding a mention it is the same story as. None: the key and the window decide
        alone (every mention joins the open cluster).
    RETURNS (list[list[dict]]): clusters in order of their anchors; each list starts with its anchor.
    The result depends only on the set of mentions, not on their order.
    """
    ordered = sorted(mentions, key=lambda m: (m["date"], m["article_id"], m["event_id"]))
    clusters: list[list[dict]] = []
    open_: list[tuple[str, list]] = []  # (last day that joins, cluster), in anchor order
    for m in ordered:
        day = m["date"][:10]
        open_ = [(limit, c) for limit, c in open_ if day <= limit]
        home = next((c for _, c in open_ if same is None or any(same(m, x) for x in c)), None)
        if home is None:
            home = [m]
            clusters.append(home)
            open_.append((shift_date(m["date"], window), home))
        else:
            home.append(m)
    return clusters


def participant_name(canonical: Optional[str], kind: Optional[str] = None) -> Optional[str]:
    """The name of an event participant as :func:`same_story` compares it, or None when it names no
    one in particular: a country named as such (kind "country"), a generic label the actor coder
    gives a group by its country and role ("United States (protesters)", "Iran (government)"), or
    a common noun ("workers", "ruling party"). Two rallies of "United States (protesters)" against
    "United States (government)" share those labels and nothing else (trial 8).

    RETURNS (str | None): the name in lower case."""
    if not canonical or kind == "country":
        return None
    name = canonical.strip()
    if name.endswith(")") or not any(ch.isupper() for ch in name):
        return None
    return name.lower()


def same_story(a: dict, b: dict) -> bool:
    """Whether two mentions of one dedup key, dated within the window, report the same event, as a
    reader would judge (the key already holds the type and the codes of both sides):

    * where both mentions name someone in particular on a side (``names``: ``{"actor": set,
      "recipient": set}`` of :func:`participant_name`), the side must have someone in common
      (:func:`same_name`): "Trump granted X a pardon" and "Trump granted Y a pardon" are two events;
    * then a participant named on both is one story; else their sentences (``text``) must share
      most content words (Dice coefficient of :func:`content_words` at least :data:`SAME_WORDS`).

    a, b (dict): mentions. RETURNS (bool).
    """
    shared = False
    for side in ("actor", "recipient"):
        na, nb = (a.get("names") or {}).get(side) or (), (b.get("names") or {}).get(side) or ()
        if na and nb:
            if not any(same_name(x, y) for x in na for y in nb):
                return False
            shared = True
    if shared:
        return True
    wa, wb = content_words(a.get("text")), content_words(b.get("text"))
    if not wa or not wb:
        return False
    return 2 * len(wa & wb) >= SAME_WORDS * (len(wa) + len(wb))


def same_name(x: str, y: str) -> bool:
    """Whether two participant names (lower case) are one: equal, or the shorter is the end of the
    longer word for word ("johnson" and "boris johnson": a person named in full, then by surname).
    RETURNS (bool)."""
    if x == y:
        return True
    short, long_ = sorted((x.split(), y.split()), key=len)
    return bool(short) and long_[-len(short):] == short


_WORD = re.compile(r"[^\W\d_]{3,}")


def content_words(text: Optional[str]) -> frozenset:
    """The content words of a sentence: words of three letters or more, lower case, that are not
    English stop words (spaCy's list), a plural -s dropped ("protests" is "protest").

    RETURNS (frozenset[str])."""
    if not text:
        return frozenset()
    stop = _stop_words()
    out = set()
    for w in _WORD.findall(text.lower()):
        if w in stop:
            continue
        out.add(w[:-1] if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3 else w)
    return frozenset(out)


@lru_cache(maxsize=1)
def _stop_words() -> frozenset:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def source_of(url: Optional[str], source: Optional[str] = None) -> Optional[str]:
    """The publisher of an article: its ``source`` if given, else the url host without ``www.``.

    RETURNS (str | None): e.g. "en.wikinews.org"; None when neither is known.
    """
    if source:
        return str(source).strip() or None
    if not url or "://" not in url:
        return None
    from urllib.parse import urlsplit

    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return None
    return host[4:] if host.startswith("www.") else (host or None)


def article_key(art_id: Optional[str], content_hash: str) -> str:
    """The id an article is stored under: its own, else ``sha256-`` and 16 hex digits of its text's hash."""
    return art_id or f"sha256-{content_hash[:16]}"


def same_article(stored_id: str, stored_source: Optional[str], art_id: str, source: Optional[str]) -> bool:
    """Whether a text already stored as (stored_id, stored_source) makes a new input of the same
    text the same article (skipped as already stored) rather than another copy of it.

    The same text is the same article when it comes under the same id (a re-run, a resumed
    ingest) or from the same source (a re-crawl under a new URL or WARC record id; two inputs
    of unknown source count as one source, as NumSources counts them). The same text under
    another id from another source is a syndicated copy (a wire story run by two outlets): it
    is stored as an article of its own, so that its event mentions count in NumArticles and
    NumSources, as GDELT counts wire copies.
    RETURNS (bool).
    """
    return stored_id == art_id or (stored_source or "") == (source or "")


def known_copy(known: dict, content_hash: Optional[str], art_id: Optional[str], source: Optional[str]) -> bool:
    """RETURNS (bool): the input (content hash, id, source) is an article already in ``known``
    (content hash -> list of (stored id, stored source)), by :func:`same_article`."""
    if not content_hash or content_hash not in known:
        return False
    art_id = article_key(art_id, content_hash)
    return any(same_article(i, s, art_id, source) for i, s in known[content_hash])
