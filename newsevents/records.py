"""The record types newsevents produces.

Every record that states something about the article carries an
:class:`Evidence`: the sentence index and the character offsets of the span
that supports it, so that ``article.text[evidence.start:evidence.end] ==
evidence.text`` always holds. Offsets are Python code points (characters),
never tokens or bytes.

The records are pydantic models so that the JSON Schema of the output
(``schema/article-analysis.schema.json``) is generated from them
(:func:`json_schema`) rather than written by hand.
"""
from __future__ import annotations

from datetime import date as Date
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "Evidence",
    "Actor",
    "ActorRef",
    "Event",
    "Quote",
    "Speaker",
    "Place",
    "TimeExpr",
    "ArticleError",
    "ArticleAnalysis",
    "json_schema",
]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Evidence(_Record):
    """A supporting span of the article text.

    sentence (int): 0-based index of the sentence (spaCy's segmentation).
    start, end (int): character offsets into ``ArticleAnalysis.text``;
        ``text[start:end] == self.text``.
    text (str): the span itself.
    """

    sentence: int = Field(description="0-based sentence index")
    start: int = Field(description="start character offset into the article text")
    end: int = Field(description="end character offset (exclusive)")
    text: str = Field(description="text[start:end]")


ActorKind = Literal["person", "country", "organisation", "group", "media"]


class Actor(_Record):
    """One mention of an actor, coded.

    code: ISO 3166-1 alpha-3 country code, or a PLOVER non-state code (``UNO``,
        ``EUR``, ``IGO``, ``IMG``, ``NGO``, ``MNC``; see data/actors/organisations.tsv),
        or None when the country is unknown.
    sector: PLOVER 2.0 sector (GOV, MIL, COP, JUD, LEG, PTY, REB, OPP, JRN,
        BUS, CVL, ...), or None.
    entity: id shared by every mention of the same real-world actor within
        the article (coreference cluster), e.g. ``"E3"``.
    resolved_by: how the code was found: ``office-holder``, ``title``,
        ``country-name``, ``demonym``, ``capital``, ``agent-noun``,
        ``organisation``, ``coreference``, ``user-table``, ``ner``; or, when the mention's
        own words give no country, ``own-words`` (the phrase describing a name: "X, mayor of
        the Polish city of Gdańsk"), ``sentence-context`` (the sentence's only country) or
        ``article-context`` (the article's dominant country, or that of its people);
        ``implicit-agent`` for the body an agentless passive implies ("two suspects were
        arrested": the police), added by the events stage with the trigger as evidence.
    """

    id: str = Field(description="mention id within the article, e.g. 'A4'")
    text: str
    canonical: str = Field(description="canonical name of the actor")
    code: Optional[str] = Field(None, description="ISO 3166 alpha-3 or IGO/NGO code")
    sector: Optional[str] = Field(None, description="PLOVER sector")
    kind: ActorKind = "person"
    entity: str = Field(description="coreference cluster id within the article")
    role: Optional[str] = Field(None, description="office held on the event date, if known")
    resolved_by: str
    antecedent: Optional[str] = Field(None, description="mention id this mention was resolved to")
    evidence: Evidence


class ActorRef(_Record):
    """An actor as a participant of an event (points to an :class:`Actor` mention)."""

    mention: str = Field(description="Actor.id of the supporting mention")
    canonical: str
    code: Optional[str] = None
    sector: Optional[str] = None


class Event(_Record):
    """A coded event.

    event_type / mode: PLOVER 2.0 (PLOVER manual v2.0, 2021).
    cameo: CAMEO root code (two digits, "01".."20") that goes with the type
        and mode; goldstein: the Goldstein (1992) score of that root code as
        used by GDELT; quad_class: 1 verbal cooperation, 2 material
        cooperation, 3 verbal conflict, 4 material conflict.
    date: ISO date (UTC day) of the event; date_source says whether it came
        from a temporal expression in the text ("text": of its sentence, or the
        day an earlier sentence narrates) or defaulted to the publication date
        ("publication"); "unknown" when neither applies (no publication date, or
        an event told apart at another time: "in response to the airstrike",
        "one week after an attack"). When the text dates the event less
        precisely than a day ("next month", "last week", "in 2018"), ``date`` is
        None, ``date_source`` is "text" and ``date_ref`` names the TimeExpr whose
        TIMEX3 value ("2020-02", "2020-W01", "2018") is the event's date.
    """

    id: str
    event_type: str
    mode: Optional[str] = None
    context: list[str] = Field(default_factory=list)
    actors: list[ActorRef] = Field(default_factory=list)
    recipients: list[ActorRef] = Field(default_factory=list)
    reciprocal: bool = False
    date: Optional[str] = None
    date_source: Literal["text", "publication", "unknown"] = "unknown"
    date_ref: Optional[str] = Field(None, description="TimeExpr.id the date came from")
    place: Optional[str] = Field(None, description="Place.id of the event location")
    cameo: Optional[str] = None
    goldstein: Optional[float] = None
    quad_class: Optional[int] = None
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    reported: bool = False
    pattern: Optional[str] = Field(None, description="the verb pattern that matched")
    trigger: Evidence
    evidence: Evidence = Field(description="the sentence (or clause) that supports the event")


class Speaker(_Record):
    """The resolved speaker of a quote."""

    canonical: str
    mention: Optional[str] = Field(None, description="Actor.id of the speaker mention")
    code: Optional[str] = None
    sector: Optional[str] = None


class Quote(_Record):
    """A direct, indirect or mixed quotation, a stance or an unsourced claim (attribution).

    kind: ``direct`` (the content is in quotation marks), ``mixed`` (a reported
        statement holding quoted words), ``indirect`` (a reported statement, thought
        or intention: a clause or a verb phrase), ``stance`` (a position taken on a
        thing named by a noun phrase: "criticized the move", "called for G7 action";
        no statement; see :mod:`newsevents.quotes.kinds`), ``unsourced`` (a claim,
        belief or expectation reported with no one named as holding it, mostly in
        the passive: "200 troops are believed to remain", "X has been accused of
        Y", "the court is expected to rule"; nobody is quoted, and no source).
    source: the span naming the speaker in the text (may be a pronoun or a
        description); speaker: who that is, resolved.
    cue: the attribution verb or phrase ("said", "according to").
    content: what was said (for a stance: what the position is on).
    """

    id: str
    kind: Literal["direct", "indirect", "mixed", "stance", "unsourced"]
    cue: Optional[Evidence] = None
    source: Optional[Evidence] = None
    content: Evidence
    speaker: Optional[Speaker] = None


class Place(_Record):
    """A toponym and its gazetteer resolution.

    country: ISO 3166-1 alpha-3 of the place (None for continents and
        multi-country regions; for a sea, the shore country the article names most,
        None when it names none: data/places/shores.tsv). lat/lon in decimal degrees (WGS84).
    feature: ``country``, ``admin1`` (state, province), ``admin2`` (US county),
        ``city``, ``region``, ``landmark``, ``water``, ``continent``.
    resolved_by: how the gazetteer entry was chosen (e.g. ``gazetteer``,
        ``supplement``, ``context``, ``demonym`` for an adjective or demonym such as
        "Sri Lankan", placed at its country, as GeoWebNews annotates them).
    geonameid: GeoNames id where known.
    role: ``associative`` for a toponym standing for something else ("Iran launched
        missiles", "U.S. troops", "The New York Times", a nationality word), as GeoWebNews
        annotates them; such places are listed, so typed, only with ``Options.place_associative``
        (a default run also lists the kinds of ``listed_by_default`` in data/places/roles.yaml,
        "the Supreme Leader of Iran", with role None like all its places).
        None for a literal place (one where something is: "troops left Iraq"), the only kind
        the default output lists. The store does not keep the field (a stored place reads
        back with None).
    """

    id: str
    text: str
    name: Optional[str] = None
    geonameid: Optional[int] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    country: Optional[str] = None
    feature: Optional[str] = None
    resolved_by: Optional[str] = None
    role: Optional[Literal["literal", "associative"]] = None
    evidence: Evidence


class TimeExpr(_Record):
    """A temporal expression with its TIMEX3 type and value.

    value: TIMEX3 value resolved against the publication date, e.g.
        ``2019-06-30``, ``2019-W26``, ``2019-06``, ``P3D``, ``PAST_REF``.
    """

    id: str
    text: str
    type: Literal["DATE", "TIME", "DURATION", "SET"] = "DATE"
    value: Optional[str] = None
    evidence: Evidence


class ArticleError(_Record):
    """Why an article could not be (fully) processed."""

    code: str = Field(description="error code, see newsevents.errors")
    message: str


class ArticleAnalysis(_Record):
    """Everything newsevents found in one article."""

    id: Optional[str] = None
    title: Optional[str] = None
    url: Optional[str] = None
    published: Optional[str] = Field(None, description="publication date, ISO 8601")
    text: str
    language: Optional[str] = None
    actors: list[Actor] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    dates: list[TimeExpr] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    error: Optional[ArticleError] = None
    model: Optional[str] = Field(None, description="spaCy pipeline name and version")

    @property
    def published_date(self) -> Optional[Date]:
        return Date.fromisoformat(self.published[:10]) if self.published else None


def json_schema() -> dict:
    """RETURNS (dict): the JSON Schema (draft 2020-12) of :class:`ArticleAnalysis`."""
    schema = ArticleAnalysis.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://newsevents.invalid/schema/article-analysis.schema.json"
    return schema
