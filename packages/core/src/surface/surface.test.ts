import { describe, expect, it } from 'vitest';
import CheapRuler from 'cheap-ruler';
import { RoadNetworkBuilder } from '../network/road_network';
import { LinkFlag } from '../network/road_class';
import { polylineLengthM } from '../network/geodesy';
import { buildLandGrid, cellAreaKm2, cellCentre } from './land_grid';
import { arrivalAndOwner, linkCellIndex, sparseArrival } from './arrival_surface';
import { bandPolygons, contourCells, polygonAreaKm2 } from './contours';
import { gridNetwork, referenceSearch } from './testing';

const LAT = 30;
const r = new CheapRuler(LAT, 'meters');

/** One straight east-west road of 1 km at 36 km/h (10 m/s: 100 s), one-way east when `oneWay`. */
function straightRoad(oneWay = false) {
  const b = new RoadNetworkBuilder(polylineLengthM);
  b.addNode(1, 120, LAT);
  b.addNode(2, 120 + 1000 / r.kx, LAT);
  const flags = LinkFlag.FORWARD | (oneWay ? 0 : LinkFlag.BACKWARD) | LinkFlag.EXPLICIT_COST;
  b.addLink({ source: 0, target: 1, lengthM: 1000, flags, forwardS: 100, backwardS: 100 });
  return b.build();
}

describe('land grid', () => {
  it('serves exactly the cells within the access distance of the road, with their position along it', () => {
    const net = straightRoad();
    const bbox: [number, number, number, number] = [120 - 200 / r.kx, LAT - 200 / r.ky, 120 + 1200 / r.kx, LAT + 200 / r.ky];
    const grid = buildLandGrid(net, { cellSizeM: 10, accessDistanceM: 57, bbox });
    expect(grid.width).toBe(140);
    expect(grid.height).toBe(40);
    for (let k = 0; k < grid.width * grid.height; k++) {
      const [lon, lat] = cellCentre(grid, k);
      const x = (lon - 120) * grid.kx;
      const y = (lat - LAT) * grid.ky;
      const along = Math.min(1000, Math.max(0, x));
      const d = Math.hypot(x - along, y);
      if (d <= 57) {
        expect(grid.nearestLink[k]).toBe(0);
        expect(grid.nearestDistM[k]).toBeCloseTo(d, 2);
        expect(grid.nearestOffsetM[k]).toBeCloseTo(along, 1);
      } else {
        expect(grid.nearestLink[k]).toBe(-1);
      }
    }
  });

  it('fills the study area by cell centres', () => {
    const net = straightRoad();
    // a 500 m × 300 m rectangle with a 100 m × 100 m hole
    const x = (m: number) => 120 + m / r.kx;
    const y = (m: number) => LAT + m / r.ky;
    const area = {
      type: 'Polygon' as const,
      coordinates: [
        [[x(0), y(-150)], [x(500), y(-150)], [x(500), y(150)], [x(0), y(150)], [x(0), y(-150)]],
        [[x(200), y(-50)], [x(200), y(50)], [x(300), y(50)], [x(300), y(-50)], [x(200), y(-50)]],
      ],
    };
    const grid = buildLandGrid(net, { cellSizeM: 10, accessDistanceM: 50, area });
    let n = 0;
    for (const v of grid.inArea) n += v;
    // (500×300 − 100×100) m² / 100 m² per cell
    expect(n).toBe(1400);
  });
});

describe('arrival surface', () => {
  it('interpolates along the link and respects one-way rules', () => {
    const net = straightRoad(true);
    const bbox: [number, number, number, number] = [120, LAT - 5 / r.ky, 120 + 1000 / r.kx, LAT + 5 / r.ky];
    const grid = buildLandGrid(net, { cellSizeM: 10, accessDistanceM: 20, bbox });
    // from the east end nothing is reachable westwards on a one-way street heading east
    const fromEast = arrivalAndOwner(grid, referenceSearch(net, [{ node: 1, startCost: 60 }]));
    // the cell at the east end is served only when its nearest point is the end node itself; centres sit 5 m short
    expect(fromEast.arrival.every((v) => v === Infinity)).toBe(true);
    const fromWest = arrivalAndOwner(grid, referenceSearch(net, [{ node: 0, startCost: 60 }], 110));
    for (let i = 0; i < grid.width; i++) {
      const expected = 60 + ((i + 0.5) * 10) / 10; // 10 m/s
      if (expected <= 110) expect(fromWest.arrival[i]).toBeCloseTo(expected, 3);
      else expect(fromWest.arrival[i]).toBe(Infinity);
    }
  });

  it('gives each cell to the first-arriving source', () => {
    const net = straightRoad();
    const bbox: [number, number, number, number] = [120, LAT - 5 / r.ky, 120 + 1000 / r.kx, LAT + 5 / r.ky];
    const grid = buildLandGrid(net, { cellSizeM: 10, accessDistanceM: 20, bbox });
    // west end turnout 60 s, east end 80 s: they meet where 60 + x/10 = 80 + (1000 − x)/10 → x = 600 m
    const { owner } = arrivalAndOwner(grid, referenceSearch(net, [{ node: 0, startCost: 60 }, { node: 1, startCost: 80 }]));
    for (let i = 0; i < grid.width; i++) expect(owner[i]).toBe((i + 0.5) * 10 < 600 ? 0 : 1);
  });

  it('uses mid-link sources', () => {
    const net = straightRoad();
    const bbox: [number, number, number, number] = [120, LAT - 5 / r.ky, 120 + 1000 / r.kx, LAT + 5 / r.ky];
    const grid = buildLandGrid(net, { cellSizeM: 10, accessDistanceM: 20, bbox });
    const cost = new Float64Array([30, 70]); // as a search from a snap at 300 m, start cost 0, would give
    const result = { net, sources: [{ snap: { link: 0, offsetM: 300 }, startCost: 0 }], budget: 50, cost, source: new Int32Array([0, 0]) };
    const { arrival } = arrivalAndOwner(grid, result);
    for (let i = 0; i < grid.width; i++) {
      const d = Math.abs((i + 0.5) * 10 - 300) / 10;
      if (d <= 50) expect(arrival[i]).toBeCloseTo(d, 3);
      else expect(arrival[i]).toBe(Infinity);
    }
  });
});

describe('sparse arrival', () => {
  it('lists exactly the reached cells of the full surface, with the same costs and owners', () => {
    const net = gridNetwork({ n: 21, spacingM: 100, speedKmh: 36, lat0: LAT });
    const grid = buildLandGrid(net, { cellSizeM: 20, accessDistanceM: 60 });
    const result = referenceSearch(net, [{ node: 50, startCost: 30 }, { node: 300, startCost: 0 }], 120);
    const full = arrivalAndOwner(grid, result);
    const sparse = sparseArrival(grid, linkCellIndex(grid, net.linkCount), result);
    const expected: number[] = [];
    full.arrival.forEach((v, k) => {
      if (v < Infinity) expected.push(k);
    });
    expect(Array.from(sparse.cells)).toEqual(expected);
    sparse.cells.forEach((k, i) => {
      expect(sparse.arrival[i]).toBe(full.arrival[k]);
      expect(sparse.owner[i]).toBe(full.owner[k]);
    });
  });
});

describe('contours', () => {
  it('keeps holes and separate parts, and its polygon area matches the cell count', () => {
    const net = straightRoad();
    const bbox: [number, number, number, number] = [120, LAT, 120 + 1000 / r.kx, LAT + 1000 / r.ky];
    const grid = buildLandGrid(net, { cellSizeM: 10, accessDistanceM: 0, bbox });
    // a 400 m square ring (hole 200 m) and a separate 100 m square
    const inRing = (i: number, j: number) => i >= 10 && i < 50 && j >= 10 && j < 50 && !(i >= 20 && i < 40 && j >= 20 && j < 40);
    const inSmall = (i: number, j: number) => i >= 70 && i < 80 && j >= 70 && j < 80;
    const mask = (k: number) => inRing(k % grid.width, Math.floor(k / grid.width)) || inSmall(k % grid.width, Math.floor(k / grid.width));
    const mp = contourCells(grid, mask);
    expect(mp.coordinates.length).toBe(2);
    const ring = mp.coordinates.find((p) => p.length === 2);
    expect(ring).toBeDefined();
    // cells: 1600 − 400 + 100 = 1300 → 0.13 km²; marching squares cuts 45° corners: 8 outer corners
    // (−⅛ cell each) and 4 hole corners (+⅛ cell each) → 1300 − 0.5 cells
    const expectedKm2 = (1300 - 0.5) * cellAreaKm2(grid);
    let planarM2 = 0;
    for (const poly of mp.coordinates) {
      poly.forEach((ring, idx) => {
        let s = 0;
        for (let k = 0, m = ring.length - 1; k < ring.length; m = k++) s += (ring[m][0] - ring[k][0]) * grid.kx * (ring[m][1] + ring[k][1]) * grid.ky;
        // exterior counter-clockwise (positive), holes clockwise (negative)
        expect(Math.sign(s)).toBe(idx === 0 ? 1 : -1);
        planarM2 += s / 2;
      });
    }
    // rounding to 6 decimals moves each vertex by up to 0.05 m: a few m² here
    expect(Math.abs(planarM2 / 1e6 - expectedKm2)).toBeLessThan(2e-5);
    // turf's spherical area differs from the local ellipsoidal frame by a few tenths of a percent
    expect(Math.abs(polygonAreaKm2(mp) / expectedKm2 - 1)).toBeLessThan(0.005);
  });

  it('cuts disjoint bands', () => {
    const net = straightRoad();
    const bbox: [number, number, number, number] = [120, LAT - 5 / r.ky, 120 + 1000 / r.kx, LAT + 5 / r.ky];
    const grid = buildLandGrid(net, { cellSizeM: 10, accessDistanceM: 20, bbox });
    const { arrival } = arrivalAndOwner(grid, referenceSearch(net, [{ node: 0, startCost: 0 }]));
    const bands = bandPolygons(grid, arrival, [30, 60, Infinity]);
    expect(bands.map((b) => Math.round(b.areaKm2 / cellAreaKm2(grid)))).toEqual([30, 30, 40]);
  });
});

describe('uniform grid closed form (oracles.md §2)', () => {
  it('4 min at 30 km/h serves the L1 diamond of area 2r² = 8.0 km², and 9/16 of it with 1 more minute of turnout', () => {
    const net = gridNetwork({ n: 121, spacingM: 50, speedKmh: 30, lat0: LAT }); // 6 km square
    const grid = buildLandGrid(net, { cellSizeM: 25, accessDistanceM: 150 });
    const centre = 60 + 60 * 121;
    const areaOf = (turnoutS: number) => {
      const { arrival } = arrivalAndOwner(grid, referenceSearch(net, [{ node: centre, startCost: turnoutS }], 300));
      let n = 0;
      for (const v of arrival) if (v < Infinity) n++;
      return n * cellAreaKm2(grid);
    };
    const a = areaOf(60);
    expect(Math.abs(a - 8.0) / 8.0).toBeLessThan(0.02);
    const b = areaOf(120);
    expect(Math.abs(b - 8.0 * (9 / 16)) / (8.0 * (9 / 16))).toBeLessThan(0.02);
  });
});
