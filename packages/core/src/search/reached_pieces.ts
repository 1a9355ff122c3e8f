import { effectiveArcCosts, linkArcs } from './arc_costs';
import type { SearchResult } from './multi_source_search';

/** A stretch of one link reached within the budget, owned by one source. */
export interface ReachedPiece {
  link: number;
  /** Metres from the link's source node (units of `linkLengthM`); fromM < toM. */
  fromM: number;
  toM: number;
  /** Index into the search's `sources`. */
  source: number;
  /** Arrival cost at `fromM` and at `toM` (seconds or metres, like the search). */
  costFrom: number;
  costTo: number;
}

/**
 * Exact partial edges. On every link, the arrival cost along the link is the lower envelope of
 * straight lines: from the source node (if reached and the forward direction is usable), from the target
 * node (backward), and outward from each snapped source on the link; cost grows in proportion to the
 * distance travelled along the link. Each line is cut where it exceeds the budget. Where two lines
 * overlap, the link is split at the point of equal arrival and each side belongs to the line arriving
 * first there (equal everywhere: the lower source index). Pieces never overlap; pieces of zero length
 * are left out. Ordered by link, then position. Forward searches only.
 */
export function reachedPieces(result: SearchResult): ReachedPiece[] {
  const out: ReachedPiece[] = [];
  forEachPiece(result, (link, fromM, toM, source, costFrom, costTo) => {
    out.push({ link, fromM, toM, source, costFrom, costTo });
  });
  return out;
}

/** Total length of the reached pieces, metres (units of `linkLengthM`). */
export function reachedLengthM(result: SearchResult): number {
  let sum = 0;
  forEachPiece(result, (_link, fromM, toM) => {
    sum += toM - fromM;
  });
  return sum;
}

type PieceSink = (link: number, fromM: number, toM: number, source: number, costFrom: number, costTo: number) => void;

/** One straight arrival-cost line on a link: cost(x) = p + q·x on [a, b], from source `src`. */
interface Line {
  p: number;
  q: number;
  a: number;
  b: number;
  src: number;
}

function forEachPiece(result: SearchResult, sink: PieceSink): void {
  const { net, cost, source, budget, sources } = result;
  // pieces are cut along the direction of travel away from the sources
  if (result.direction === 'reverse') throw new RangeError('reached pieces need a forward search (direction "forward")');
  const arcCost = effectiveArcCosts(net, result.metric, result.directed);
  const la = linkArcs(net);
  const ts = result.turnStates;

  // links holding snapped sources take the general path
  const snapsOn = new Map<number, number[]>();
  for (let s = 0; s < sources.length; s++) {
    const sn = sources[s].snap;
    if (!sn) continue;
    const list = snapsOn.get(sn.link);
    if (list) list.push(s);
    else snapsOn.set(sn.link, [s]);
  }

  for (let l = 0; l < net.linkCount; l++) {
    const L = net.linkLengthM[l];
    if (!(L > 0)) continue;
    const u = net.linkSource[l];
    const v = net.linkTarget[l];
    const fa = la[l << 1];
    const ba = la[(l << 1) | 1];
    const F = arcCost[fa];
    const B = arcCost[ba];
    // edge-based (turn rules): a link is entered at the cost of the best allowed turn into it
    const cu = F < Infinity ? (ts ? ts.entryCost[fa] : cost[u]) : Infinity;
    const cv = B < Infinity ? (ts ? ts.entryCost[ba] : cost[v]) : Infinity;
    const srcU = ts ? ts.entrySource[fa] : source[u];
    const srcV = ts ? ts.entrySource[ba] : source[v];
    const snaps = snapsOn.get(l);
    if (snaps) {
      general(l, L, F, B, cu, cv, srcU, srcV, snaps, result, sink);
      continue;
    }
    if (cu === Infinity && cv === Infinity) continue;
    // reach from the source end: [0, xs]; from the target end: [xt, L]
    let xs = -1;
    if (cu < Infinity) xs = F > 0 ? Math.min(L, ((budget - cu) / F) * L) : L;
    let xt = L + 1;
    if (cv < Infinity) xt = B > 0 ? Math.max(0, L - ((budget - cv) / B) * L) : 0;
    // arrival at x: from the source end cu + F·x/L, from the target end cv + B·(L − x)/L
    let e1 = xs; // the source end's piece is [0, e1]
    let s2 = xt; // the target end's piece is [s2, L]
    if (xs >= 0 && xt <= L && xs > xt) {
      // both ends reach past each other: split where the arrivals are equal
      let xm: number;
      if (F + B > 0) xm = ((cv + B - cu) / (F + B)) * L;
      else xm = cu < cv || (cu === cv && srcU <= srcV) ? L : 0;
      if (xm < 0) xm = 0;
      else if (xm > L) xm = L;
      e1 = Math.min(xm, xs);
      s2 = Math.max(xm, xt);
    }
    if (e1 > 0) sink(l, 0, e1, srcU, cu, cu + (F * e1) / L);
    if (s2 < L) sink(l, s2, L, srcV, cv + (B * (L - s2)) / L, cv);
  }
}

/** Lower envelope of the arrival lines on a link that holds snapped sources. */
function general(
  l: number,
  L: number,
  F: number,
  B: number,
  cu: number,
  cv: number,
  srcU: number,
  srcV: number,
  snaps: number[],
  result: SearchResult,
  sink: PieceSink,
): void {
  const budget = result.budget;
  const lines: Line[] = [];
  const add = (p: number, q: number, a: number, b: number, src: number): void => {
    // cut at the budget
    if (q > 0) b = Math.min(b, (budget - p) / q);
    else if (q < 0) a = Math.max(a, (budget - p) / q);
    else if (p > budget) return;
    if (a < b) lines.push({ p, q, a, b, src });
  };
  if (cu < Infinity) add(cu, F / L, 0, L, srcU);
  if (cv < Infinity) add(cv + B, -B / L, 0, L, srcV);
  for (const s of snaps) {
    const src = result.sources[s];
    const x0 = src.snap!.fraction * L;
    if (!(src.startCost <= budget)) continue;
    if (F < Infinity) add(src.startCost - (F / L) * x0, F / L, x0, L, s);
    if (B < Infinity) add(src.startCost + (B / L) * x0, -B / L, 0, x0, s);
  }
  if (lines.length === 0) return;

  const xs: number[] = [];
  for (const ln of lines) xs.push(ln.a, ln.b);
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) {
      const dq = lines[i].q - lines[j].q;
      if (dq === 0) continue;
      const x = (lines[j].p - lines[i].p) / dq;
      if (x > 0 && x < L) xs.push(x);
    }
  }
  xs.sort((a, b) => a - b);
  let prev: { line: Line; from: number; to: number } | null = null;
  const flush = (): void => {
    if (prev && prev.to > prev.from) {
      const ln = prev.line;
      sink(l, prev.from, prev.to, ln.src, ln.p + ln.q * prev.from, ln.p + ln.q * prev.to);
    }
  };
  for (let k = 0; k + 1 < xs.length; k++) {
    const x0 = xs[k];
    const x1 = xs[k + 1];
    if (!(x1 > x0)) continue;
    const mid = (x0 + x1) / 2;
    let best: Line | null = null;
    let bestCost = Infinity;
    for (const ln of lines) {
      if (mid < ln.a || mid > ln.b) continue;
      const c = ln.p + ln.q * mid;
      if (c < bestCost || (c === bestCost && best !== null && ln.src < best.src)) {
        best = ln;
        bestCost = c;
      }
    }
    if (!best) continue;
    if (prev && prev.line === best && prev.to === x0) {
      prev.to = x1;
    } else {
      flush();
      prev = { line: best, from: x0, to: x1 };
    }
  }
  flush();
}
