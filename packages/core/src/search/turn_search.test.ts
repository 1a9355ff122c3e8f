import { describe, expect, it } from 'vitest';
import { LinkFlag } from '../network/road_class';
import { RoadNetworkBuilder, type RoadNetwork } from '../network/road_network';
import { polylineLengthM } from '../network/geodesy';
import { placeEndNode, placeOnLink } from '../network/network_place';
import { turnRestrictionTable, withTurnModel, withTurnRestrictions, type TurnRestriction } from '../network/turn_restrictions';
import { multiSourceSearch, SearchWorkspace } from './multi_source_search';
import { reachedLengthM } from './reached_pieces';
import { arcBearings, compileTurns, turnAngleDeg, turnPenaltyS } from './turn_costs';
import { arcTurnRules, turnAllowed, type TurnModel } from '../network/turn_restrictions';
import type { SearchSource } from './multi_source_search';
import { linkArcs } from './arc_costs';
import { costAtPlace } from './place_cost';
import { prng, randomGrid } from './test_networks';

/**
 * The hand-worked junction (explicit costs, seconds; coordinates only give the turn angles):
 *
 *        W·NW ── 15 ── N
 *         |            |
 *        15           10
 *         |            |
 *         W ── 10 ──── J ── 15 ── E   (E: dead end)
 *                      |
 *                     10
 *                      |
 *                      S   (dead end)
 *
 * Driving north from S, W is a left turn at J, E a right turn, N straight on. J has four links (a
 * junction); N and W have two each (bends, not junctions); S and E are dead ends.
 */
const S = 0, J = 1, N = 2, W = 3, E = 4, NW = 5;
const coords: [number, number][] = [[0, -1], [0, 0], [0, 1], [-1, 0], [1, 0], [-1, 1]];
const LINKS: [number, number, number][] = [[S, J, 10], [J, N, 10], [J, W, 10], [J, E, 15], [W, NW, 15], [NW, N, 15]];
const SJ = 0, JN = 1, JW = 2, JE = 3;

function junction(): RoadNetwork {
  const b = new RoadNetworkBuilder(polylineLengthM);
  coords.forEach(([x, y], i) => b.addNode(i + 1, 8 + x * 0.001, 30 + y * 0.001));
  for (const [s, t, c] of LINKS) b.addLink({ source: s, target: t, flags: LinkFlag.EXPLICIT_COST | LinkFlag.FORWARD | LinkFlag.BACKWARD, forwardS: c, backwardS: c, lengthM: c * 10 });
  return b.build();
}

const net = junction();
const noLeft: TurnRestriction = { fromLink: SJ, viaNode: J, toLink: JW, kind: 'no' };
const fromS = [{ node: S, startCost: 0 }];
const costs = (c: Float64Array): number[] => Array.from(c);

describe('edge-based search on a hand-worked junction', () => {
  it('without turn rules the node search runs and gives the plain costs', () => {
    const r = multiSourceSearch(net, fromS);
    // S 0; J 10; N 10+10; W 10+10; E 10+15; NW min(N+15, W+15) = 35
    expect(costs(r.cost)).toEqual([0, 10, 20, 20, 25, 35]);
    expect(r.turnStates).toBeUndefined();
  });

  it('a banned left turn S→J→W sends the engine round: U-turn at N, then right into W', () => {
    const r = multiSourceSearch(withTurnRestrictions(net, turnRestrictionTable(net, [noLeft])), fromS, { turns: {} });
    // W: S→J 10, J→N 20, U-turn at N back to J 30, J→W (a right turn from the north) 40;
    // the detour N→NW→W would be 20 + 15 + 15 = 50. Everything else as without the ban.
    expect(costs(r.cost)).toEqual([0, 10, 20, 40, 25, 35]);
    expect(r.turnStates).toBeDefined();
    // W is reached by the arc J→W, entered at 30 s (after coming down from N), not at J's 10 s
    const la = linkArcs(net);
    expect(r.predArc[W]).toBe(la[JW << 1]);
    expect(r.turnStates!.entryCost[la[JW << 1]]).toBe(30);
    expect(r.turnStates!.entryCost[la[JN << 1]]).toBe(10);
  });

  it('the same ban with a 20 s U-turn penalty: the detour via NW (50) beats the U-turn (60)', () => {
    const m = withTurnModel(withTurnRestrictions(net, turnRestrictionTable(net, [noLeft])), { penalties: { uTurnS: 20 } });
    const r = multiSourceSearch(m, fromS);
    // W: via NW 10 + 10 + 15 + 15 = 50; U-turn at N 40 + 20 = 60; U-turn at dead-end E 10+15+20+15+10 = 70
    expect(costs(r.cost)).toEqual([0, 10, 20, 50, 25, 35]);
  });

  it('turns: null on a network with a turn model runs the plain node search', () => {
    const m = withTurnModel(withTurnRestrictions(net, turnRestrictionTable(net, [noLeft])), {});
    expect(costs(multiSourceSearch(m, fromS).cost)).toEqual([0, 10, 20, 40, 25, 35]);
    expect(costs(multiSourceSearch(m, fromS, { turns: null }).cost)).toEqual([0, 10, 20, 20, 25, 35]);
    // restrictions: false leaves only penalties, here none: the node search again
    expect(multiSourceSearch(m, fromS, { turns: { restrictions: false } }).turnStates).toBeUndefined();
  });

  it('only_straight_on from S at J', () => {
    const t = turnRestrictionTable(net, [{ fromLink: SJ, viaNode: J, toLink: JN, kind: 'only' }]);
    const r = multiSourceSearch(net, fromS, { turns: { table: t } });
    // N 20; back from N to J 30 (U-turn at N allowed), then W 30 + 10 = 40 and E 30 + 15 = 45;
    // NW 20 + 15 = 35. From S the U-turn at J itself is banned too (only straight on).
    expect(costs(r.cost)).toEqual([0, 10, 20, 40, 45, 35]);
  });

  it('turn penalties from the geometry: left 7 s, right 3 s, only at junctions', () => {
    const p = compileTurns(net, { penalties: { leftS: 7, rightS: 3, uTurnS: 20 } }, 'time', true)!.penalties!;
    const la = linkArcs(net);
    const sj = la[SJ << 1];
    expect(turnAngleDeg(p, sj, la[JW << 1])).toBeCloseTo(-90, 6);
    expect(turnAngleDeg(p, sj, la[JE << 1])).toBeCloseTo(90, 6);
    expect(turnAngleDeg(p, sj, la[JN << 1])).toBeCloseTo(0, 6);
    const r = multiSourceSearch(net, fromS, { turns: { penalties: { leftS: 7, rightS: 3, uTurnS: 20 } } });
    // N straight 20; W left 10 + 7 + 10 = 27; E right 10 + 3 + 15 = 28;
    // NW via N 20 + 15 = 35 (N is a bend, no penalty) versus via W 27 + 15 = 42
    expect(costs(r.cost)).toEqual([0, 10, 20, 27, 28, 35]);
  });

  it('angles follow the geometry, not the end nodes', () => {
    const b = new RoadNetworkBuilder(polylineLengthM);
    b.addNode(1, 8, 30);
    b.addNode(2, 8, 30.001);
    b.addNode(3, 8.001, 30.002);
    // from 2 the link leaves due east first, then bends north-east
    b.addLink({ source: 0, target: 1, flags: LinkFlag.EXPLICIT_COST | LinkFlag.FORWARD | LinkFlag.BACKWARD, forwardS: 1, backwardS: 1, lengthM: 1 });
    b.addLink({ source: 1, target: 2, flags: LinkFlag.EXPLICIT_COST | LinkFlag.FORWARD | LinkFlag.BACKWARD, forwardS: 1, backwardS: 1, lengthM: 1, geometry: [8, 30.001, 8.0005, 30.001, 8.001, 30.002] });
    const g = b.build();
    const { inBearing, outBearing } = arcBearings(g);
    const la = linkArcs(g);
    expect(outBearing[la[1 << 1]]).toBeCloseTo(90, 6);
    expect(inBearing[la[0]]).toBeCloseTo(0, 6);
    // arriving back at node 2 from node 3 along the last piece first: heading south-west then west
    expect(inBearing[la[(1 << 1) | 1]]).toBeCloseTo(-90, 6);
  });

  it('a source snapped on the restricted link obeys the ban at its end', () => {
    const place = placeOnLink(net, SJ, 50); // halfway: 5 s to S, 5 s to J
    const m = withTurnModel(withTurnRestrictions(net, turnRestrictionTable(net, [noLeft])), {});
    const r = multiSourceSearch(m, [{ snap: place, startCost: 0 }]);
    // S 5, J 5, N 15, E 5 + 15 = 20, W: via a U-turn at N 15 + 10 + 10 = 35 (not 5 + 10 = 15), NW 30
    expect(costs(r.cost)).toEqual([5, 5, 15, 35, 20, 30]);
    const plain = multiSourceSearch(net, [{ snap: place, startCost: 0 }]);
    expect(costs(plain.cost)).toEqual([5, 5, 15, 15, 20, 30]);
  });

  it('reverse: the cost from each node to W obeys the ban', () => {
    const m = withTurnModel(withTurnRestrictions(net, turnRestrictionTable(net, [noLeft])), {});
    const r = multiSourceSearch(m, [{ node: W, startCost: 0 }], { direction: 'reverse' });
    // from S to W: the forward answer, 40; from J to W 10 (J is not restricted for an engine starting there)
    expect(r.cost[S]).toBe(40);
    expect(r.cost[J]).toBe(10);
    expect(r.cost[N]).toBe(20);
    expect(r.cost[E]).toBe(25);
  });

  it('the cost at a place on a link beyond the banned turn, forward and reverse', () => {
    const m = withTurnModel(withTurnRestrictions(net, turnRestrictionTable(net, [noLeft])), {});
    const place = { snap: placeOnLink(net, JW, 50) }; // 5 s from J and from W
    // forward from S: into J→W only after the U-turn at N (30) + 5 = 35; from W's end 40 + 5 = 45
    expect(costAtPlace(multiSourceSearch(m, fromS), place).cost).toBe(35);
    expect(costAtPlace(multiSourceSearch(net, fromS), place).cost).toBe(15);
    // reverse to the place: from S the same 35
    const rev = multiSourceSearch(m, [{ ...place, startCost: 0 }], { direction: 'reverse' });
    expect(rev.cost[S]).toBe(35);
    expect(costAtPlace(rev, { node: S }).cost).toBe(35);
  });

  it('reached road length uses the cost of entering each link, not of reaching its node', () => {
    const m = withTurnModel(withTurnRestrictions(net, turnRestrictionTable(net, [noLeft])), {});
    // budget 25 s; lengths 10 m per second. Plain: SJ 100, JN 100, JW 100, JE 100 (25 of 15 s... whole 150 reached at 25),
    // WNW 5 s of 15 = 50 m, NNW 5 s = 50 m: 100+100+100+150+50+50 = 550.
    expect(reachedLengthM(multiSourceSearch(net, fromS, { budget: 25 }))).toBeCloseTo(550, 6);
    // banned: JW is only entered at 30 s (from N), so not at all; WNW not; NNW 5 s = 50 m: 100+100+150+50 = 400
    expect(reachedLengthM(multiSourceSearch(m, fromS, { budget: 25 }))).toBeCloseTo(400, 6);
  });
});

describe('edge-based search properties on random grids', () => {
  /** Random restrictions at random junctions of a grid. */
  function randomRestrictions(g: RoadNetwork, seed: number, count: number): TurnRestriction[] {
    const rnd = prng(seed);
    const out: TurnRestriction[] = [];
    for (let k = 0; k < count * 4 && out.length < count; k++) {
      const v = Math.floor(rnd() * g.nodeCount);
      const s = g.arcOffset[v];
      const d = g.arcOffset[v + 1] - s;
      if (d < 2) continue;
      const a = g.arcLink[s + Math.floor(rnd() * d)] >>> 1;
      const b = g.arcLink[s + Math.floor(rnd() * d)] >>> 1;
      out.push({ fromLink: a, viaNode: v, toLink: b, kind: rnd() < 0.8 ? 'no' : 'only' });
    }
    return out;
  }

  it('with restrictions and penalties every node cost is ≥ the unrestricted cost', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const g = randomGrid(seed, { cols: 15, rows: 12, bentShare: 0.3 });
      const t = turnRestrictionTable(g, randomRestrictions(g, seed * 7, 40));
      const rnd = prng(seed);
      const sources = [0, 1, 2].map(() => ({ node: Math.floor(rnd() * g.nodeCount), startCost: Math.floor(rnd() * 5) }));
      const plain = multiSourceSearch(g, sources);
      const turned = multiSourceSearch(g, sources, { turns: { table: t, penalties: { leftS: 2, uTurnS: 5 } } });
      for (let v = 0; v < g.nodeCount; v++) expect(turned.cost[v]).toBeGreaterThanOrEqual(plain.cost[v]);
      const rev = multiSourceSearch(g, sources, { turns: { table: t }, direction: 'reverse' });
      const plainRev = multiSourceSearch(g, sources, { direction: 'reverse' });
      for (let v = 0; v < g.nodeCount; v++) expect(rev.cost[v]).toBeGreaterThanOrEqual(plainRev.cost[v]);
    }
  });

  /**
   * Oracle: Bellman–Ford on the arc states, written from the definition (no heap, no shared states):
   * forward label(b) = min(seeds into b, min over allowed a into b's tail of label(a) + penalty(a, b)) + cost(b);
   * reverse label(p) = cost(p) + min(seed at p's head, min over allowed a out of p's head of penalty(p, a) + label(a)).
   */
  function oracle(g: RoadNetwork, sources: readonly SearchSource[], model: TurnModel, reverse: boolean): number[] {
    const A = g.arcLink.length;
    const rules = arcTurnRules(g, model.table!);
    const pen = compileTurns(g, model, 'time', true)!.penalties;
    const la = linkArcs(g);
    const tail = (a: number): number => (g.arcLink[a] & 1 ? g.linkTarget[g.arcLink[a] >>> 1] : g.linkSource[g.arcLink[a] >>> 1]);
    const label = new Float64Array(A).fill(Infinity);
    const seedArc = new Float64Array(A).fill(Infinity);
    const seedNode = new Float64Array(g.nodeCount).fill(Infinity);
    for (const src of sources) {
      // a place within 1 mm of a link end is that node (docs/search.md)
      const at = src.node ?? placeEndNode(g, src.snap!);
      if (at >= 0) seedNode[at] = Math.min(seedNode[at], src.startCost);
      else {
        const { link, fraction: f } = src.snap!;
        const fa = la[link << 1];
        const ba = la[(link << 1) | 1];
        const F = g.arcCostS[fa];
        const B = g.arcCostS[ba];
        // forward: arriving at the link's ends; reverse: the part of the link from its end to the place
        if (F < Infinity) seedArc[fa] = Math.min(seedArc[fa], src.startCost + F * (reverse ? f : 1 - f));
        if (B < Infinity) seedArc[ba] = Math.min(seedArc[ba], src.startCost + B * (reverse ? 1 - f : f));
      }
    }
    const p = (a: number, b: number): number => (pen ? turnPenaltyS(pen, g, a, b) : 0);
    for (let changed = true; changed; ) {
      changed = false;
      for (let b = 0; b < A; b++) {
        const cb = g.arcCostS[b];
        if (cb === Infinity) continue;
        let best = seedArc[b];
        if (!reverse) {
          const u = tail(b);
          best = Math.min(best, seedNode[u] + cb);
          for (let a = 0; a < A; a++) if (g.arcHead[a] === u && label[a] < Infinity && turnAllowed(rules, a, b)) best = Math.min(best, label[a] + p(a, b) + cb);
        } else {
          const v = g.arcHead[b];
          best = Math.min(best, cb + seedNode[v]);
          for (let a = g.arcOffset[v]; a < g.arcOffset[v + 1]; a++) if (label[a] < Infinity && turnAllowed(rules, b, a)) best = Math.min(best, cb + p(b, a) + label[a]);
        }
        if (best < label[b] - 1e-9) {
          label[b] = best;
          changed = true;
        }
      }
    }
    const out = Array.from(seedNode);
    for (let a = 0; a < A; a++) {
      const v = reverse ? tail(a) : g.arcHead[a];
      out[v] = Math.min(out[v], label[a]);
    }
    return out;
  }

  it('equals a Bellman–Ford oracle on the arc states, forward and reverse, restrictions alone and with penalties', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const g = randomGrid(seed, { cols: 9, rows: 7, bentShare: 0.4, integerCosts: seed % 3 === 0 });
      const t = turnRestrictionTable(g, randomRestrictions(g, seed * 13, 25));
      const rnd = prng(seed + 100);
      const sources: SearchSource[] = [0, 1, 2].map((i) =>
        i === 1 ? { snap: placeOnLink(g, Math.floor(rnd() * g.linkCount), rnd() * 40), startCost: 1 } : { node: Math.floor(rnd() * g.nodeCount), startCost: Math.floor(rnd() * 4) },
      );
      for (const model of [{ table: t }, { table: t, penalties: { leftS: 3, rightS: 1, uTurnS: 7 } }] as TurnModel[]) {
        for (const direction of ['forward', 'reverse'] as const) {
          const got = multiSourceSearch(g, sources, { turns: model, direction });
          const want = oracle(g, sources, model, direction === 'reverse');
          for (let v = 0; v < g.nodeCount; v++) {
            if (want[v] === Infinity) expect(got.cost[v]).toBe(Infinity);
            else expect(got.cost[v]).toBeCloseTo(want[v], 6);
          }
        }
      }
    }
  });

  it('a rule that can never apply gives exactly the node search (edge-based engine, same numbers, workspace reused)', () => {
    const ws = new SearchWorkspace(0);
    for (let seed = 1; seed <= 20; seed++) {
      const g = randomGrid(seed, { cols: 14, rows: 11, integerCosts: seed % 2 === 0 });
      // a rule from an arc that cannot be travelled (the closed direction of a one-way link)
      let rule: TurnRestriction | undefined;
      for (let a = 0; a < g.arcLink.length && !rule; a++) {
        if (g.arcCostS[a] < Infinity) continue;
        const v = g.arcHead[a];
        const other = g.arcLink[g.arcOffset[v]] >>> 1;
        rule = { fromLink: g.arcLink[a] >>> 1, viaNode: v, toLink: other, kind: 'only' };
      }
      const t = turnRestrictionTable(g, [rule!]);
      const rnd = prng(seed);
      const sources = [0, 1, 2, 3].map((i) =>
        i % 2 === 0 ? { node: Math.floor(rnd() * g.nodeCount), startCost: Math.floor(rnd() * 3) } : { snap: placeOnLink(g, Math.floor(rnd() * g.linkCount), rnd() * 50), startCost: Math.floor(rnd() * 3) },
      );
      const w = ws.nodeCount === g.nodeCount ? ws : new SearchWorkspace(g.nodeCount);
      for (const direction of ['forward', 'reverse'] as const) {
        for (const budget of [Infinity, 20]) {
          const plain = multiSourceSearch(g, sources, { direction, budget });
          const turned = multiSourceSearch(g, sources, { direction, budget, turns: { table: t }, workspace: w });
          expect(turned.turnStates).toBeDefined();
          expect(Array.from(turned.cost)).toEqual(Array.from(plain.cost));
          expect(Array.from(turned.source)).toEqual(Array.from(plain.source));
          if (direction === 'forward') expect(reachedLengthM(turned)).toBeCloseTo(reachedLengthM(plain), 3);
        }
      }
    }
  });
});
