import type { RoadNetwork } from '../network/road_network';
import type { NodeOrPlace } from '../network/network_place';
import { linkSlice } from '../network/link_geometry';
import { SearchWorkspace, type SearchOptions, type SearchSource } from './multi_source_search';
import { rankSources, type SearchTarget } from './point_query';

/** Coordinates are rounded to 7 decimals (about 1 cm), as GeoJSON outputs write them. */
const round7 = (x: number): number => Math.round(x * 1e7) / 1e7;

/**
 * A route (arc indices, e.g. from `rankSources`) as coordinates along the link geometry in the direction
 * of travel: every arc's link whole, except the first arc from a place on a link (`from.snap`: from its
 * offset) and the last arc to a place on a link (`to.snap`: up to its offset). Coordinates are rounded
 * to 7 decimals and joints shared by consecutive links appear once; a source at the target's own
 * position gives a single coordinate. `lengthM` is the length travelled along the links.
 */
export function routeLine(net: RoadNetwork, route: readonly number[], from?: NodeOrPlace, to?: NodeOrPlace): { coordinates: [number, number][]; lengthM: number } {
  const coordinates: [number, number][] = [];
  let lengthM = 0;
  const start0 = from?.snap;
  const endN = to?.snap;
  route.forEach((arc, i) => {
    const ld = net.arcLink[arc];
    const l = ld >>> 1;
    const backward = (ld & 1) === 1;
    const L = net.linkLengthM[l];
    const start = i === 0 && start0 ? start0.offsetM : backward ? L : 0;
    const end = i === route.length - 1 && endN ? endN.offsetM : backward ? 0 : L;
    lengthM += Math.abs(end - start);
    for (const [x, y] of linkSlice(net, l, start, end)) {
      const c: [number, number] = [round7(x), round7(y)];
      const last = coordinates[coordinates.length - 1];
      if (!last || last[0] !== c[0] || last[1] !== c[1]) coordinates.push(c);
    }
  });
  return { coordinates, lengthM };
}

/** One line of a due list: the `rank`-th source for target `target`. */
export interface DueRow {
  /** Index into the targets. */
  target: number;
  /** 1-based. */
  rank: number;
  /** Index into the sources. */
  source: number;
  /** Arrival cost including the source's startCost; Infinity = cannot reach the target within the budget. */
  cost: number;
  /** Arcs from the source to the target (see `rankSources`); null when unreachable. */
  route: number[] | null;
}

/**
 * The first `k` due sources of every target (`rankSources`, one workspace for all targets). When fewer
 * than `k` sources reach a target, the list is filled up to `k` (or the number of sources) with the
 * others in source order, marked unreachable (cost Infinity, no route).
 */
export function dueRanking(
  net: RoadNetwork,
  targets: readonly SearchTarget[],
  sources: readonly SearchSource[],
  k: number,
  options: Pick<SearchOptions, 'budget' | 'directed' | 'metric'> = {},
): DueRow[] {
  const workspace = new SearchWorkspace(net.nodeCount);
  const rows: DueRow[] = [];
  targets.forEach((t, ti) => {
    const ranked = rankSources(net, t, sources, k, { ...options, workspace });
    ranked.forEach((r, i) => rows.push({ target: ti, rank: i + 1, source: r.source, cost: r.cost, route: r.route }));
    if (ranked.length < k) {
      const listed = new Set(ranked.map((r) => r.source));
      let rank = ranked.length;
      for (let s = 0; s < sources.length && rank < k; s++) {
        if (!listed.has(s)) rows.push({ target: ti, rank: ++rank, source: s, cost: Infinity, route: null });
      }
    }
  });
  return rows;
}
