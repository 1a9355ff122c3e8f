import { describe, expect, it } from 'vitest';
import { InputError } from '../input_error';
import { LinkFlag } from '../network/road_class';
import { loadScenario, type ReadScenarioFile } from './load_scenario';
import { stationsInService } from './stations';

// A tiny town: an east-west road (2 links, 1 km each) and a north-south road crossing at the middle.
const roads = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { id: 1, class: '主干路', name: 'Renmin Rd' }, geometry: { type: 'LineString', coordinates: [[104.59, 30.1], [104.6, 30.1], [104.61, 30.1]] } },
    { type: 'Feature', properties: { id: 2, class: '支路' }, geometry: { type: 'LineString', coordinates: [[104.6, 30.09], [104.6, 30.1], [104.6, 30.11]] } },
  ],
};
const point = (lon: number, lat: number, properties: Record<string, unknown>) => ({ type: 'Feature', properties, geometry: { type: 'Point', coordinates: [lon, lat] } });
const fc = (features: unknown[]) => ({ type: 'FeatureCollection', features });
const square = [[[104.595, 30.095], [104.605, 30.095], [104.605, 30.105], [104.595, 30.105], [104.595, 30.095]]];

function files(extra: Record<string, unknown> = {}): ReadScenarioFile {
  const all: Record<string, unknown> = {
    'roads.geojson': roads,
    'stations.geojson': fc([point(104.6, 30.1005, { id: 7, name: 'Town', class: '二级消防站', status: 'existing' }), point(104.605, 30.1, { id: 'p', name: 'New', class: '一级', status: 'planned', year: 2027 })]),
    'hydrants.geojson': fc([point(104.601, 30.1001, { id: 'h1', status: '完好' }), point(104.602, 30.1001, { id: 'h2', status: 'low_pressure', diameterMm: 100 }), point(104.603, 30.1001, { id: 'h3' })]),
    'water.geojson': fc([point(104.6, 30.099, { id: 'w1', kind: '取水码头', name: 'Dock' })]),
    'barriers.geojson': fc([{ type: 'Feature', properties: { id: 'r', kind: '河流' }, geometry: { type: 'LineString', coordinates: [[104.59, 30.095], [104.61, 30.095]] } }]),
    'pop.geojson': fc([{ type: 'Feature', properties: { pop: 1200 }, geometry: { type: 'Polygon', coordinates: square } }]),
    'area.geojson': { type: 'Polygon', coordinates: square },
    'closed.geojson': fc([{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[104.6045, 30.0995], [104.6055, 30.0995], [104.6055, 30.1005], [104.6045, 30.1005], [104.6045, 30.0995]]] } }]),
    ...extra,
  };
  return async (rel) => {
    if (!(rel in all)) throw new Error(`ENOENT: no such file ${rel}`);
    const v = all[rel];
    return new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));
  };
}

const scenario = (over: Record<string, unknown> = {}) => ({
  name: 'Tiny',
  network: { geojson: 'roads.geojson' },
  stations: [
    { id: 'a', name: 'A', lon: 104.6, lat: 30.1002, class: '一级', status: 'existing' },
    { id: 'b', name: 'B', lon: 104.59, lat: 30.1002, class: '乡镇一级', status: 'under_construction', year: 2026, turnoutS: 90 },
  ],
  ...over,
});

async function failure(p: Promise<unknown>): Promise<InputError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError');
}

describe('loadScenario', () => {
  it('loads the network, stations with normalised classes, and the defaults', async () => {
    const s = await loadScenario(scenario(), 'town/scenario.json', files());
    expect(s.network.linkCount).toBe(4);
    expect(s.network.linkForwardS.every((c) => c > 0 && Number.isFinite(c))).toBe(true);
    // 1 km of 主干路 (primary, default 45 km/h) takes 1000 / 12.5 = 80 s … give or take the ruler's metres per degree.
    const primary = s.network.linkLengthM[0] / s.network.linkForwardS[0];
    expect(primary * 3.6).toBeCloseTo(45, 3);
    expect(s.stations.map((x) => [x.id, x.class, x.turnoutS])).toEqual([
      ['a', 'class1', 60],
      ['b', 'township1', 90],
    ]);
    expect(s.preset.id).toBe('cn');
    expect(s.analysis).toEqual({ accessDistanceM: 150, cellSizeM: 25, bandsS: [180, 240, 300], year: 0, maxSnapDistanceM: 250 });
    expect(s.water.hydrantRoadClasses).toContain('residential');
    expect(s.water.hydrantRoadClasses).not.toContain('motorway');
    expect(s.water).toMatchObject({ hydrantMaxSnapM: 30, severeCold: false, intakeMaxSnapM: 50, intakeTimeS: 300 });
    expect(s.features.stations.features.map((f) => f.properties.id)).toEqual(['a', 'b']);
    expect(s.features.hydrants.features).toEqual([]);
    expect(s.demand).toBeNull();
    expect(s.studyArea).toBeNull();
    expect(stationsInService(s).map((x) => x.id)).toEqual(['a']);
    expect(stationsInService(s, 2026).map((x) => x.id)).toEqual(['a', 'b']);
  });

  it('reads every layer, overrides, speed model, closures and settings', async () => {
    const s = await loadScenario(
      scenario({
        stations: 'stations.geojson',
        hydrants: 'hydrants.geojson',
        waterSources: 'water.geojson',
        barriers: 'barriers.geojson',
        demand: 'pop.geojson',
        demandProperty: 'pop',
        studyArea: 'area.geojson',
        overrides: { districtAreaKm2: 6 },
        speedModel: { classSpeedKmh: { primary: 36 }, congestionFactor: 0.5 },
        closures: { polygons: 'closed.geojson' },
        analysis: { year: 2027, cellSizeM: 50 },
        water: { hydrantRoadClasses: ['主干路', '支路'], severeCold: true },
      }),
      'town/scenario.json',
      files(),
    );
    expect(s.stations.map((x) => [x.id, x.class, x.status, x.year])).toEqual([
      ['7', 'class2', 'existing', undefined],
      ['p', 'class1', 'planned', 2027],
    ]);
    expect(s.features.hydrants.features.map((f) => f.properties.status)).toEqual(['working', 'low_pressure', 'unknown']);
    expect(s.features.waterSources.features[0].properties).toMatchObject({ id: 'w1', kind: 'intake_dock', name: 'Dock' });
    expect(s.features.barriers.features[0].properties.kind).toBe('river');
    expect(s.demand!.features[0].properties.pop).toBe(1200);
    expect(s.studyArea!.features).toHaveLength(1);
    expect(s.preset.districtAreaKm2.value).toBe(6);
    expect(s.preset.districtAreaKm2.clause).toMatch(/overridden/);
    expect(s.analysis.year).toBe(2027);
    expect(s.analysis.cellSizeM).toBe(50);
    expect(s.water.hydrantRoadClasses).toEqual(['primary', 'residential']);
    expect(s.water.severeCold).toBe(true);
    // 36 km/h × 0.5 = 18 km/h = 5 m/s on the open primary link.
    expect(s.network.linkLengthM[0] / s.network.linkForwardS[0]).toBeCloseTo(5, 4);
    // The closure square covers the east end of the east-west road near 104.605.
    const closed = [...s.network.linkFlags].map((f, l) => (f & LinkFlag.CLOSED ? l : -1)).filter((l) => l >= 0);
    expect(closed.length).toBe(1);
    expect(s.network.linkForwardS[closed[0]]).toBe(Infinity);
    expect(s.network.linkBackwardS[closed[0]]).toBe(Infinity);
  });

  it('closures by link id: an unknown id is an input error', async () => {
    const s = await loadScenario(scenario({ closures: { links: [1] } }), 'x.json', files());
    expect(s.network.linkFlags[0] & LinkFlag.CLOSED).toBeTruthy();
    const e = await failure(loadScenario(scenario({ closures: { links: [99] } }), 'x.json', files()));
    expect(e.message).toMatch(/99/);
  });

  it('validation errors come first and name the field', async () => {
    const e = await failure(loadScenario(scenario({ stations: [{ id: 'a', name: 'A', lon: 30.1, lat: 104.6, class: '三级', status: 'existing' }] }), 'town/scenario.json', files()));
    expect(e.where.file).toBe('town/scenario.json');
    expect(e.message).toMatch(/stations\[0\]\.class: must be one of/);
    expect(e.message).toMatch(/stations\[0\]\.lat: .*swapped/);
  });

  it('a missing file names the field and the path beside the scenario', async () => {
    const e = await failure(loadScenario(scenario({ hydrants: 'nope.geojson' }), 'town/scenario.json', files()));
    expect(e.message).toBe('town/scenario.json: hydrants: cannot read "nope.geojson" (town/nope.geojson): ENOENT: no such file nope.geojson');
  });

  it('layer errors name the file and the feature index', async () => {
    const bad = async (name: string, content: unknown, over: Record<string, unknown>) =>
      (await failure(loadScenario(scenario(over), 'town/scenario.json', files({ [name]: content })))).message;
    expect(await bad('h.geojson', fc([point(104.6, 30.1, { id: 'x' }), point(104.6, 30.1, { status: 'kaput' })]), { hydrants: 'h.geojson' })).toMatch(/^town\/h\.geojson \(feature 1\): status "kaput" must be one of working, damaged/);
    expect(await bad('h.geojson', fc([point(104.6, 30.1, { id: 'x' }), point(104.6, 30.1, { id: 'x' })]), { hydrants: 'h.geojson' })).toMatch(/^town\/h\.geojson \(feature 1\): duplicate id "x" \(also feature 0\)/);
    expect(await bad('h.geojson', fc([point(30.1, 104.6, {})]), { hydrants: 'h.geojson' })).toMatch(/\(feature 0\): latitude 104\.6 is out of range: the coordinates look like \[lat, lon\]/);
    expect(await bad('h.geojson', '{"type": "FeatureCollection", "features": [', { hydrants: 'h.geojson' })).toMatch(/^town\/h\.geojson:1: not valid JSON: the text ends too early/);
    expect(await bad('h.geojson', fc([{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[104.6, 30.1], [104.61, 30.1]] } }]), { hydrants: 'h.geojson' })).toMatch(/\(feature 0\): geometry is LineString; a hydrant must be Point/);
    expect(await bad('w.geojson', fc([point(104.6, 30.1, { id: 'w', kind: 'lake' })]), { waterSources: 'w.geojson' })).toMatch(/\(feature 0\): kind "lake" must be one of suction_point/);
    expect(await bad('b.geojson', fc([point(104.6, 30.1, { kind: 'river' })]), { barriers: 'b.geojson' })).toMatch(/\(feature 0\): geometry is Point; a barrier must be LineString/);
    expect(await bad('p.geojson', fc([point(104.6, 30.1, { population: 5 }), point(104.6, 30.1, { population: '12' })]), { demand: 'p.geojson' })).toMatch(/^town\/p\.geojson \(feature 1\): "population" must be a number ≥ 0, got "12"/);
    expect(await bad('a.geojson', fc([point(104.6, 30.1, {})]), { studyArea: 'a.geojson' })).toMatch(/\(feature 0\): geometry is Point; the study area must be Polygon or MultiPolygon/);
    expect(await bad('s.geojson', fc([point(104.6, 30.1, { id: 's', name: 'S', class: '一级', status: 'existing' }), point(104.6, 30.1, { id: 't', name: 'T', class: 'big', status: 'existing' })]), { stations: 's.geojson' })).toMatch(/^town\/s\.geojson \(feature 1\): class: must be one of class1/);
    expect(await bad('s.geojson', fc([point(104.6, 30.1, { id: 's', name: 'S', class: '一级', status: 'existing' }), point(104.61, 30.1, { id: 's', name: 'T', class: '一级', status: 'existing' })]), { stations: 's.geojson' })).toMatch(/\(feature 1\): duplicate station id "s"/);
    expect(await bad('s.geojson', fc([point(104.6, 30.1, { name: 'S', class: '一级' })]), { stations: 's.geojson' })).toMatch(/\(feature 0\): status: is required/);
  });

  it('a station far from every road is an error naming it', async () => {
    const far = scenario({ stations: [{ id: 'a', name: 'A', lon: 104.6, lat: 30.13, class: '一级', status: 'existing' }] });
    const e = await failure(loadScenario(far, 'town/scenario.json', files()));
    // 30.13 is 0.02° = about 2.2 km north of the end of the north–south road at 30.11.
    expect(e.message).toMatch(/^town\/scenario\.json: stations\[0\] \(a\) is 22\d\d m from the nearest road, more than analysis\.maxSnapDistanceM = 250 m/);
    const ok = await loadScenario({ ...far, analysis: { maxSnapDistanceM: 2500 } }, 'town/scenario.json', files());
    expect(ok.stations).toHaveLength(1);
  });

  it('speed-model and network errors from the importers', async () => {
    const e = await failure(loadScenario(scenario(), 'x.json', files({ 'roads.geojson': fc([]) })));
    expect(e.where.file).toBe('roads.geojson');
  });
});
