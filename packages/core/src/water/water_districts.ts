import type { RoadNetwork } from '../network/road_network';
import type { Station } from '../scenario/scenario_types';
import { SnapIndex } from '../spatial/snap_index';
import { travellableLink } from '../network/access';
import type { NetworkPlace } from '../network/network_place';
import { timeField } from './along_road';

/**
 * Which district each link belongs to, for the per-district tables. The coverage analysis's district
 * surface can be passed in (any per-link owner); by default each link goes to the station that
 * reaches its midpoint first (driving time, one-way streets respected), which is the nearest-by-time
 * district of GB 51080-2015 §4.1.3 drawn on the roads.
 */
export interface LinkDistricts {
  ids: string[];
  names: string[];
  /** Chinese names (null: none given), parallel to `names`; optional for callers that have none. */
  namesZh?: (string | null)[];
  /** Per link: index into `ids`, or −1 when no district (unreached). */
  linkOwner: Int32Array;
}

export function stationLinkDistricts(net: RoadNetwork, stations: readonly Pick<Station, 'id' | 'name' | 'nameZh' | 'lon' | 'lat'>[], index?: SnapIndex): LinkDistricts {
  const idx = index ?? new SnapIndex(net, travellableLink(net));
  const points: NetworkPlace[] = [];
  const which: number[] = [];
  stations.forEach((s, i) => {
    const snap = idx.nearest(s.lon, s.lat);
    if (snap) {
      points.push(snap);
      which.push(i);
    }
  });
  const { nodeS, label } = timeField(net, points, Infinity, false);
  const linkOwner = new Int32Array(net.linkCount).fill(-1);
  for (let l = 0; l < net.linkCount; l++) {
    const a = nodeS[net.linkSource[l]] + net.linkForwardS[l] / 2;
    const b = nodeS[net.linkTarget[l]] + net.linkBackwardS[l] / 2;
    const best = a <= b ? label[net.linkSource[l]] : label[net.linkTarget[l]];
    if (Math.min(a, b) < Infinity && best >= 0) linkOwner[l] = which[best];
  }
  // Links carrying a station belong to it even when closed to traffic.
  points.forEach((p, k) => {
    if (linkOwner[p.link] < 0) linkOwner[p.link] = which[k];
  });
  return { ids: stations.map((s) => s.id), names: stations.map((s) => s.name), namesZh: stations.map((s) => s.nameZh ?? null), linkOwner };
}

/** One district for everything (no stations given). */
export function singleDistrict(net: RoadNetwork): LinkDistricts {
  return { ids: ['all'], names: ['all'], namesZh: ['全部'], linkOwner: new Int32Array(net.linkCount) };
}
