"""Deduplication in the database: the ``event_clusters`` rows kept up to date.

A mixin of :class:`~newsevents.store.base.Store`. The greedy rule that groups reports of
one event is :func:`newsevents.dedup.cluster_mentions`; here a batch's touched keys are
re-clustered from the first cluster a new mention can change, and a new dedup window
re-clusters every key.
"""
from __future__ import annotations

from .. import dedup

__all__ = ["Clustering"]


class Clustering:
    """Re-clustering of deduplicated events (mixed into :class:`~newsevents.store.base.Store`)."""

    def _recluster(self, key: str, since: str, window: int) -> None:
        """Recompute the clusters of ``key`` that a mention dated ``since`` can change.

        Clusters anchored more than ``window`` days before ``since`` end before it and are
        unchanged by the rule (:func:`newsevents.dedup.cluster_mentions`); every later cluster
        is deleted and rebuilt from its mentions and the mentions of no cluster yet (a mention
        in the window of an earlier cluster but of another story is not in that cluster: it
        is rebuilt too, and can't join the earlier cluster now, as it did not before).
        """
        floor = dedup.shift_date(since, -window)
        mentions = self._rows(
            "SELECT e.article_id, e.id AS event_id, e.date, e.mode, e.cameo, e.goldstein, e.quad_class, "
            "e.event_type, e.actor_codes, e.recipient_codes, e.evidence_text AS text, a.source FROM events e "
            "JOIN articles a ON a.id = e.article_id WHERE e.dedup_key = ? AND e.date >= ? AND NOT EXISTS ("
            "SELECT 1 FROM event_clusters c WHERE c.id = e.cluster_id AND c.dedup_key = ? AND c.date < ?)",
            (key, floor, key, floor))
        names: dict = {}
        for r in self._rows(  # the story's participants, by name (dedup.participant_name)
                "SELECT p.article_id, p.event_id, p.role, p.canonical, x.kind FROM event_actors p "
                "JOIN events e ON e.article_id = p.article_id AND e.id = p.event_id "
                "LEFT JOIN actors x ON x.article_id = p.article_id AND x.id = p.mention "
                "WHERE e.dedup_key = ? AND e.date >= ?", (key, floor)):
            name = dedup.participant_name(r["canonical"], r["kind"])
            if name:
                names.setdefault((r["article_id"], r["event_id"]), {}).setdefault(r["role"], set()).add(name)
        for m in mentions:
            m["names"] = names.get((m["article_id"], m["event_id"]), {})
        self._exec("DELETE FROM event_clusters WHERE dedup_key = ? AND date >= ?", (key, floor))
        clusters, updates = [], []
        for group in dedup.cluster_mentions(mentions, window, same=dedup.same_story):
            first = group[0]
            cid = dedup.cluster_id(first["article_id"], first["event_id"])
            clusters.append((cid, key, 1, first["event_type"], first["mode"], first["actor_codes"],
                             first["recipient_codes"], first["date"], max(m["date"] for m in group), first["cameo"],
                             first["goldstein"], first["quad_class"], len(group),
                             len({m["source"] or "" for m in group}), len({m["article_id"] for m in group}),
                             first["article_id"], first["event_id"]))
            updates.extend((cid, m["article_id"], m["event_id"]) for m in group)
        self._insert("event_clusters", clusters)
        if updates:
            self._execmany("UPDATE events SET cluster_id = ? WHERE article_id = ? AND id = ?", updates)

    def _recluster_all(self, window: int) -> None:
        self._exec("DELETE FROM event_clusters WHERE dedup_key IS NOT NULL")
        for row in self._rows("SELECT dedup_key, MIN(date) AS d FROM events WHERE dedup_key IS NOT NULL "
                              "GROUP BY dedup_key ORDER BY dedup_key"):
            self._recluster(row["dedup_key"], row["d"], window)
