import { distanceM, type RoadNetwork } from '@firecover/core';

/**
 * The stretch of link `l`'s geometry from `fromM` to `toM` metres after its source node, as
 * [lon, lat] pairs. Distances are in the units of `linkLengthM` (which an edge table may have given
 * explicitly), so they are mapped onto the drawn geometry proportionally: a piece covering 40 % of the
 * link's length covers 40 % of its drawn line.
 */
export function cutLink(net: RoadNetwork, l: number, fromM: number, toM: number): [number, number][] {
  const s = net.geomOffset[l];
  const e = net.geomOffset[l + 1];
  const n = e - s;
  const along = new Float64Array(n);
  for (let i = 1; i < n; i++) along[i] = along[i - 1] + distanceM(net.geomLon[s + i - 1], net.geomLat[s + i - 1], net.geomLon[s + i], net.geomLat[s + i]);
  const total = along[n - 1];
  const L = net.linkLengthM[l];
  const scale = L > 0 && total > 0 ? total / L : 0;
  const a = Math.max(0, Math.min(total, fromM * scale));
  const b = Math.max(a, Math.min(total, toM * scale));
  const at = (d: number): [number, number] => {
    // Last vertex at or before distance d, then interpolate along the next segment.
    let i = 0;
    while (i < n - 2 && along[i + 1] < d) i++;
    const seg = along[i + 1] - along[i];
    const t = seg > 0 ? (d - along[i]) / seg : 0;
    const lon = net.geomLon[s + i] + t * (net.geomLon[s + i + 1] - net.geomLon[s + i]);
    const lat = net.geomLat[s + i] + t * (net.geomLat[s + i + 1] - net.geomLat[s + i]);
    return [lon, lat];
  };
  const out: [number, number][] = [at(a)];
  for (let i = 1; i < n - 1; i++) if (along[i] > a && along[i] < b) out.push([net.geomLon[s + i], net.geomLat[s + i]]);
  out.push(at(b));
  return out;
}
