import type { FeatureCollection, Point } from 'geojson';
import type { RoadNetwork } from '../network/road_network';
import type { HydrantProps } from '../io/map_features';
import { SnapIndex, type Snap } from '../spatial/snap_index';
import { travellableLink } from '../network/access';
import { rulerAt } from '../network/geodesy';
import { linkCumulativeM, pointOnLink } from '../network/link_geometry';
import type { AreaTest } from './study_area';

/** A hydrant status: working, damaged, low pressure or unknown. */
export type HydrantStatus = HydrantProps['status'];

/** Statuses that count toward spacing, protection and the fix plan by default: working, and unknown (mapped hydrants are presumed in service). */
export const DEFAULT_COUNTING_STATUSES: readonly HydrantStatus[] = ['working', 'unknown'];

/** A hydrant after snapping to the road network. */
export interface SnappedHydrant {
  /** Position in the input collection. */
  index: number;
  id: string;
  ref?: string;
  type?: string;
  diameterMm?: number;
  status: HydrantStatus;
  lon: number;
  lat: number;
  /** Nearest road position, or null when no road is within reach (too far to count). */
  snap: Snap | null;
  /** Side of a wide road (wider than the preset) at the snap point relative to the link direction: +1 left, −1 right; 0 on the line or not a wide road. */
  side: -1 | 0 | 1;
  /** Inside the study area (always true without one). */
  inArea: boolean;
  /** Counts toward compliance: snapped, in the area, status in the counting set. */
  counts: boolean;
}

const STATUS_ALIASES: Record<string, HydrantStatus> = {
  working: 'working',
  ok: 'working',
  operational: 'working',
  in_service: 'working',
  完好: 'working',
  正常: 'working',
  damaged: 'damaged',
  broken: 'damaged',
  disused: 'damaged',
  out_of_service: 'damaged',
  损坏: 'damaged',
  故障: 'damaged',
  low_pressure: 'low_pressure',
  压力不足: 'low_pressure',
  低压: 'low_pressure',
  unknown: 'unknown',
};

/** Normalises a status string (English or Chinese); anything unrecognised is `unknown`. */
export function normaliseHydrantStatus(s: unknown): HydrantStatus {
  if (typeof s !== 'string') return 'unknown';
  return STATUS_ALIASES[s.trim().toLowerCase()] ?? 'unknown';
}

export interface SnapHydrantsOptions {
  maxSnapM: number;
  /** Links wider than this may hold hydrants at their kerb: reach grows by half the width. */
  wideRoadWidthM: number;
  inArea: AreaTest;
  countingStatuses: readonly HydrantStatus[];
  /** Reuse a snap index over the travellable links (`travellableLink`). */
  index?: SnapIndex;
}

/**
 * Snaps every hydrant to its nearest road within `maxSnapM` (metres from the centreline). On roads
 * wider than `wideRoadWidthM` the kerb lies half the width from the centreline, so there a hydrant
 * counts within `maxSnapM + width/2`.
 */
export function snapHydrants(net: RoadNetwork, hydrants: FeatureCollection<Point, HydrantProps>, opt: SnapHydrantsOptions): SnappedHydrant[] {
  const index = opt.index ?? new SnapIndex(net, travellableLink(net));
  let maxHalfWidth = 0;
  for (let l = 0; l < net.linkCount; l++) {
    const w = net.linkWidthM[l];
    if (w > opt.wideRoadWidthM && w / 2 > maxHalfWidth) maxHalfWidth = w / 2;
  }
  const wideIndex = maxHalfWidth > 0 ? new SnapIndex(net, (l) => net.linkWidthM[l] > opt.wideRoadWidthM) : null;
  const counting = new Set(opt.countingStatuses);
  const out: SnappedHydrant[] = [];
  hydrants.features.forEach((f, i) => {
    const c = f.geometry?.coordinates;
    if (!c || !Number.isFinite(c[0]) || !Number.isFinite(c[1])) return;
    const [lon, lat] = c;
    const p = (f.properties ?? {}) as Partial<HydrantProps>;
    let snap = index.nearest(lon, lat, opt.maxSnapM);
    if (!snap && wideIndex) {
      for (const s of wideIndex.within(lon, lat, opt.maxSnapM + maxHalfWidth)) {
        if (s.distanceM <= opt.maxSnapM + net.linkWidthM[s.link] / 2) {
          snap = s;
          break;
        }
      }
    }
    const status = normaliseHydrantStatus(p.status);
    const inArea = opt.inArea(lon, lat);
    out.push({
      index: i,
      id: p.id !== undefined ? String(p.id) : String(i + 1),
      ref: p.ref,
      type: p.type,
      diameterMm: typeof p.diameterMm === 'number' ? p.diameterMm : undefined,
      status,
      lon,
      lat,
      snap,
      // The side only matters on wide roads (both sides needed); elsewhere it is not computed.
      side: snap && net.linkWidthM[snap.link] > opt.wideRoadWidthM ? sideOf(net, snap, lon, lat) : 0,
      inArea,
      counts: snap !== null && inArea && counting.has(status),
    });
  });
  return out;
}

/** Sign of the cross product (link direction at the snap point) × (snap point → hydrant): +1 left, −1 right. */
export function sideOf(net: RoadNetwork, snap: Snap, lon: number, lat: number): -1 | 0 | 1 {
  const p = pointOnLink(net, snap.link, snap.offsetM, linkCumulativeM(net, snap.link));
  const r = rulerAt(lat);
  const hx = (lon - p.lon) * r.kx;
  const hy = (lat - p.lat) * r.ky;
  const cross = p.dirX * hy - p.dirY * hx;
  return cross > 1e-9 ? 1 : cross < -1e-9 ? -1 : 0;
}
