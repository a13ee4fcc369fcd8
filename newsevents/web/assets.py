"""Where the dashboard's third-party assets come from: installed packages, never copies.

- Leaflet and Leaflet.markercluster: the PyPI packages ``xstatic-leaflet`` and
  ``xstatic-leaflet-markercluster`` (``xstatic.pkg.*.BASE_DIR``).
- The world basemap: Natural Earth 1:110m countries as TopoJSON from the npm package
  ``world-atlas`` (installed by ``make setup`` from ``package-lock.json`` into
  ``node_modules/``), turned into GeoJSON here once, so the page needs no TopoJSON library.
  Looked for in ``$NEWSEVENTS_NODE_MODULES``, then in ``node_modules`` of the working
  folder and of the folders above this package (an editable install from a clone).
"""
from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Optional

__all__ = ["static_dirs", "basemap_path", "basemap_geojson", "topojson_to_geojson"]

BASEMAP = Path("world-atlas") / "countries-110m.json"


def static_dirs() -> dict[str, Path]:
    """RETURNS (dict[str, Path]): URL prefix under /static -> folder of an installed package."""
    from xstatic.pkg import leaflet, leaflet_markercluster

    return {"leaflet": Path(leaflet.BASE_DIR), "markercluster": Path(leaflet_markercluster.BASE_DIR)}


def basemap_path() -> Optional[Path]:
    """RETURNS (Path | None): world-atlas's countries-110m.json, or None when it is not installed."""
    roots = []
    if os.environ.get("NEWSEVENTS_NODE_MODULES"):
        roots.append(Path(os.environ["NEWSEVENTS_NODE_MODULES"]))
    roots.append(Path.cwd() / "node_modules")
    roots.extend(p / "node_modules" for p in Path(__file__).resolve().parents)
    for root in roots:
        if (root / BASEMAP).is_file():
            return root / BASEMAP
    return None


@lru_cache(maxsize=1)
def basemap_geojson() -> Optional[str]:
    """RETURNS (str | None): the countries as a GeoJSON FeatureCollection (text), decoded once."""
    path = basemap_path()
    if path is None:
        return None
    topo = json.loads(path.read_text(encoding="utf-8"))
    return json.dumps(topojson_to_geojson(topo, "countries"), separators=(",", ":"))


def topojson_to_geojson(topo: dict, name: str) -> dict:
    """Decode the object ``name`` of a TopoJSON topology into a GeoJSON FeatureCollection.

    Arcs are delta-encoded and quantised by ``transform`` (TopoJSON specification 1.0, §2.1.4);
    a negative arc index ``~i`` means arc ``i`` reversed.
    """
    scale, translate = (topo["transform"]["scale"], topo["transform"]["translate"]) if "transform" in topo \
        else ((1, 1), (0, 0))
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append([round(x * scale[0] + translate[0], 4), round(y * scale[1] + translate[1], 4)])
        arcs.append(points)

    def ring(indexes):
        out = []
        for i in indexes:
            pts = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(pts if not out else pts[1:])
        # rings cut at the antimeridian (Russia, Fiji) jump from 180 to -180: keep longitudes
        # continuous, or a map draws a line across the whole world
        for k in range(1, len(out)):
            dx = out[k][0] - out[k - 1][0]
            if abs(dx) > 180:
                out[k] = [out[k][0] - 360 * round(dx / 360), out[k][1]]
        return out

    features = []
    for geom in topo["objects"][name]["geometries"]:
        kind = geom.get("type")
        if kind == "Polygon":
            coords = [ring(r) for r in geom["arcs"]]
        elif kind == "MultiPolygon":
            coords = [[ring(r) for r in poly] for poly in geom["arcs"]]
        else:
            continue
        features.append({"type": "Feature", "id": geom.get("id"), "properties": geom.get("properties", {}),
                         "geometry": {"type": kind, "coordinates": coords}})
    return {"type": "FeatureCollection", "features": features}
