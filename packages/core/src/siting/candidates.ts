import type { Feature, FeatureCollection, Geometry, Point, Position } from 'geojson';
import { InputError } from '../input_error';
import { briefName } from '../io/brief_value';
import { rulerAt } from '../network/geodesy';
import { linkCumulativeM, pointOnLink } from '../network/link_geometry';
import { roadClassName } from '../network/road_class';
import { stronglyConnectedComponents, type Components } from '../network/islands';
import type { RoadNetwork } from '../network/road_network';
import { pointInPolygon } from '../spatial/point_in_polygon';
import type { Snap } from '../spatial/snap_index';
import { areaPolygons } from '../surface/land_grid';
import type { CoverageContext } from '../coverage/context';

/** The GB 51080-2015 §4.1.5 siting rules a candidate is checked against (plus being reachable by road at all). */
export type SitingRule = 'onRoad' | 'builtUpArea' | 'roadIsland' | 'crowdSetback' | 'hazardSetback';

/** One GB 51080-2015 §4.1.5 siting check of a candidate: the rule, pass or fail, the measured value, the limit and the clause. */
export interface SitingCheck {
  rule: SitingRule;
  /** true met, false failed, null not checked (the layer was not given). */
  pass: boolean | null;
  /** Measured distance where the rule is a distance, metres. */
  valueM: number | null;
  limitM: number | null;
  clause: string;
  en: string;
  zh: string;
}

/** A site a new station could take. */
export interface SitingCandidate {
  id: string;
  name: string;
  lon: number;
  lat: number;
  origin: 'file' | 'generated' | 'station';
  /** Where it joins the road network (the station snap rule); null when no drivable road is near enough. */
  snap: Snap | null;
  checks: SitingCheck[];
  /** All checked rules met. */
  accepted: boolean;
}

/** Layers the §4.1.5 setback checks need; a check whose layer is absent is reported as not checked. */
export interface SitingLayers {
  /** Main exits of crowded places (hospitals, schools, theatres, malls …): points or outlines. */
  crowdedExits?: FeatureCollection;
  /** Hazardous-goods sites: points or outlines. */
  hazards?: FeatureCollection;
}

/** Road classes that count as main and secondary roads (主干路, 次干路, CJJ 37-2012) for generated candidates. */
export const CANDIDATE_ROAD_CLASSES = ['trunk', 'primary', 'secondary'] as const;

/**
 * Candidate points on main and secondary road frontage: along every trunk, primary and secondary link
 * at `spacingM` intervals starting half a spacing from its source node (a link shorter than the
 * spacing: its midpoint), inside the study area when there is one; a point
 * closer than spacingM / 2 to one already kept is dropped (links meeting at a junction, both
 * carriageways of a divided road). Deterministic: link order, then offset.
 */
export function generateCandidates(ctx: CoverageContext, spacingM = 250): { id: string; name: string; lon: number; lat: number }[] {
  if (!(spacingM > 0 && spacingM < Infinity)) throw new RangeError(`candidate spacing must be a positive number of metres, got ${spacingM}`);
  const net = ctx.net;
  const polys = ctx.scenario.studyArea ? areaPolygons(ctx.scenario.studyArea) : null;
  const classes = new Set<string>(CANDIDATE_ROAD_CLASSES);
  const kept: { id: string; name: string; lon: number; lat: number }[] = [];
  const minM = spacingM / 2;
  const bins = new Map<string, number[]>();
  let ruler: ReturnType<typeof rulerAt> | null = null;
  for (let l = 0; l < net.linkCount; l++) {
    if (!classes.has(roadClassName(net.linkClass[l]))) continue;
    if (!(net.linkForwardS[l] < Infinity || net.linkBackwardS[l] < Infinity)) continue;
    const cum = linkCumulativeM(net, l);
    const len = net.linkLengthM[l];
    // mid-piece offsets (never at a junction, where the point would belong to every road meeting there)
    const first = len < spacingM ? len / 2 : spacingM / 2;
    for (let off = first; off < len; off += spacingM) {
      const p = pointOnLink(net, l, off, cum);
      if (polys && !polys.some((poly) => pointInPolygon(p.lon, p.lat, poly))) continue;
      ruler ??= rulerAt(p.lat);
      const bx = Math.floor((p.lon * ruler.kx) / minM);
      const by = Math.floor((p.lat * ruler.ky) / minM);
      let near = false;
      for (let dx = -1; dx <= 1 && !near; dx++) {
        for (let dy = -1; dy <= 1 && !near; dy++) {
          for (const q of bins.get(`${bx + dx},${by + dy}`) ?? []) {
            if (ruler.distance([p.lon, p.lat], [kept[q].lon, kept[q].lat]) < minM) {
              near = true;
              break;
            }
          }
        }
      }
      if (near) continue;
      const key = `${bx},${by}`;
      const list = bins.get(key);
      if (list) list.push(kept.length);
      else bins.set(key, [kept.length]);
      const n = kept.length + 1;
      kept.push({ id: `g${n}`, name: `generated site ${n}`, lon: p.lon, lat: p.lat });
    }
  }
  return kept;
}

/** Candidate points from a GeoJSON FeatureCollection of points (`id` and `name` properties optional). */
export function candidatesFromGeoJson(fc: FeatureCollection, file: string): { id: string; name: string; lon: number; lat: number }[] {
  const out: { id: string; name: string; lon: number; lat: number }[] = [];
  const seen = new Set<string>();
  fc.features.forEach((f: Feature, i) => {
    const g = f.geometry as Point | null;
    if (!g || g.type !== 'Point' || !Number.isFinite(g.coordinates[0]) || !Number.isFinite(g.coordinates[1])) {
      throw new InputError({ file, feature: `feature ${i}` }, `candidate sites must be points, got ${g ? briefName(g.type) : 'no geometry'}`, `候选站址必须是点要素，实际为 ${g ? briefName(g.type) : '无几何'}`);
    }
    const props = (f.properties ?? {}) as Record<string, unknown>;
    const id = String(props.id ?? f.id ?? `c${i + 1}`);
    if (seen.has(id)) throw new InputError({ file, feature: `feature ${i}` }, `candidate id "${id}" appears twice`, `候选站址编号“${id}”重复`);
    seen.add(id);
    out.push({ id, name: String(props.name ?? id), lon: g.coordinates[0], lat: g.coordinates[1] });
  });
  return out;
}

/** Shortest distance from a point to a geometry (0 inside a polygon), metres. */
export function distanceToGeometryM(lon: number, lat: number, g: Geometry): number {
  const ruler = rulerAt(lat);
  const p: [number, number] = [lon, lat];
  const toLine = (line: Position[]): number => (line.length === 1 ? ruler.distance(p, line[0] as [number, number]) : ruler.distance(p, ruler.pointOnLine(line as [number, number][], p).point));
  switch (g.type) {
    case 'Point':
      return ruler.distance(p, g.coordinates as [number, number]);
    case 'MultiPoint':
      return Math.min(...g.coordinates.map((c) => ruler.distance(p, c as [number, number])));
    case 'LineString':
      return toLine(g.coordinates);
    case 'MultiLineString':
      return Math.min(...g.coordinates.map(toLine));
    case 'Polygon':
    case 'MultiPolygon': {
      const polys = areaPolygons(g);
      if (polys.some((poly) => pointInPolygon(lon, lat, poly))) return 0;
      return Math.min(...polys.flatMap((poly) => poly.map(toLine)));
    }
    case 'GeometryCollection':
      return Math.min(...g.geometries.map((x) => distanceToGeometryM(lon, lat, x)));
  }
}

function nearestFeatureM(lon: number, lat: number, fc: FeatureCollection): number {
  let best = Infinity;
  for (const f of fc.features) if (f.geometry) best = Math.min(best, distanceToGeometryM(lon, lat, f.geometry));
  return best;
}

/**
 * Checks candidate points against the siting rules (GB 51080-2015 §4.1.5, thresholds from the preset):
 * a drivable road within the scenario's snap distance; inside the built-up area (the study area, when
 * given); not on a road island (its road outside the network's largest strongly connected component);
 * ≥ stationCrowdSetbackM from crowded places' main exits and ≥ stationHazardSetbackM from hazardous
 * sites, when those layers are given. A candidate failing any checked rule is not accepted.
 */
export function checkCandidates(
  ctx: CoverageContext,
  points: readonly { id: string; name: string; lon: number; lat: number }[],
  layers: SitingLayers = {},
  origin: SitingCandidate['origin'] = 'file',
  components: Components = componentsOf(ctx.net),
): SitingCandidate[] {
  const { preset, scenario, net } = ctx;
  const maxSnap = scenario.analysis.maxSnapDistanceM;
  const polys = scenario.studyArea ? areaPolygons(scenario.studyArea) : null;
  return points.map((pt) => {
    const snap = ctx.snapIndex.nearest(pt.lon, pt.lat, maxSnap);
    const checks: SitingCheck[] = [];
    checks.push({
      rule: 'onRoad',
      pass: snap !== null,
      valueM: snap ? snap.distanceM : null,
      limitM: maxSnap,
      clause: 'analysis.maxSnapDistanceM',
      en: 'a drivable road within the snap distance',
      zh: '可通行道路在接驳距离以内',
    });
    checks.push({
      rule: 'builtUpArea',
      pass: polys ? polys.some((poly) => pointInPolygon(pt.lon, pt.lat, poly)) : null,
      valueM: null,
      limitM: null,
      clause: 'GB 51080-2015 §4.1.5',
      en: 'within the built-up area (study area)',
      zh: '位于建成区（研究范围）内',
    });
    const onIsland = snap ? components.componentOf[net.linkSource[snap.link]] !== components.largest && components.componentOf[net.linkTarget[snap.link]] !== components.largest : null;
    checks.push({
      rule: 'roadIsland',
      pass: onIsland === null ? null : !onIsland,
      valueM: null,
      limitM: null,
      clause: 'GB 51080-2015 §4.1.5',
      en: 'not on a road island (can reach and be reached from the main network)',
      zh: '不位于道路孤岛（与主路网双向连通）',
    });
    const crowd = preset.stationCrowdSetbackM;
    const crowdM = layers.crowdedExits ? nearestFeatureM(pt.lon, pt.lat, layers.crowdedExits) : null;
    checks.push({ rule: 'crowdSetback', pass: crowdM === null ? null : crowdM >= crowd.value, valueM: crowdM, limitM: crowd.value, clause: crowd.clause, en: crowd.en, zh: crowd.zh });
    const haz = preset.stationHazardSetbackM;
    const hazM = layers.hazards ? nearestFeatureM(pt.lon, pt.lat, layers.hazards) : null;
    checks.push({ rule: 'hazardSetback', pass: hazM === null ? null : hazM >= haz.value, valueM: hazM, limitM: haz.value, clause: haz.clause, en: haz.en, zh: haz.zh });
    return { ...pt, origin, snap, checks, accepted: checks.every((c) => c.pass !== false) };
  });
}

const componentCache = new WeakMap<RoadNetwork, Components>();

function componentsOf(net: RoadNetwork): Components {
  let c = componentCache.get(net);
  if (!c) {
    c = stronglyConnectedComponents(net);
    componentCache.set(net, c);
  }
  return c;
}
