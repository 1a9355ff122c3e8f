import { describe, expect, it } from 'vitest';
import { multiSourceSearch, SearchWorkspace, type SearchSource } from './multi_source_search';
import { costAtPlace } from './place_cost';
import { reachedPieces } from './reached_pieces';
import { pgrSampleNetwork, prng, randomGrid } from './test_networks';
import type { RoadNetwork } from '../network/road_network';
import { placeOnLink, type NetworkPlace } from '../network/network_place';

const net = pgrSampleNetwork();
const node = (vid: number): number => vid - 1;
const place = (link: number, fraction: number): NetworkPlace => ({ link, fraction, offsetM: fraction * net.linkLengthM[link] });

/** All-pairs shortest arc costs (Floyd–Warshall) for a search mode, as an independent oracle. */
function allPairs(g: RoadNetwork, directed: boolean, metric: 'time' | 'length'): { d: Float64Array; F: (l: number) => number; B: (l: number) => number } {
  const n = g.nodeCount;
  const F = (l: number): number => {
    const f = g.linkForwardS[l];
    const b = g.linkBackwardS[l];
    if (metric === 'time') return directed ? f : Math.min(f, b);
    return (directed ? f < Infinity : f < Infinity || b < Infinity) ? g.linkLengthM[l] : Infinity;
  };
  const B = (l: number): number => {
    const f = g.linkForwardS[l];
    const b = g.linkBackwardS[l];
    if (metric === 'time') return directed ? b : Math.min(f, b);
    return (directed ? b < Infinity : f < Infinity || b < Infinity) ? g.linkLengthM[l] : Infinity;
  };
  const d = new Float64Array(n * n).fill(Infinity);
  for (let i = 0; i < n; i++) d[i * n + i] = 0;
  for (let l = 0; l < g.linkCount; l++) {
    const s = g.linkSource[l];
    const t = g.linkTarget[l];
    d[s * n + t] = Math.min(d[s * n + t], F(l));
    d[t * n + s] = Math.min(d[t * n + s], B(l));
  }
  for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (d[i * n + k] + d[k * n + j] < d[i * n + j]) d[i * n + j] = d[i * n + k] + d[k * n + j];
  return { d, F, B };
}

describe('multiSourceSearch, direction reverse', () => {
  it('pgRouting sample: cost from every vertex to vertex 10 (by hand)', () => {
    // Into 10 only: 15→10 (edge 3 runs 15→10 only), 6←10 is away from 10 (edge 2 runs 10→6), 11←10 (edge 5 runs 10→11).
    // So everything reaches 10 through 15: 15 = 1, 16 = 2, 11 = 3, 17 = 3 (17→16→15), 12 = 4 (12→17→16→15: edge 13 runs 12→17).
    const r = multiSourceSearch(net, [{ node: node(10), startCost: 0 }], { direction: 'reverse' });
    expect(r.direction).toBe('reverse');
    expect([10, 15, 16, 11, 17, 12].map((v) => r.cost[node(v)])).toEqual([0, 1, 2, 3, 3, 4]);
    // 6 → 10: 6→7→11→16→15→10 = 5
    expect(r.cost[node(6)]).toBe(5);
    // predArc is the arc a node leaves by, towards the source: at 15 the arc of edge 3 (15→10)
    const a = r.predArc[node(15)];
    expect(net.linkId[net.arcLink[a] >>> 1]).toBe(3);
    expect(net.arcHead[a]).toBe(node(10));
  });

  it('a place on a one-way link is reached only through the link start', () => {
    // edge 5 runs 10→11 only (cost 1): the place at 40 % is reached from 10 at 0.4; from 11 not along the link
    const r = multiSourceSearch(net, [{ snap: place(4, 0.4), startCost: 1 }], { direction: 'reverse' });
    expect(r.cost[node(10)]).toBeCloseTo(1.4, 12);
    // 11 → 16 → 15 → 10 → place: 3 + 0.4 + start 1
    expect(r.cost[node(11)]).toBeCloseTo(4.4, 12);
  });

  it('onSettle sees non-decreasing costs and stops the search', () => {
    const seen: number[] = [];
    const r = multiSourceSearch(net, [{ node: node(11), startCost: 0 }], {
      onSettle: (_n, c) => {
        seen.push(c);
        return seen.length < 4;
      },
    });
    expect(seen.length).toBe(4);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
    // 11 reaches 16 and 12 at 1 (settled), more at 2 (tentative or settled); nothing beyond the stop is final
    expect(r.cost[node(11)]).toBe(0);
  });

  it('property: reverse costs equal the all-pairs oracle to the nearest source (places, start costs, both metrics, undirected)', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const g = randomGrid(seed + 300, { cols: 6, rows: 5, oneWayShare: 0.35, integerCosts: seed % 5 === 0 });
      const rnd = prng(seed * 7);
      const directed = seed % 3 !== 0;
      const metric = seed % 2 === 0 ? 'time' : 'length';
      const sources: SearchSource[] = [];
      const k = 1 + Math.floor(rnd() * 3);
      for (let i = 0; i < k; i++) {
        if (rnd() < 0.4) sources.push({ node: Math.floor(rnd() * g.nodeCount), startCost: Math.floor(rnd() * 4) });
        else {
          const l = Math.floor(rnd() * g.linkCount);
          sources.push({ snap: placeOnLink(g, l, (0.05 + 0.9 * rnd()) * g.linkLengthM[l]), startCost: Math.floor(rnd() * 4) });
        }
      }
      const budget = rnd() < 0.3 ? Infinity : 20 + rnd() * 100;
      const ws = new SearchWorkspace(g.nodeCount);
      const r = multiSourceSearch(g, sources, { direction: 'reverse', directed, metric, budget, workspace: ws });
      const { d, F, B } = allPairs(g, directed, metric);
      const n = g.nodeCount;
      for (let v = 0; v < n; v++) {
        let best = Infinity;
        for (const s of sources) {
          let c: number;
          if (s.node !== undefined) c = d[v * n + s.node];
          else {
            const { link: l, fraction: f } = s.snap!;
            c = Math.min(d[v * n + g.linkSource[l]] + F(l) * f, d[v * n + g.linkTarget[l]] + B(l) * (1 - f));
          }
          best = Math.min(best, s.startCost + c);
        }
        const want = best <= budget ? best : Infinity;
        if (want === Infinity) expect(r.cost[v]).toBe(Infinity);
        else expect(r.cost[v]).toBeCloseTo(want, 9);
      }
    }
  });
});

describe('costAtPlace', () => {
  it('reads a forward search at a place: through either end or straight from a source on the link (by hand)', () => {
    // edge 9: 11→16, cost 1 both ways. From vertex 7 (7→11 = 1): the place at 25 % of edge 9 is 1.25 away;
    // from the second source (90 % of edge 9, start 1) straight back 1 + 0.65 = 1.65, via 16 1.1 + 0.75.
    const fwd = multiSourceSearch(net, [{ node: node(7), startCost: 0 }, { snap: place(8, 0.9), startCost: 1 }]);
    const at = costAtPlace(fwd, { snap: place(8, 0.25) });
    expect(at.cost).toBeCloseTo(1.25, 12);
    expect(at.source).toBe(0);
    expect(at.viaNode).toBe(node(11));
    // nearer the second source: at 80 %, straight back along the link, 1 + 0.1 (via 11: 1.8, via 16: 1.3)
    const at2 = costAtPlace(fwd, { snap: place(8, 0.8) });
    expect(at2.cost).toBeCloseTo(1.1, 12);
    expect(at2.source).toBe(1);
    expect(at2.viaNode).toBe(-1);
  });

  it('reads a reverse search at a place, respecting one-way links', () => {
    // reverse from vertex 10: from a place on edge 5 (10→11 only) at 40 %, the way out is to 11 (0.6),
    // then 11→16→15→10 = 3: 3.6
    const rev = multiSourceSearch(net, [{ node: node(10), startCost: 0 }], { direction: 'reverse' });
    const at = costAtPlace(rev, { snap: place(4, 0.4) });
    expect(at.cost).toBeCloseTo(3.6, 12);
    expect(at.viaNode).toBe(node(11));
    // a budget below that: not reached
    const short = multiSourceSearch(net, [{ node: node(10), startCost: 0 }], { direction: 'reverse', budget: 3.5 });
    expect(costAtPlace(short, { snap: place(4, 0.4) })).toEqual({ cost: Infinity, source: -1, viaNode: -1 });
    // a node place is that node's cost
    expect(costAtPlace(rev, { node: node(16) }).cost).toBe(2);
  });
});

describe('reachedPieces and a reverse search', () => {
  it('refuses a reverse result (pieces follow the direction of travel)', () => {
    const r = multiSourceSearch(net, [{ node: node(10), startCost: 0 }], { direction: 'reverse', budget: 2 });
    expect(() => reachedPieces(r)).toThrow(RangeError);
  });
});
