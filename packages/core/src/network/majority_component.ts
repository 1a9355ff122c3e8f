import type { RoadNetwork } from './road_network';

/**
 * The strongly connected component holding `node`, when it holds more than half of the nodes: it is
 * then the largest component, whatever the others are. Found by one search forward and one backward
 * from `node` (the component is what both reach), over the arcs `stronglyConnectedComponents` uses —
 * cost not Infinity — or, with `directed` false, over the links open in either direction (as on
 * `undirectedView`). Backward steps read the link costs, which `RoadNetworkBuilder` and
 * `withLinkCosts` keep equal to the arc costs.
 *
 * Null when the component holds half of the nodes or fewer: only a full
 * `stronglyConnectedComponents` can tell which one is the largest then. About a quarter of Tarjan's
 * memory (two bytes and a queue slot a node), for callers such as `firecover reach` that only need to
 * know that a station is on the main network.
 */
export function majorityComponentOf(net: RoadNetwork, node: number, directed: boolean): { member: Uint8Array; size: number } | null {
  const n = net.nodeCount;
  if (!(node >= 0 && node < n)) throw new RangeError(`node ${node} is not a node index`);
  const { arcOffset, arcHead, arcLink, linkForwardS, linkBackwardS } = net;
  // Bit 1: reached forward; bit 2: reached backward.
  const mark = new Uint8Array(n);
  const queue = new Int32Array(n);
  for (const bit of [1, 2]) {
    let head = 0;
    let tail = 0;
    queue[tail++] = node;
    mark[node] |= bit;
    while (head < tail) {
      const v = queue[head++];
      for (let a = arcOffset[v]; a < arcOffset[v + 1]; a++) {
        const w = arcHead[a];
        if (mark[w] & bit) continue;
        const l = arcLink[a] >>> 1;
        const reverse = arcLink[a] & 1;
        // This arc's cost is v→w; its link's other direction is w→v.
        const outS = reverse ? linkBackwardS[l] : linkForwardS[l];
        const inS = reverse ? linkForwardS[l] : linkBackwardS[l];
        const open = directed ? (bit === 1 ? outS : inS) !== Infinity : !(outS === Infinity && inS === Infinity);
        if (!open) continue;
        mark[w] |= bit;
        queue[tail++] = w;
      }
    }
  }
  let size = 0;
  for (let v = 0; v < n; v++) {
    if (mark[v] === 3) {
      mark[v] = 1;
      size++;
    } else mark[v] = 0;
  }
  return 2 * size > n ? { member: mark, size } : null;
}
