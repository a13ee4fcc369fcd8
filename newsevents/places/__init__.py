"""The places stage: toponyms, gazetteer lookup, disambiguation, event location.

For each toponym in the article a :class:`~newsevents.records.Place` is
appended to ``ctx.analysis.places`` with its GeoNames id (where known),
coordinates, ISO 3166-1 alpha-3 country and feature kind (``country``,
``admin1``, ``admin2`` (a US county), ``city``, ``region``, ``landmark``, ``water``, ``continent``, ``street``).
``resolved_by`` says how the gazetteer entry was chosen:

* ``unambiguous``: the name has one candidate;
* ``qualifier``: an explicit ", <admin1/country>" after the name ("Paris, Texas");
* ``context``: the other places of the article changed the pick;
* ``ranking``: feature and population ranking (country > admin1 > big city);
* ``demonym``: a nationality adjective or demonym ("Sri Lankan"), placed at its country
  (only with ``Options.place_demonyms``; see below);
* ``street``: a street, road or square (``feature = "street"``), which the gazetteer lacks, placed
  at the nearest (in the text) city the article names (:mod:`.mentions`);
* ``facility``: a venue or building named after "at" ("at Anfield"), or a name ending in a building's
  head word after a locative preposition ("taken to Colchester Hospital"; ``feature = "landmark"``), placed
  the same way (or, far from any city named, at the article's most-named city:
  :func:`.mentions.place_streets`); only with ``Options.place_facilities``;
* ``apposition``: a district the gazetteer lacks, named before its city ("Lewisham, London"), placed at
  the city (:mod:`.namesakes`);
* ``home-country``: a name the gazetteer knows only as a minor town abroad, in an article about one other
  country ("Bhera Market" in a story about Chittagong), placed at the article's nearest city there;
* ``qualifier-area``: a town the gazetteer lacks, named with its state or country ("Randolph, New Hampshire",
  when every Randolph it knows lies in another state), placed at that state or country (:mod:`.namesakes`);
* ``unresolved``: a toponym the gazetteer does not know (no coordinates).

Nationality adjectives and demonyms ("Syrian forces", "Americans") are not places
of the article: they give an actor its country, not a location. They are recognised
(the geoparsing gold sets annotate them, and their countries are context for
disambiguation) but go to ``ctx.shared["places"]["demonyms"]``, not to
``analysis.places``, unless ``Options.place_demonyms`` is set.

Each toponym gets a ``role`` (:mod:`.role`, rules in ``data/places/roles.yaml``):
``literal`` ("troops left Iraq") or ``associative`` ("Iran launched missiles", "U.S.
troops", "The New York Times"). Associative toponyms are context for disambiguation
too and go to ``ctx.shared["places"]["associative"]``; they go to ``analysis.places`` (typed
``associative``) only when ``Options.place_associative`` is set (the geoparsing gold sets annotate
both). A default run lists, besides the literal toponyms, those whose kind is one of
``listed_by_default`` in ``roles.yaml`` ("the Supreme Leader of Iran", "Chicago police": the place
the people or body belong to, which news readers expect listed), with ``role`` None like every place
of a default run (the store keeps no role).

Later stages read ``ctx.shared["places"]``:

* ``by_sentence`` (dict[int, list[Place]]): places per sentence index, in text order;
* ``spans`` (dict[str, tuple[int, int]]): Place.id -> token start/end in the Doc;
* ``demonyms`` (list[Place]): the nationality words, each placed at its country
  (``resolved_by="demonym"``, ids ``D1``, ``D2``, ...), in text order;
* ``associative`` (list[Place]): the other associative toponyms (ids ``A1``, ...), in text order;

and call :func:`place_for_clause` (:mod:`.clause`) to get the place an event's trigger clause names.
"""
from __future__ import annotations

from typing import Optional

from ..data import load_tsv, load_yaml
from ..pipeline import register_stage
from ..records import Place
from .clause import FEATURE_ORDER, place_for_clause
from .gazetteer import FEATURES, Gazetteer, get_gazetteer
from .demonyms import region_adjective_table
from .name_filters import title_table
from .namesakes import APPOSITION, HOME_COUNTRY, QUALIFIER_AREA
from .shores import shore_table
from .mentions import FACILITY, facility_mentions, place_streets
from .role import ASSOCIATIVE, load_role_rules, organisation_pattern
from .toponyms import Recogniser, Toponym, demonym_table, load_weights, recognise_and_resolve

__all__ = ["PlaceStage", "place_for_clause", "Gazetteer", "get_gazetteer", "FEATURE_ORDER"]



@register_stage("places", requires=("dates",), assigns=("places",))
class PlaceStage:
    """Recognise toponyms and resolve them against the offline gazetteer.

    options (Options): ``options.data_paths`` may hold user ``places/supplement.tsv``,
        ``places/countries.tsv``, ``places/cues.yaml``, ``places/disambiguation.yaml``,
        ``places/region_adjectives.tsv``, ``places/shores.tsv`` and ``places/roles.yaml`` files extending the built-in ones.
    The gazetteer is loaded by :meth:`warm` (which the Pipeline calls once built), else on the
    first article (about 0.6 s from the on-disk cache, 15 s the very first time it is built),
    and shared by all pipelines of the process.
    RAISES DataError (E010/E011): a knowledge file is missing or malformed.
    """

    def __init__(self, options):
        self.options = options
        self.cues = load_yaml("places/cues.yaml", extra=options.data_paths)
        self.weights = load_weights(options.data_paths)
        self.roles = load_role_rules(options.data_paths)
        self.facility_prepositions = frozenset(str(w).lower() for w in self.cues.get("facility_prepositions") or ())
        self.facility_labels = frozenset(str(w) for w in self.cues.get("facility_labels") or ())
        self.facility_heads = frozenset(str(w) for w in self.cues.get("facility_heads") or ())
        self.facility_head_prepositions = frozenset(str(w).lower() for w in
                                                    self.cues.get("facility_head_prepositions") or ())
        self.organisations = organisation_pattern(load_tsv("actors/organisations.tsv", extra=options.data_paths))
        self._recogniser: Optional[Recogniser] = None

    def warm(self) -> None:
        """Load the gazetteer now: part of starting up, not of the first article's time."""
        self.recogniser

    @property
    def recogniser(self) -> Recogniser:
        if self._recogniser is None:
            gaz = get_gazetteer(self.options.data_paths)
            rows = load_tsv("actors/countries.tsv", extra=self.options.data_paths)
            region_rows = load_tsv("places/region_adjectives.tsv", extra=self.options.data_paths)
            regions = region_adjective_table(gaz, region_rows)
            self._recogniser = Recogniser(gaz, self.cues, {**demonym_table(gaz, rows), **regions})
            self._recogniser.group_words = region_adjective_table(gaz, region_rows, alone=False)
            self._recogniser.titles = title_table(load_tsv("actors/titles.tsv", extra=self.options.data_paths))
            self._recogniser.shores = shore_table(gaz, load_tsv("places/shores.tsv", extra=self.options.data_paths))
            self._recogniser.nationality_forms = {f.strip() for r in rows for col in ("adjectives", "demonyms")
                                                  for f in (r.get(col) or "").split("|") if f.strip()} | set(regions)
        return self._recogniser

    def __call__(self, ctx) -> None:
        doc = ctx.doc
        by_sentence: dict[int, list[Place]] = {}
        spans: dict[str, tuple[int, int]] = {}
        demonyms: list[Place] = []
        associative: list[Place] = []
        ctx.shared["places"] = {"by_sentence": by_sentence, "spans": spans, "demonyms": demonyms,
                                "associative": associative}
        if len(doc) == 0:
            return
        rec = self.recogniser
        gaz = rec.gaz
        keep_demonyms = getattr(self.options, "place_demonyms", False)
        keep_associative = getattr(self.options, "place_associative", False)
        toponyms = recognise_and_resolve(rec, doc, self.weights, self.roles, self.organisations)
        if getattr(self.options, "place_facilities", False):
            toponyms = place_streets(gaz, facility_mentions(doc, toponyms, self.facility_prepositions,
                                                            self.facility_labels, self.facility_heads,
                                                            self.facility_head_prepositions),
                                     int(self.cues.get("facility_town_chars") or 200), self.facility_heads,
                                     int(self.cues.get("big_city_population") or 100000))
        for t in toponyms:
            if t.how == "demonym":
                demonyms.append(to_place(ctx, gaz, t, prefix="D"))
                if not keep_demonyms:
                    continue
            untyped = False
            if t.how != "demonym" and t.role == ASSOCIATIVE:
                associative.append(to_place(ctx, gaz, t, prefix="A"))
                if not keep_associative:
                    if t.role_why not in self.roles.listed_by_default:
                        continue
                    untyped = True  # a default run types no role (the store keeps none)
            place = to_place(ctx, gaz, t)
            if untyped:
                place = place.model_copy(update={"role": None})
            ctx.analysis.places.append(place)
            by_sentence.setdefault(place.evidence.sentence, []).append(place)
            span = doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is not None:
                spans[place.id] = (span.start, span.end)


def to_place(ctx, gaz: Gazetteer, t: Toponym, prefix: str = "P") -> Place:
    """Build the Place record for a resolved :class:`Toponym` (ids ``<prefix>1``, ...)."""
    ev = ctx.evidence(t.start, t.end)
    if t.entry is None and t.near is not None and t.point is not None:  # a street or facility, at its city
        placed = t.resolved_by in (APPOSITION, HOME_COUNTRY, QUALIFIER_AREA)  # a district or town the gazetteer lacks
        kind = "landmark" if t.how == FACILITY else ("city" if placed else "street")
        return Place(id=ctx.new_id(prefix), text=t.text, lat=round(t.point[0], 5), lon=round(t.point[1], 5),
                     country=gaz.country[t.near] or None, feature=kind, resolved_by=t.resolved_by if placed else t.how,
                     role=_role(t), evidence=ev)
    if t.entry is None:
        return Place(id=ctx.new_id(prefix), text=t.text, name=None, resolved_by="unresolved", role=_role(t),
                     evidence=ev)
    i = t.entry
    lat, lon = t.point if t.point is not None else (gaz.lat[i], gaz.lon[i])
    return Place(id=ctx.new_id(prefix), text=t.text, name=gaz.names[i], geonameid=gaz.gid[i] or None,
                 lat=round(lat, 5), lon=round(lon, 5), country=t.country or gaz.country[i] or None,
                 feature=FEATURES[gaz.feature[i]], resolved_by=t.resolved_by, role=_role(t), evidence=ev)


def _role(t: Toponym) -> Optional[str]:
    """``Place.role``: "associative", or None for a literal place (see :class:`~newsevents.records.Place`)."""
    return ASSOCIATIVE if t.role == ASSOCIATIVE else None
