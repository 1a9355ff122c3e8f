import type { LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { distanceM, rulerAt } from '../network/geodesy';
import { pointInRing } from '../spatial/point_in_polygon';
import { indexOfId, type OsmData, type OsmRelation, type OsmWay } from './osm_data';
import type { OsmTags } from './osm_tags';
import { emptyMapFeatures, type HydrantProps, type MapFeatures, type WaterSourceKind } from './map_features';

/**
 * Map features read from OSM (rules documented in docs/osm-import.md):
 *
 * - Stations (消防救援站): `amenity=fire_station` on nodes, closed ways (ring centroid) and multipolygons.
 *   One site mapped twice (a node inside or near the building) is merged: same or empty name and either
 *   inside the outline or within `stationMergeDistanceM` (default 100 m).
 * - Hydrants (市政消火栓): `emergency=fire_hydrant` nodes (and `disused:emergency=fire_hydrant`, as damaged).
 * - Water sources: `emergency=suction_point|fire_water_pond|water_tank`; water bodies (`natural=water`,
 *   `landuse=reservoir|basin`, `waterway=riverbank`); rivers (`waterway=river|canal` lines).
 * - Barriers for districts (GB 51080-2015 §4.1.3-4): `highway=motorway|trunk` → expressway;
 *   `railway=rail` without `service=*` (yard, siding, spur, crossover) → railway; `waterway=river` lines,
 *   `waterway=riverbank` and `natural=water`+`water=river` areas → river. Tunnels are not barriers.
 */
export interface OsmFeatureOptions {
  /** A station node this close to a station building (same or empty name) is the same site; default 100 m. */
  stationMergeDistanceM?: number;
}

export interface StationMerge {
  /** Id of the station kept. */
  id: string;
  name: string;
  /** All OSM objects merged into it. */
  osmIds: string[];
}

interface StationCandidate {
  osmId: string;
  name: string;
  lon: number;
  lat: number;
  rings?: Position[][];
}

const DAMAGED = new Set(['broken', 'out_of_order', 'out_of_service', 'defect', 'defective', 'damaged', 'closed', 'disused', 'non_operational']);
const LOW_PRESSURE = new Set(['low_pressure', 'restricted', 'limited']);
const WORKING = new Set(['operational', 'ok', 'working', 'good', 'yes', 'in_service']);

/** Hydrant status from its tags; see docs/osm-import.md. */
export function hydrantStatus(tags: OsmTags): HydrantProps['status'] {
  if (tags.disused === 'yes' || tags['disused:emergency'] === 'fire_hydrant') return 'damaged';
  const s = tags.operational_status ?? tags['fire_hydrant:status'];
  if (s !== undefined) {
    if (DAMAGED.has(s)) return 'damaged';
    if (LOW_PRESSURE.has(s)) return 'low_pressure';
    if (WORKING.has(s)) return 'working';
  }
  return 'unknown';
}

/** Millimetres from `fire_hydrant:diameter` (`100`, `DN100`, `DN 100`, `100 mm`, first of `80;100`). */
export function parseDiameterMm(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const m = /^\s*(?:DN\s*)?(\d+(?:\.\d+)?)\s*(?:mm)?\s*(?:[;,/].*)?$/i.exec(v);
  if (!m) return undefined;
  const n = Number(m[1]);
  return n > 0 ? n : undefined;
}

function wayCoords(data: OsmData, w: OsmWay): Position[] {
  const out: Position[] = [];
  for (let i = w.refStart; i < w.refEnd; i++) {
    const k = indexOfId(data.nodeIds, data.wayRefs[i]);
    if (k >= 0 && !Number.isNaN(data.nodeLon[k])) out.push([data.nodeLon[k], data.nodeLat[k]]);
  }
  return out;
}

function isClosed(w: OsmWay, data: OsmData): boolean {
  return w.refEnd - w.refStart >= 4 && data.wayRefs[w.refStart] === data.wayRefs[w.refEnd - 1];
}

/** Joins member ways end to end into closed rings; open leftovers are dropped. */
function assembleRings(parts: Position[][]): Position[][] {
  const rings: Position[][] = [];
  const open = parts.filter((p) => p.length >= 2).map((p) => p.slice());
  const same = (a: Position, b: Position): boolean => a[0] === b[0] && a[1] === b[1];
  while (open.length > 0) {
    let ring = open.pop()!;
    let grew = true;
    while (!same(ring[0], ring[ring.length - 1]) && grew) {
      grew = false;
      const end = ring[ring.length - 1];
      for (let i = 0; i < open.length; i++) {
        const p = open[i];
        if (same(p[0], end)) ring = ring.concat(p.slice(1));
        else if (same(p[p.length - 1], end)) ring = ring.concat(p.slice(0, -1).reverse());
        else continue;
        open.splice(i, 1);
        grew = true;
        break;
      }
    }
    if (ring.length >= 4 && same(ring[0], ring[ring.length - 1])) rings.push(ring);
  }
  return rings;
}

/** Area-weighted centroid of outer rings (local flat projection); vertex mean when the area is zero. */
function centroid(rings: Position[][]): [number, number] {
  let a = 0;
  let cx = 0;
  let cy = 0;
  let n = 0;
  let mx = 0;
  let my = 0;
  const ruler = rulerAt(rings[0][0][1]);
  const kx = ruler.kx;
  const ky = ruler.ky;
  const x0 = rings[0][0][0];
  const y0 = rings[0][0][1];
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const x1 = (ring[i][0] - x0) * kx;
      const y1 = (ring[i][1] - y0) * ky;
      const x2 = (ring[i + 1][0] - x0) * kx;
      const y2 = (ring[i + 1][1] - y0) * ky;
      const c = x1 * y2 - x2 * y1;
      a += c;
      cx += (x1 + x2) * c;
      cy += (y1 + y2) * c;
      mx += ring[i][0];
      my += ring[i][1];
      n++;
    }
  }
  if (Math.abs(a) < 1e-9) return [mx / n, my / n];
  return [x0 + cx / (3 * a) / kx, y0 + cy / (3 * a) / ky];
}

/** Outer rings with their holes, from a multipolygon relation. */
function multipolygon(rel: OsmRelation, wayById: Map<number, OsmWay>, data: OsmData): Position[][][] {
  const outer: Position[][] = [];
  const inner: Position[][] = [];
  for (const m of rel.members) {
    if (m.type !== 'way') continue;
    const w = wayById.get(m.ref);
    if (!w) continue;
    (m.role === 'inner' ? inner : outer).push(wayCoords(data, w));
  }
  const polys: Position[][][] = assembleRings(outer).map((r) => [r]);
  for (const h of assembleRings(inner)) {
    const p = polys.find((poly) => pointInRing(h[0][0], h[0][1], poly[0]));
    if (p) p.push(h);
  }
  return polys;
}

const WATER_EMERGENCY: Record<string, WaterSourceKind> = {
  suction_point: 'suction_point',
  fire_water_pond: 'fire_water_pond',
  water_tank: 'water_tank',
};

function isWaterBody(t: OsmTags): boolean {
  return t.natural === 'water' || t.landuse === 'reservoir' || t.landuse === 'basin' || t.waterway === 'riverbank';
}

function isRiverArea(t: OsmTags): boolean {
  return t.waterway === 'riverbank' || (t.natural === 'water' && t.water === 'river');
}

function notTunnel(t: OsmTags): boolean {
  return t.tunnel === undefined || t.tunnel === 'no';
}

/** Stations, hydrants, water sources and barriers from the OSM objects the reader kept. */
export function extractOsmFeatures(data: OsmData, options: OsmFeatureOptions = {}): { features: MapFeatures; stationMerges: StationMerge[] } {
  const mergeM = options.stationMergeDistanceM ?? 100;
  const f = emptyMapFeatures();
  const stationCands: StationCandidate[] = [];
  const nodeCands: StationCandidate[] = [];

  for (const n of data.taggedNodes) {
    const t = n.tags;
    const osmId = `node/${n.id}`;
    const pt: Point = { type: 'Point', coordinates: [n.lon, n.lat] };
    if (t.amenity === 'fire_station') nodeCands.push({ osmId, name: t.name ?? '', lon: n.lon, lat: n.lat });
    if (t.emergency === 'fire_hydrant' || t['disused:emergency'] === 'fire_hydrant') {
      const props: HydrantProps = { id: osmId, status: hydrantStatus(t) };
      if (t.ref !== undefined) props.ref = t.ref;
      const type = t['fire_hydrant:type'];
      if (type !== undefined) props.type = type;
      const d = parseDiameterMm(t['fire_hydrant:diameter']);
      if (d !== undefined) props.diameterMm = d;
      const pos = t['fire_hydrant:position'];
      if (pos !== undefined) props.position = pos;
      f.hydrants.features.push({ type: 'Feature', id: osmId, geometry: pt, properties: props });
    }
    const kind = t.emergency !== undefined ? WATER_EMERGENCY[t.emergency] : undefined;
    if (kind) f.waterSources.features.push({ type: 'Feature', id: osmId, geometry: pt, properties: withName({ id: osmId, kind }, t) });
  }

  for (const w of data.ways) {
    const t = w.tags;
    const osmId = `way/${w.id}`;
    const closed = isClosed(w, data);
    if (t.amenity === 'fire_station') {
      const coords = wayCoords(data, w);
      if (coords.length > 0) {
        const rings = closed && coords.length >= 4 ? [coords] : undefined;
        const [lon, lat] = rings ? centroid(rings) : centroid([coords]);
        stationCands.push({ osmId, name: t.name ?? '', lon, lat, rings });
      }
    }
    const ek = t.emergency !== undefined ? WATER_EMERGENCY[t.emergency] : undefined;
    const waterKind: WaterSourceKind | undefined = ek ?? (isWaterBody(t) && closed ? 'water_body' : t.waterway === 'river' || t.waterway === 'canal' ? 'river' : undefined);
    const hw = t.highway;
    const barrierKind =
      (hw === 'motorway' || hw === 'trunk') && notTunnel(t)
        ? 'expressway'
        : t.railway === 'rail' && t.service === undefined && notTunnel(t)
          ? 'railway'
          : (t.waterway === 'river' && notTunnel(t)) || (isRiverArea(t) && closed)
            ? 'river'
            : undefined;
    if (waterKind === undefined && barrierKind === undefined) continue;
    const coords = wayCoords(data, w);
    if (coords.length < 2) continue;
    const geom: LineString | Polygon = closed && coords.length >= 4 && (isWaterBody(t) || ek !== undefined) ? { type: 'Polygon', coordinates: [coords] } : { type: 'LineString', coordinates: coords };
    if (waterKind) f.waterSources.features.push({ type: 'Feature', id: osmId, geometry: geom, properties: withName({ id: osmId, kind: waterKind }, t) });
    if (barrierKind) f.barriers.features.push({ type: 'Feature', id: osmId, geometry: geom, properties: withBarrierName({ id: osmId, kind: barrierKind }, t) });
  }

  if (data.relations.length > 0) {
    const wayById = new Map<number, OsmWay>();
    for (const w of data.ways) wayById.set(w.id, w);
    for (const r of data.relations) {
      const t = r.tags;
      const osmId = `relation/${r.id}`;
      const polys = multipolygon(r, wayById, data);
      if (polys.length === 0) continue;
      if (t.amenity === 'fire_station') {
        const [lon, lat] = centroid(polys.map((p) => p[0]));
        stationCands.push({ osmId, name: t.name ?? '', lon, lat, rings: polys.map((p) => p[0]) });
      }
      const geom: MultiPolygon = { type: 'MultiPolygon', coordinates: polys };
      const ek = t.emergency !== undefined ? WATER_EMERGENCY[t.emergency] : undefined;
      const waterKind = ek ?? (isWaterBody(t) ? 'water_body' : undefined);
      if (waterKind) f.waterSources.features.push({ type: 'Feature', id: osmId, geometry: geom, properties: withName({ id: osmId, kind: waterKind }, t) });
      if (isRiverArea(t)) f.barriers.features.push({ type: 'Feature', id: osmId, geometry: geom, properties: withBarrierName({ id: osmId, kind: 'river' }, t) });
    }
  }

  // Stations: outlines first, then nodes merged into a site nearby with a compatible name.
  const sites: { c: StationCandidate; osmIds: string[]; name: string }[] = [];
  for (const c of [...stationCands, ...nodeCands]) {
    const site = sites.find((s) => {
      if (s.name !== '' && c.name !== '' && s.name !== c.name) return false;
      const inside = s.c.rings?.some((r) => pointInRing(c.lon, c.lat, r)) ?? false;
      return inside || distanceM(s.c.lon, s.c.lat, c.lon, c.lat) <= mergeM;
    });
    if (site) {
      site.osmIds.push(c.osmId);
      if (site.name === '') site.name = c.name;
    } else {
      sites.push({ c, osmIds: [c.osmId], name: c.name });
    }
  }
  const stationMerges: StationMerge[] = [];
  for (const s of sites) {
    const id = s.osmIds[0];
    f.stations.features.push({ type: 'Feature', id, geometry: { type: 'Point', coordinates: [s.c.lon, s.c.lat] }, properties: { id, name: s.name, osmIds: s.osmIds } });
    if (s.osmIds.length > 1) stationMerges.push({ id, name: s.name, osmIds: s.osmIds });
  }
  return { features: f, stationMerges };
}

/** A barrier's name, else its `ref` (a motorway is often only "A 9", a railway only its line number). */
function withBarrierName<P extends { id: string; name?: string; nameZh?: string }>(p: P, t: OsmTags): P {
  withName(p, t);
  if (p.name === undefined && t.ref !== undefined) p.name = t.ref;
  return p;
}

function withName<P extends { id: string; name?: string; nameZh?: string }>(p: P, t: OsmTags): P {
  if (t.name !== undefined) p.name = t.name;
  const zh = t['name:zh'] ?? t['name:zh-Hans'];
  if (zh !== undefined) p.nameZh = zh;
  return p;
}
