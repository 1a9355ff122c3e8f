import { describe, expect, it } from 'vitest';
import { RoadNetworkBuilder, type RoadNetwork } from './road_network';
import { LinkFlag, UNKNOWN_CLASS } from './road_class';
import { prng } from '../search/test_networks';

// 1 m per unit of Manhattan distance × 1000, easy to check by hand.
const manhattan = (flat: ArrayLike<number>, start: number, end: number): number => {
  let sum = 0;
  for (let i = start + 2; i < end; i += 2) sum += (Math.abs(flat[i] - flat[i - 2]) + Math.abs(flat[i + 1] - flat[i - 1])) * 1000;
  return sum;
};

function arrays(net: RoadNetwork): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(net)) out[k] = ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v;
  return out;
}

describe('RoadNetworkBuilder.addPlainLink and reserve', () => {
  it('property: addPlainLink (reserved or not) builds the same network as addLink with the same values', () => {
    const rnd = prng(5);
    for (let trial = 0; trial < 50; trial++) {
      const nodes = 2 + Math.floor(rnd() * 6);
      const links = Math.floor(rnd() * 40);
      const rows = Array.from({ length: links }, (_, k) => ({
        id: 100 + k,
        source: Math.floor(rnd() * nodes),
        target: Math.floor(rnd() * nodes),
        flags: LinkFlag.EXPLICIT_COST | (rnd() < 0.8 ? LinkFlag.FORWARD : 0) | (rnd() < 0.8 ? LinkFlag.BACKWARD : 0),
        forwardS: Math.round(rnd() * 100) / 4,
        backwardS: Math.round(rnd() * 100) / 4,
        lengthM: rnd() < 0.5 ? Math.round(rnd() * 500) : undefined,
        roadClass: rnd() < 0.5 ? Math.floor(rnd() * 5) : UNKNOWN_CLASS,
        name: rnd() < 0.3 ? `road ${Math.floor(rnd() * 3)}` : undefined,
      }));
      const make = (plain: boolean, reserve: boolean): RoadNetwork => {
        const b = new RoadNetworkBuilder(manhattan);
        if (reserve) b.reserve(nodes, links);
        for (let n = 0; n < nodes; n++) b.addNode(n + 1, n % 3, Math.floor(n / 3));
        for (const r of rows) {
          if (plain) b.addPlainLink(r.id, r.source, r.target, r.flags, r.forwardS, r.backwardS, r.lengthM ?? NaN, r.roadClass, r.name);
          else b.addLink(r);
        }
        return b.build();
      };
      const expected = arrays(make(false, false));
      expect(arrays(make(true, false))).toEqual(expected);
      expect(arrays(make(true, true))).toEqual(expected);
    }
  });

  it('a way id, speed limit, width or Chinese name after plain links leaves the earlier links at "none"', () => {
    const b = new RoadNetworkBuilder(manhattan);
    b.reserve(2, 1);
    b.addNode(1, 0, 0);
    b.addNode(2, 1, 0);
    b.addPlainLink(7, 0, 1, LinkFlag.EXPLICIT_COST | LinkFlag.FORWARD, 3, 4, NaN, UNKNOWN_CLASS, undefined);
    // More links than reserved: the arrays grow.
    b.addLink({ source: 1, target: 0, flags: LinkFlag.FORWARD, wayId: 42, maxspeedForwardKmh: 50, widthM: 7, name: 'A', nameZh: '甲', geometry: [1, 0, 1, 1, 0, 0] });
    b.addPlainLink(9, 1, 0, LinkFlag.EXPLICIT_COST | LinkFlag.BACKWARD, 3, 4, 12, UNKNOWN_CLASS, 'A');
    const net = b.build();
    expect(Array.from(net.linkId)).toEqual([7, 2, 9]);
    expect(Array.from(net.linkWayId)).toEqual([NaN, 42, NaN]);
    expect(Array.from(net.linkMaxspeedForwardKmh)).toEqual([NaN, 50, NaN]);
    expect(Array.from(net.linkMaxspeedBackwardKmh)).toEqual([NaN, NaN, NaN]);
    expect(Array.from(net.linkWidthM)).toEqual([NaN, 7, NaN]);
    expect(net.names[net.linkName[0]]).toBe('');
    expect(net.names[net.linkName[1]]).toBe('A');
    expect(net.linkName[2]).toBe(net.linkName[1]);
    expect(Array.from(net.linkNameZh, (i) => net.names[i])).toEqual(['', '甲', '']);
    // Forward only: backward is Infinity whatever was given; backward only: the reverse.
    expect(Array.from(net.linkForwardS)).toEqual([3, NaN, Infinity]);
    expect(Array.from(net.linkBackwardS)).toEqual([Infinity, Infinity, 4]);
    // Straight 1000 m, shaped (1,0)→(1,1)→(0,0) = 1000 + 2000, given 12.
    expect(Array.from(net.linkLengthM)).toEqual([1000, 3000, 12]);
    expect(Array.from(net.geomOffset)).toEqual([0, 2, 5, 7]);
  });
});
