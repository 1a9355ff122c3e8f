import type { RoadNetwork } from '../network/road_network';
import { chainLinkIndex, stitch, subChain, wholeLinks, type Chain } from './chains';
import { mergeIntervals } from './intervals';
import type { SnappedHydrant } from './hydrant_snap';

/**
 * Roads wider than the preset width (GB 50974-2014 §7.2.3: wider than 60 m) need hydrants on both
 * sides, staggered. Each wide road (links wider than the limit, stitched into stretches) is checked
 * side by side: a point of it is served on a side when a counting hydrant on that side of the same
 * stretch lies within spacing/2 along it. The side of a hydrant is the sign of the cross product of
 * the road direction at its snap point and the vector from the snap point to the hydrant.
 *
 * Width: `linkWidthM` (OSM `width`, else lanes × 3.5 m); links of unknown width are not wide (no
 * road class is 60 m wide by default). A dual carriageway mapped as two one-way ways is two roads of
 * their own widths: give the corridor width as `width` to check it.
 */
export interface WideRoadGap {
  chain: Chain;
  lengthM: number;
  /** Side without a hydrant within spacing/2, relative to the direction of `chain` (the drawn line). */
  missing: 'left' | 'right' | 'both';
}

export interface WideRoadResult {
  wideRoadM: number;
  /** Stretches served on one side only (or neither). */
  gaps: WideRoadGap[];
}

export function wideRoadGaps(net: RoadNetwork, hydrants: readonly SnappedHydrant[], widthLimitM: number, spacingM: number, inMask: Uint8Array): WideRoadResult {
  const mask = new Uint8Array(net.linkCount);
  let wideRoadM = 0;
  for (let l = 0; l < net.linkCount; l++) {
    if (inMask[l] && net.linkWidthM[l] > widthLimitM) {
      mask[l] = 1;
      wideRoadM += net.linkLengthM[l];
    }
  }
  const gaps: WideRoadGap[] = [];
  if (wideRoadM === 0) return { wideRoadM, gaps };
  const byLink = new Map<number, SnappedHydrant[]>();
  for (const h of hydrants) {
    if (!h.counts || !h.snap || !mask[h.snap.link]) continue;
    let list = byLink.get(h.snap.link);
    if (!list) byLink.set(h.snap.link, (list = []));
    list.push(h);
  }
  const half = spacingM / 2;
  for (const chain of stitch(net, wholeLinks(net, mask))) {
    const left: number[] = [];
    const right: number[] = [];
    for (const [link, places] of chainLinkIndex(chain)) {
      for (const h of byLink.get(link) ?? []) {
        for (const pl of places) {
          const along = pl.startAlongM + (pl.forward ? h.snap!.offsetM - pl.fromM : pl.fromM - h.snap!.offsetM);
          const side = h.side * (pl.forward ? 1 : -1);
          if (side > 0) left.push(along - half, along + half);
          else if (side < 0) right.push(along - half, along + half);
        }
      }
    }
    const L = mergeIntervals(left);
    const R = mergeIntervals(right);
    // Sweep the elementary pieces between all interval ends, classify, and merge equal neighbours.
    const cuts = new Set<number>([0, chain.lengthM]);
    for (const x of [...L, ...R]) if (x > 0 && x < chain.lengthM) cuts.add(x);
    const xs = [...cuts].sort((a, b) => a - b);
    const covered = (iv: number[], x: number): boolean => {
      for (let i = 0; i < iv.length; i += 2) if (iv[i] <= x && x <= iv[i + 1]) return true;
      return false;
    };
    let runStart = -1;
    let runKind: WideRoadGap['missing'] | null = null;
    const flush = (end: number): void => {
      if (runKind && end - runStart > 1e-3) {
        const sub = subChain(chain, runStart, end);
        gaps.push({ chain: sub, lengthM: sub.lengthM, missing: runKind });
      }
    };
    for (let i = 0; i + 1 < xs.length; i++) {
      const mid = (xs[i] + xs[i + 1]) / 2;
      const l = covered(L, mid);
      const r = covered(R, mid);
      const kind: WideRoadGap['missing'] | null = l && r ? null : !l && !r ? 'both' : l ? 'right' : 'left';
      if (kind !== runKind) {
        flush(xs[i]);
        runStart = xs[i];
        runKind = kind;
      }
    }
    flush(chain.lengthM);
  }
  return { wideRoadM, gaps };
}
