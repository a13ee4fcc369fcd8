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
        """Recompute the clusters of ``key`` from the first one a mention dated ``since`` can change.

        Clusters anchored more than ``window`` days before ``since`` end before it and are
        unchanged by the greedy rule (:func:`newsevents.dedup.cluster_mentions`); every
        later cluster is deleted and rebuilt from its mentions.
        """
        floor = dedup.shift_date(since, -window)
        row = self._rows("SELECT MIN(date) AS d FROM event_clusters WHERE dedup_key = ? AND date >= ?", (key, floor))
        start = min(since, row[0]["d"]) if row and row[0]["d"] else since
        mentions = self._rows(
            "SELECT e.article_id, e.id AS event_id, e.date, e.mode, e.cameo, e.goldstein, e.quad_class, "
            "e.event_type, e.actor_codes, e.recipient_codes, a.source FROM events e "
            "JOIN articles a ON a.id = e.article_id WHERE e.dedup_key = ? AND e.date >= ?", (key, start))
        self._exec("DELETE FROM event_clusters WHERE dedup_key = ? AND date >= ?", (key, start))
        clusters, updates = [], []
        for group in dedup.cluster_mentions(mentions, window):
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
