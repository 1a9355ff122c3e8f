import { describe, expect, it } from 'vitest';
import { multiSourceSearch } from './multi_source_search';
import { reachedLengthM, reachedPieces } from './reached_pieces';
import { RoadNetworkBuilder } from '../network/road_network';
import { LinkFlag } from '../network/road_class';
import { polylineLengthM } from '../network/geodesy';
import type { Snap } from '../spatial/snap_index';

/** One link 0→1 of length 10 m, costs 10 s both ways (1 s per metre), unless given. */
function oneLink(forwardS = 10, backwardS = 10) {
  const b = new RoadNetworkBuilder(polylineLengthM);
  b.addNode(1, 8, 49);
  b.addNode(2, 8.0001, 49);
  let flags = LinkFlag.EXPLICIT_COST;
  if (forwardS >= 0) flags |= LinkFlag.FORWARD;
  if (backwardS >= 0) flags |= LinkFlag.BACKWARD;
  b.addLink({ source: 0, target: 1, flags, forwardS, backwardS, lengthM: 10 });
  return b.build();
}
const snap = (fraction: number): Snap => ({ link: 0, fraction, offsetM: fraction * 10, distanceM: 0, lon: 0, lat: 0 });
const shape = (ps: ReturnType<typeof reachedPieces>) => ps.map((p) => [p.fromM, p.toM, p.source, p.costFrom, p.costTo].map((v) => expect.closeTo(v, 12)));

describe('reachedPieces by hand', () => {
  it('a link reached from both ends is split where the arrivals are equal', () => {
    // source 0 at node 0 (start 0), source 1 at node 1 (start 4): x = 4 + (10 − x) → x = 7
    const r = multiSourceSearch(oneLink(), [{ node: 0, startCost: 0 }, { node: 1, startCost: 4 }]);
    expect(shape(reachedPieces(r))).toEqual(shape([
      { link: 0, fromM: 0, toM: 7, source: 0, costFrom: 0, costTo: 7 },
      { link: 0, fromM: 7, toM: 10, source: 1, costFrom: 7, costTo: 4 },
    ]));
  });

  it('equal arrival everywhere on the split point: each side to the source arriving first there', () => {
    const r = multiSourceSearch(oneLink(), [{ node: 1, startCost: 0 }, { node: 0, startCost: 0 }]);
    const p = reachedPieces(r);
    expect(p.map((x) => [x.fromM, x.toM, x.source])).toEqual([[0, 5, 1], [5, 10, 0]]);
  });

  it('budget cuts both ends; a one-way link is reached only forward', () => {
    const r = multiSourceSearch(oneLink(), [{ node: 0, startCost: 0 }, { node: 1, startCost: 1 }], { budget: 3 });
    // source 0 reaches 3 m by the budget; source 1 (start 1) reaches 2 m back from node 1
    expect(reachedPieces(r).map((x) => [x.fromM, x.toM, x.source])).toEqual([[0, 3, 0], [8, 10, 1]]);
    const oneWay = multiSourceSearch(oneLink(10, -1), [{ node: 1, startCost: 0 }], { budget: 5 });
    expect(reachedLengthM(oneWay)).toBe(0);
    const undirected = multiSourceSearch(oneLink(10, -1), [{ node: 1, startCost: 0 }], { budget: 5, directed: false });
    expect(reachedLengthM(undirected)).toBeCloseTo(5, 12);
  });

  it('two snapped sources on one link: outward both ways, split between them', () => {
    // A at 2 m (start 0), B at 6 m (start 1), budget 3: A covers 0..2 (back) and 2..4.5, B 4.5..6 and 6..8;
    // equal arrival between them: x − 2 = 1 + (6 − x) → x = 4.5
    const r = multiSourceSearch(oneLink(), [{ snap: snap(0.2), startCost: 0 }, { snap: snap(0.6), startCost: 1 }], { budget: 3 });
    expect(shape(reachedPieces(r))).toEqual(shape([
      { link: 0, fromM: 0, toM: 2, source: 0, costFrom: 2, costTo: 0 },
      { link: 0, fromM: 2, toM: 4.5, source: 0, costFrom: 0, costTo: 2.5 },
      { link: 0, fromM: 4.5, toM: 6, source: 1, costFrom: 2.5, costTo: 1 },
      { link: 0, fromM: 6, toM: 8, source: 1, costFrom: 1, costTo: 3 },
    ]));
    expect(reachedLengthM(r)).toBeCloseTo(8, 12);
  });

  it('a snapped source on a one-way link goes forward only', () => {
    const r = multiSourceSearch(oneLink(10, -1), [{ snap: snap(0.5), startCost: 0 }], { budget: 100 });
    expect(reachedPieces(r).map((x) => [x.fromM, x.toM])).toEqual([[5, 10]]);
  });
});
