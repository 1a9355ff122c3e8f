import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { InputError } from '../input_error';
import { PRESETS, STATION_CLASSES, STATION_CLASS_ALIASES } from '../standards/preset';
import { ROAD_CLASSES, CHINESE_ROAD_CLASSES } from '../network/road_class';
import { SCENARIO_SCHEMA, plainPath, scenarioProblems, validateScenario } from './validate_scenario';

const station = (over: Record<string, unknown> = {}) => ({ id: 's1', name: 'Chengzhong', lon: 104.6, lat: 30.1, class: 'class1', status: 'existing', ...over });
const base = (over: Record<string, unknown> = {}) => ({ name: 'Test', network: { geojson: 'roads.geojson' }, stations: [station()], ...over });

/** The first error message for a scenario, or '' when it is valid. */
function errorOf(json: unknown): string {
  try {
    validateScenario(json, 'city/scenario.json');
    return '';
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    const err = e as InputError;
    expect(err.where.file).toBe('city/scenario.json');
    expect(err.messageZh).toContain('city/scenario.json');
    return err.message;
  }
}

describe('validateScenario', () => {
  it('accepts a minimal scenario and returns it', () => {
    const s = base();
    expect(validateScenario(s, 'x.json')).toBe(s);
  });

  it('accepts Chinese class names, a station file, layers and settings', () => {
    expect(errorOf(base({ stations: [station({ class: '一级' }), station({ id: 's2', class: '乡镇一级', status: 'planned', year: 2026 })] }))).toBe('');
    expect(errorOf(base({ stations: 'stations.geojson', hydrants: 'h.geojson', demand: 'p.geojson', demandProperty: 'pop', analysis: { year: 2026, bandsS: [120, 300] }, water: { hydrantRoadClasses: ['主干路', 'residential'] } }))).toBe('');
    expect(errorOf(base({ network: { osm: 'a.osm.pbf' }, stations: 'from-network', hydrants: 'from-network' }))).toBe('');
    expect(errorOf(base({ network: { edges: 'e.csv', nodes: 'n.csv' }, standards: 'nfpa1710', overrides: { responseS: 360, districtBarriers: ['river'] } }))).toBe('');
  });

  it('is not an object', () => {
    expect(errorOf([1, 2])).toMatch(/must be a JSON object/);
    expect(errorOf(null)).toMatch(/must be a JSON object/);
  });

  it('names a missing required field', () => {
    const s: Record<string, unknown> = base();
    delete s.name;
    expect(errorOf(s)).toMatch(/city\/scenario\.json: name: is required/);
    expect(errorOf(base({ stations: [station({ status: undefined })] }))).toMatch(/stations\[0\]\.status: is required/);
  });

  it('network: exactly one source', () => {
    expect(errorOf(base({ network: { osm: 'a.pbf', geojson: 'b.geojson' } }))).toMatch(/network: give exactly one of osm, geojson, shapefile, edges \(found osm, geojson\)/);
    expect(errorOf(base({ network: {} }))).toMatch(/network: give exactly one of osm, geojson, shapefile, edges/);
    expect(errorOf(base({ network: { geojson: 'r.geojson', nodes: 'n.csv' } }))).toMatch(/network\.nodes: a node table goes with an edge table/);
    expect(errorOf(base({ network: 'roads.geojson' }))).toMatch(/network: must be an object/);
    expect(errorOf(base({ network: { geojson: 3 } }))).toMatch(/network\.geojson: must be a file path or \{"path": …, "crs": …\}/);
  });

  it('station class: lists codes and Chinese names', () => {
    const msg = errorOf(base({ stations: [station(), station({ id: 's2' }), station({ id: 's3', class: 'first' })] }));
    expect(msg).toMatch(/stations\[2\]\.class: must be one of class1, class2, /);
    expect(msg).toContain('一级 / 一级站');
    expect(msg).toContain('乡镇二级');
  });

  it('station status, year, turnout', () => {
    expect(errorOf(base({ stations: [station({ status: 'built' })] }))).toMatch(/stations\[0\]\.status: must be one of existing, under_construction, planned, candidate/);
    expect(errorOf(base({ stations: [station({ status: 'planned', year: 2026.5 })] }))).toMatch(/stations\[0\]\.year: must be a whole number \(integer\)/);
    expect(errorOf(base({ stations: [station({ status: 'planned', year: '2026' })] }))).toMatch(/stations\[0\]\.year: must be a whole number/);
    expect(errorOf(base({ stations: [station({ turnoutS: -5 })] }))).toMatch(/stations\[0\]\.turnoutS: must be ≥ 0/);
  });

  it('unknown fields are named with the known ones', () => {
    expect(errorOf(base({ hydrant: 'h.geojson' }))).toMatch(/hydrant: is not a known field \(known: .*hydrants/);
    expect(errorOf(base({ stations: [station({ capacity: 3 })] }))).toMatch(/stations\[0\]\.capacity: is not a known field/);
    expect(errorOf(base({ analysis: { cellSize: 25 } }))).toMatch(/analysis\.cellSize: is not a known field \(known: accessDistanceM, cellSizeM/);
  });

  it('duplicate station ids', () => {
    expect(errorOf(base({ stations: [station(), station({ lon: 104.7 })] }))).toMatch(/stations\[1\]\.id: duplicate station id "s1" \(also stations\[0\]\)/);
  });

  it('lon/lat ranges and swapped order', () => {
    expect(errorOf(base({ stations: [station({ lon: 30.1, lat: 104.6 })] }))).toMatch(/stations\[0\]\.lat: latitude 104\.6 is out of range: lon and lat look swapped.*lon = 104\.6, lat = 30\.1/);
    expect(errorOf(base({ stations: [station({ lon: 204.6 })] }))).toMatch(/stations\[0\]\.lon: longitude 204\.6 must be between -180 and 180/);
    expect(errorOf(base({ stations: [station({ lat: -95, lon: 120 })] }))).toMatch(/stations\[0\]\.lat: latitude -95 must be between -90 and 90/);
    expect(errorOf(base({ stations: [station({ lon: 'east' })] }))).toMatch(/stations\[0\]\.lon: must be a number/);
  });

  it('unknown preset id and override rule names', () => {
    expect(errorOf(base({ standards: 'gb' }))).toMatch(/standards: unknown standards preset "gb" \(known: cn, nfpa1710\)/);
    expect(errorOf(base({ overrides: { districtArea: 6 } }))).toMatch(/overrides\.districtArea: unknown standards rule \(known: .*districtAreaKm2/);
    expect(errorOf(base({ overrides: { districtAreaKm2: 'six' } }))).toMatch(/overrides\.districtAreaKm2: must be a number/);
    expect(errorOf(base({ overrides: { districtBarriers: ['canal'] } }))).toMatch(/overrides\.districtBarriers: must be a list of expressway, railway, river/);
    expect(errorOf(base({ overrides: { districtAreaByClassKm2: { class9: 3 } } }))).toMatch(/overrides\.districtAreaByClassKm2\.class9: is not a station class/);
    expect(errorOf(base({ overrides: { districtAreaByClassKm2: { class2: -1 } } }))).toMatch(/overrides\.districtAreaByClassKm2\.class2: must be a positive number/);
  });

  it('speed model overrides', () => {
    expect(errorOf(base({ speedModel: { classSpeedKmh: { highway: 50 } } }))).toMatch(/speedModel\.classSpeedKmh\.highway: is not a road class/);
    expect(errorOf(base({ speedModel: { classSpeedKmh: { primary: 0 } } }))).toMatch(/speedModel\.classSpeedKmh\.primary: must be > 0/);
    expect(errorOf(base({ speedModel: { congestionFactor: 3 } }))).toMatch(/speedModel\.congestionFactor: must be ≤ 2/);
    expect(errorOf(base({ speedModel: { roadSpeedKmh: { '12': 30 } } }))).toMatch(/speedModel\.roadSpeedKmh\.12: key must be "link:ID" or "way:ID"/);
  });

  it('stations union, layers and from-network', () => {
    expect(errorOf(base({ stations: 5 }))).toMatch(/stations: give a list of stations, a layer file \(a path or \{"path": …, "crs": …\}\), or "from-network"/);
    expect(errorOf(base({ stations: 'from-network' }))).toMatch(/stations: "from-network" needs an OSM network/);
    expect(errorOf(base({ hydrants: 'from-network' }))).toMatch(/hydrants: "from-network" needs an OSM network/);
    expect(errorOf(base({ demand: 'from-network' }))).toMatch(/demand: must be a GeoJSON file name/);
    expect(errorOf(base({ hydrants: '' }))).toMatch(/hydrants: must not be empty/);
    expect(errorOf(base({ demandProperty: 'pop' }))).toMatch(/demandProperty: given without a demand layer/);
  });

  it('closures, analysis and water settings', () => {
    expect(errorOf(base({ closures: { links: [1.5] } }))).toMatch(/closures\.links\[0\]: must be a whole number/);
    expect(errorOf(base({ analysis: { bandsS: [300, 240] } }))).toMatch(/analysis\.bandsS\[1\]: band limits must increase/);
    expect(errorOf(base({ analysis: { year: 2026.5 } }))).toMatch(/analysis\.year: must be a whole number/);
    expect(errorOf(base({ water: { hydrantRoadClasses: ['avenue'] } }))).toMatch(/water\.hydrantRoadClasses\[0\]: must be one of motorway/);
    expect(errorOf(base({ water: { severeCold: 'yes' } }))).toMatch(/water\.severeCold: must be true or false/);
  });

  it('reports several problems at once, in both languages', () => {
    try {
      validateScenario(base({ stations: [station({ class: 'x', status: 'y' })] }), 's.json');
      expect.unreachable();
    } catch (e) {
      const err = e as InputError;
      expect(err.message).toContain('stations[0].class');
      expect(err.message).toContain('stations[0].status');
      expect(err.messageZh).toContain('stations[0].class：须为');
    }
    expect(scenarioProblems(base()).length).toBe(0);
  });

  it('plainPath turns JSON pointers into plain paths', () => {
    expect(plainPath('/stations/2/class')).toBe('stations[2].class');
    expect(plainPath('')).toBe('');
    expect(plainPath('/speedModel/roadSpeedKmh/way:1~12')).toBe('speedModel.roadSpeedKmh.way:1/2');
  });
});

describe('the published schema', () => {
  const onDisk = JSON.parse(readFileSync(new URL('../../schema/scenario.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  it('is the one validation uses', () => {
    expect(SCENARIO_SCHEMA).toEqual(onDisk);
  });

  it('lists every station class code and Chinese alias', () => {
    const cls = (onDisk as { definitions: { station: { properties: { class: { enum: string[] } } } } }).definitions.station.properties.class.enum;
    expect(new Set(cls)).toEqual(new Set([...STATION_CLASSES, ...Object.keys(STATION_CLASS_ALIASES)]));
  });

  it('lists every road class for speeds and hydrant roads', () => {
    const props = (onDisk as { properties: Record<string, { properties: Record<string, { propertyNames?: { enum: string[] }; items?: { enum: string[] } }> }> }).properties;
    expect(props.speedModel.properties.classSpeedKmh.propertyNames!.enum).toEqual([...ROAD_CLASSES]);
    expect(new Set(props.water.properties.hydrantRoadClasses.items!.enum)).toEqual(new Set([...ROAD_CLASSES, ...Object.keys(CHINESE_ROAD_CLASSES)]));
  });

  it('describes every field in English with Chinese in parentheses', () => {
    const missing: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (typeof node !== 'object' || node === null) return;
      const n = node as Record<string, unknown>;
      if (n.properties) {
        for (const [k, v] of Object.entries(n.properties as Record<string, Record<string, unknown>>)) {
          const d = v.description;
          if (typeof d !== 'string' || !/[A-Za-z]/.test(d) || !/（|\(.*[\u4e00-\u9fff]/.test(d)) missing.push(`${path}.${k}`);
          walk(v, `${path}.${k}`);
        }
      }
      for (const sub of ['definitions', 'items']) if (n[sub]) walk(n[sub], `${path}.${sub}`);
      if (path.endsWith('definitions')) for (const [k, v] of Object.entries(n)) walk(v, `${path}.${k}`);
    };
    walk(onDisk, '');
    expect(missing).toEqual([]);
    expect(Object.keys(PRESETS)).toContain('cn');
  });
});
