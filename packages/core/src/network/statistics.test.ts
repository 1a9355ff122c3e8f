import { describe, expect, it } from 'vitest';
import { polylineLengthM } from './geodesy';
import { LinkFlag, roadClassCode } from './road_class';
import { RoadNetworkBuilder } from './road_network';
import { networkStatistics } from './statistics';

const BOTH = LinkFlag.FORWARD | LinkFlag.BACKWARD | LinkFlag.EXPLICIT_COST;
const FWD = LinkFlag.FORWARD | LinkFlag.EXPLICIT_COST;

/**
 * A─B─C triangle (C→A one way), a one-way spur C→D (D can be reached but not left), a separate
 * two-way road E─F, and a closed link A─E:
 *
 *   components (one-way rules respected): {A,B,C} 3 nodes, {E,F} 2, {D} 1.
 */
function handBuilt() {
  const b = new RoadNetworkBuilder(polylineLengthM);
  const A = b.addNode(1, 0, 0);
  const B = b.addNode(2, 0.001, 0);
  const C = b.addNode(3, 0.001, 0.001);
  const D = b.addNode(4, 0.002, 0.001);
  const E = b.addNode(5, 0.01, 0.01);
  const F = b.addNode(6, 0.011, 0.01);
  const primary = roadClassCode('primary');
  const residential = roadClassCode('residential');
  const service = roadClassCode('service');
  b.addLink({ source: A, target: B, flags: BOTH, forwardS: 10, backwardS: 10, lengthM: 100, roadClass: primary });
  b.addLink({ source: B, target: C, flags: BOTH, forwardS: 20, backwardS: 20, lengthM: 200, roadClass: primary });
  b.addLink({ source: C, target: A, flags: FWD, forwardS: 15, lengthM: 150, roadClass: residential });
  b.addLink({ source: C, target: D, flags: FWD, forwardS: 5, lengthM: 50, roadClass: residential });
  b.addLink({ source: E, target: F, flags: BOTH, forwardS: 3, backwardS: 3, lengthM: 30, roadClass: service });
  b.addLink({ source: A, target: E, flags: LinkFlag.EXPLICIT_COST | LinkFlag.CLOSED, lengthM: 10 });
  return b.build();
}

describe('networkStatistics', () => {
  it('counts, lengths, one-way and closed links, classes, islands and extent of a hand-built network', () => {
    const s = networkStatistics(handBuilt());
    expect(s.nodes).toBe(6);
    expect(s.links).toBe(6);
    // 2 + 2 (two-way A─B, B─C) + 1 + 1 (one-way C→A, C→D) + 2 (E─F) + 0 (closed)
    expect(s.directedArcs).toBe(8);
    expect(s.oneWayLinks).toBe(2);
    expect(s.closedLinks).toBe(1);
    // 100 + 200 + 150 + 50 + 30 + 10
    expect(s.lengthM).toBe(540);
    expect(s.byClass).toEqual({
      primary: { links: 2, lengthM: 300 },
      residential: { links: 2, lengthM: 200 },
      service: { links: 1, lengthM: 30 },
      unknown: { links: 1, lengthM: 10 },
    });
    expect(s.islands).toEqual({ count: 2, mainNodes: 3, mainShare: 0.5, smallIslandSizes: [2, 1] });
    expect(s.bbox).toEqual([0, 0, 0.011, 0.01]);
  });

  it('an empty network: zeros, no islands, no extent', () => {
    const s = networkStatistics(new RoadNetworkBuilder(polylineLengthM).build());
    expect(s).toEqual({
      nodes: 0, links: 0, directedArcs: 0, oneWayLinks: 0, closedLinks: 0, lengthM: 0, byClass: {},
      islands: { count: 0, mainNodes: 0, mainShare: 0, smallIslandSizes: [] }, bbox: null,
    });
  });

  it('invariants: arcs = 2 × two-way + one-way links; island sizes and the main network add up to every node', () => {
    const net = handBuilt();
    const s = networkStatistics(net);
    const twoWay = s.links - s.oneWayLinks - s.closedLinks;
    expect(s.directedArcs).toBe(2 * twoWay + s.oneWayLinks);
    expect(s.islands.mainNodes + s.islands.smallIslandSizes.reduce((a, b) => a + b, 0)).toBe(s.nodes);
  });
});
