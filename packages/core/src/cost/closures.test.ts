import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { InputError } from '../input_error';
import { closeRoads, findClosedLinks } from './closures';
import { polylineLengthM } from '../network/geodesy';
import { LinkFlag } from '../network/road_class';
import { RoadNetworkBuilder, type RoadNetwork } from '../network/road_network';
import { applySpeedModel } from './speed_model';

/**
 * Three links in a row along the equator, 0.001° each: a(0)–b(0.001)–c(0.002)–d(0.003), ids 11, 12, 13,
 * ways 100, 100, 200; plus link 14 (way 300) from b north to e(0.001, 0.002), a straight 2-point segment.
 */
function net(): RoadNetwork {
  const b = new RoadNetworkBuilder(polylineLengthM);
  const n = [b.addNode(1, 0, 0), b.addNode(2, 0.001, 0), b.addNode(3, 0.002, 0), b.addNode(4, 0.003, 0), b.addNode(5, 0.001, 0.002)];
  const both = LinkFlag.FORWARD | LinkFlag.BACKWARD;
  b.addLink({ source: n[0], target: n[1], id: 11, wayId: 100, flags: both });
  b.addLink({ source: n[1], target: n[2], id: 12, wayId: 100, flags: both | LinkFlag.BRIDGE });
  b.addLink({ source: n[2], target: n[3], id: 13, wayId: 200, flags: LinkFlag.FORWARD });
  b.addLink({ source: n[1], target: n[4], id: 14, wayId: 300, flags: both });
  return applySpeedModel(b.build());
}

const square = (x0: number, y0: number, x1: number, y1: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});

describe('closeRoads', () => {
  it('closes by link id: flag set, Infinity both ways (link and arcs), others untouched, input unchanged', () => {
    const n = net();
    const c = closeRoads(n, { linkIds: [12] });
    expect(c.linkFlags[1]).toBe(LinkFlag.FORWARD | LinkFlag.BACKWARD | LinkFlag.BRIDGE | LinkFlag.CLOSED);
    expect([c.linkForwardS[1], c.linkBackwardS[1]]).toEqual([Infinity, Infinity]);
    for (let a = 0; a < c.arcLink.length; a++) if (c.arcLink[a] >>> 1 === 1) expect(c.arcCostS[a]).toBe(Infinity);
    expect(c.linkForwardS[0]).toBe(n.linkForwardS[0]);
    expect(c.linkBackwardS[2]).toBe(Infinity); // one-way link 13 stays one-way
    expect(Number.isFinite(c.linkForwardS[2])).toBe(true);
    expect(n.linkFlags[1] & LinkFlag.CLOSED).toBe(0);
    expect(Number.isFinite(n.linkForwardS[1])).toBe(true);
  });

  it('closes every link of a way', () => {
    const r = findClosedLinks(net(), { wayIds: [100] });
    expect(r.linkIndices).toEqual([0, 1]);
    expect(r.byWayId).toEqual([[0, 1]]);
  });

  it('a polygon closes links with a vertex inside', () => {
    // Square around node c (0.002, 0): links 12 and 13 end there.
    expect(findClosedLinks(net(), { polygons: [square(0.0019, -0.0001, 0.0021, 0.0001)] }).byPolygon).toEqual([[1, 2]]);
  });

  it('a polygon closes a link crossing it with no vertex inside', () => {
    // Small square on the middle of link 14 (b → e, x = 0.001, y 0 … 0.002): no vertex inside, the segment crosses.
    const r = findClosedLinks(net(), { polygons: [square(0.0009, 0.0009, 0.0011, 0.0011)] });
    expect(r.linkIndices).toEqual([3]);
    // A square beside the road touches nothing.
    expect(findClosedLinks(net(), { polygons: [square(0.0015, 0.0009, 0.0017, 0.0011)] }).linkIndices).toEqual([]);
  });

  it('a hole in the polygon leaves the roads inside it open', () => {
    const withHole: Polygon = {
      type: 'Polygon',
      coordinates: [square(-0.01, -0.01, 0.01, 0.01).coordinates[0], square(-0.005, -0.005, 0.005, 0.005).coordinates[0]],
    };
    expect(findClosedLinks(net(), { polygons: [withHole] }).linkIndices).toEqual([]);
  });

  it('MultiPolygon and combined lists; each link once', () => {
    const mp = { type: 'MultiPolygon' as const, coordinates: [square(-0.0001, -0.0001, 0.0001, 0.0001).coordinates, square(0.0029, -0.0001, 0.0031, 0.0001).coordinates] };
    const r = findClosedLinks(net(), { linkIds: [11], wayIds: [200], polygons: [mp] });
    expect(r.byPolygon).toEqual([[0, 2]]);
    expect(r.linkIndices).toEqual([0, 2]);
  });

  it('unknown ids and bad polygons are input errors naming the place', () => {
    expect(() => closeRoads(net(), { linkIds: [11, 99], source: 'scenario.closures' })).toThrow(new InputError({ file: 'scenario.closures', feature: 'linkIds[1]' }, 'no road link with id 99').message);
    expect(() => closeRoads(net(), { wayIds: [999] })).toThrow(/closures \(wayIds\[0\]\): no road link from OSM way 999/);
    expect(() => closeRoads(net(), { polygons: [{ type: 'Polygon', coordinates: [[[0, 0], [1, 1]]] }] })).toThrow(InputError);
  });
});
