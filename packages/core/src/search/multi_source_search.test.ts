import { describe, expect, it } from 'vitest';
import { multiSourceSearch, SearchWorkspace, type SearchSource } from './multi_source_search';
import { reachedLengthM, reachedPieces } from './reached_pieces';
import { pgrSampleNetwork, randomGrid, prng } from './test_networks';

const net = pgrSampleNetwork();
/** pgRouting vertex id → node index, and back. */
const node = (vid: number): number => vid - 1;

function reachedCosts(cost: Float64Array): Record<number, number> {
  const out: Record<number, number> = {};
  cost.forEach((c, i) => {
    if (c < Infinity) out[i + 1] = c;
  });
  return out;
}

describe('multiSourceSearch on the pgRouting sample (oracles.md §1)', () => {
  it('directed from vertex 11, distance 3: the 13 published vertices and costs', () => {
    const r = multiSourceSearch(net, [{ node: node(11), startCost: 0 }], { budget: 3 });
    expect(reachedCosts(r.cost)).toEqual({
      11: 0,
      7: 1, 12: 1, 16: 1,
      3: 2, 6: 2, 8: 2, 15: 2, 17: 2,
      1: 3, 5: 3, 9: 3, 10: 3,
    });
    expect(r.predArc[node(11)]).toBe(-1);
    expect(r.source[node(11)]).toBe(0);
    expect(r.source[node(2)]).toBe(-1);
    expect(r.predArc[node(2)]).toBe(-1);
  });

  it('undirected from vertex 16, distance 3', () => {
    const r = multiSourceSearch(net, [{ node: node(16), startCost: 0 }], { budget: 3, directed: false });
    expect(reachedCosts(r.cost)).toEqual({
      16: 0,
      11: 1, 15: 1, 17: 1,
      7: 2, 10: 2, 12: 2,
      3: 3, 6: 3, 8: 3,
    });
  });

  it('directed, sources 11 and 16 together: each vertex to its nearest source', () => {
    const r = multiSourceSearch(net, [{ node: node(11), startCost: 0 }, { node: node(16), startCost: 0 }], { budget: 3 });
    const bySource: number[][] = [[], []];
    r.source.forEach((s, i) => {
      if (s >= 0) bySource[s].push(i + 1);
    });
    expect(bySource[0].sort((a, b) => a - b)).toEqual([1, 3, 5, 6, 7, 8, 9, 11, 12]);
    expect(bySource[1].sort((a, b) => a - b)).toEqual([10, 15, 16, 17]);
    expect(r.cost[node(10)]).toBe(2);
  });

  it('partial edges, directed from 11: reached length 6.0 / 11.5 / 14.0 at 1.5 / 2.5 / 3.0; edges 2 and 5 never', () => {
    for (const [budget, total] of [[1.5, 6.0], [2.5, 11.5], [3.0, 14.0]]) {
      const r = multiSourceSearch(net, [{ node: node(11), startCost: 0 }], { budget });
      expect(reachedLengthM(r)).toBeCloseTo(total, 12);
      const pieces = reachedPieces(r);
      const links = new Set(pieces.map((p) => net.linkId[p.link]));
      expect(links.has(2)).toBe(false);
      expect(links.has(5)).toBe(false);
    }
  });

  it('partial edges at 1.5 by hand: three whole links at 0..1, six half links cut at cost 1.5', () => {
    const r = multiSourceSearch(net, [{ node: node(11), startCost: 0 }], { budget: 1.5 });
    const pieces = reachedPieces(r).map((p) => ({ id: net.linkId[p.link], len: p.toM - p.fromM, costFrom: p.costFrom, costTo: p.costTo }));
    pieces.sort((a, b) => a.id - b.id);
    // edge 8 (7→11), 9 (11→16), 11 (11→12) whole; 4 (6→7), 7 (3→7), 10 (7→8), 13 (12→17), 15 (16→17), 16 (15→16) half
    expect(pieces.map((p) => [p.id, p.len])).toEqual([
      [4, 0.5], [7, 0.5], [8, 1], [9, 1], [10, 0.5], [11, 1], [13, 0.5], [15, 0.5], [16, 0.5],
    ]);
    for (const p of pieces) expect(Math.max(p.costFrom, p.costTo)).toBeLessThanOrEqual(1.5);
  });

  it('start cost counts against the budget', () => {
    const r = multiSourceSearch(net, [{ node: node(11), startCost: 1 }], { budget: 3 });
    expect(r.cost[node(11)]).toBe(1);
    expect(r.cost[node(3)]).toBe(3);
    expect(r.cost[node(1)]).toBe(Infinity);
  });

  it('length metric: one-way rules only when directed', () => {
    // lengths equal costs here, so directed length = directed time; undirected uses both ways
    const d = multiSourceSearch(net, [{ node: node(11), startCost: 0 }], { metric: 'length', budget: 3 });
    expect(d.cost[node(10)]).toBe(3);
    const u = multiSourceSearch(net, [{ node: node(11), startCost: 0 }], { metric: 'length', directed: false, budget: 3 });
    expect(u.cost[node(10)]).toBe(1); // edge 5 (10→11) travelled backwards
  });

  it('a snapped source starts mid-link in the allowed directions', () => {
    // edge 5: 10→11, forward only, cost 1; a source at 30 % reaches 11 at 0.7 and not 10
    const snap = { link: 4, offsetM: 0.3, fraction: 0.3, distanceM: 0, lon: 0, lat: 0 };
    const r = multiSourceSearch(net, [{ snap, startCost: 0 }], { budget: 10 });
    expect(r.cost[node(11)]).toBeCloseTo(0.7, 12);
    // 10 is reached only the long way round: 11→16→15→10 = 0.7 + 3
    expect(r.cost[node(10)]).toBeCloseTo(3.7, 12);
    const u = multiSourceSearch(net, [{ snap, startCost: 0 }], { budget: 10, directed: false });
    expect(u.cost[node(10)]).toBeCloseTo(0.3, 12);
    // pieces on edge 5 from the snap: forward 0.3..1 (and 0..0.3 reached from vertex 10 at 3.7 onward)
    const onLink = reachedPieces(r).filter((p) => p.link === 4);
    expect(onLink.map((p) => [p.fromM, p.toM])).toEqual([[0, 0.3], [0.3, 1]].map(([a, b]) => [expect.closeTo(a, 12), expect.closeTo(b, 12)]));
  });

  it('rejects malformed sources', () => {
    expect(() => multiSourceSearch(net, [{ startCost: 0 }])).toThrow(RangeError);
    expect(() => multiSourceSearch(net, [{ node: 99, startCost: 0 }])).toThrow(RangeError);
    expect(() => multiSourceSearch(net, [{ node: 0, startCost: -1 }])).toThrow(RangeError);
  });
});

describe('multiSourceSearch properties (seeded random grids)', () => {
  it('multi-source = element-wise minimum of single-source runs; ties to the lowest source index', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const rnd = prng(seed * 7919);
      const g = randomGrid(seed, { cols: 8, rows: 7, integerCosts: seed % 2 === 0, oneWayShare: 0.3 });
      const k = 1 + Math.floor(rnd() * 4);
      const sources: SearchSource[] = [];
      for (let i = 0; i < k; i++) sources.push({ node: Math.floor(rnd() * g.nodeCount), startCost: Math.floor(rnd() * 3) });
      const budget = rnd() < 0.5 ? Infinity : 5 + Math.floor(rnd() * 30);
      const directed = rnd() < 0.7;
      const multi = multiSourceSearch(g, sources, { budget, directed });
      const singles = sources.map((s) => multiSourceSearch(g, [s], { budget, directed }));
      for (let v = 0; v < g.nodeCount; v++) {
        let best = Infinity;
        let who = -1;
        singles.forEach((r, i) => {
          if (r.cost[v] < best) {
            best = r.cost[v];
            who = i;
          }
        });
        expect(multi.cost[v]).toBe(best);
        expect(multi.source[v]).toBe(who);
      }
    }
  });

  it('costs never decrease along predArc chains; nothing beyond the budget; pieces within the links and disjoint', () => {
    const ws = new SearchWorkspace(9 * 9);
    for (let seed = 1; seed <= 60; seed++) {
      const rnd = prng(seed);
      const g = randomGrid(seed + 1000, { cols: 9, rows: 9, bentShare: 0.3 });
      const sources: SearchSource[] = [];
      const k = 1 + Math.floor(rnd() * 3);
      for (let i = 0; i < k; i++) {
        if (rnd() < 0.5) sources.push({ node: Math.floor(rnd() * g.nodeCount), startCost: rnd() * 5 });
        else {
          const link = Math.floor(rnd() * g.linkCount);
          const fraction = rnd();
          sources.push({ snap: { link, fraction, offsetM: fraction * g.linkLengthM[link] }, startCost: rnd() * 5 });
        }
      }
      const budget = 10 + rnd() * 60;
      const directed = rnd() < 0.7;
      const r = multiSourceSearch(g, sources, { budget, directed, workspace: ws });
      for (let v = 0; v < g.nodeCount; v++) {
        if (r.cost[v] === Infinity) {
          expect(r.source[v]).toBe(-1);
          continue;
        }
        expect(r.cost[v]).toBeLessThanOrEqual(budget);
        const a = r.predArc[v];
        if (a >= 0) {
          expect(g.arcHead[a]).toBe(v);
          let tail = 0;
          while (g.arcOffset[tail + 1] <= a) tail++;
          expect(r.cost[tail]).toBeLessThanOrEqual(r.cost[v]);
          expect(r.source[tail]).toBe(r.source[v]);
        }
      }
      const pieces = reachedPieces(r);
      let total = 0;
      for (const l of Array.from({ length: g.linkCount }, (_, i) => i)) total += g.linkLengthM[l];
      expect(reachedLengthM(r)).toBeLessThanOrEqual(total + 1e-6);
      const byLink = new Map<number, typeof pieces>();
      for (const p of pieces) {
        expect(p.fromM).toBeLessThan(p.toM);
        expect(p.fromM).toBeGreaterThanOrEqual(0);
        expect(p.toM).toBeLessThanOrEqual(g.linkLengthM[p.link] + 1e-9);
        expect(Math.max(p.costFrom, p.costTo)).toBeLessThanOrEqual(budget + 1e-9);
        const list = byLink.get(p.link) ?? [];
        list.push(p);
        byLink.set(p.link, list);
      }
      for (const list of byLink.values()) {
        list.sort((a, b) => a.fromM - b.fromM);
        for (let i = 1; i < list.length; i++) expect(list[i].fromM).toBeGreaterThanOrEqual(list[i - 1].toM - 1e-9);
      }
    }
  });
});
