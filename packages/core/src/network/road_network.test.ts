import { describe, expect, it } from 'vitest';
import { RoadNetworkBuilder, networkBbox } from './road_network';
import { LinkFlag } from './road_class';
import { polylineLengthM } from './geodesy';

describe('RoadNetworkBuilder', () => {
  it('packs links into a CSR with both directions and Infinity for forbidden ones', () => {
    const b = new RoadNetworkBuilder(polylineLengthM);
    const a = b.addNode(10, 0, 0);
    const c = b.addNode(20, 0.001, 0);
    const d = b.addNode(30, 0.002, 0);
    b.addLink({ source: a, target: c, flags: LinkFlag.FORWARD | LinkFlag.EXPLICIT_COST, forwardS: 5, id: 7 });
    b.addLink({ source: c, target: d, flags: LinkFlag.FORWARD | LinkFlag.BACKWARD | LinkFlag.EXPLICIT_COST, forwardS: 2, backwardS: 3 });
    const net = b.build();
    expect(net.nodeCount).toBe(3);
    expect(net.linkCount).toBe(2);
    expect(Array.from(net.arcOffset)).toEqual([0, 1, 3, 4]);
    // node c has the reverse arc of link 0 (forbidden) and the forward arc of link 1
    const costsFromC = [net.arcCostS[1], net.arcCostS[2]];
    expect(costsFromC).toEqual([Infinity, 2]);
    expect(net.arcCostS[3]).toBe(3);
    expect(net.linkId[0]).toBe(7);
    expect(net.linkId[1]).toBe(2);
    // 0.001° of longitude on the equator is 111.32 m (WGS84 equatorial radius 6378137 m × π/180 / 1000)
    expect(net.linkLengthM[0]).toBeCloseTo(111.32, 1);
  });
});

describe('networkBbox', () => {
  it('spans every shape point, not only the nodes', () => {
    const b = new RoadNetworkBuilder(polylineLengthM);
    const a = b.addNode(1, 10, 50);
    const c = b.addNode(2, 10.002, 50);
    // the road bulges north to 50.003 between its two nodes
    b.addLink({ source: a, target: c, flags: LinkFlag.FORWARD | LinkFlag.BACKWARD, geometry: [10, 50, 10.001, 50.003, 10.002, 50] });
    expect(networkBbox(b.build())).toEqual([10, 50, 10.002, 50.003]);
    expect(networkBbox(new RoadNetworkBuilder(polylineLengthM).build())).toBeNull();
  });
});
