import { describe, expect, it } from 'vitest';
import { RoadNetworkBuilder } from './road_network';
import { LinkFlag, roadClassCode } from './road_class';
import { polylineLengthM } from './geodesy';
import { landAccessLink, travellable, travellableLink } from './access';
import { normalisePlace, placeEndNode, placeOnLink } from './network_place';

// four links from node 0: a residential road, a one-way street, a closed road, a motorway
function net() {
  const b = new RoadNetworkBuilder(polylineLengthM);
  for (let i = 0; i < 5; i++) b.addNode(i + 1, 8 + i * 0.001, 49);
  const both = LinkFlag.EXPLICIT_COST | LinkFlag.FORWARD | LinkFlag.BACKWARD;
  b.addLink({ source: 0, target: 1, flags: both, forwardS: 1, backwardS: 1, lengthM: 100, roadClass: roadClassCode('residential') });
  b.addLink({ source: 0, target: 2, flags: LinkFlag.EXPLICIT_COST | LinkFlag.FORWARD, forwardS: 1, backwardS: -1, lengthM: 100, roadClass: roadClassCode('residential') });
  b.addLink({ source: 0, target: 3, flags: LinkFlag.EXPLICIT_COST, forwardS: -1, backwardS: -1, lengthM: 100, roadClass: roadClassCode('residential') });
  b.addLink({ source: 0, target: 4, flags: both, forwardS: 1, backwardS: 1, lengthM: 100, roadClass: roadClassCode('motorway') });
  return b.build();
}

describe('access rule', () => {
  it('travellable: either direction drivable; land access: travellable and not a motorway', () => {
    const g = net();
    expect([0, 1, 2, 3].map((l) => travellable(g, l))).toEqual([true, true, false, true]);
    expect([0, 1, 2, 3].map(travellableLink(g))).toEqual([true, true, false, true]);
    expect([0, 1, 2, 3].map(landAccessLink(g))).toEqual([true, true, false, false]);
  });
});

describe('NetworkPlace', () => {
  it('placeOnLink clamps to the link and gives the fraction', () => {
    const g = net();
    expect(placeOnLink(g, 0, 25)).toEqual({ link: 0, offsetM: 25, fraction: 0.25 });
    expect(placeOnLink(g, 0, -3)).toEqual({ link: 0, offsetM: 0, fraction: 0 });
    expect(placeOnLink(g, 0, 130)).toEqual({ link: 0, offsetM: 100, fraction: 1 });
  });

  it('a place within 1 mm of a link end is that node', () => {
    const g = net();
    expect(placeEndNode(g, placeOnLink(g, 1, 0.0009))).toBe(0);
    expect(placeEndNode(g, placeOnLink(g, 1, 99.9995))).toBe(2);
    expect(placeEndNode(g, placeOnLink(g, 1, 0.002))).toBe(-1);
    expect(normalisePlace(g, { snap: placeOnLink(g, 1, 100), startCost: 3 })).toEqual({ node: 2, snap: undefined, startCost: 3 });
    const mid = { snap: placeOnLink(g, 1, 50) };
    expect(normalisePlace(g, mid)).toBe(mid);
  });
});
