import type { Position } from 'geojson';
import { landAccessLink, travellableLink } from '../network/access';
import { distanceM } from '../network/geodesy';
import type { RoadNetwork } from '../network/road_network';
import { networkForVehicle, type VehicleSize } from '../network/vehicle_limits';
import type { Station } from '../scenario/scenario_types';
import { multiSourceSearch, type SearchResult, type SearchSource } from '../search/multi_source_search';
import { costAtPlace } from '../search/place_cost';
import { SnapIndex, type Snap } from '../spatial/snap_index';
import { HAZARD_CLASS_LABELS, type HazardClass } from '../standards/risk_rules';
import type { HazardSite } from './risk_layers_input';
import { needText, needVehicle, resolveNeed, stationMeets, type ResolvedNeed, type RiskRules } from './risk_rules_of';

/** A unit that may respond: a station of the analysed set, where it joins the road, and its turnout. */
export interface ResponderStation {
  station: Station;
  snap: Snap;
}

/** Why a hazard does not meet its standard (`ok` when it does). */
export type HazardReason = 'ok' | 'no_capable_station' | 'no_road' | 'unreachable' | 'too_far';

/** The first capable unit at one hazard site, and whether it meets the class's standard. */
export interface HazardArrival {
  id: string;
  name: string | null;
  nameZh: string | null;
  class: HazardClass;
  classLabel: { en: string; zh: string };
  kind: 'point' | 'polygon' | 'line';
  heightM: number | null;
  need: ResolvedNeed;
  needText: { en: string; zh: string };
  /** Vehicle profile(s) the capable unit drives (road limits apply to them). */
  vehicle: string;
  /** Response standard, seconds from the dispatch order, and its source. */
  responseS: number;
  responseClause: string;
  needClause: string;
  /** No standard fixes this class's need (or the scenario overrode it): a local choice. */
  localChoice: boolean;
  /** Ids of the analysed stations that carry what the site needs. */
  capableStationIds: string[];
  /** First arrival of any unit (no capability asked, no vehicle limit), seconds; null when none can reach. */
  firstAnyS: number | null;
  firstAnyStationId: string | null;
  /** First arrival of a capable unit on the roads its vehicle may use, seconds; null when none can reach. */
  capableS: number | null;
  capableStationId: string | null;
  /** Lines: the latest capable arrival along the asset (null when a part is not reached). */
  latestS: number | null;
  /** Lines: length, km reached by a capable unit within the standard, km reached by any unit within it. */
  lengthKm: number | null;
  reachedKm: number | null;
  anyReachedKm: number | null;
  /** The capable unit arrives within the standard (lines: the whole asset). */
  meets: boolean;
  reason: HazardReason;
}

/** Line hazards are cut into pieces no longer than this, each sampled at its middle, metres. */
export const LINE_SAMPLE_M = 25;
/** Most boundary points of a polygon site used to find its roads. */
const MAX_RING_POINTS = 64;

interface SitePlaces {
  /** Point and polygon sites: the roads within the access distance (one place per link). */
  places: Snap[];
  /** Line sites: each piece's length and where its middle joins a road (null: no road near). */
  samples: { lengthM: number; snap: Snap | null }[] | null;
}

function ringPoints(ring: Position[]): Position[] {
  const n = ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1] ? ring.length - 1 : ring.length;
  const step = Math.max(1, Math.ceil(n / MAX_RING_POINTS));
  const out: Position[] = [];
  for (let i = 0; i < n; i += step) out.push(ring[i]);
  return out;
}

function placesNear(index: SnapIndex, points: Position[], radiusM: number): Snap[] {
  // Every road point near any query point: the earliest of them is where the site is reached.
  const seen = new Map<string, Snap>();
  for (const [lon, lat] of points) {
    for (const s of index.within(lon, lat, radiusM)) {
      const key = `${s.link}:${s.offsetM.toFixed(3)}`;
      if (!seen.has(key)) seen.set(key, s);
    }
  }
  return [...seen.values()];
}

function lineSamples(lines: Position[][], index: SnapIndex, snapM: number): { lengthM: number; snap: Snap | null }[] {
  const out: { lengthM: number; snap: Snap | null }[] = [];
  for (const line of lines) {
    for (let i = 1; i < line.length; i++) {
      const [x0, y0] = line[i - 1];
      const [x1, y1] = line[i];
      const len = distanceM(x0, y0, x1, y1);
      if (!(len > 0)) continue;
      const n = Math.ceil(len / LINE_SAMPLE_M);
      for (let k = 0; k < n; k++) {
        const t = (k + 0.5) / n;
        out.push({ lengthM: len / n, snap: index.nearest(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t, snapM) });
      }
    }
  }
  return out;
}

/** Where a site meets the roads: the roads within `accessM` of a point or of a polygon's boundary and centre; a line's sampled pieces. */
function sitePlaces(site: HazardSite, land: SnapIndex, lines: () => SnapIndex, accessM: number, lineSnapM: number): SitePlaces {
  const g = site.geometry;
  if (g.type === 'Point') return { places: placesNear(land, [g.coordinates], accessM), samples: null };
  if (g.type === 'LineString' || g.type === 'MultiLineString') {
    const ls = g.type === 'LineString' ? [g.coordinates] : g.coordinates;
    return { places: [], samples: lineSamples(ls, lines(), lineSnapM) };
  }
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const pts: Position[] = [];
  for (const poly of polys) {
    const outer = poly[0] ?? [];
    const ring = ringPoints(outer);
    pts.push(...ring);
    if (ring.length > 0) pts.push([ring.reduce((s, p) => s + p[0], 0) / ring.length, ring.reduce((s, p) => s + p[1], 0) / ring.length]);
  }
  return { places: placesNear(land, pts, accessM), samples: null };
}

/** Earliest arrival over a site's places: cost and source index (−1 none). */
function earliest(result: SearchResult, places: readonly Snap[]): { cost: number; source: number } {
  let cost = Infinity;
  let source = -1;
  for (const p of places) {
    const c = costAtPlace(result, { snap: p });
    if (c.cost < cost) {
      cost = c.cost;
      source = c.source;
    }
  }
  return { cost, source };
}

const sizeKey = (s: VehicleSize): string => `${s.weightT}|${s.heightM}|${s.widthM}|${s.hgv ? 1 : 0}`;

/**
 * The first capable unit at every hazard site. One multi-source search per capability group (the set of
 * capable stations and the vehicle they drive), seeded by those stations with their turnout, on the
 * network that vehicle may use (`networkForVehicle`: links over its weight, height, width or closed to
 * heavy goods vehicles are closed) — not one search per hazard. A site is reached when a unit reaches any
 * road within `accessM` of it (the nearest point of each such road to the site, or for a polygon to each of
 * its boundary points and its centre); a line is cut into pieces of
 * at most 25 m whose middles join the nearest drivable road within `rules.lineSnapM`.
 *
 * The first any-unit arrival (every station, no limits) is read at the same places, so the first capable
 * arrival is never earlier. `landIndex`: a `SnapIndex` of `net` over `landAccessLink` to reuse (the coverage
 * context's), else one is built.
 */
export function hazardArrivals(net: RoadNetwork, responders: readonly ResponderStation[], sites: readonly HazardSite[], rules: RiskRules, accessM: number, landIndex?: SnapIndex): HazardArrival[] {
  if (sites.length === 0) return [];
  const land = landIndex ?? new SnapIndex(net, landAccessLink(net));
  let lineIndex: SnapIndex | null = null;
  const lines = (): SnapIndex => (lineIndex ??= new SnapIndex(net, travellableLink(net)));
  const placesOf = sites.map((s) => sitePlaces(s, land, lines, accessM, rules.lineSnapM));
  const sourcesOf = (idx: readonly number[]): SearchSource[] => idx.map((i) => ({ snap: responders[i].snap, startCost: responders[i].station.turnoutS }));

  const anyResult = responders.length > 0 ? multiSourceSearch(net, sourcesOf(responders.map((_, i) => i))) : null;

  // Capability groups: sites whose capable stations and vehicle are the same share one search.
  const groups = new Map<string, { stations: number[]; size: VehicleSize; result: SearchResult | null }>();
  const siteGroup: string[] = [];
  const needs = sites.map((s) => resolveNeed(s, rules));
  const vehicles = needs.map((n) => needVehicle(n, rules));
  sites.forEach((_, i) => {
    const capable = responders.map((r, k) => (stationMeets(r.station, needs[i]) ? k : -1)).filter((k) => k >= 0);
    const key = `${capable.join(',')}|${sizeKey(vehicles[i].size)}`;
    if (!groups.has(key)) groups.set(key, { stations: capable, size: vehicles[i].size, result: null });
    siteGroup.push(key);
  });
  for (const g of groups.values()) {
    if (g.stations.length === 0) continue;
    g.result = multiSourceSearch(networkForVehicle(net, g.size), sourcesOf(g.stations));
  }

  return sites.map((site, i): HazardArrival => {
    const rule = rules.classes[site.class];
    const responseS = site.responseS ?? rule.responseS;
    const g = groups.get(siteGroup[i])!;
    const { places, samples } = placesOf[i];
    const stationId = (result: SearchResult | null, src: number, group: number[] | null): string | null => {
      if (!result || src < 0) return null;
      return responders[group ? group[src] : src].station.id;
    };
    let firstAny = { cost: Infinity, source: -1 };
    let capable = { cost: Infinity, source: -1 };
    let latestS: number | null = null;
    let lengthKm: number | null = null;
    let reachedKm: number | null = null;
    let anyReachedKm: number | null = null;
    let allMet = false;
    let onRoad: boolean;
    if (samples) {
      let len = 0;
      let reached = 0;
      let anyReached = 0;
      let latest = -Infinity;
      allMet = samples.length > 0;
      for (const smp of samples) {
        len += smp.lengthM;
        if (!smp.snap) {
          allMet = false;
          latest = Infinity;
          continue;
        }
        const a = anyResult ? costAtPlace(anyResult, { snap: smp.snap }) : { cost: Infinity, source: -1 };
        const c = g.result ? costAtPlace(g.result, { snap: smp.snap }) : { cost: Infinity, source: -1 };
        if (a.cost < firstAny.cost) firstAny = { cost: a.cost, source: a.source };
        if (c.cost < capable.cost) capable = { cost: c.cost, source: c.source };
        if (a.cost <= responseS) anyReached += smp.lengthM;
        if (c.cost <= responseS) reached += smp.lengthM;
        else allMet = false;
        latest = Math.max(latest, c.cost);
      }
      lengthKm = len / 1000;
      reachedKm = reached / 1000;
      anyReachedKm = anyReached / 1000;
      latestS = Number.isFinite(latest) ? latest : null;
      onRoad = samples.some((s) => s.snap !== null);
    } else {
      if (anyResult) firstAny = earliest(anyResult, places);
      if (g.result) capable = earliest(g.result, places);
      allMet = capable.cost <= responseS;
      onRoad = places.length > 0;
    }
    const reason: HazardReason = !onRoad ? 'no_road' : g.stations.length === 0 ? 'no_capable_station' : !Number.isFinite(capable.cost) ? 'unreachable' : allMet ? 'ok' : 'too_far';
    return {
      id: site.id,
      name: site.name,
      nameZh: site.nameZh,
      class: site.class,
      classLabel: HAZARD_CLASS_LABELS[site.class],
      kind: samples ? 'line' : site.geometry.type === 'Point' ? 'point' : 'polygon',
      heightM: site.heightM,
      need: needs[i],
      needText: needText(needs[i]),
      vehicle: vehicles[i].name,
      responseS,
      responseClause: site.responseS === undefined ? rule.responseClause : `${rule.responseClause} (site's own standard)`,
      needClause: rule.needClause,
      localChoice: rule.localChoice || site.responseS !== undefined || Object.keys(site.need).length > 0,
      capableStationIds: g.stations.map((k) => responders[k].station.id),
      firstAnyS: Number.isFinite(firstAny.cost) ? firstAny.cost : null,
      firstAnyStationId: stationId(anyResult, firstAny.source, null),
      capableS: Number.isFinite(capable.cost) ? capable.cost : null,
      capableStationId: stationId(g.result, capable.source, g.stations),
      latestS,
      lengthKm,
      reachedKm,
      anyReachedKm,
      meets: reason === 'ok',
      reason,
    };
  });
}
