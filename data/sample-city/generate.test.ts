import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED, generateSampleCity, riverY, writeSampleCity } from './generate';

const here = dirname(fileURLToPath(import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'sample-city-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type FC = { features: { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[] };
const read = (name: string): FC => JSON.parse(readFileSync(join(here, name), 'utf8')) as FC;

describe('the sample city generator', () => {
  it('regenerates the committed files byte for byte', () => {
    const city = writeSampleCity(tmp, DEFAULT_SEED);
    const names = [...city.files.keys()];
    expect(names.sort()).toEqual([
      'PLANTED.md',
      'barriers.geojson',
      'communities.geojson',
      'hazards.geojson',
      'hydrants.geojson',
      'micro_stations.geojson',
      'population.geojson',
      'roads.geojson',
      'scenario.json',
      'scenario_risk.json',
      'stations.geojson',
      'study_area.geojson',
      'townships.geojson',
      'water_sources.geojson',
    ]);
    for (const name of names) {
      expect(readFileSync(join(tmp, name)).equals(readFileSync(join(here, name))), name).toBe(true);
    }
    // nothing generated is missing from the repository, and the directory holds nothing else but the script and its test
    expect(readdirSync(here).sort()).toEqual([...names, 'generate.test.ts', 'generate.ts'].sort());
  });

  it('is deterministic per seed, and the seed matters', () => {
    const a = generateSampleCity(7);
    const b = generateSampleCity(7);
    expect([...a.files.values()]).toEqual([...b.files.values()]);
    expect(a.files.get('hydrants.geojson')).not.toEqual(generateSampleCity(8).files.get('hydrants.geojson'));
  });

  it('stays small', () => {
    let bytes = 0;
    for (const name of readdirSync(here)) bytes += readFileSync(join(here, name)).length;
    expect(bytes).toBeLessThan(3_000_000);
  });
});

describe('the committed sample city', () => {
  const roads = read('roads.geojson').features;
  const coords = (f: FC['features'][number]) => f.geometry.coordinates as [number, number][];

  it('is noded: a coordinate shared by two roads is an end of both', () => {
    const ends = new Map<string, number>();
    const inner = new Map<string, number>();
    for (const f of roads) {
      const c = coords(f);
      c.forEach((p, i) => {
        const m = i === 0 || i === c.length - 1 ? ends : inner;
        m.set(p.join(','), (m.get(p.join(',')) ?? 0) + 1);
      });
    }
    for (const [k, n] of inner) {
      expect(n, k).toBe(1);
      expect(ends.has(k), k).toBe(false);
    }
  });

  it('joins the expressway to the town at exactly two interchanges', () => {
    const ex = roads.filter((f) => f.properties.class === '快速路');
    const exEnds = new Set(ex.flatMap((f) => [coords(f)[0].join(','), coords(f).at(-1)!.join(',')]));
    const joined = new Set<string>();
    for (const f of roads) {
      if (f.properties.class === '快速路') continue;
      for (const p of [coords(f)[0], coords(f).at(-1)!]) if (exEnds.has(p.join(','))) joined.add(p.join(','));
    }
    expect(joined.size).toBe(2);
    expect(ex.every((f) => f.properties.maxspeed === 80)).toBe(true);
  });

  it('crosses the river only on the four bridges', () => {
    const lat0 = 30.1;
    const mPerDegLat = (6371008.8 * Math.PI) / 180;
    const mPerDegLon = mPerDegLat * Math.cos((lat0 * Math.PI) / 180);
    const side = (p: [number, number]) => Math.sign((p[1] - lat0) * mPerDegLat - riverY((p[0] - 104.6) * mPerDegLon));
    const crossing = roads.filter((f) => {
      const c = coords(f);
      return c.some((p) => side(p) !== side(c[0]));
    });
    expect(crossing.map((f) => f.properties.bridge)).toEqual(['yes', 'yes', 'yes', 'yes']);
    expect(roads.filter((f) => f.properties.bridge === 'yes')).toHaveLength(4);
  });

  it('has the stations, hydrant statuses, water sources and population the docs promise', () => {
    const scenario = JSON.parse(readFileSync(join(here, 'scenario.json'), 'utf8')) as { description: string; stations: { class: string; status: string; year?: number }[] };
    expect(scenario.description).toMatch(/^Synthetic sample city 样例城 — not a real place/);
    expect(scenario.stations.filter((s) => s.status === 'existing' && s.class !== '乡镇一级')).toHaveLength(3);
    expect(scenario.stations.filter((s) => s.status === 'planned').map((s) => [s.class, s.year])).toEqual([
      ['一级', 2026],
      ['一级', 2028],
    ]);
    expect(scenario.stations.filter((s) => s.class === '乡镇一级')).toHaveLength(1);
    const statuses = new Set(read('hydrants.geojson').features.map((f) => f.properties.status));
    expect(statuses).toEqual(new Set(['working', 'damaged', 'low_pressure', 'unknown']));
    const kinds = read('water_sources.geojson').features.map((f) => f.properties.kind);
    expect(kinds).toEqual(expect.arrayContaining(['suction_point', 'intake_dock', 'fire_water_pond', 'water_body', 'river']));
    expect(read('barriers.geojson').features.map((f) => f.properties.kind)).toEqual(['expressway', 'railway', 'river']);
    const cells = read('population.geojson').features;
    expect(cells.length).toBeGreaterThan(900);
    expect(cells.every((f) => typeof f.properties.population === 'number' && (f.properties.population as number) > 0)).toBe(true);
  });
});
