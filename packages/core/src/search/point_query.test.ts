import createGraph from 'ngraph.graph';
import ngraphPath from 'ngraph.path';
import { describe, expect, it } from 'vitest';
import { rankSources } from './point_query';
import { multiSourceSearch, type SearchSource } from './multi_source_search';
import { pgrSampleNetwork, prng, randomGrid } from './test_networks';
import type { RoadNetwork } from '../network/road_network';
import { snapEndNode, type Snap } from '../spatial/snap_index';
import { RoadNetworkBuilder } from '../network/road_network';
import { LinkFlag } from '../network/road_class';

const net = pgrSampleNetwork();
const node = (vid: number): number => vid - 1;
const snapAt = (link: number, fraction: number): Snap => ({ link, fraction, offsetM: fraction, distanceM: 0, lon: 0, lat: 0 });
/** pgRouting edge id and direction ('+' = source→target) of an arc. */
const arcOf = (g: RoadNetwork, link: number, dir: 0 | 1): number => {
  for (let a = 0; a < g.arcLink.length; a++) if (g.arcLink[a] === ((link << 1) | dir)) return a;
  throw new Error('no arc');
};
const arcName = (g: RoadNetwork, a: number): string => `${g.linkId[g.arcLink[a] >>> 1]}${g.arcLink[a] & 1 ? '-' : '+'}`;

describe('rankSources', () => {
  it('first, second, third due on the pgRouting sample (by hand)', () => {
    // to vertex 10: from 16 via 16→15 (edge 16 backwards) and 15→10 (edge 3 backwards) = 2;
    // from 11: 11→16 first = 3; from 5: 5→6→7→11→16→15→10 = 6 (edge 2 only runs 10→6)
    const sources = [11, 16, 5].map((v) => ({ node: node(v), startCost: 0 }));
    const r = rankSources(net, { node: node(10) }, sources);
    expect(r.map((x) => [x.source, x.cost])).toEqual([[1, 2], [0, 3], [2, 6]]);
    expect(r[0].route.map((a) => arcName(net, a))).toEqual(['16-', '3-']);
    expect(r[1].route.map((a) => arcName(net, a))).toEqual(['9+', '16-', '3-']);
    expect(rankSources(net, { node: node(10) }, sources, 2).length).toBe(2);
    expect(rankSources(net, { node: node(10) }, sources, 3, { budget: 3 }).map((x) => x.source)).toEqual([1, 0]);
  });

  it('is exact for mid-link sources and targets', () => {
    // target at 25 % of edge 9 (11→16, cost 1 both ways)
    const target = { snap: snapAt(8, 0.25) };
    const sources: SearchSource[] = [
      { node: node(7), startCost: 0 }, // 7→11 (1) + 0.25
      { snap: snapAt(8, 0.75), startCost: 0 }, // straight back along edge 9: 0.5
      { snap: snapAt(8, 0.1), startCost: 0.1 }, // straight on: 0.1 + 0.15
      { snap: snapAt(4, 0.5), startCost: 0 }, // edge 5 (10→11, one-way): 0.5 to 11, + 0.25
    ];
    const r = rankSources(net, target, sources, 4);
    expect(r.map((x) => x.source)).toEqual([2, 1, 3, 0]);
    expect(r.map((x) => x.cost)).toEqual([0.25, 0.5, 0.75, 1.25].map((c) => expect.closeTo(c, 12)));
    expect(r[0].route.map((a) => arcName(net, a))).toEqual(['9+']);
    expect(r[1].route.map((a) => arcName(net, a))).toEqual(['9-']);
    expect(r[2].route.map((a) => arcName(net, a))).toEqual(['5+', '9+']);
    expect(r[3].route.map((a) => arcName(net, a))).toEqual(['8+', '9+']);
  });

  it('property: mid-link sources and targets, k < sources (early stop), budgets: equals forward searches; routes add up', () => {
    const arcTail = (g: RoadNetwork, a: number): number => (g.arcLink[a] & 1 ? g.linkTarget[g.arcLink[a] >>> 1] : g.linkSource[g.arcLink[a] >>> 1]);
    for (let seed = 1; seed <= 60; seed++) {
      const g = randomGrid(seed + 900, { cols: 8, rows: 6, oneWayShare: 0.3, integerCosts: seed % 4 === 0 });
      const rnd = prng(seed * 31);
      const directed = seed % 3 !== 0;
      const cost = (a: number): number => {
        const l = g.arcLink[a] >>> 1;
        return directed ? g.arcCostS[a] : Math.min(g.linkForwardS[l], g.linkBackwardS[l]);
      };
      const snapOf = (): Snap => snapAt(Math.floor(rnd() * g.linkCount), rnd() < 0.2 ? Math.round(rnd()) : rnd());
      const sources: SearchSource[] = [];
      const S = 2 + Math.floor(rnd() * 8);
      for (let i = 0; i < S; i++) sources.push(rnd() < 0.5 ? { node: Math.floor(rnd() * g.nodeCount), startCost: Math.floor(rnd() * 5) } : { snap: snapOf(), startCost: Math.floor(rnd() * 5) });
      const tsnap = snapOf();
      if (rnd() < 0.3) sources.push({ snap: snapAt(tsnap.link, rnd()), startCost: 0 }); // on the target's own link
      const budget = rnd() < 0.5 ? Infinity : 20 + rnd() * 40;
      const k = 1 + Math.floor(rnd() * 3);
      const tl = tsnap.link;
      const F = cost(arcOf(g, tl, 0));
      const B = cost(arcOf(g, tl, 1));
      const f = tsnap.fraction;
      // a position at a link end is that node (snapEndNode): the model below works on the normalised places
      const tEnd = snapEndNode(g, tsnap);
      const places: SearchSource[] = sources.map((src) => {
        const at = src.snap ? snapEndNode(g, src.snap) : -1;
        return at >= 0 ? { node: at, startCost: src.startCost } : src;
      });
      const expected = places
        .map((src, i) => {
          const c = multiSourceSearch(g, [src], { directed }).cost;
          let best = Infinity;
          if (tEnd >= 0) {
            best = c[tEnd];
          } else {
            if (F < Infinity) best = Math.min(best, c[g.linkSource[tl]] + F * f);
            if (B < Infinity) best = Math.min(best, c[g.linkTarget[tl]] + B * (1 - f));
            if (src.snap && src.snap.link === tl) {
              const gg = src.snap.fraction;
              if (f >= gg && F < Infinity) best = Math.min(best, src.startCost + F * (f - gg));
              if (f <= gg && B < Infinity) best = Math.min(best, src.startCost + B * (gg - f));
            }
          }
          return { source: i, cost: best };
        })
        .filter((x) => x.cost <= budget && x.cost < Infinity)
        .sort((a, b) => a.cost - b.cost || a.source - b.source)
        .slice(0, k);
      const ranked = rankSources(g, { snap: tsnap }, sources, k, { directed, budget });
      expect(ranked.map((x) => x.cost)).toEqual(expected.map((x) => expect.closeTo(x.cost, 9)));
      for (const x of ranked) {
        const src = places[x.source];
        const route = x.route;
        let sum = src.startCost;
        if (tEnd >= 0 && route.length === 0) {
          expect(src.node).toBe(tEnd); // the source stands at the target
          expect(sum).toBeCloseTo(x.cost, 9);
          continue;
        }
        expect(route.length).toBeGreaterThan(0);
        for (let i = 1; i < route.length; i++) expect(arcTail(g, route[i])).toBe(g.arcHead[route[i - 1]]);
        if (tEnd >= 0) expect(g.arcHead[route[route.length - 1]]).toBe(tEnd);
        else expect(g.arcLink[route[route.length - 1]] >>> 1).toBe(tl);
        if (tEnd < 0 && route.length === 1 && src.snap) {
          sum += cost(route[0]) * Math.abs(f - src.snap.fraction);
        } else {
          const first = src.snap ? 1 : 0;
          if (src.snap) {
            expect(g.arcLink[route[0]] >>> 1).toBe(src.snap.link);
            sum += cost(route[0]) * (g.arcLink[route[0]] & 1 ? src.snap.fraction : 1 - src.snap.fraction);
          } else {
            expect(arcTail(g, route[0])).toBe(src.node);
          }
          const lastFull = tEnd >= 0 ? route.length : route.length - 1;
          for (let i = first; i < lastFull; i++) sum += cost(route[i]);
          if (tEnd < 0) {
            const last = route[route.length - 1];
            sum += cost(last) * (g.arcLink[last] & 1 ? 1 - f : f);
          }
        }
        expect(sum).toBeCloseTo(x.cost, 9);
      }
    }
  });

  it('property: equals the forward search from each source, and routes add up (checked with ngraph.path)', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const g = randomGrid(seed + 500, { cols: 7, rows: 7, oneWayShare: 0.3 });
      const rnd = prng(seed);
      const sources: SearchSource[] = [];
      for (let i = 0; i < 5; i++) sources.push({ node: Math.floor(rnd() * g.nodeCount), startCost: Math.floor(rnd() * 4) });
      const t = Math.floor(rnd() * g.nodeCount);
      const directed = seed % 3 !== 0;
      const ranked = rankSources(g, { node: t }, sources, 5, { directed });
      const expected = sources
        .map((s, i) => ({ source: i, cost: multiSourceSearch(g, [s], { directed }).cost[t] }))
        .filter((x) => x.cost < Infinity)
        .sort((a, b) => a.cost - b.cost || a.source - b.source);
      expect(ranked.map((x) => x.source)).toEqual(expected.map((x) => x.source));
      ranked.forEach((x, i) => expect(x.cost).toBeCloseTo(expected[i].cost, 9));
      for (const x of ranked) {
        // the route is a connected arc chain from the source to the target whose costs add up
        let at = sources[x.source].node!;
        let sum = sources[x.source].startCost;
        for (const a of x.route) {
          expect(a).toBeGreaterThanOrEqual(g.arcOffset[at]);
          expect(a).toBeLessThan(g.arcOffset[at + 1]);
          const l = g.arcLink[a] >>> 1;
          sum += directed ? g.arcCostS[a] : Math.min(g.linkForwardS[l], g.linkBackwardS[l]);
          at = g.arcHead[a];
        }
        expect(at).toBe(t);
        expect(sum).toBeCloseTo(x.cost, 9);
      }
      if (directed && ranked.length > 0) {
        // independent shortest path: ngraph.path A* (no heuristic = Dijkstra) on the finite arcs
        const ng = createGraph<unknown, number>();
        for (let u = 0; u < g.nodeCount; u++) {
          ng.addNode(u);
          for (let a = g.arcOffset[u]; a < g.arcOffset[u + 1]; a++) if (g.arcCostS[a] < Infinity) ng.addLink(u, g.arcHead[a], g.arcCostS[a]);
        }
        const finder = ngraphPath.aStar(ng, { oriented: true, distance: (_f, _t, link) => link.data });
        const first = ranked[0];
        const from = sources[first.source].node!;
        const path = finder.find(from, t).map((n) => Number(n.id));
        if (path[0] !== from) path.reverse();
        let sum = sources[first.source].startCost;
        for (let i = 1; i < path.length; i++) {
          let best = Infinity;
          for (let a = g.arcOffset[path[i - 1]]; a < g.arcOffset[path[i - 1] + 1]; a++) if (g.arcHead[a] === path[i]) best = Math.min(best, g.arcCostS[a]);
          sum += best;
        }
        expect(sum).toBeCloseTo(first.cost, 9);
      }
    }
  });
});

describe('positions at a link end', () => {
  // a —(one-way a→b, 10 s)→ b, and a —(two-way, 5 s)— c. A point exactly at a, snapped to the start of
  // the one-way link, is at junction a: it reaches b in 10 s and c in 5 s, and c reaches it in 5 s.
  function junction() {
    const b = new RoadNetworkBuilder(() => 100);
    const a = b.addNode(1, 0, 0);
    const bb = b.addNode(2, 0.001, 0);
    const c = b.addNode(3, 0, 0.001);
    b.addLink({ source: a, target: bb, flags: LinkFlag.FORWARD | LinkFlag.EXPLICIT_COST, forwardS: 10 });
    b.addLink({ source: a, target: c, flags: LinkFlag.FORWARD | LinkFlag.BACKWARD | LinkFlag.EXPLICIT_COST, forwardS: 5, backwardS: 5 });
    return b.build();
  }
  const atA = { link: 0, offsetM: 0, fraction: 0, distanceM: 0, lon: 0, lat: 0 };
  const atB = { link: 0, offsetM: 100, fraction: 1, distanceM: 0, lon: 0.001, lat: 0 };

  it('a source there uses the junction’s other roads', () => {
    const net = junction();
    const r = multiSourceSearch(net, [{ snap: atA, startCost: 0 }]);
    expect(Array.from(r.cost)).toEqual([0, 10, 5]);
  });

  it('a target there is reached through the junction from any road', () => {
    const net = junction();
    // c reaches a (5 s); from a the target at the start of link 0 is already reached
    expect(rankSources(net, { snap: atA }, [{ node: 2, startCost: 0 }]).map((x) => x.cost)).toEqual([5]);
    // b is the end of the one-way link: c reaches it via a (5 + 10 s)
    expect(rankSources(net, { snap: atB }, [{ node: 2, startCost: 1 }]).map((x) => x.cost)).toEqual([16]);
  });
});
