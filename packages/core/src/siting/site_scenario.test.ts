import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeCoverage } from '../coverage/analysis';
import { coverageContext } from '../coverage/context';
import { distanceM } from '../network/geodesy';
import { roadClassName } from '../network/road_class';
import { loadScenario } from '../scenario/load_scenario';
import type { LoadedScenario } from '../scenario/scenario_types';
import { stationsInService } from '../scenario/stations';
import { pointInPolygon } from '../spatial/point_in_polygon';
import { areaPolygons } from '../surface/land_grid';
import { CANDIDATE_ROAD_CLASSES, checkCandidates, generateCandidates } from './candidates';
import { siteScenario } from './site_scenario';
import type { MipSolver } from './solver';
import { testSolver } from './testing';

const dir = new URL('../../../../data/sample-city/', import.meta.url);

async function loadSample(): Promise<LoadedScenario> {
  const json = JSON.parse(await readFile(new URL('scenario.json', dir), 'utf8')) as unknown;
  return loadScenario(json, 'data/sample-city/scenario.json', async (rel) => new Uint8Array(await readFile(new URL(rel, dir))));
}

// Coarse candidates (1 km) keep the matrix small: these tests are about agreement, not the optimum's quality.
const SPACING_M = 1000;

describe('siting on the sample city', () => {
  let s: LoadedScenario;
  let solver: MipSolver;
  beforeAll(async () => {
    [s, solver] = await Promise.all([loadSample(), testSolver()]);
  });

  it('MCLP with the planned stations free finds a set at least as good as the planned one, and its coverage is what analyze reports for that set', () => {
    const r = siteScenario(s, { model: 'mclp', p: 2, solver, candidateSpacingM: SPACING_M, curveMax: 2 });
    expect(r.result.optimal).toBe(true);
    expect(r.result.selected.length).toBe(2);
    // the planned set, analysed independently
    const planned = analyzeCoverage(s, stationsInService(s, 'planned'));
    expect(r.result.coveredWeight).toBeGreaterThanOrEqual(planned.figures.demandCovered! - 1e-6);
    // the chosen set through analyze: existing stations plus the chosen sites
    const existing = s.stations.filter((x) => x.status === 'existing');
    expect(r.stationSet.length).toBe(existing.length + 2);
    const chosen = analyzeCoverage(s, r.stationSet);
    expect(r.result.coveredWeight).toBeCloseTo(chosen.figures.demandCovered!, 6);
    expect(r.result.doubleCoveredWeight).toBeCloseTo(chosen.figures.secondDueDemand!, 6);
    // planned versus optimal: the optimum's gain bounds the planned gain
    const pvo = r.plannedVsOptimal!;
    expect(pvo.plannedIds.sort()).toEqual(['huxi', 'xincheng']);
    expect(pvo.plannedWeight).toBeCloseTo(planned.figures.demandCovered!, 6);
    expect(pvo.baseWeight).toBeCloseTo(analyzeCoverage(s, existing).figures.demandCovered!, 6);
    expect(pvo.ratio).toBeGreaterThan(0);
    expect(pvo.ratio).toBeLessThanOrEqual(1 + 1e-12);
    // the curve never falls, and p = 2 is the model's answer
    expect(r.curve.map((c) => c.p)).toEqual([1, 2]);
    expect(r.curve[1].coveredWeight).toBeGreaterThanOrEqual(r.curve[0].coveredWeight);
    expect(r.curve[1].coveredWeight).toBeCloseTo(r.result.coveredWeight, 6);
  });

  it('backup coverage of the chosen set equals the second-due demand analyze finds', () => {
    const r = siteScenario(s, { model: 'backup', p: 1, solver, candidateSpacingM: 2500, curveMax: 0 });
    const a = analyzeCoverage(s, r.stationSet);
    expect(r.result.objective).toBeCloseTo(a.figures.secondDueDemand!, 6);
  });

  it('generated candidates lie on main and secondary roads inside the study area, at least half the spacing apart', () => {
    const ctx = coverageContext(s);
    const pts = generateCandidates(ctx, 500);
    expect(pts.length).toBeGreaterThan(20);
    const polys = areaPolygons(s.studyArea);
    for (const p of pts) {
      expect(polys.some((poly) => pointInPolygon(p.lon, p.lat, poly))).toBe(true);
      const snap = ctx.snapIndex.nearest(p.lon, p.lat, 1)!;
      expect(snap.distanceM).toBeLessThan(0.5);
      expect(CANDIDATE_ROAD_CLASSES as readonly string[]).toContain(roadClassName(ctx.net.linkClass[snap.link]));
    }
    for (let a = 0; a < pts.length; a++) for (let b = a + 1; b < pts.length; b++) expect(distanceM(pts[a].lon, pts[a].lat, pts[b].lon, pts[b].lat)).toBeGreaterThanOrEqual(250);
  });

  it('rejects candidates by GB 51080-2015 §4.1.5 with the reason: outside the built-up area, near a hazardous site, near a crowded exit', () => {
    const ctx = coverageContext(s);
    const station = s.stations.find((x) => x.id === 'chengzhong')!;
    const [inTown] = generateCandidates(ctx, 500);
    const liushuRoad = { id: 'farm', name: 'farmland', lon: 104.56, lat: 30.06 }; // south-west of the town's outline
    const pointAt = (lon: number, lat: number) => ({ type: 'FeatureCollection' as const, features: [{ type: 'Feature' as const, properties: {}, geometry: { type: 'Point' as const, coordinates: [lon, lat] } }] });
    // a hazard 100 m north of the candidate (≈ 0.0009° of latitude) and a crowded exit 30 m east
    const north = 100 / 111_195;
    const east = 30 / (111_320 * Math.cos((inTown.lat * Math.PI) / 180));
    const checked = checkCandidates(ctx, [{ ...inTown, id: 'town' }, liushuRoad, { id: 'station', name: 'at Chengzhong', lon: station.lon, lat: station.lat }], {
      hazards: pointAt(inTown.lon, inTown.lat + north),
      crowdedExits: pointAt(inTown.lon + east, inTown.lat),
    });
    const town = checked[0];
    expect(town.accepted).toBe(false);
    const hazard = town.checks.find((c) => c.rule === 'hazardSetback')!;
    expect(hazard.pass).toBe(false);
    expect(hazard.valueM!).toBeCloseTo(100, 0);
    expect(hazard.limitM).toBe(200);
    expect(hazard.clause).toContain('4.1.5');
    const crowd = town.checks.find((c) => c.rule === 'crowdSetback')!;
    expect(crowd.pass).toBe(false);
    expect(crowd.valueM!).toBeCloseTo(30, 0);
    expect(crowd.limitM).toBe(50);
    const farm = checked[1];
    const area = farm.checks.find((c) => c.rule === 'builtUpArea')!;
    expect(area.pass === false || farm.checks.find((c) => c.rule === 'onRoad')!.pass === false).toBe(true);
    expect(farm.accepted).toBe(false);
    // at an existing station in town: inside the built-up area and on the main network
    expect(checked[2].checks.find((c) => c.rule === 'builtUpArea')!.pass).toBe(true);
    expect(checked[2].checks.find((c) => c.rule === 'roadIsland')!.pass).toBe(true);
  });
});
