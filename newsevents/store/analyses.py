"""Whole articles back as records: stored rows rebuilt as :class:`~newsevents.records.ArticleAnalysis`.

A mixin of :class:`~newsevents.store.base.Store`: what ``newsevents export`` reads, and
:meth:`~Analyses.canonical_dump`, every table as sorted rows (two databases hold the same
data exactly when their dumps are equal).
"""
from __future__ import annotations

import json
from typing import Iterable, Iterator, Optional

from ..records import Actor, ActorRef, ArticleAnalysis, Event, Evidence, Place, Quote, Speaker, TimeExpr
from .schema import TABLES, columns

__all__ = ["Analyses"]


class Analyses:
    """Reading whole articles (mixed into :class:`~newsevents.store.base.Store`)."""

    def article_ids(self) -> list[str]:
        """RETURNS (list[str]): ids of the stored articles, sorted."""
        return [r["id"] for r in self._rows("SELECT id FROM articles ORDER BY id")]

    def analyses(self, ids: Optional[Iterable[str]] = None, chunk: int = 200) -> Iterator[ArticleAnalysis]:
        """Rebuild the stored articles as ArticleAnalysis records (what ``extract`` gave), by id.

        ids (iterable of str | None): these articles only; default all. chunk (int): articles per
            round of queries (memory stays bounded).
        RETURNS (iterator of ArticleAnalysis).
        """
        ids = list(ids) if ids is not None else self.article_ids()
        for i in range(0, len(ids), chunk):
            yield from self._load(ids[i:i + chunk])

    def _load(self, ids: list[str]) -> list[ArticleAnalysis]:
        marks = ", ".join("?" for _ in ids)
        p = tuple(ids)

        def group(table, order="id"):
            out: dict = {}
            for r in self._rows(f"SELECT * FROM {table} WHERE article_id IN ({marks}) ORDER BY article_id, "
                                f"{self._natural(order)}", p):
                out.setdefault(r["article_id"], []).append(r)
            return out

        actors, events, quotes, places, dates = (group(t) for t in ("actors", "events", "quotes", "places", "dates"))
        parts: dict = {}
        for r in self._rows(f"SELECT * FROM event_actors WHERE article_id IN ({marks}) "
                            "ORDER BY article_id, event_id, role, position", p):
            parts.setdefault((r["article_id"], r["event_id"], r["role"]), []).append(
                ActorRef(mention=r["mention"], canonical=r["canonical"], code=r["code"], sector=r["sector"]))
        arts = {r["id"]: r for r in self._rows(f"SELECT * FROM articles WHERE id IN ({marks})", p)}
        out = []
        for art_id in ids:
            a = arts.get(art_id)
            if a is None:
                continue
            text = a["text"]

            def ev(s, start, end, _t=text):
                return Evidence(sentence=s, start=start, end=end, text=_t[start:end])

            out.append(ArticleAnalysis(
                id=a["id"], title=a["title"], url=a["url"], published=a["published"], text=text,
                language=a["language"], model=a["model"], warnings=json.loads(a["warnings"] or "[]"),
                actors=[Actor(id=r["id"], text=r["text"], canonical=r["canonical"], code=r["code"],
                              sector=r["sector"], kind=r["kind"], entity=r["entity"], role=r["role"],
                              resolved_by=r["resolved_by"], antecedent=r["antecedent"],
                              evidence=ev(r["sentence"], r["start_char"], r["end_char"]))
                        for r in actors.get(art_id, [])],
                events=[Event(id=r["id"], event_type=r["event_type"], mode=r["mode"],
                              context=json.loads(r["context"] or "[]"),
                              actors=parts.get((art_id, r["id"], "actor"), []),
                              recipients=parts.get((art_id, r["id"], "recipient"), []),
                              reciprocal=bool(r["reciprocal"]), date=r["date"], date_source=r["date_source"],
                              date_ref=r["date_ref"], place=r["place"], cameo=r["cameo"], goldstein=r["goldstein"],
                              quad_class=r["quad_class"], negated=bool(r["negated"]), future=bool(r["future"]),
                              hypothetical=bool(r["hypothetical"]), reported=bool(r["reported"]),
                              pattern=r["pattern"],
                              trigger=ev(r["trigger_sentence"], r["trigger_start"], r["trigger_end"]),
                              evidence=ev(r["sentence"], r["start_char"], r["end_char"]))
                        for r in events.get(art_id, [])],
                quotes=[Quote(id=r["id"], kind=r["kind"],
                              cue=ev(r["cue_sentence"], r["cue_start"], r["cue_end"]) if r["cue_start"] is not None else None,
                              source=ev(r["source_sentence"], r["source_start"], r["source_end"])
                              if r["source_start"] is not None else None,
                              content=ev(r["sentence"], r["start_char"], r["end_char"]),
                              speaker=Speaker(canonical=r["speaker"], mention=r["speaker_mention"],
                                              code=r["speaker_code"], sector=r["speaker_sector"])
                              if r["speaker"] is not None else None)
                        for r in quotes.get(art_id, [])],
                places=[Place(id=r["id"], text=r["text"], name=r["name"], geonameid=r["geonameid"], lat=r["lat"],
                              lon=r["lon"], country=r["country"], feature=r["feature"], resolved_by=r["resolved_by"],
                              evidence=ev(r["sentence"], r["start_char"], r["end_char"]))
                        for r in places.get(art_id, [])],
                dates=[TimeExpr(id=r["id"], text=r["text"], type=r["type"], value=r["value"],
                                evidence=ev(r["sentence"], r["start_char"], r["end_char"]))
                       for r in dates.get(art_id, [])],
            ))
        return out

    def canonical_dump(self) -> dict:
        """Every table's rows as sorted lists of tuples (the full-text index left out).

        Two databases hold the same data exactly when their dumps are equal; the crash
        test compares a killed-and-resumed ingest with a clean one this way.
        RETURNS (dict[str, list[tuple]]).
        """
        out = {}
        for table in TABLES:
            cols = columns(table)
            rows = self._rows(f"SELECT {', '.join(cols)} FROM {table}")
            out[table] = sorted((tuple(r[c] for c in cols) for r in rows), key=repr)
        return out
