import type { RoadNetwork } from '../network/road_network';
import { multiSourceSearch, SearchWorkspace } from '../search/multi_source_search';
import { placeOnLink, type NetworkPlace } from '../network/network_place';
import type { Chain } from './chains';
import { mergeIntervals } from './intervals';
import { greedyPositions } from './spacing';

/**
 * The fix plan: new hydrant positions that bring every point of the given stretches within
 * spacing/2 of a hydrant along the road.
 *
 * Stretches are taken in order; each new hydrant is placed at the first point u of its stretch that
 * no hydrant serves yet — at u + spacing/2 when more than `spacingM` of unserved road follows, else
 * in the middle of what is left. On a single path this is the greedy cover of a line by intervals of
 * length `spacingM`, which is optimal (exchange argument: any solution has a hydrant within
 * spacing/2 of u; moving it to u + spacing/2 serves everything it served to the right of u, and
 * nothing left of u needs it) and places exactly ⌈length / spacing⌉. Across junctions every placed
 * hydrant also serves the neighbouring stretches along the network (a bounded search of radius
 * spacing/2 records what it reaches), so a junction is not paid for twice; on a network the count is
 * an upper bound of the minimum (covering a graph optimally is a set-cover problem).
 */
export interface PlacedHydrant extends Pick<NetworkPlace, 'link' | 'offsetM'> {
  /** Index of the stretch it was placed on. */
  stretch: number;
}

export function placeHydrants(net: RoadNetwork, stretches: readonly Chain[], spacingM: number): PlacedHydrant[] {
  const r = spacingM / 2;
  const served = new Map<number, number[]>();
  const ws = new SearchWorkspace(net.nodeCount);
  const add = (l: number, a: number, b: number): void => {
    if (!(b > a)) return;
    let list = served.get(l);
    if (!list) served.set(l, (list = []));
    list.push(a, b);
  };
  const place = (link: number, offsetM: number): void => {
    const L = net.linkLengthM[link];
    add(link, Math.max(0, offsetM - r), Math.min(L, offsetM + r));
    multiSourceSearch(net, [{ snap: placeOnLink(net, link, offsetM), startCost: 0 }], { metric: 'length', directed: false, budget: r, workspace: ws });
    for (let i = 0; i < ws.touchedCount; i++) {
      const n = ws.touched[i];
      const left = r - ws.cost[n];
      for (let a = net.arcOffset[n]; a < net.arcOffset[n + 1]; a++) {
        const ld = net.arcLink[a];
        const l = ld >>> 1;
        const Ll = net.linkLengthM[l];
        // Arc direction 0 leaves the link's source node.
        if ((ld & 1) === 0) add(l, 0, Math.min(Ll, left));
        else add(l, Math.max(0, Ll - left), Ll);
      }
    }
  };
  const out: PlacedHydrant[] = [];
  stretches.forEach((chain, si) => {
    for (let guard = 0; guard < 1e6; guard++) {
      const free = unservedAlong(chain, served);
      if (free.length === 0) break;
      const a = free[0];
      const b = free[1];
      const along = b - a > spacingM + 1e-9 ? a + r : (a + b) / 2;
      const pos = positionAlong(chain, along);
      out.push({ link: pos.link, offsetM: pos.offsetM, stretch: si });
      place(pos.link, pos.offsetM);
    }
  });
  return out;
}

/** Parts of a chain (along-chain metres, ascending) not in `served`, pieces under 1 mm dropped. */
function unservedAlong(chain: Chain, served: Map<number, number[]>): number[] {
  const cov: number[] = [];
  let acc = 0;
  for (const p of chain.parts) {
    const len = Math.abs(p.toM - p.fromM);
    const list = served.get(p.link);
    if (list) {
      const lo = Math.min(p.fromM, p.toM);
      const hi = Math.max(p.fromM, p.toM);
      const fwd = p.toM >= p.fromM;
      for (let i = 0; i < list.length; i += 2) {
        const a = Math.max(lo, list[i]);
        const b = Math.min(hi, list[i + 1]);
        if (b < a) continue;
        if (fwd) cov.push(acc + (a - p.fromM), acc + (b - p.fromM));
        else cov.push(acc + (p.fromM - b), acc + (p.fromM - a));
      }
    }
    acc += len;
  }
  const merged = mergeIntervals(cov);
  const out: number[] = [];
  let x = 0;
  for (let i = 0; i < merged.length; i += 2) {
    if (merged[i] - x > 1e-3) out.push(x, merged[i]);
    x = Math.max(x, merged[i + 1]);
  }
  if (chain.lengthM - x > 1e-3) out.push(x, chain.lengthM);
  return out;
}

function positionAlong(chain: Chain, alongM: number): Pick<NetworkPlace, 'link' | 'offsetM'> {
  let acc = 0;
  for (let i = 0; i < chain.parts.length; i++) {
    const p = chain.parts[i];
    const len = Math.abs(p.toM - p.fromM);
    if (alongM <= acc + len || i === chain.parts.length - 1) {
      const t = Math.min(len, Math.max(0, alongM - acc));
      return { link: p.link, offsetM: p.toM >= p.fromM ? p.fromM + t : p.fromM - t };
    }
    acc += len;
  }
  return { link: chain.parts[0].link, offsetM: chain.parts[0].fromM };
}

/** The pieces of a chain off the links of `skip` (e.g. wide roads, placed side by side instead), each a chain of its own. */
export function chainWithoutLinks(chain: Chain, skip: Uint8Array): Chain[] {
  const out: Chain[] = [];
  let run: Chain['parts'] = [];
  let first = true;
  const flush = (atEnd: boolean): void => {
    if (run.length) {
      const lengthM = run.reduce((s, p) => s + Math.abs(p.toM - p.fromM), 0);
      out.push({ parts: run, lengthM, startEnd: first ? chain.startEnd : 'junction', endEnd: atEnd ? chain.endEnd : 'junction', startNode: -1, endNode: -1 });
    }
    run = [];
  };
  for (const p of chain.parts) {
    if (skip[p.link]) {
      flush(false);
      first = false;
    } else run.push(p);
  }
  flush(true);
  return out;
}

/**
 * New hydrants on the unserved sides of wide roads (GB 50974-2014 §7.2.3: both sides, staggered).
 * Each side of a wide stretch is checked on its own along the stretch (see `wideRoadGaps`), so a
 * stretch unserved on one side is a path to cover on that side: the greedy cover `greedyPositions`
 * (optimal on a path) places ⌈length / spacing⌉ there, and a stretch unserved on both sides gets that
 * many on each side. `side` is relative to the link's direction (1 = left, −1 = right).
 */
export interface PlacedSideHydrant extends Pick<NetworkPlace, 'link' | 'offsetM'> {
  side: 1 | -1;
  /** Index of the wide-road gap it was placed on. */
  wideGap: number;
}

export function placeOnSides(gaps: readonly { chain: Chain; missing: 'left' | 'right' | 'both' }[], spacingM: number): PlacedSideHydrant[] {
  const out: PlacedSideHydrant[] = [];
  gaps.forEach((g, gi) => {
    const sides: (1 | -1)[] = g.missing === 'both' ? [1, -1] : g.missing === 'left' ? [1] : [-1];
    for (const chainSide of sides) {
      for (const along of greedyPositions(g.chain.lengthM, spacingM)) {
        let acc = 0;
        for (let i = 0; i < g.chain.parts.length; i++) {
          const p = g.chain.parts[i];
          const len = Math.abs(p.toM - p.fromM);
          if (along <= acc + len || i === g.chain.parts.length - 1) {
            const t = Math.min(len, Math.max(0, along - acc));
            const forward = p.toM >= p.fromM;
            out.push({ link: p.link, offsetM: forward ? p.fromM + t : p.fromM - t, side: forward ? chainSide : (-chainSide as 1 | -1), wideGap: gi });
            break;
          }
          acc += len;
        }
      }
    }
  });
  return out;
}
