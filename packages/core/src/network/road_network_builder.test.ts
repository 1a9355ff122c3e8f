import { describe, expect, it } from 'vitest';
import { RoadNetworkBuilder } from './road_network';
import { LinkFlag } from './road_class';

// A stand-in metric that makes lengths easy to check by hand: 1 m per unit of Manhattan distance × 1000.
const manhattan = (flat: ArrayLike<number>, start: number, end: number): number => {
  let sum = 0;
  for (let i = start + 2; i < end; i += 2) sum += (Math.abs(flat[i] - flat[i - 2]) + Math.abs(flat[i + 1] - flat[i - 1])) * 1000;
  return sum;
};

describe('RoadNetworkBuilder (typed-array storage)', () => {
  it('measures a straight link from its end nodes, a shaped one along its shape, and keeps a given length', () => {
    const b = new RoadNetworkBuilder(manhattan);
    // A link may name nodes added after it: indices are checked when the network is built.
    b.addLink({ source: 0, target: 1, flags: LinkFlag.FORWARD });
    b.addNode(1, 0, 0);
    b.addNode(2, 3, 4);
    b.addLink({ source: 0, target: 1, flags: LinkFlag.FORWARD, geometry: [0, 0, 0, 4, 3, 4] });
    b.addLink({ source: 1, target: 0, flags: LinkFlag.BACKWARD, lengthM: 42 });
    const net = b.build();
    // straight: |3| + |4| = 7 → 7000; shaped: 4 + 3 = 7 → 7000 along (0,0)→(0,4)→(3,4); given: 42.
    expect(Array.from(net.linkLengthM)).toEqual([7000, 7000, 42]);
    expect(Array.from(net.geomOffset)).toEqual([0, 2, 5, 7]);
    expect(Array.from(net.geomLon)).toEqual([0, 3, 0, 0, 3, 3, 0]);
    expect(Array.from(net.geomLat)).toEqual([0, 4, 0, 4, 4, 4, 0]);
  });

  it('copies a geometry at addLink: changing the caller’s array afterwards changes nothing', () => {
    const b = new RoadNetworkBuilder(manhattan);
    b.addNode(1, 0, 0);
    b.addNode(2, 1, 0);
    const shape = new Float64Array([0, 0, 1, 0]);
    b.addLink({ source: 0, target: 1, flags: LinkFlag.FORWARD, geometry: shape });
    shape[2] = 99;
    expect(Array.from(b.build().geomLon)).toEqual([0, 1]);
  });

  it('rejects a node index out of range, a negative one included, when building', () => {
    for (const source of [-1, 2]) {
      const b = new RoadNetworkBuilder(manhattan);
      b.addNode(1, 0, 0);
      b.addNode(2, 1, 0);
      b.addLink({ source, target: 1, flags: LinkFlag.FORWARD });
      expect(() => b.build()).toThrow(/link 0: node index out of range/);
    }
  });

  it('keeps names and Chinese names in one table, and refuses a second build', () => {
    const b = new RoadNetworkBuilder(manhattan);
    b.addNode(1, 0, 0);
    b.addNode(2, 1, 0);
    b.addLink({ source: 0, target: 1, flags: LinkFlag.FORWARD, name: 'Main St', nameZh: '主街' });
    b.addLink({ source: 1, target: 0, flags: LinkFlag.FORWARD, name: 'Main St' });
    const net = b.build();
    expect(net.names[net.linkName[0]]).toBe('Main St');
    expect(net.linkName[1]).toBe(net.linkName[0]);
    expect(net.names[net.linkNameZh[0]]).toBe('主街');
    expect(net.linkNameZh[1]).toBe(0);
    expect(() => b.build()).toThrow(/called twice/);
  });

  it('grows past its initial capacity without losing values (5,000 links)', () => {
    const b = new RoadNetworkBuilder(manhattan);
    for (let i = 0; i <= 5000; i++) b.addNode(i, i, 0);
    for (let i = 0; i < 5000; i++) b.addLink({ source: i, target: i + 1, flags: LinkFlag.FORWARD | LinkFlag.EXPLICIT_COST, forwardS: i });
    const net = b.build();
    expect(net.linkCount).toBe(5000);
    for (let i = 0; i < 5000; i += 997) {
      expect(net.linkForwardS[i]).toBe(i);
      expect(net.linkBackwardS[i]).toBe(Infinity);
      expect(net.linkLengthM[i]).toBe(1000);
    }
  });
});
