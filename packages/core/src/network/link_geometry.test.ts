import CheapRuler from 'cheap-ruler';
import { describe, expect, it } from 'vitest';
import { polylineLengthM } from './geodesy';
import { linkCumulativeM, linkSlice, pointOnLink } from './link_geometry';
import { LinkFlag } from './road_class';
import { RoadNetworkBuilder, type RoadNetwork } from './road_network';

/**
 * An L-shaped link drawn in local metres (x east, y north) around (116.4°, 39.9°): A(0, 0) → B(300, 0)
 * → C(300, 400), so 300 m east then 400 m north, 700 m in all. The ruler that draws it is the one that
 * measures it (same latitude), so hand-calculated positions hold to float precision.
 */
const LAT0 = 39.9;
const LON0 = 116.4;
const R = new CheapRuler(LAT0, 'meters');
const ll = (x: number, y: number): [number, number] => [LON0 + x / R.kx, LAT0 + y / R.ky];
const xy = ([lon, lat]: [number, number]): [number, number] => [(lon - LON0) * R.kx, (lat - LAT0) * R.ky];

function lLink(lengthM?: number): RoadNetwork {
  const b = new RoadNetworkBuilder(polylineLengthM);
  const a = b.addNode(1, ...ll(0, 0));
  const c = b.addNode(2, ...ll(300, 400));
  b.addLink({ source: a, target: c, geometry: [...ll(0, 0), ...ll(300, 0), ...ll(300, 400)], lengthM, flags: LinkFlag.FORWARD | LinkFlag.BACKWARD });
  return b.build();
}

/** The slice in metres, each coordinate to 1 µm. */
function sliceXY(net: RoadNetwork, fromM: number, toM: number): [number, number][] {
  return linkSlice(net, 0, fromM, toM).map((p) => xy(p).map((v) => Math.round(v * 1e6) / 1e6 + 0) as [number, number]);
}

describe('linkCumulativeM', () => {
  it('measures the L as 0, 300, 700 m', () => {
    const cum = linkCumulativeM(lLink(), 0);
    expect(cum.length).toBe(3);
    expect(cum[0]).toBe(0);
    expect(cum[1]).toBeCloseTo(300, 6);
    expect(cum[2]).toBeCloseTo(700, 6);
  });

  it('scales the drawn lengths to a stored length (edge table length_m = 1400 → corner at 600 m)', () => {
    const cum = linkCumulativeM(lLink(1400), 0);
    expect(cum[1]).toBeCloseTo(600, 6);
    expect(cum[2]).toBeCloseTo(1400, 6);
  });
});

describe('pointOnLink', () => {
  const net = lLink();
  const at = (m: number) => {
    const p = pointOnLink(net, 0, m);
    const [x, y] = xy([p.lon, p.lat]);
    return { x, y, dirX: p.dirX, dirY: p.dirY };
  };

  it('inside the first segment: 150 m → (150, 0), heading east', () => {
    const p = at(150);
    expect(p.x).toBeCloseTo(150, 6);
    expect(p.y).toBeCloseTo(0, 6);
    expect(p.dirX).toBeCloseTo(1, 9);
    expect(p.dirY).toBeCloseTo(0, 9);
  });

  it('inside the second segment: 500 m → (300, 200), heading north', () => {
    const p = at(500);
    expect(p.x).toBeCloseTo(300, 6);
    expect(p.y).toBeCloseTo(200, 6);
    expect(p.dirX).toBeCloseTo(0, 9);
    expect(p.dirY).toBeCloseTo(1, 9);
  });

  it('at the corner: 300 m → B, with the direction of the segment ending there', () => {
    const p = at(300);
    expect(p.x).toBeCloseTo(300, 6);
    expect(p.y).toBeCloseTo(0, 6);
    expect(p.dirX).toBeCloseTo(1, 9);
  });

  it('clamps offsets before the start and past the end', () => {
    expect(at(-50).x).toBeCloseTo(0, 6);
    expect(at(-50).y).toBeCloseTo(0, 6);
    expect(at(900).x).toBeCloseTo(300, 6);
    expect(at(900).y).toBeCloseTo(400, 6);
  });
});

describe('linkSlice', () => {
  const net = lLink();

  it('across the corner: 100 → 500 m is (100, 0), B, (300, 200)', () => {
    expect(sliceXY(net, 100, 500)).toEqual([[100, 0], [300, 0], [300, 200]]);
  });

  it('reversed offsets run backwards: 500 → 100 m', () => {
    expect(sliceXY(net, 500, 100)).toEqual([[300, 200], [300, 0], [100, 0]]);
  });

  it('inside one segment: no vertex between', () => {
    expect(sliceXY(net, 350, 650)).toEqual([[300, 50], [300, 350]]);
  });

  it('starting or ending exactly at the corner does not repeat it', () => {
    // The corner's offset as measured (300 m up to float rounding of the drawing).
    const corner = linkCumulativeM(net, 0)[1];
    expect(sliceXY(net, 0, corner)).toEqual([[0, 0], [300, 0]]);
    expect(sliceXY(net, corner, 700)).toEqual([[300, 0], [300, 400]]);
  });

  it('clamps to the link: −100 → 1000 m is the whole L', () => {
    expect(sliceXY(net, -100, 1000)).toEqual([[0, 0], [300, 0], [300, 400]]);
  });

  it('an empty piece is one point twice', () => {
    expect(sliceXY(net, 200, 200)).toEqual([[200, 0], [200, 0]]);
  });

  it('offsets in stored-length units: length_m 1400, 300 → 1000 m is (150, 0), B, (300, 200)', () => {
    expect(sliceXY(lLink(1400), 300, 1000)).toEqual([[150, 0], [300, 0], [300, 200]]);
  });
});
