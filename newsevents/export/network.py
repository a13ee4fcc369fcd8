"""Maps and networks of deduplicated events: GeoJSON of event locations, GEXF of actors.

GeoJSON (RFC 7946): a FeatureCollection with one Point feature per deduplicated event
that has a located place (the first mention's place that has coordinates), ``[lon, lat]``
in WGS84, and the event's fields as properties. Written as a stream.

GEXF 1.3 (gexf.net): a directed graph; nodes are actors (their code, or ``name:`` and their
canonical name when uncoded, with an empty ``code`` attribute), labelled with the code's own name
(country, organisation) or else the canonical name; one edge per
(actor, recipient) pair of the first mention of each event, weighted by the number of
events, with the Goldstein sum and the count per quad class as attributes. A reciprocal
event without recipient (a meeting) links its actors pairwise, in sorted order.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from functools import lru_cache
from typing import IO, Iterable
from xml.sax.saxutils import quoteattr

__all__ = ["write_geojson", "write_gexf", "actor_node", "uncoded_name", "NAME_PREFIX"]

#: the id prefix of an uncoded actor's node: "name:AEW" can't be taken for a code ("AEW")
NAME_PREFIX = "name:"


_PROPS = ("id", "date", "event_type", "mode", "actor_codes", "recipient_codes", "cameo", "goldstein", "quad_class",
          "num_mentions", "num_sources", "num_articles")


def write_geojson(clusters: Iterable[dict], out: IO) -> int:
    """Write a GeoJSON FeatureCollection of located events. RETURNS (int): features written."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for c in clusters:
        m = next((m for m in c["mentions"] if m.get("place") and m["place"].get("lat") is not None
                  and m["place"].get("lon") is not None), None)
        if m is None:
            continue
        place = m["place"]
        props = {k: c.get(k) for k in _PROPS}
        props["id"] = str(c["id"])
        props.update(place=place.get("name"), place_country=place.get("country"), place_feature=place.get("feature"),
                     geonameid=place.get("geonameid"), url=m.get("url"), article_id=m["article_id"],
                     evidence=m.get("evidence_text"))
        feature = {"type": "Feature", "id": str(c["id"]),
                   "geometry": {"type": "Point", "coordinates": [place["lon"], place["lat"]]}, "properties": props}
        out.write(("," if n else "") + json.dumps(feature, ensure_ascii=False) + "\n")
        n += 1
    out.write("]}\n")
    return n


@lru_cache(maxsize=1)
def _code_names() -> dict:
    """Code -> name for node labels: the codes that stand for many bodies (UNO, EUR, IGO, IMG,
    NGO, MNC: data/export/node_labels.tsv, from PLOVER 2.0), then countries.tsv names ("USA" ->
    "United States"), then territories of the places' country table ("JEY" -> "Jersey")."""
    from ..data import load_tsv

    names = {r["code"]: r["label"] for r in load_tsv("export/node_labels.tsv")}
    for r in load_tsv("actors/countries.tsv"):
        names.setdefault(r["iso3"], r["name"])
    for r in load_tsv("places/countries.tsv"):  # territories the actor table leaves out
        if r.get("iso3") and r.get("name"):
            names.setdefault(r["iso3"], r["name"])
    return names


def node_label(node: str, counts: Counter) -> str:
    """The label of a network node: a code's own name (a country or territory, a code for many
    bodies: "IGO" -> "intergovernmental organisations"), else the code itself, never one of its actors' names
    (a country's edges are not one person's); an uncoded actor's node, its canonical name.

    node (str): an actor code, or ``name:<canonical>`` for an uncoded actor (:func:`actor_node`).
    counts (Counter): canonical name -> mentions (the uncoded node's label). RETURNS (str)."""
    if node.startswith(NAME_PREFIX):
        return counts.most_common(1)[0][0] if counts else node[len(NAME_PREFIX):]
    return _code_names().get(node) or node


def actor_node(code, canonical):
    """The network node of an actor: its code, else ``name:`` and its canonical name (an uncoded
    actor: a wrestling promotion "AEW" is ``name:AEW``, never a code), else None.
    RETURNS (str | None)."""
    return code or (NAME_PREFIX + canonical if canonical else None)


def uncoded_name(value: str):
    """The canonical name in an uncoded actor's node id (``name:AEW`` -> ``AEW``), else None.
    RETURNS (str | None)."""
    value = value.strip()
    return value[len(NAME_PREFIX):].strip() if value.startswith(NAME_PREFIX) else None


def _node(a: dict):
    return actor_node(a.get("code"), a.get("canonical"))


def write_gexf(clusters: Iterable[dict], out: IO) -> int:
    """Write the actor network as GEXF 1.3. RETURNS (int): edges written."""
    labels: dict = defaultdict(Counter)
    edges: dict = {}
    for c in clusters:
        first = c["mentions"][0] if c["mentions"] else None
        if first is None:
            continue
        actors, recipients = first.get("actors", []), first.get("recipients", [])
        for a in actors + recipients:
            node = _node(a)
            if node:
                labels[node][a.get("canonical") or node] += 1
        if recipients:
            pairs = [(_node(a), _node(r)) for a in actors for r in recipients]
        else:
            nodes = sorted({_node(a) for a in actors if _node(a)})
            pairs = [(x, y) for i, x in enumerate(nodes) for y in nodes[i + 1:]]
        for pair in dict.fromkeys(p for p in pairs if p[0] and p[1]):
            e = edges.setdefault(pair, {"events": 0, "goldstein": 0.0, "q": Counter()})
            e["events"] += 1
            e["goldstein"] += c.get("goldstein") or 0.0
            e["q"][c.get("quad_class")] += 1
    w = out.write
    w('<?xml version="1.0" encoding="UTF-8"?>\n')
    w('<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
      'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n')
    w('  <meta><creator>newsevents</creator><description>Actor network: edges are deduplicated events from actor '
      'to recipient</description></meta>\n')
    w('  <graph defaultedgetype="directed" mode="static">\n')
    w('    <attributes class="node">\n      <attribute id="code" title="code" type="string"/>\n    </attributes>\n')
    w('    <attributes class="edge">\n')
    for aid, kind in (("events", "integer"), ("goldstein_sum", "double"), ("verbal_coop", "integer"),
                      ("material_coop", "integer"), ("verbal_conflict", "integer"), ("material_conflict", "integer")):
        w(f'      <attribute id="{aid}" title="{aid}" type="{kind}"/>\n')
    w('    </attributes>\n    <nodes>\n')
    for node in sorted(labels):
        label = node_label(node, labels[node])
        code = "" if node.startswith("name:") else node
        w(f'      <node id={quoteattr(node)} label={quoteattr(label)}><attvalues>'
          f'<attvalue for="code" value={quoteattr(code)}/></attvalues></node>\n')
    w('    </nodes>\n    <edges>\n')
    for i, ((src, dst), e) in enumerate(sorted(edges.items())):
        q = e["q"]
        w(f'      <edge id="{i}" source={quoteattr(src)} target={quoteattr(dst)} weight="{e["events"]}"><attvalues>'
          f'<attvalue for="events" value="{e["events"]}"/>'
          f'<attvalue for="goldstein_sum" value="{round(e["goldstein"], 3):g}"/>'
          f'<attvalue for="verbal_coop" value="{q[1]}"/><attvalue for="material_coop" value="{q[2]}"/>'
          f'<attvalue for="verbal_conflict" value="{q[3]}"/><attvalue for="material_conflict" value="{q[4]}"/>'
          '</attvalues></edge>\n')
    w('    </edges>\n  </graph>\n</gexf>\n')
    return len(edges)
