import type { NetworkPlace } from '../network/network_place';
import type { RoadNetwork } from '../network/road_network';
import { linkSlice } from '../network/link_geometry';

/**
 * Stitching pieces of links into stretches: a street continues through a node where exactly two
 * pieces meet, and stops at a dead end, at a junction of three or more pieces, or inside a link (where
 * the piece itself ends, e.g. at the edge of a hydrant's reach). Loops come out as one closed stretch.
 *
 * Used for the road stretches that need hydrants (whole links of the required classes), for spacing
 * gaps, unprotected road, wide roads and bridge/tunnel runs.
 */

/** One piece of a link, `fromM → toM` in metres from its source node (to < from means travelled backwards). */
export interface ChainPart {
  link: number;
  fromM: number;
  toM: number;
}

/** How a stretch ends: inside a link, at a dead end (one piece), at a junction (three or more), or closing a loop. */
export type ChainEnd = 'inside' | 'dead_end' | 'junction' | 'loop';

export interface Chain {
  parts: ChainPart[];
  lengthM: number;
  startEnd: ChainEnd;
  endEnd: ChainEnd;
  /** Node at the start / end, or -1 inside a link. */
  startNode: number;
  endNode: number;
}

const TOUCH_EPS_M = 1e-6;

/** Stitches pieces given as flat [link, fromM, toM, …] (from < to) into chains, in a deterministic order. */
export function stitch(net: RoadNetwork, pieces: readonly number[]): Chain[] {
  const n = pieces.length / 3;
  const endNode = (i: number, end: number): number => {
    const l = pieces[3 * i];
    if (end === 0) return pieces[3 * i + 1] <= TOUCH_EPS_M ? net.linkSource[l] : -1;
    return pieces[3 * i + 2] >= net.linkLengthM[l] - TOUCH_EPS_M ? net.linkTarget[l] : -1;
  };
  const ends = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    for (let e = 0; e < 2; e++) {
      const node = endNode(i, e);
      if (node < 0) continue;
      let list = ends.get(node);
      if (!list) ends.set(node, (list = []));
      list.push(2 * i + e);
    }
  }
  const visited = new Uint8Array(n);
  const chains: Chain[] = [];
  const part = (i: number, forward: boolean): ChainPart => {
    const l = pieces[3 * i];
    return forward ? { link: l, fromM: pieces[3 * i + 1], toM: pieces[3 * i + 2] } : { link: l, fromM: pieces[3 * i + 2], toM: pieces[3 * i + 1] };
  };
  // Walks from piece i leaving through `end`; returns the parts met (oriented away from i) and how it stopped.
  const walk = (i: number, end: number): { parts: ChainPart[]; stop: ChainEnd; node: number } => {
    const parts: ChainPart[] = [];
    let cur = i;
    let curEnd = end;
    for (;;) {
      const node = endNode(cur, curEnd);
      if (node < 0) return { parts, stop: 'inside', node };
      const list = ends.get(node)!;
      if (list.length === 1) return { parts, stop: 'dead_end', node };
      if (list.length > 2) return { parts, stop: 'junction', node };
      const other = list[0] === 2 * cur + curEnd ? list[1] : list[0];
      const j = other >> 1;
      if (visited[j]) return { parts, stop: 'loop', node };
      visited[j] = 1;
      const enterEnd = other & 1;
      parts.push(part(j, enterEnd === 0));
      cur = j;
      curEnd = 1 - enterEnd;
    }
  };
  for (let i = 0; i < n; i++) {
    if (visited[i]) continue;
    visited[i] = 1;
    const fwd = walk(i, 1);
    const back = fwd.stop === 'loop' ? { parts: [], stop: 'loop' as ChainEnd, node: fwd.node } : walk(i, 0);
    const parts: ChainPart[] = [];
    for (let k = back.parts.length - 1; k >= 0; k--) {
      const p = back.parts[k];
      parts.push({ link: p.link, fromM: p.toM, toM: p.fromM });
    }
    parts.push(part(i, true), ...fwd.parts);
    let lengthM = 0;
    for (const p of parts) lengthM += Math.abs(p.toM - p.fromM);
    chains.push({ parts, lengthM, startEnd: back.stop, endEnd: fwd.stop, startNode: back.node, endNode: fwd.node });
  }
  return chains;
}

/** Whole links selected by `mask` as pieces for `stitch`. */
export function wholeLinks(net: RoadNetwork, mask: Uint8Array): number[] {
  const out: number[] = [];
  for (let l = 0; l < net.linkCount; l++) if (mask[l]) out.push(l, 0, net.linkLengthM[l]);
  return out;
}

/** Coordinates of a chain, joints not repeated. */
export function chainCoordinates(net: RoadNetwork, chain: Chain): [number, number][] {
  const out: [number, number][] = [];
  for (const p of chain.parts) {
    const c = linkSlice(net, p.link, p.fromM, p.toM);
    for (const xy of c) {
      const last = out[out.length - 1];
      if (!last || last[0] !== xy[0] || last[1] !== xy[1]) out.push(xy);
    }
  }
  if (out.length === 1) out.push([out[0][0], out[0][1]]);
  return out;
}

/** The point `alongM` metres from the start of a chain, as (link, offset). */
export function chainPosition(chain: Chain, alongM: number): Pick<NetworkPlace, 'link' | 'offsetM'> {
  let acc = 0;
  for (const p of chain.parts) {
    const len = Math.abs(p.toM - p.fromM);
    if (alongM <= acc + len || p === chain.parts[chain.parts.length - 1]) {
      const t = Math.min(len, Math.max(0, alongM - acc));
      return { link: p.link, offsetM: p.toM >= p.fromM ? p.fromM + t : p.fromM - t };
    }
    acc += len;
  }
  return { link: chain.parts[0].link, offsetM: chain.parts[0].fromM };
}

/** The part of a chain between `fromAlongM` and `toAlongM` metres from its start, as a chain of its own. */
export function subChain(chain: Chain, fromAlongM: number, toAlongM: number): Chain {
  const parts: ChainPart[] = [];
  let acc = 0;
  for (const p of chain.parts) {
    const len = Math.abs(p.toM - p.fromM);
    const lo = Math.max(fromAlongM, acc);
    const hi = Math.min(toAlongM, acc + len);
    if (hi > lo) {
      const dir = p.toM >= p.fromM ? 1 : -1;
      parts.push({ link: p.link, fromM: p.fromM + dir * (lo - acc), toM: p.fromM + dir * (hi - acc) });
    }
    acc += len;
  }
  const inside = (x: number): boolean => x > 1e-6 && x < chain.lengthM - 1e-6;
  return {
    parts,
    lengthM: Math.max(0, toAlongM - fromAlongM),
    startEnd: inside(fromAlongM) ? 'inside' : chain.startEnd,
    endEnd: inside(toAlongM) ? 'inside' : chain.endEnd,
    startNode: inside(fromAlongM) ? -1 : chain.startNode,
    endNode: inside(toAlongM) ? -1 : chain.endNode,
  };
}

/** Where each link of a chain sits: metres from the chain start to the part's `fromM`, and the direction. */
export function chainLinkIndex(chain: Chain): Map<number, { startAlongM: number; fromM: number; forward: boolean }[]> {
  const map = new Map<number, { startAlongM: number; fromM: number; forward: boolean }[]>();
  let acc = 0;
  for (const p of chain.parts) {
    let list = map.get(p.link);
    if (!list) map.set(p.link, (list = []));
    list.push({ startAlongM: acc, fromM: p.fromM, forward: p.toM >= p.fromM });
    acc += Math.abs(p.toM - p.fromM);
  }
  return map;
}
