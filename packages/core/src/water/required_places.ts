import type { RoadNetwork } from '../network/road_network';
import { LinkFlag } from '../network/road_class';
import type { HoseField } from './along_road';

/**
 * Places that must have a hydrant (GB 50974-2014 §7.2.4): bridge heads and urban tunnel entrances.
 * A bridge (tunnel) is a connected run of links flagged BRIDGE (TUNNEL) that includes a road needing
 * hydrants; its heads are the nodes where the run meets a road that is not part of it. A head passes
 * when a counting hydrant lies within `requiredPlaceHydrantM` of it along the road network.
 */
export interface RequiredPlace {
  kind: 'bridge_head' | 'tunnel_entrance';
  /** Run number (per kind, from 1) and its name (the first named link). */
  run: number;
  name: string;
  /** Chinese name of the first link with one (null: none). */
  nameZh: string | null;
  node: number;
  lon: number;
  lat: number;
  /** Along-road metres to the nearest counting hydrant (Infinity beyond the search bound). */
  nearestHydrantM: number;
  ok: boolean;
}

export function requiredPlaces(net: RoadNetwork, field: HoseField, requiredMask: Uint8Array, limitM: number): RequiredPlace[] {
  const out: RequiredPlace[] = [];
  for (const [flag, kind] of [
    [LinkFlag.BRIDGE, 'bridge_head'],
    [LinkFlag.TUNNEL, 'tunnel_entrance'],
  ] as const) {
    // Union-find over flagged links sharing a node.
    const parent = new Int32Array(net.linkCount).map((_, i) => i);
    const find = (x: number): number => {
      while (parent[x] !== x) x = parent[x] = parent[parent[x]];
      return x;
    };
    const firstAtNode = new Int32Array(net.nodeCount).fill(-1);
    for (let l = 0; l < net.linkCount; l++) {
      if (!(net.linkFlags[l] & flag)) continue;
      for (const n of [net.linkSource[l], net.linkTarget[l]]) {
        if (firstAtNode[n] < 0) firstAtNode[n] = l;
        else parent[find(l)] = find(firstAtNode[n]);
      }
    }
    const runNo = new Map<number, number>();
    const runName = new Map<number, string>();
    const runNameZh = new Map<number, string>();
    const runNeeded = new Set<number>();
    for (let l = 0; l < net.linkCount; l++) {
      if (!(net.linkFlags[l] & flag)) continue;
      const r = find(l);
      if (!runNo.has(r)) runNo.set(r, runNo.size + 1);
      if (!runName.get(r) && net.linkName[l]) runName.set(r, net.names[net.linkName[l]]);
      if (!runNameZh.get(r) && net.linkNameZh[l]) runNameZh.set(r, net.names[net.linkNameZh[l]]);
      if (requiredMask[l]) runNeeded.add(r);
    }
    for (let n = 0; n < net.nodeCount; n++) {
      const l0 = firstAtNode[n];
      if (l0 < 0) continue;
      const r = find(l0);
      if (!runNeeded.has(r)) continue;
      let meetsOther = false;
      for (let a = net.arcOffset[n]; a < net.arcOffset[n + 1]; a++) {
        if (!(net.linkFlags[net.arcLink[a] >>> 1] & flag)) meetsOther = true;
      }
      if (!meetsOther) continue;
      const d = field.nodeM[n];
      out.push({ kind, run: runNo.get(r)!, name: runName.get(r) ?? '', nameZh: runNameZh.get(r) ?? null, node: n, lon: net.nodeLon[n], lat: net.nodeLat[n], nearestHydrantM: d, ok: d <= limitM });
    }
  }
  return out;
}
