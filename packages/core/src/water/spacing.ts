import type { RoadNetwork } from '../network/road_network';
import { complementIntervals, coveredIntervals, type HoseField } from './along_road';
import { stitch, wholeLinks, type Chain } from './chains';

/**
 * The spacing rule along the network.
 *
 * Definition: a point of a road that needs hydrants lies in a *spacing gap* when its along-road
 * distance (undirected, any road) to the nearest counting hydrant exceeds spacing / 2.
 *
 * On a straight road with hydrants at x₁ < x₂ < … this is the consecutive-pair rule: between x_i and
 * x_{i+1} the distance to the nearest hydrant is min(x − x_i, x_{i+1} − x), whose maximum over the
 * interval is (x_{i+1} − x_i)/2 at the midpoint; so some point there exceeds spacing/2 exactly when
 * x_{i+1} − x_i > spacing, and the gap is the open middle stretch of length (x_{i+1} − x_i) − spacing.
 * Unlike the pair rule it also works through junctions (the distance runs round corners), on loops,
 * and at road ends: a dead end must lie within spacing/2 of a hydrant, as it would if the street
 * carried on.
 */

/** Uncovered pieces, flat [link, from, to, …], of the links in `mask` farther than `radiusM` from every source. */
export function uncoveredPieces(field: HoseField, mask: Uint8Array, radiusM: number): number[] {
  const net = field.net;
  const out: number[] = [];
  for (let l = 0; l < net.linkCount; l++) {
    if (!mask[l]) continue;
    const gaps = complementIntervals(coveredIntervals(field, l, radiusM), net.linkLengthM[l]);
    for (let i = 0; i < gaps.length; i += 2) out.push(l, gaps[i], gaps[i + 1]);
  }
  return out;
}

/** A spacing gap: a maximal stretch of road farther than spacing/2 from every counting hydrant. */
export interface SpacingGap {
  chain: Chain;
  /** Length of the stretch farther than spacing/2 from every hydrant, metres. */
  lengthM: number;
  /**
   * When both ends of the stretch are the reach limits of hydrants (not a dead end or a junction):
   * the along-road distance between those two hydrants = lengthM + spacing. On a straight road this
   * is the distance between the consecutive hydrants that break the rule. Otherwise null.
   */
  spanM: number | null;
}

/** Spacing gaps on the links of `mask`, for hydrants (or water cranes) of `field`, at `spacingM`. */
export function spacingGaps(field: HoseField, mask: Uint8Array, spacingM: number): SpacingGap[] {
  const chains = stitch(field.net, uncoveredPieces(field, mask, spacingM / 2));
  return chains.map((chain) => ({
    chain,
    lengthM: chain.lengthM,
    spanM: chain.startEnd === 'inside' && chain.endEnd === 'inside' ? chain.lengthM + spacingM : null,
  }));
}

/**
 * Hydrants a stretch of road of `lengthM` needs so that no point of it is farther than spacing/2
 * from one: each hydrant serves at most `spacingM` of a path (spacing/2 either side), so at least
 * ⌈length / spacing⌉, and `greedyPositions` achieves that. A stretch of zero length needs none.
 */
export function requiredOnStretch(lengthM: number, spacingM: number): number {
  if (!(lengthM > 1e-3)) return 0;
  return Math.ceil(lengthM / spacingM - 1e-9);
}

/**
 * Positions (metres from the start) of the fewest hydrants covering a path stretch of `lengthM`
 * within spacing/2: walking from the start, the first uncovered point u must be served by a hydrant
 * within spacing/2 of it; placing it at u + spacing/2 serves everything any such choice serves to the
 * right (the classic exchange argument for covering a line with intervals), so greedy is optimal and
 * places ⌈length / spacing⌉. The last hydrant goes to the middle of what remains.
 */
export function greedyPositions(lengthM: number, spacingM: number): number[] {
  const out: number[] = [];
  if (!(lengthM > 1e-3)) return out;
  let u = 0;
  while (lengthM - u > spacingM + 1e-9) {
    out.push(u + spacingM / 2);
    u += spacingM;
  }
  out.push((u + lengthM) / 2);
  return out;
}

/** The road stretches that need hydrants: whole links of `mask` stitched through nodes where exactly two meet. */
export function roadStretches(net: RoadNetwork, mask: Uint8Array): Chain[] {
  return stitch(net, wholeLinks(net, mask));
}
