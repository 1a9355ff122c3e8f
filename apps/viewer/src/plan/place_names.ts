import { SnapIndex, type LoadedScenario, type RoadNetwork } from '@firecover/core';

/**
 * Names for stations that have none of their own. OpenStreetMap fire stations often carry no `name`
 * tag: the importer then names them by their OSM id (`node/152…`), which tells a planner nothing. Such a
 * station is named by its place instead: the nearest named road within `NEAR_ROAD_M`
 * ("Station near Jianshe Road" / "建设路附近消防站"), else its coordinates. core keeps no `addr:*` tags of
 * stations, so the road is the place used.
 */

/** A named road farther than this does not name a station, metres. */
export const NEAR_ROAD_M = 500;

/** A name that is no name: empty, or an OSM element id (node/…, way/…, relation/…). */
export function isPlaceholderName(name: string | null | undefined, id?: string): boolean {
  const n = (name ?? '').trim();
  return n === '' || /^(node|way|relation)\/\d+$/.test(n) || (id !== undefined && n === id && /^(node|way|relation)\//.test(id));
}

export interface PlaceName {
  name: string;
  nameZh: string;
}

/** Names stations by the nearest named road; one index per network. */
export class PlaceNamer {
  private index: SnapIndex | null = null;
  constructor(private readonly net: RoadNetwork) {}

  /** The place name at a position: "Station near <road>" / "<road>附近消防站", or by coordinates. */
  nameAt(lon: number, lat: number): PlaceName {
    const net = this.net;
    this.index ??= new SnapIndex(net, (l) => (net.names[net.linkName[l]] ?? '').trim() !== '');
    const snap = this.index.nearest(lon, lat, NEAR_ROAD_M);
    const road = snap ? (net.names[net.linkName[snap.link]] ?? '').trim() : '';
    if (road) return { name: `Station near ${road}`, nameZh: `${road}附近消防站` };
    const at = `${lon.toFixed(5)}, ${lat.toFixed(5)}`;
    return { name: `Station at ${at}`, nameZh: `位于 ${at} 的消防站` };
  }
}

const namers = new WeakMap<RoadNetwork, PlaceNamer>();

/** The scenario's namer (cached per network). */
export function placeNamer(scenario: Pick<LoadedScenario, 'network'>): PlaceNamer {
  let n = namers.get(scenario.network);
  if (!n) {
    n = new PlaceNamer(scenario.network);
    namers.set(scenario.network, n);
  }
  return n;
}

/** A station's shown name: its own, or its place's when it has none. */
export function shownName(scenario: Pick<LoadedScenario, 'network'>, s: { id: string; name?: string | null; nameZh?: string | null; lon: number; lat: number }): PlaceName {
  if (!isPlaceholderName(s.name, s.id)) return { name: s.name!, nameZh: s.nameZh || s.name! };
  return placeNamer(scenario).nameAt(s.lon, s.lat);
}

/**
 * A stations layer with placeholder names replaced by place names (the OSM id stays in `id` and goes to
 * `osmName`); other features unchanged.
 */
export function nameStationsLayer<T extends { features: { properties: Record<string, unknown> | null; geometry: unknown }[] }>(scenario: Pick<LoadedScenario, 'network'>, fc: T): T {
  for (const f of fc.features) {
    const p = f.properties;
    const g = f.geometry as { type?: string; coordinates?: number[] } | null;
    if (!p || !g || g.type !== 'Point' || !g.coordinates) continue;
    if (!isPlaceholderName(p.name as string | undefined, String(p.id ?? ''))) continue;
    const n = placeNamer(scenario).nameAt(g.coordinates[0], g.coordinates[1]);
    p.osmName = p.name ?? null;
    p.name = n.name;
    p.nameZh = n.nameZh;
  }
  return fc;
}
