import type { RoadNetwork } from '../network/road_network';
import { emptyVehicleLimits, type VehicleLimits } from '../network/vehicle_limits';
import type { OsmData } from './osm_data';
import type { OsmTags } from './osm_tags';

/**
 * Vehicle limits from OSM way tags (see https://wiki.openstreetmap.org/wiki/Key:maxweight and the
 * maxheight / maxwidth / hgv pages): `maxweight` in tonnes (`7.5`, `7.5 t`, `12000 kg`, `10 st`,
 * `22000 lbs`), `maxheight` and `maxwidth` in metres (`3.8`, `3.8 m`, `12'6"`), falling back to
 * `maxheight:physical` / `maxwidth:physical`; `hgv=no` or `goods=no` closes the way to heavy goods
 * vehicles. `none`, `default`, `below_default`, `unsigned` and anything unreadable give no limit.
 */

const NO_VALUE = new Set(['none', 'default', 'below_default', 'unsigned', 'no_sign', 'no_indications', 'unknown']);

/** Tonnes from a `maxweight` value; NaN when absent or not a limit. */
export function parseMaxweightT(v: string | undefined): number {
  if (v === undefined) return NaN;
  const s = v.trim().toLowerCase().replace(',', '.');
  if (NO_VALUE.has(s)) return NaN;
  const m = /^(\d+(?:\.\d+)?)\s*(t|kg|st|lbs|lb)?$/.exec(s);
  if (!m) return NaN;
  const x = Number(m[1]);
  const unit = m[2] ?? 't';
  const t = unit === 't' ? x : unit === 'kg' ? x / 1000 : unit === 'st' ? x * 0.90718474 : x * 0.00045359237;
  return t > 0 ? t : NaN;
}

/** Metres from a `maxheight` / `maxwidth` value (`3.8`, `3.8 m`, `12'6"`, `12 ft`); NaN when absent or not a limit. */
export function parseLengthLimitM(v: string | undefined): number {
  if (v === undefined) return NaN;
  const s = v.trim().toLowerCase().replace(',', '.');
  if (NO_VALUE.has(s)) return NaN;
  let m = /^(\d+(?:\.\d+)?)\s*(m)?$/.exec(s);
  if (m) return Number(m[1]) > 0 ? Number(m[1]) : NaN;
  m = /^(\d+)\s*(?:'|ft)\s*(?:(\d+(?:\.\d+)?)\s*(?:"|in)?)?$/.exec(s);
  if (m) {
    const metres = Number(m[1]) * 0.3048 + (m[2] ? Number(m[2]) * 0.0254 : 0);
    return metres > 0 ? metres : NaN;
  }
  return NaN;
}

/** Whether the tags close a way to heavy goods vehicles. */
export function closedToHgv(tags: OsmTags): boolean {
  return tags.hgv === 'no' || (tags.hgv === undefined && tags.goods === 'no');
}

/** The limits of one way's tags, or null when it has none. */
export function wayVehicleLimits(tags: OsmTags): { maxWeightT: number; maxHeightM: number; maxWidthM: number; noHgv: boolean } | null {
  const maxWeightT = parseMaxweightT(tags.maxweight);
  const maxHeightM = parseLengthLimitM(tags.maxheight ?? tags['maxheight:physical']);
  const maxWidthM = parseLengthLimitM(tags.maxwidth ?? tags['maxwidth:physical']);
  const noHgv = closedToHgv(tags);
  if (Number.isNaN(maxWeightT) && Number.isNaN(maxHeightM) && Number.isNaN(maxWidthM) && !noHgv) return null;
  return { maxWeightT, maxHeightM, maxWidthM, noHgv };
}

/**
 * The per-link limits of a network built from `data` (links carry their way id), or undefined when no
 * drivable way has a limit: then the network stays exactly as it was.
 */
export function osmVehicleLimits(net: RoadNetwork, data: OsmData): VehicleLimits | undefined {
  const byWay = new Map<number, NonNullable<ReturnType<typeof wayVehicleLimits>>>();
  for (const way of data.ways) {
    if (way.tags.highway === undefined) continue;
    const lim = wayVehicleLimits(way.tags);
    if (lim) byWay.set(way.id, lim);
  }
  if (byWay.size === 0) return undefined;
  const out = emptyVehicleLimits(net.linkCount);
  let any = false;
  for (let l = 0; l < net.linkCount; l++) {
    const lim = byWay.get(net.linkWayId[l]);
    if (!lim) continue;
    any = true;
    out.maxWeightT[l] = lim.maxWeightT;
    out.maxHeightM[l] = lim.maxHeightM;
    out.maxWidthM[l] = lim.maxWidthM;
    out.noHgv[l] = lim.noHgv ? 1 : 0;
  }
  return any ? out : undefined;
}

const LIMIT_KEYS = ['maxweight', 'maxheight', 'maxheight:physical', 'maxwidth', 'maxwidth:physical', 'hgv', 'goods'] as const;

/** The limits a road feature's properties carry (`maxweight`, `maxheight`, `maxwidth`, `hgv`, `goods`, numbers or OSM-style text, read as OSM tags); null for none. */
export function propertiesVehicleLimits(props: unknown): ReturnType<typeof wayVehicleLimits> {
  const tags: OsmTags = {};
  if (typeof props === 'object' && props !== null) {
    for (const k of LIMIT_KEYS) {
      const v = (props as Record<string, unknown>)[k];
      if (typeof v === 'number' || typeof v === 'string') tags[k] = String(v);
    }
  }
  return wayVehicleLimits(tags);
}

/**
 * The per-link limits of a network read from GeoJSON / Shapefile roads: each link's feature properties
 * (`maxweight`, `maxheight`, `maxwidth`, `hgv`, `goods`, numbers or OSM-style text) read as OSM tags;
 * `linkFeature[l]` is link l's feature index. Undefined when no feature has a limit.
 */
export function featureVehicleLimits(features: readonly unknown[], linkFeature: readonly number[]): VehicleLimits | undefined {
  const byFeature = new Map<number, NonNullable<ReturnType<typeof wayVehicleLimits>> | null>();
  let out: VehicleLimits | undefined;
  for (let l = 0; l < linkFeature.length; l++) {
    const fi = linkFeature[l];
    let lim = byFeature.get(fi);
    if (lim === undefined) {
      lim = propertiesVehicleLimits((features[fi] as { properties?: unknown } | null)?.properties);
      byFeature.set(fi, lim);
    }
    if (!lim) continue;
    out ??= emptyVehicleLimits(linkFeature.length);
    out.maxWeightT[l] = lim.maxWeightT;
    out.maxHeightM[l] = lim.maxHeightM;
    out.maxWidthM[l] = lim.maxWidthM;
    out.noHgv[l] = lim.noHgv ? 1 : 0;
  }
  return out;
}
