import { describe, expect, it } from 'vitest';
import { multiSourceSearch } from './multi_source_search';
import { reachedLengthM } from './reached_pieces';
import { reachTable, stationsOnIslands } from './reach_table';
import { dueRanking, routeLine } from './routes';
import { pgrSampleNetwork } from './test_networks';
import { RoadNetworkBuilder } from '../network/road_network';
import { LinkFlag } from '../network/road_class';
import { polylineLengthM } from '../network/geodesy';
import type { NetworkPlace } from '../network/network_place';

const net = pgrSampleNetwork();
const node = (vid: number): number => vid - 1;
const place = (link: number, fraction: number): NetworkPlace => ({ link, fraction, offsetM: fraction * net.linkLengthM[link] });
const arcOf = (link: number, dir: 0 | 1): number => {
  for (let a = 0; a < net.arcLink.length; a++) if (net.arcLink[a] === ((link << 1) | dir)) return a;
  throw new Error('no arc');
};

describe('reachTable', () => {
  it('pgRouting sample from vertex 11, budget 2: the vertices of pgr_drivingDistance in cost, then id order (by hand)', () => {
    // cost 1: 7 (edge 8), 12 (edge 11, 11→12), 16 (edge 9); cost 2: 3 and 6 and 8 (from 7), 15 and 17 (from 16; 12→17 too).
    // 10 is 3 away (15→10), 11→10 is against edge 5.
    const t = reachTable(multiSourceSearch(net, [{ node: node(11), startCost: 0 }], { budget: 2 }));
    expect(t.nodes.map((n) => net.nodeId[n])).toEqual([11, 7, 12, 16, 3, 6, 8, 15, 17]);
  });

  it('orders by the cost rounded to the millisecond, then by original node id', () => {
    // a star from node id 1: ids 10, 20, 30 at 1.0004, 1.0001 and 0.9996 s all print as "1"
    const b = new RoadNetworkBuilder(polylineLengthM);
    b.addNode(1, 8, 49);
    b.addNode(10, 8.001, 49);
    b.addNode(20, 8, 49.001);
    b.addNode(30, 7.999, 49);
    const flags = LinkFlag.EXPLICIT_COST | LinkFlag.FORWARD | LinkFlag.BACKWARD;
    [1.0004, 1.0001, 0.9996].forEach((c, i) => b.addLink({ source: 0, target: i + 1, flags, forwardS: c, backwardS: c, lengthM: 10 }));
    const g = b.build();
    const t = reachTable(multiSourceSearch(g, [{ node: 0, startCost: 0 }]));
    expect(t.nodes.map((n) => g.nodeId[n])).toEqual([1, 10, 20, 30]);
  });

  it('road length is the sum of the reached pieces', () => {
    const r = multiSourceSearch(net, [{ node: node(11), startCost: 0 }, { snap: place(0, 0.5), startCost: 0 }], { budget: 1.5 });
    const t = reachTable(r);
    expect(t.roadM).toBeCloseTo(t.pieces.reduce((s, p) => s + (p.toM - p.fromM), 0), 9);
    expect(t.roadM).toBeCloseTo(reachedLengthM(r), 9);
  });
});

describe('stationsOnIslands', () => {
  it('pgRouting sample: vertices 2–4 and 13–14 are islands apart from the 13 main vertices', () => {
    const islands = stationsOnIslands(net, [{ node: node(11) }, { node: node(2) }, { snap: place(17, 0.5) }], true);
    expect(islands).toEqual([
      { station: 1, size: 2, mainSize: 13 },
      { station: 2, size: 2, mainSize: 13 },
    ]);
    expect(stationsOnIslands(net, [{ node: node(10) }], false)).toEqual([]);
  });

  it('a one-way trap is an island directed but not undirected', () => {
    // 0 ⇄ 1 ⇄ 2 and a one-way 2 → 3: from 3 there is no way back
    const b = new RoadNetworkBuilder(polylineLengthM);
    for (let i = 0; i < 4; i++) b.addNode(i + 1, 8 + i * 0.001, 49);
    const both = LinkFlag.EXPLICIT_COST | LinkFlag.FORWARD | LinkFlag.BACKWARD;
    b.addLink({ source: 0, target: 1, flags: both, forwardS: 1, backwardS: 1, lengthM: 10 });
    b.addLink({ source: 1, target: 2, flags: both, forwardS: 1, backwardS: 1, lengthM: 10 });
    b.addLink({ source: 2, target: 3, flags: LinkFlag.EXPLICIT_COST | LinkFlag.FORWARD, forwardS: 1, backwardS: -1, lengthM: 10 });
    const g = b.build();
    expect(stationsOnIslands(g, [{ node: 3 }], true)).toEqual([{ station: 0, size: 1, mainSize: 3 }]);
    expect(stationsOnIslands(g, [{ node: 3 }], false)).toEqual([]);
  });
});

describe('routeLine', () => {
  it('from mid-link to mid-link along the geometry, joints once (by hand)', () => {
    // from 50 % of edge 8 (7→11: x 2 → 3 at y 2) on through edge 9 (11→16: x 3 → 4) to its 25 %
    const route = [arcOf(7, 0), arcOf(8, 0)];
    const line = routeLine(net, route, { snap: place(7, 0.5) }, { snap: place(8, 0.25) });
    expect(line.lengthM).toBeCloseTo(0.75, 12);
    expect(line.coordinates.length).toBe(3);
    const xs = line.coordinates.map((c) => (c[0] - 8) / 0.001);
    const ys = line.coordinates.map((c) => (c[1] - 49) / 0.001);
    expect(xs.map((x) => x.toFixed(3))).toEqual(['2.500', '3.000', '3.250']);
    expect(ys.map((y) => y.toFixed(3))).toEqual(['2.000', '2.000', '2.000']);
  });

  it('a backward arc runs from the link target to its source; node ends take links whole', () => {
    // edge 16 (15–16) backward: 16 → 15, x 4, y 2 → 1, length 1
    const line = routeLine(net, [arcOf(15, 1)], { node: node(16) }, { node: node(15) });
    expect(line.lengthM).toBe(1);
    expect(line.coordinates.map((c) => ((c[1] - 49) / 0.001).toFixed(3))).toEqual(['2.000', '1.000']);
  });
});

describe('dueRanking', () => {
  it('lists the k first sources per target and fills the rest as unreachable (by hand)', () => {
    // to 10: from 16 in 2 (16→15→10), from 11 in 3; vertex 2 is on an island: nobody reaches it
    const rows = dueRanking(net, [{ node: node(10) }, { node: node(2) }], [{ node: node(11), startCost: 0 }, { node: node(16), startCost: 0 }], 3);
    expect(rows.map((r) => [r.target, r.rank, r.source, r.cost, r.route === null])).toEqual([
      [0, 1, 1, 2, false],
      [0, 2, 0, 3, false],
      [1, 1, 0, Infinity, true],
      [1, 2, 1, Infinity, true],
    ]);
  });

  it('a budget leaves the slow source unreachable', () => {
    const rows = dueRanking(net, [{ node: node(10) }], [{ node: node(11), startCost: 0 }, { node: node(16), startCost: 0 }], 2, { budget: 2.5 });
    expect(rows.map((r) => [r.source, r.cost])).toEqual([[1, 2], [0, Infinity]]);
  });
});
