/* The newsevents dashboard: one filter bar kept in the URL, and five views over the JSON API.
   Plain JavaScript and SVG drawn here (timeline, network); Leaflet and its marker clustering
   come from the installed xstatic packages. Text from the database is set with textContent,
   never as HTML. */
"use strict";
const NE = (() => {
  const FILTERS = ["actor", "recipient", "event_type", "mode", "quad_class", "country", "since", "until", "text",
                   "place", "article"];
  const QUAD = {
    1: {name: "verbal cooperation", color: "#4e9ad6"},
    2: {name: "material cooperation", color: "#2e9e4f"},
    3: {name: "verbal conflict", color: "#f0a030"},
    4: {name: "material conflict", color: "#d7301f"},
  };
  const QUAD_KEYS = {1: "verbal_coop", 2: "material_coop", 3: "verbal_conflict", 4: "material_conflict"};
  const SVG = "http://www.w3.org/2000/svg";
  const state = {};

  // -- helpers ------------------------------------------------------------------------------
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined) continue;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v);
    }
    for (const c of children) if (c !== null && c !== undefined) node.append(c);
    return node;
  }
  function svg(tag, attrs) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) if (v !== null && v !== undefined) node.setAttribute(k, v);
    return node;
  }
  /** The filter of the URL (only the shared filter keys). */
  function current() {
    const url = new URLSearchParams(location.search);
    const out = new URLSearchParams();
    for (const k of FILTERS) if (url.get(k)) out.set(k, url.get(k));
    return out;
  }
  function withParams(base, extra) {
    const p = new URLSearchParams(base);
    for (const [k, v] of Object.entries(extra || {})) {
      if (v === null || v === undefined || v === "") p.delete(k); else p.set(k, v);
    }
    return p;
  }
  function status(msg, isError) {
    const s = document.getElementById("status");
    s.textContent = msg || "";
    s.className = "status" + (isError ? " error" : "");
  }
  async function api(path, params) {
    const url = path + (params && String(params) ? "?" + params : "");
    const r = await fetch(url);
    if (!r.ok) {
      let msg = r.status + " " + r.statusText;
      try {
        const d = (await r.json()).detail;
        msg = Array.isArray(d) ? d.map(x => (x.loc || []).slice(-1)[0] + ": " + x.msg).join("; ") : d;
      } catch (e) { /* not JSON */ }
      status(msg, true);
      throw new Error(msg);
    }
    return r.json();
  }
  function articleHref(articleId, recordId) {
    return "/article/" + encodeURIComponent(articleId).replace(/%2F/g, "/") + (recordId ? "#" + recordId : "");
  }
  function swatch(q) {
    return el("span", {class: "swatch", style: "background:" + (QUAD[q] ? QUAD[q].color : "#999"),
                       title: QUAD[q] ? QUAD[q].name : "no quad class"});
  }
  function legend() {
    const box = document.getElementById("legend");
    if (!box) return;
    for (const q of [1, 2, 3, 4]) box.append(el("span", {class: "legend-item"}, swatch(q), " " + QUAD[q].name));
  }

  // -- the filter bar -------------------------------------------------------------------------
  function filterBar() {
    const form = document.getElementById("filter-bar");
    const url = new URLSearchParams(location.search);
    for (const input of form.elements) if (input.name && url.get(input.name)) input.value = url.get(input.name);
    form.addEventListener("submit", ev => {
      ev.preventDefault();
      const p = new URLSearchParams();
      for (const input of form.elements) if (input.name && input.value.trim()) p.set(input.name, input.value.trim());
      location.search = p.toString();
    });
    // the filter follows from page to page
    const q = current().toString();
    for (const a of document.querySelectorAll("a[data-nav]")) if (q) a.href = "/" + a.dataset.nav + "?" + q;
  }
  function downloads(links) {
    const box = document.querySelector("[data-downloads]");
    if (!box) return;
    box.append("download: ");
    for (const [label, path, extra] of links) {
      box.append(el("a", {href: path + "?" + withParams(current(), extra), class: "download", download: "",
                          text: label}), " ");
    }
  }

  // -- lists of events and quotes ------------------------------------------------------------
  function names(codes, namesText) {
    return (namesText || codes || "").split(";").filter(Boolean).join(", ") || "—";
  }
  function eventItem(e) {
    return el("div", {class: "event-item"},
      el("div", {class: "event-line"}, swatch(e.quad_class),
        el("span", {class: "date", text: e.date || "no date"}),
        el("b", {text: " " + e.event_type + (e.mode ? " / " + e.mode : "")}),
        el("span", {text: "  " + names(e.actor_codes, e.actor_names) + " → " + names(e.recipient_codes,
                                                                                     e.recipient_names)}),
        e.goldstein !== null ? el("span", {class: "gold", text: " " + e.goldstein}) : null,
        e.negated ? el("span", {class: "flag", text: " negated"}) : null,
        e.hypothetical ? el("span", {class: "flag", text: " hypothetical"}) : null),
      el("div", {class: "evidence"}, el("a", {class: "event-link", href: articleHref(e.article_id, e.event_id),
                                              text: e.evidence_text || e.trigger || "(evidence)"}),
        el("span", {class: "where", text: (e.place ? "  @ " + e.place : "") + "  · " + (e.title || e.article_id)})));
  }
  function quoteItem(q) {
    return el("div", {class: "quote-item"},
      el("div", {class: "event-line"}, el("span", {class: "date", text: q.published || ""}),
        el("b", {text: " " + (q.speaker || q.source || "unknown speaker")}),
        el("span", {text: " (" + q.kind + (q.cue ? ", " + q.cue : "") + ")"})),
      el("div", {class: "evidence"}, el("a", {class: "quote-link", href: articleHref(q.article_id, q.quote_id),
                                              text: "“" + q.content + "”"}),
        el("span", {class: "where", text: "  · " + (q.title || q.article_id)})));
  }
  /** Fill ``box`` with a paged list from ``path`` (events or quotes) for ``params``. */
  async function pagedList(box, path, params, title, item, size) {
    box.replaceChildren(el("h2", {text: title}));
    const items = el("div", {class: "items"});
    box.append(items);
    let offset = 0;
    const more = el("button", {class: "more", type: "button", text: "more"});
    async function load() {
      const page = await api(path, withParams(params, {limit: size || 50, offset}));
      if (offset === 0) box.querySelector("h2").textContent = title + " (" + page.total + ")";
      for (const x of page.items) items.append(item(x));
      offset += page.items.length;
      if (offset < page.total) box.append(more); else more.remove();
      status("");
    }
    more.addEventListener("click", load);
    await load();
  }
  const listEvents = (box, params, title) => pagedList(box, "/api/events", params, title, eventItem);

  // -- map --------------------------------------------------------------------------------------
  function dominant(counts) {
    let best = 0, q = null;
    for (const k of [1, 2, 3, 4]) if (counts[k] > best) { best = counts[k]; q = k; }
    return q;
  }
  async function mapPage() {
    filterBar();
    legend();
    downloads([["CSV", "/api/events", {format: "csv", located: "true"}],
               ["GeoJSON", "/api/places", {format: "geojson"}], ["GEXF", "/api/network", {format: "gexf"}]]);
    const box = document.getElementById("map");
    const map = L.map(box, {worldCopyJump: true, minZoom: 1, maxZoom: 12, attributionControl: true}).setView([25, 10], 2);
    map.attributionControl.setPrefix("Leaflet");
    state.map = map;
    if (box.dataset.basemap === "yes") {
      fetch("/static/basemap/countries.geojson").then(r => r.json()).then(data => {
        // Antarctica's ring runs to the pole, which Web Mercator cannot draw
        L.geoJSON(data, {filter: f => f.properties.name !== "Antarctica", style: {color: "#8a8a80", weight: 0.6, fillColor: "#f2f0e6", fillOpacity: 1},
                         interactive: false}).addTo(map).bringToBack();
        map.attributionControl.addAttribution("Natural Earth (world-atlas)");
      });
    } else {
      status("No basemap: run `make setup` (npm ci installs world-atlas).", true);
    }
    const clusters = L.markerClusterGroup({
      maxClusterRadius: 40,
      iconCreateFunction: cluster => {
        const counts = {1: 0, 2: 0, 3: 0, 4: 0};
        let n = 0;
        for (const m of cluster.getAllChildMarkers()) {
          for (const k of [1, 2, 3, 4]) counts[k] += m.options.counts[k];
          n += m.options.events;
        }
        const q = dominant(counts);
        return L.divIcon({html: '<div style="background:' + (q ? QUAD[q].color : "#888") + '">' + n + "</div>",
                          className: "ne-cluster", iconSize: [34, 34]});
      },
    });
    const side = document.getElementById("side");
    let offset = 0, total = 1, shown = 0;
    const bounds = [];
    while (offset < total) {
      const page = await api("/api/places", withParams(current(), {limit: 500, offset}));
      total = page.total;
      offset += page.items.length || total;
      for (const p of page.items) {
        const counts = {1: p.verbal_coop, 2: p.material_coop, 3: p.verbal_conflict, 4: p.material_conflict};
        const q = dominant(counts);
        const marker = L.circleMarker([p.lat, p.lon], {
          radius: 5 + Math.min(12, Math.sqrt(p.events) * 2), color: "#222", weight: 1,
          fillColor: q ? QUAD[q].color : "#888", fillOpacity: 0.85, className: "ne-marker", counts,
          events: p.events});
        marker.bindTooltip(p.name + (p.country ? " (" + p.country + ")" : "") + ": " + p.events + " events");
        marker.on("click", () => listEvents(side, withParams(current(), {place: p.key}), "Events at " + p.name));
        clusters.addLayer(marker);
        bounds.push([p.lat, p.lon]);
        shown += p.events;
      }
    }
    map.addLayer(clusters);
    if (bounds.length > 1) map.fitBounds(bounds, {padding: [30, 30], maxZoom: 5});
    status(shown ? shown + " located events at " + bounds.length + " places" : "no located events for this filter");
    document.body.dataset.ready = "1";
  }

  // -- timeline ----------------------------------------------------------------------------------
  async function timelinePage() {
    filterBar();
    legend();
    const by = new URLSearchParams(location.search).get("by") || "month";
    downloads([["CSV (series)", "/api/dyads", {format: "csv", by}], ["CSV (events)", "/api/events", {format: "csv"}],
               ["GeoJSON", "/api/events", {format: "geojson"}], ["GEXF", "/api/network", {format: "gexf"}]]);
    const data = await api("/api/dyads", withParams(current(), {by}));
    const rows = data.items;
    const box = document.getElementById("chart");
    const side = document.getElementById("side");
    if (!rows.length) {
      status("no events with a day date for this filter" + (data.left_out ? ` (${data.left_out} without one)` : ""));
      document.body.dataset.ready = "1";
      return;
    }
    const W = Math.max(box.clientWidth || 1000, 600), H = 360, M = {l: 48, r: 56, t: 14, b: 64};
    const iw = W - M.l - M.r, ih = H - M.t - M.b;
    const maxN = Math.max(...rows.map(r => r.events));
    const maxG = Math.max(1, ...rows.map(r => Math.abs(r.goldstein_sum || 0)));
    const band = iw / rows.length, bw = Math.max(1, Math.min(40, band * 0.8));
    const y = v => M.t + ih - (v / maxN) * ih;
    const yg = v => M.t + ih / 2 - (v / maxG) * (ih / 2);
    const chart = svg("svg", {viewBox: `0 0 ${W} ${H}`, width: W, height: H, class: "timeline"});
    for (const t of [0, 0.5, 1]) {
      const v = Math.round(maxN * t);
      chart.append(svg("line", {x1: M.l, x2: W - M.r, y1: y(v), y2: y(v), class: "grid"}));
      const lab = svg("text", {x: M.l - 6, y: y(v) + 4, class: "axis", "text-anchor": "end"});
      lab.textContent = v;
      chart.append(lab);
    }
    for (const v of [-maxG, 0, maxG]) {
      const lab = svg("text", {x: W - M.r + 6, y: yg(v) + 4, class: "axis gold-axis"});
      lab.textContent = (v > 0 ? "+" : "") + Math.round(v);
      chart.append(lab);
    }
    const ylab = svg("text", {x: 12, y: M.t + ih / 2, class: "axis", transform: `rotate(-90 12 ${M.t + ih / 2})`,
                              "text-anchor": "middle"});
    ylab.textContent = "events";
    chart.append(ylab);
    const glab = svg("text", {x: W - 8, y: M.t + ih / 2, class: "axis gold-axis",
                              transform: `rotate(90 ${W - 8} ${M.t + ih / 2})`, "text-anchor": "middle"});
    glab.textContent = "Goldstein sum";
    chart.append(glab);
    const every = Math.ceil(rows.length / Math.max(1, Math.floor(iw / 70)));
    const points = [];
    rows.forEach((r, i) => {
      const x = M.l + i * band + (band - bw) / 2;
      const g = svg("g", {class: "bar", "data-start": r.start, "data-end": r.end, "data-period": r.period,
                          tabindex: 0});
      let acc = 0;
      for (const q of [1, 2, 3, 4]) {
        const n = r[QUAD_KEYS[q]];
        if (!n) continue;
        g.append(svg("rect", {x, width: bw, y: y(acc + n), height: y(acc) - y(acc + n), fill: QUAD[q].color}));
        acc += n;
      }
      const other = r.events - acc;  // events without a quad class
      if (other > 0) g.append(svg("rect", {x, width: bw, y: y(acc + other), height: y(acc) - y(acc + other),
                                           fill: "#aaa"}));
      g.append(svg("rect", {x: M.l + i * band, width: band, y: M.t, height: ih, class: "hit"}));
      const tip = svg("title", {});
      tip.textContent = `${r.period}: ${r.events} events, Goldstein sum ${r.goldstein_sum}, mean ${r.goldstein_mean}`;
      g.append(tip);
      g.addEventListener("click", () => {
        for (const b of chart.querySelectorAll(".bar.selected")) b.classList.remove("selected");
        g.classList.add("selected");
        listEvents(side, withParams(current(), {since: r.start, until: r.end}), "Events " + r.period);
      });
      chart.append(g);
      if (i % every === 0) {
        const lab = svg("text", {x: M.l + i * band + band / 2, y: H - M.b + 16, class: "axis",
                                 "text-anchor": "end", transform: `rotate(-35 ${M.l + i * band + band / 2} ${H - M.b + 16})`});
        lab.textContent = r.period;
        chart.append(lab);
      }
      if (r.goldstein_sum !== null) points.push([M.l + i * band + band / 2, yg(r.goldstein_sum)]);
    });
    chart.append(svg("line", {x1: M.l, x2: W - M.r, y1: yg(0), y2: yg(0), class: "zero"}));
    chart.append(svg("polyline", {points: points.map(p => p.join(",")).join(" "), class: "gold-line"}));
    for (const [px, py] of points) chart.append(svg("circle", {cx: px, cy: py, r: 2.5, class: "gold-dot"}));
    box.replaceChildren(chart);
    const n = rows.reduce((a, r) => a + r.events, 0);
    const left = data.left_out ? `; ${data.left_out} events without a day date (dated only to a week, month or ` +
                                 "year, or undated) not shown" : "";
    status(`${n} events in ${rows.length} ${by}s; black line: Goldstein sum (right axis)${left}`);
    document.body.dataset.ready = "1";
  }

  // -- network ---------------------------------------------------------------------------------
  function goldColor(g) {
    if (g === null || g === undefined) return "#999";
    const t = Math.max(-1, Math.min(1, g / 10));
    const mix = (a, b, s) => Math.round(a + (b - a) * s);
    const [r, gg, b] = t < 0 ? [mix(150, 215, -t), mix(150, 48, -t), mix(150, 31, -t)]
                             : [mix(150, 46, t), mix(150, 158, t), mix(150, 79, t)];
    return `rgb(${r},${gg},${b})`;
  }
  /** Fruchterman-Reingold, deterministic (nodes start on a circle). */
  function layout(nodes, edges, W, H) {
    const n = nodes.length, k = Math.sqrt((W * H) / Math.max(1, n)) * 0.7;
    const pos = nodes.map((_, i) => ({x: W / 2 + (W / 3) * Math.cos(2 * Math.PI * i / n),
                                      y: H / 2 + (H / 3) * Math.sin(2 * Math.PI * i / n)}));
    const index = new Map(nodes.map((d, i) => [d.id, i]));
    const links = edges.map(e => [index.get(e.source), index.get(e.target)]);
    let temp = W / 8;
    for (let it = 0; it < 300; it++) {
      const disp = pos.map(() => ({x: 0, y: 0}));
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
        let dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y;
        const d = Math.max(0.01, Math.hypot(dx, dy)), f = (k * k) / d;
        dx /= d; dy /= d;
        disp[i].x += dx * f; disp[i].y += dy * f; disp[j].x -= dx * f; disp[j].y -= dy * f;
      }
      for (const [a, b] of links) {
        let dx = pos[a].x - pos[b].x, dy = pos[a].y - pos[b].y;
        const d = Math.max(0.01, Math.hypot(dx, dy)), f = (d * d) / k;
        dx /= d; dy /= d;
        disp[a].x -= dx * f; disp[a].y -= dy * f; disp[b].x += dx * f; disp[b].y += dy * f;
      }
      for (let i = 0; i < n; i++) {
        // a weak pull to the centre keeps separate components on screen
        disp[i].x += (W / 2 - pos[i].x) * 0.05 * k / 10; disp[i].y += (H / 2 - pos[i].y) * 0.05 * k / 10;
        const d = Math.max(0.01, Math.hypot(disp[i].x, disp[i].y)), s = Math.min(d, temp) / d;
        pos[i].x = Math.max(30, Math.min(W - 30, pos[i].x + disp[i].x * s));
        pos[i].y = Math.max(20, Math.min(H - 20, pos[i].y + disp[i].y * s));
      }
      temp *= 0.985;
    }
    return pos;
  }
  async function networkPage() {
    filterBar();
    downloads([["GEXF", "/api/network", {format: "gexf"}], ["CSV (actors)", "/api/actors", {format: "csv"}],
               ["CSV (events)", "/api/events", {format: "csv"}]]);
    const data = await api("/api/network", withParams(current(), {limit: 150}));
    const box = document.getElementById("graph");
    const side = document.getElementById("side");
    if (!data.nodes.length) { status("no actor pairs for this filter"); document.body.dataset.ready = "1"; return; }
    const W = Math.max(box.clientWidth || 800, 500), H = 560;
    const pos = layout(data.nodes, data.edges, W, H);
    const at = new Map(data.nodes.map((d, i) => [d.id, pos[i]]));
    const radius = new Map(data.nodes.map(d => [d.id, 4 + Math.min(14, Math.sqrt(d.events) * 2)]));
    const g = svg("svg", {viewBox: `0 0 ${W} ${H}`, width: W, height: H, class: "network"});
    const defs = svg("defs", {});
    const marker = svg("marker", {id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 9,
                                  markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto-start-reverse"});
    marker.append(svg("path", {d: "M 0 0 L 10 5 L 0 10 z", fill: "#666"}));
    defs.append(marker);
    g.append(defs);
    const maxE = Math.max(...data.edges.map(e => e.events));
    for (const e of data.edges) {
      const a = at.get(e.source), b = at.get(e.target);
      const d = Math.max(1, Math.hypot(b.x - a.x, b.y - a.y)), rb = radius.get(e.target) + 2;
      const x2 = b.x - (b.x - a.x) * rb / d, y2 = b.y - (b.y - a.y) * rb / d;
      const grp = svg("g", {class: "edge", "data-source": e.source, "data-target": e.target});
      grp.append(svg("line", {x1: a.x, y1: a.y, x2, y2, stroke: goldColor(e.goldstein_mean),
                              "stroke-width": 1 + 5 * Math.sqrt(e.events / maxE), "marker-end": "url(#arrow)",
                              class: "edge-line"}));
      grp.append(svg("line", {x1: a.x, y1: a.y, x2, y2, class: "edge-hit"}));
      const tip = svg("title", {});
      tip.textContent = `${e.source} → ${e.target}: ${e.events} events, mean Goldstein ${e.goldstein_mean}`;
      grp.append(tip);
      grp.addEventListener("click", () => {
        for (const s of g.querySelectorAll(".edge.selected")) s.classList.remove("selected");
        grp.classList.add("selected");
        listEvents(side, withParams(current(), {actor: e.source, recipient: e.target}),
                   "Events " + e.source + " → " + e.target);
      });
      g.append(grp);
    }
    for (const d of data.nodes) {
      const p = at.get(d.id);
      const node = svg("g", {class: "node", "data-id": d.id, transform: `translate(${p.x},${p.y})`});
      node.append(svg("circle", {r: radius.get(d.id)}));
      const label = svg("text", {x: radius.get(d.id) + 3, y: 4});
      label.textContent = d.code ? d.code + (d.label && d.label !== d.code ? " · " + d.label : "") : d.label;
      node.append(label);
      node.addEventListener("click", () => listEvents(side, withParams(current(), {actor: d.id}),
                                                       "Events with actor " + d.label));
      g.append(node);
    }
    box.replaceChildren(g);
    status(`${data.nodes.length} actors, ${data.edges.length} of ${data.total_edges} dyads (the heaviest)`);
    document.body.dataset.ready = "1";
  }

  // -- lists -----------------------------------------------------------------------------------
  async function eventsPage() {
    filterBar();
    downloads([["CSV", "/api/events", {format: "csv"}], ["GeoJSON", "/api/events", {format: "geojson"}],
               ["GEXF", "/api/events", {format: "gexf"}]]);
    await listEvents(document.getElementById("list"), current(), "Events");
    document.body.dataset.ready = "1";
  }
  async function quotesPage() {
    filterBar();
    downloads([["CSV", "/api/quotes", {format: "csv"}]]);
    await pagedList(document.getElementById("list"), "/api/quotes", current(), "Quotes", quoteItem);
    document.body.dataset.ready = "1";
  }

  // -- article ---------------------------------------------------------------------------------
  function describe(kind, r) {
    const box = el("div", {class: "record-card"});
    const row = (k, v) => { if (v !== null && v !== undefined && v !== "") box.append(el("div", {}, el("b", {text: k + ": "}), String(v))); };
    box.append(el("div", {class: "record-kind hl hl-" + kind, text: kind + " " + (r.id || "")}));
    if (kind === "trigger") {
      const who = refs => refs.map(a => a.canonical || a.code || "?").join(", ") || "—";
      row("type", r.event_type + (r.mode ? " / " + r.mode : ""));
      row("actors", who(r.actors)); row("recipients", who(r.recipients));
      row("date", r.date); row("CAMEO", r.cameo); row("Goldstein", r.goldstein);
      row("quad class", r.quad_class ? r.quad_class + " " + QUAD[r.quad_class].name : null);
      row("flags", ["negated", "future", "hypothetical", "reported"].filter(f => r[f]).join(", "));
      row("trigger", r.trigger.text); row("evidence", r.evidence.text);
    } else if (["quote", "cue", "source"].includes(kind)) {
      row("kind", r.kind); row("speaker", r.speaker ? r.speaker.canonical + (r.speaker.code ? " (" + r.speaker.code + ")" : "") : null);
      row("source", r.source && r.source.text); row("cue", r.cue && r.cue.text); row("content", r.content.text);
    } else if (kind === "actor") {
      row("text", r.text); row("canonical", r.canonical); row("code", r.code); row("sector", r.sector);
      row("kind", r.kind); row("role", r.role); row("resolved by", r.resolved_by);
    } else if (kind === "place") {
      row("text", r.text); row("name", r.name); row("country", r.country); row("feature", r.feature);
      row("coordinates", r.lat !== null ? r.lat + ", " + r.lon : null); row("GeoNames", r.geonameid);
      row("resolved by", r.resolved_by);
    } else if (kind === "date") {
      row("text", r.text); row("type", r.type); row("value", r.value);
    }
    return box;
  }
  async function articlePage() {
    filterBar();
    const box = document.getElementById("article");
    const id = box.dataset.articleId;
    const a = await api("/api/articles/" + encodeURIComponent(id).replace(/%2F/g, "/"));
    const spans = [];
    const add = (kind, ev, rec) => { if (ev && ev.end > ev.start) spans.push({kind, start: ev.start, end: ev.end, rec}); };
    for (const x of a.actors) add("actor", x.evidence, x);
    for (const x of a.events) add("trigger", x.trigger, x);
    for (const x of a.quotes) { add("quote", x.content, x); add("cue", x.cue, x); add("source", x.source, x); }
    for (const x of a.places) add("place", x.evidence, x);
    for (const x of a.dates) add("date", x.evidence, x);
    const cuts = new Set([0, a.text.length]);
    for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
    const points = [...cuts].sort((p, q) => p - q);
    const body = el("div", {class: "article-text"});
    const record = document.getElementById("record");
    let pinned = false;
    const show = covering => {
      record.replaceChildren(...covering.map(s => describe(s.kind, s.rec)));
    };
    for (let i = 0; i + 1 < points.length; i++) {
      const [s, e] = [points[i], points[i + 1]];
      const text = a.text.slice(s, e);
      const covering = spans.filter(x => x.start <= s && x.end >= e);
      if (!covering.length) { body.append(text); continue; }
      const kinds = [...new Set(covering.map(x => x.kind))];
      const span = el("span", {class: kinds.map(k => "hl hl-" + k).join(" "), "data-start": s, "data-end": e,
                               title: covering.map(x => x.kind + " " + (x.rec.id || "")).join(", ")}, text);
      span.addEventListener("mouseenter", () => { if (!pinned) show(covering); });
      span.addEventListener("click", () => { pinned = true; show(covering); });
      body.append(span);
    }
    box.replaceChildren(el("h1", {text: a.title || a.id}),
      el("p", {class: "meta", text: [a.published, a.url].filter(Boolean).join(" · ")}), body);
    const focus = (ev, recId) => {
      for (const x of body.querySelectorAll(".focus")) x.classList.remove("focus");
      let first = null;
      for (const x of body.querySelectorAll("span[data-start]")) {
        if (+x.dataset.start >= ev.start && +x.dataset.end <= ev.end) { x.classList.add("focus"); first = first || x; }
      }
      if (first) first.scrollIntoView({block: "center"});
      if (recId) history.replaceState(null, "", "#" + recId);
    };
    const evBox = document.getElementById("article-events");
    for (const e of a.events) {
      const item = el("div", {class: "event-item", id: e.id},
        el("div", {class: "event-line"}, swatch(e.quad_class), el("b", {text: " " + e.id + " " + e.event_type}),
          el("span", {text: " " + e.actors.map(x => x.canonical || x.code).join(", ") + " → " +
                            e.recipients.map(x => x.canonical || x.code).join(", ")})),
        el("div", {class: "evidence", text: e.trigger.text + " — " + e.evidence.text}));
      item.addEventListener("click", () => { pinned = true; focus(e.evidence, e.id); show([{kind: "trigger", rec: e}]); });
      evBox.append(item);
    }
    const qBox = document.getElementById("article-quotes");
    for (const q of a.quotes) {
      const item = el("div", {class: "quote-item", id: q.id},
        el("b", {text: q.id + " " + (q.speaker ? q.speaker.canonical : (q.source ? q.source.text : "?"))}),
        el("span", {text: " (" + q.kind + (q.cue ? ", " + q.cue.text : "") + "): “" + q.content.text + "”"}));
      item.addEventListener("click", () => { pinned = true; focus(q.content, q.id); show([{kind: "quote", rec: q}]); });
      qBox.append(item);
    }
    const target = location.hash.slice(1);
    const ev = a.events.find(x => x.id === target), qu = a.quotes.find(x => x.id === target);
    if (ev) { focus(ev.evidence); show([{kind: "trigger", rec: ev}]); pinned = true; }
    else if (qu) { focus(qu.content); show([{kind: "quote", rec: qu}]); pinned = true; }
    status(`${a.events.length} events, ${a.quotes.length} quotes, ${a.actors.length} actor mentions, ` +
           `${a.places.length} places, ${a.dates.length} dates`);
    document.body.dataset.ready = "1";
  }

  const guard = fn => () => fn().catch(err => { status(String(err.message || err), true); document.body.dataset.ready = "error"; });
  return {mapPage: guard(mapPage), timelinePage: guard(timelinePage), networkPage: guard(networkPage),
          eventsPage: guard(eventsPage), quotesPage: guard(quotesPage), articlePage: guard(articlePage), state};
})();
