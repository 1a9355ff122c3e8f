import { withLinkCosts, type RoadNetwork } from './road_network';

/**
 * Per-link vehicle limits (OSM `maxweight`, `maxheight`, `maxwidth`, `hgv` / `goods` access), and the
 * network a given vehicle may drive: the same topology with every link it cannot use closed
 * (Infinity both ways). A network without limits is its own network for every vehicle, so analyses
 * that pass a vehicle give today's results when no limit is mapped.
 */

/** Limits per link; NaN where a limit is not tagged. */
export interface VehicleLimits {
  /** Maximum weight, tonnes. */
  maxWeightT: Float32Array;
  /** Maximum height, metres. */
  maxHeightM: Float32Array;
  /** Maximum width, metres. */
  maxWidthM: Float32Array;
  /** 1 where heavy goods vehicles are not allowed (`hgv=no` or `goods=no`). */
  noHgv: Uint8Array;
}

/** The dimensions that decide whether a vehicle may use a link. */
export interface VehicleSize {
  weightT: number;
  heightM: number;
  widthM: number;
  /** Counts as a heavy goods vehicle (closed by `hgv=no` / `goods=no`). */
  hgv: boolean;
}

/** Empty limits (every value NaN / 0) for `linkCount` links. */
export function emptyVehicleLimits(linkCount: number): VehicleLimits {
  return {
    maxWeightT: new Float32Array(linkCount).fill(NaN),
    maxHeightM: new Float32Array(linkCount).fill(NaN),
    maxWidthM: new Float32Array(linkCount).fill(NaN),
    noHgv: new Uint8Array(linkCount),
  };
}

/** Whether a vehicle of `size` may use link `l` (untagged limits never close a link). */
export function vehicleMayUse(limits: VehicleLimits, l: number, size: VehicleSize): boolean {
  // NaN comparisons are false: an untagged limit never closes the link.
  if (size.weightT > limits.maxWeightT[l]) return false;
  if (size.heightM > limits.maxHeightM[l]) return false;
  if (size.widthM > limits.maxWidthM[l]) return false;
  if (size.hgv && limits.noHgv[l] === 1) return false;
  return true;
}

/** Counts of links with each limit tagged. */
export function vehicleLimitCounts(net: RoadNetwork): { maxWeight: number; maxHeight: number; maxWidth: number; noHgv: number } {
  const out = { maxWeight: 0, maxHeight: 0, maxWidth: 0, noHgv: 0 };
  const v = net.vehicleLimits;
  if (!v) return out;
  for (let l = 0; l < net.linkCount; l++) {
    if (!Number.isNaN(v.maxWeightT[l])) out.maxWeight++;
    if (!Number.isNaN(v.maxHeightM[l])) out.maxHeight++;
    if (!Number.isNaN(v.maxWidthM[l])) out.maxWidth++;
    if (v.noHgv[l] === 1) out.noHgv++;
  }
  return out;
}

/** Link indices a vehicle of `size` may not use (ascending); none without limits. */
export function linksClosedToVehicle(net: RoadNetwork, size: VehicleSize): number[] {
  const v = net.vehicleLimits;
  if (!v) return [];
  const out: number[] = [];
  for (let l = 0; l < net.linkCount; l++) if (!vehicleMayUse(v, l, size)) out.push(l);
  return out;
}

const cache = new WeakMap<RoadNetwork, Map<string, RoadNetwork>>();

/**
 * The network a vehicle of `size` drives: `net` itself when no link is closed to it (no limits
 * mapped, or none binding), else a copy sharing topology and geometry with those links closed.
 * Cached per network and size.
 */
export function networkForVehicle(net: RoadNetwork, size: VehicleSize): RoadNetwork {
  if (!net.vehicleLimits) return net;
  const key = `${size.weightT}|${size.heightM}|${size.widthM}|${size.hgv ? 1 : 0}`;
  let byNet = cache.get(net);
  if (!byNet) {
    byNet = new Map();
    cache.set(net, byNet);
  }
  const hit = byNet.get(key);
  if (hit) return hit;
  const closed = linksClosedToVehicle(net, size);
  let out = net;
  if (closed.length > 0) {
    const fwd = net.linkForwardS.slice();
    const bwd = net.linkBackwardS.slice();
    for (const l of closed) {
      fwd[l] = Infinity;
      bwd[l] = Infinity;
    }
    out = withLinkCosts(net, fwd, bwd);
  }
  byNet.set(key, out);
  return out;
}
