import { describe, expect, it } from 'vitest';
import type { FeatureCollection, MultiPolygon, Point } from 'geojson';
import { addStation, analyzeCoverage, combinedSearch } from '../packages/core/src/coverage/analysis';
import { coverageLayers } from '../packages/core/src/coverage/layers';
import { LinkFlag, RoadNetworkBuilder, polylineLengthM, reachedPieces, type RoadNetwork } from '../packages/core/src/index';
import { rulerAt } from '../packages/core/src/network/geodesy';
import { polygonAreaKm2 } from '../packages/core/src/surface/contours';
import { testScenario, testStation } from '../packages/core/src/coverage/testing';
import { prng } from '../packages/core/src/search/test_networks';
import type { Station } from '../packages/core/src/scenario/scenario_types';

// Property tests on seeded random street grids: links dropped, one-way and of random speed.
const LON0 = 113.3;
const LAT0 = 23.1;
const r = rulerAt(LAT0);
const lon = (x: number) => LON0 + x / r.kx;
const lat = (y: number) => LAT0 + y / r.ky;

/** n × n grid of spacing s metres with origin (x0, y0); adds to builder b; returns node index of (i, j). */
function addGrid(b: RoadNetworkBuilder, rand: () => number, n: number, s: number, x0: number, y0: number, dropShare: number): (i: number, j: number) => number {
  const base = b.nodeCount;
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) b.addNode(base + i + j * n + 1, lon(x0 + i * s), lat(y0 + j * s));
  const link = (p: number, q: number) => {
    if (rand() < dropShare) return;
    const speedMs = (20 + rand() * 30) / 3.6;
    const cost = s / speedMs;
    const oneWay = rand() < 0.1;
    const flags = LinkFlag.FORWARD | (oneWay ? 0 : LinkFlag.BACKWARD) | LinkFlag.EXPLICIT_COST;
    b.addLink({ source: p, target: q, lengthM: s, flags, forwardS: cost, backwardS: cost });
  };
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const k = base + i + j * n;
      if (i + 1 < n) link(k, k + 1);
      if (j + 1 < n) link(k, k + n);
    }
  }
  return (i, j) => base + i + j * n;
}

function randomCity(seed: number): { net: RoadNetwork; stations: Station[]; demand: FeatureCollection<Point, Record<string, unknown>> } {
  const rand = prng(seed);
  const b = new RoadNetworkBuilder(polylineLengthM);
  const n = 25;
  const s = 150;
  addGrid(b, rand, n, s, 0, 0, 0.15);
  const net = b.build();
  const size = (n - 1) * s;
  const stations: Station[] = [];
  for (let i = 0; i < 4; i++) {
    const x = Math.round(rand() * (n - 1)) * s;
    const y = Math.round(rand() * (n - 1)) * s;
    stations.push(testStation(`S${i}`, lon(x), lat(y), { turnoutS: 30 + Math.round(rand() * 60) }));
  }
  const demand: FeatureCollection<Point, Record<string, unknown>> = { type: 'FeatureCollection', features: [] };
  for (let i = 0; i < 300; i++) {
    demand.features.push({ type: 'Feature', properties: { population: Math.round(rand() * 100) }, geometry: { type: 'Point', coordinates: [lon(rand() * size), lat(rand() * size)] } });
  }
  return { net, stations, demand };
}

const SEEDS = [1, 2, 3, 4, 5, 6];

describe('coverage invariants on random street grids', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: districts partition the served land; every served cell is within the access distance of a reached road piece`, () => {
      const { net, stations, demand } = randomCity(seed);
      const a = analyzeCoverage(testScenario(net, stations, { demand }));
      const { grid, land } = a.context;
      // partition, cell by cell: every land cell some station reaches is in exactly one district
      let served = 0;
      let inDistricts = 0;
      let mismatched = 0;
      for (let k = 0; k < land.length; k++) {
        if (!land[k]) continue;
        if (a.firstS[k] < Infinity) served++;
        if (a.districtStation[k] >= 0) inDistricts++;
        if (a.districtStation[k] >= 0 !== a.firstS[k] < Infinity) mismatched++;
      }
      expect(mismatched).toBe(0);
      expect(inDistricts).toBe(served);
      const unit = (grid.cellSizeM * grid.cellSizeM) / 1e6;
      expect(a.districts.reduce((sum, d) => sum + d.cellCount, 0)).toBe(served);
      // the drawn district polygons add up to the served area within the raster's error (corner cuts)
      const polys = coverageLayers(a, ['districts']).districts!.features.map((f) => polygonAreaKm2(f.geometry as MultiPolygon));
      const polySum = polys.reduce((x, y) => x + y, 0);
      expect(Math.abs(polySum / (served * unit) - 1)).toBeLessThan(0.03);

      // no served land farther than the access distance from a reached road piece
      const pieces = reachedPieces(combinedSearch(a));
      const byLink = new Map<number, [number, number][]>();
      for (const p of pieces) {
        const list = byLink.get(p.link) ?? [];
        list.push([p.fromM, p.toM]);
        byLink.set(p.link, list);
      }
      let tooFar = 0;
      let offPiece = 0;
      let servedInTime = 0;
      for (let k = 0; k < land.length; k++) {
        if (!(a.firstS[k] <= a.responseS)) continue;
        servedInTime++;
        if (!(grid.nearestDistM[k] <= grid.accessDistanceM)) tooFar++;
        const off = grid.nearestOffsetM[k];
        if (!(byLink.get(grid.nearestLink[k]) ?? []).some(([from, to]) => off >= from - 1e-3 && off <= to + 1e-3)) offPiece++;
      }
      expect(servedInTime).toBeGreaterThan(0);
      expect(tooFar).toBe(0);
      expect(offPiece).toBe(0);
    });

    it(`seed ${seed}: adding a station never lowers a coverage figure`, () => {
      const { net, stations, demand } = randomCity(seed);
      const sc = testScenario(net, [], { demand });
      const before = analyzeCoverage(sc, stations.slice(0, 2));
      const after = addStation(before, stations[2]);
      const f0 = before.figures;
      const f1 = after.figures;
      expect(f1.landShare).toBeGreaterThanOrEqual(f0.landShare);
      expect(f1.roadShare).toBeGreaterThanOrEqual(f0.roadShare - 1e-12);
      expect(f1.demandShare!).toBeGreaterThanOrEqual(f0.demandShare!);
      expect(f1.secondDueLandShare).toBeGreaterThanOrEqual(f0.secondDueLandShare);
      expect(f1.secondDueDemandShare!).toBeGreaterThanOrEqual(f0.secondDueDemandShare!);
      expect(f1.lateAreaKm2 + f1.unreachableAreaKm2).toBeLessThanOrEqual(f0.lateAreaKm2 + f0.unreachableAreaKm2 + 1e-12);
      expect(f1.unreachableAreaKm2).toBeLessThanOrEqual(f0.unreachableAreaKm2 + 1e-12);
      expect(f1.arrivalP90S ?? Infinity).toBeLessThanOrEqual(f0.arrivalP90S ?? Infinity);
      // first arrival never later anywhere; the input analysis is left as it was
      let later = 0;
      for (let k = 0; k < after.firstS.length; k++) if (after.firstS[k] > before.firstS[k]) later++;
      expect(later).toBe(0);
      expect(before.stations.length).toBe(2);
    });
  }

  it('a station on an island covers only its island', () => {
    const rand = prng(99);
    const b = new RoadNetworkBuilder(polylineLengthM);
    addGrid(b, rand, 15, 150, 0, 0, 0); // mainland, links 0 .. 419
    const mainlandLinks = b.linkCount;
    const island = addGrid(b, rand, 4, 150, 2600, 600, 0); // 450 m square, 500 m east of the mainland, no bridge
    const net = b.build();
    const mainland = testStation('M', lon(1050), lat(1050));
    const isle = testStation('I', lon(2600 + 150), lat(600 + 150));
    expect(island(1, 1)).toBeGreaterThan(0);
    const a = analyzeCoverage(testScenario(net, [mainland, isle]));
    const I = a.stations[1];
    expect(I.island).toBe(true);
    expect(a.stations[0].island).toBe(false);
    const { grid } = a.context;
    for (const k of I.serviceCells) expect(grid.nearestLink[k]).toBeGreaterThanOrEqual(mainlandLinks);
    let wrongOwner = 0;
    for (let k = 0; k < grid.nearestLink.length; k++) {
      if (grid.nearestLink[k] < 0 || a.firstStation[k] < 0) continue;
      const onIsland = grid.nearestLink[k] >= mainlandLinks;
      if (a.firstStation[k] !== (onIsland ? 1 : 0)) wrongOwner++;
    }
    expect(wrongOwner).toBe(0);
    // the mainland station reaches none of the island: the island district is the island station's alone
    expect(a.stations[0].serviceCells.every((k) => grid.nearestLink[k] < mainlandLinks)).toBe(true);
  });
});
