import { normalisePlace, type NodeOrPlace } from '../network/network_place';
import { effectiveArcCosts, linkArcs } from './arc_costs';
import type { SearchResult } from './multi_source_search';

/** A search read at one place: the cost there and the source it comes from. */
export interface PlaceCost {
  /** Forward: arrival cost at the place; reverse: cost from the place to the source. Infinity beyond the budget. */
  cost: number;
  /** Index into the search's sources, -1 when not reached. */
  source: number;
  /**
   * The node the way passes (the link end it enters or leaves the place's link by), or -1 when it runs
   * straight along the link between the place and a source on the same link.
   */
  viaNode: number;
}

/**
 * A search result read at a place: a node's own cost, or for a place on a link the best of the way
 * through the link's source node, through its target node, and straight along the link from a source
 * on the same link (in a direction the search may travel). Forward searches give the arrival cost at
 * the place, reverse ones the cost from the place to the nearest source. Ties: the way through the
 * source node, then the target node, then the lowest-index source on the link. Exact for the search's
 * own rules (direction, metric, undirected) and inclusive of its budget.
 */
export function costAtPlace(result: SearchResult, at: NodeOrPlace): PlaceCost {
  const { net, budget } = result;
  const p = normalisePlace(net, at);
  if (p.node !== undefined) {
    const c = result.cost[p.node];
    return c <= budget ? { cost: c, source: result.source[p.node], viaNode: p.node } : { cost: Infinity, source: -1, viaNode: -1 };
  }
  if (!p.snap) throw new RangeError('a place must have one of node / snap');
  const { link: l, fraction: f } = p.snap;
  const arcCost = effectiveArcCosts(net, result.metric, result.directed);
  const la = linkArcs(net);
  const F = arcCost[la[l << 1]];
  const B = arcCost[la[(l << 1) | 1]];
  const reverse = result.direction === 'reverse';
  const a = net.linkSource[l];
  const b = net.linkTarget[l];
  let best = Infinity;
  let source = -1;
  let viaNode = -1;
  // forward: arrive from the source node (forward along the link) or the target node (backward);
  // reverse: leave towards the target node (forward) or the source node (backward)
  let viaA = reverse ? (B < Infinity ? result.cost[a] + B * f : Infinity) : F < Infinity ? result.cost[a] + F * f : Infinity;
  let viaB = reverse ? (F < Infinity ? result.cost[b] + F * (1 - f) : Infinity) : B < Infinity ? result.cost[b] + B * (1 - f) : Infinity;
  let srcA = result.source[a];
  let srcB = result.source[b];
  const ts = result.turnStates;
  if (ts) {
    // edge-based: the link is entered (forward) or left (reverse) through an allowed turn, so read the arc
    // states: forward, the cost of entering the arc at its tail; reverse, the arc's cost to the sources less
    // the part of the link behind the place
    const fa = la[l << 1];
    const ba = la[(l << 1) | 1];
    // (a source on this link seeds its arcs with part-link costs: there the node costs stay exact enough)
    const sourceOnLink = result.sources.some((q) => normalisePlace(net, q).snap?.link === l);
    if (reverse && !sourceOnLink) {
      viaA = B < Infinity ? ts.arcCost[ba] - B * (1 - f) : Infinity;
      viaB = F < Infinity ? ts.arcCost[fa] - F * f : Infinity;
      srcA = ts.arcSource[ba];
      srcB = ts.arcSource[fa];
    } else if (!reverse) {
      viaA = F < Infinity ? ts.entryCost[fa] + F * f : Infinity;
      viaB = B < Infinity ? ts.entryCost[ba] + B * (1 - f) : Infinity;
      srcA = ts.entrySource[fa];
      srcB = ts.entrySource[ba];
    }
  }
  if (viaA < Infinity) {
    best = viaA;
    source = srcA;
    viaNode = a;
  }
  if (viaB < best) {
    best = viaB;
    source = srcB;
    viaNode = b;
  }
  const sources = result.sources;
  for (let s = 0; s < sources.length; s++) {
    const q = normalisePlace(net, sources[s]).snap;
    if (!q || q.link !== l) continue;
    const g = q.fraction;
    const sc = sources[s].startCost;
    // travelling from a (forward: the source at g; reverse: the place at f) to b along the link
    const from = reverse ? f : g;
    const to = reverse ? g : f;
    let c = Infinity;
    if (to >= from && F < Infinity) c = sc + F * (to - from);
    if (to <= from && B < Infinity) c = Math.min(c, sc + B * (from - to));
    if (c < best) {
      best = c;
      source = s;
      viaNode = -1;
    }
  }
  return best <= budget ? { cost: best, source, viaNode } : { cost: Infinity, source: -1, viaNode: -1 };
}
