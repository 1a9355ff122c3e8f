import type { RoadNetwork } from '../network/road_network';
import type { Station } from '../scenario/scenario_types';
import { multiSourceSearch, type SearchSource } from '../search/multi_source_search';
import type { Snap } from '../spatial/snap_index';
import { SnapIndex } from '../spatial/snap_index';
import { travellableLink } from '../network/access';

/**
 * Which district each link belongs to, for the per-district tables. One rule everywhere (the CLI, the
 * library pipeline and the viewer): a link goes to the district station whose engine reaches its
 * midpoint first, counting from the dispatch order — the station's turnout plus driving time, one-way
 * streets respected — which is the nearest-by-time district of GB 51080-2015 §4.1.3 drawn on the roads.
 */
export interface LinkDistricts {
  ids: string[];
  names: string[];
  /** Chinese names (null: none given), parallel to `names`; optional for callers that have none. */
  namesZh?: (string | null)[];
  /** Per link: index into `ids`, or −1 when no district (unreached). */
  linkOwner: Int32Array;
}

/** A district station where it joins the road network. */
export interface DistrictSource {
  station: Pick<Station, 'id' | 'name' | 'nameZh' | 'turnoutS'>;
  snap: Snap;
}

/**
 * The districts of `sources` on the roads: one search seeded at every station with its turnout as the
 * start cost (seconds); each link goes to the source that reaches its midpoint first (equal times → the
 * lower source index, the search's tie rule); −1 where none can. A station's own link is its own even
 * when closed to traffic.
 */
export function linkDistricts(net: RoadNetwork, sources: readonly DistrictSource[]): LinkDistricts {
  const linkOwner = new Int32Array(net.linkCount).fill(-1);
  if (sources.length > 0) {
    const seeds: SearchSource[] = sources.map((s) => ({ snap: s.snap, startCost: s.station.turnoutS }));
    const r = multiSourceSearch(net, seeds);
    for (let l = 0; l < net.linkCount; l++) {
      const u = net.linkSource[l];
      const v = net.linkTarget[l];
      const cu = net.linkForwardS[l] < Infinity ? r.cost[u] + net.linkForwardS[l] / 2 : Infinity;
      const cv = net.linkBackwardS[l] < Infinity ? r.cost[v] + net.linkBackwardS[l] / 2 : Infinity;
      if (cu < cv || (cu === cv && cu < Infinity && r.source[u] <= r.source[v])) linkOwner[l] = r.source[u];
      else if (cv < Infinity) linkOwner[l] = r.source[v];
    }
    sources.forEach((s, i) => {
      if (linkOwner[s.snap.link] < 0) linkOwner[s.snap.link] = i;
    });
  }
  return { ids: sources.map((s) => s.station.id), names: sources.map((s) => s.station.name), namesZh: sources.map((s) => s.station.nameZh ?? null), linkOwner };
}

/**
 * `linkDistricts` for stations given by position: each is snapped to the nearest drivable link (or to
 * `index`), stations off every road are left out of the search but keep their (empty) district. Turnout
 * counts (`turnoutS`, seconds), exactly as in the coverage analysis.
 */
export function stationLinkDistricts(net: RoadNetwork, stations: readonly Pick<Station, 'id' | 'name' | 'nameZh' | 'lon' | 'lat' | 'turnoutS'>[], index?: SnapIndex): LinkDistricts {
  const idx = index ?? new SnapIndex(net, travellableLink(net));
  const sources: DistrictSource[] = [];
  const which: number[] = [];
  stations.forEach((s, i) => {
    const snap = idx.nearest(s.lon, s.lat);
    if (snap) {
      sources.push({ station: s, snap });
      which.push(i);
    }
  });
  const found = linkDistricts(net, sources);
  const linkOwner = found.linkOwner.map((d) => (d >= 0 ? which[d] : -1));
  return { ids: stations.map((s) => s.id), names: stations.map((s) => s.name), namesZh: stations.map((s) => s.nameZh ?? null), linkOwner };
}

/** One district for everything (no stations given). */
export function singleDistrict(net: RoadNetwork): LinkDistricts {
  return { ids: ['all'], names: ['all'], namesZh: ['全部'], linkOwner: new Int32Array(net.linkCount) };
}
