import { PLAN_INDICATORS, scenarioProblems } from '@firecover/core';
import { describe, expect, it } from 'vitest';
import type { Feature } from 'geojson';
import type { ReportInput } from './analysis_input';
import { indicatorRows, indicatorTable, indicatorsCsv, townshipCoverage } from './indicators';

/** The parts of a report input the indicator table reads: 4 stations, 200,000 people, two districts. */
function input(indicators: ReportInput['indicators'] = {}): ReportInput {
  return {
    demandTotal: 200_000,
    indicators,
    coverage: {
      figures: [
        { key: 'stations', value: 4 },
        { key: 'landShare', value: 73.17 },
        { key: 'demandShare', value: 84.5 },
      ],
      districts: [{ areaKm2: { value: 6.5 } }, { areaKm2: { value: 9.25 } }],
    },
    water: { analysis: { total: { constructionRate: 0.9, intactRate: 0.875 } } },
  } as unknown as ReportInput;
}

describe('the plans’ indicator table', () => {
  it('computes the values now by hand: 4 / 200,000 × 10⁵ = 2.00; (6.5 + 9.25) / 2 = 7.88; 600 / 200,000 × 10⁴ = 30.00', () => {
    const rows = new Map(indicatorRows(input({ firefighters: 600 }), 'en').map((r) => [r.key, r]));
    expect(rows.get('stationsPer100kPeople')!.now).toBe('2.00');
    expect(rows.get('averageDistrictAreaKm2')!.now).toBe('7.88');
    expect(rows.get('landReachedPct')!.now).toBe('73.17');
    expect(rows.get('populationReachedPct')!.now).toBe('84.50');
    expect(rows.get('hydrantConstructionRatePct')!.now).toBe('90.0');
    expect(rows.get('hydrantIntactRatePct')!.now).toBe('87.5');
    expect(rows.get('firefightersPer10kPeople')!.now).toBe('30.00');
  });

  it('takes defaults from the preset: the 7 km² district cap and 100 % within 5 min are binding', () => {
    const rows = new Map(indicatorRows(input(), 'zh').map((r) => [r.key, r]));
    expect([rows.get('averageDistrictAreaKm2')!.target, rows.get('averageDistrictAreaKm2')!.binding]).toEqual([7, true]);
    expect(rows.get('averageDistrictAreaKm2')!.source).toMatch(/GB 51080-2015 §4.1.3-2/);
    expect([rows.get('landReachedPct')!.target, rows.get('landReachedPct')!.binding]).toEqual([100, true]);
    expect(rows.get('stationsPer100kPeople')!.target).toBeNull();
    expect(rows.get('firefightersPer10kPeople')!.now).toBe('—');
    const table = indicatorTable(indicatorRows(input(), 'zh'), 'zh');
    expect(table[0]).toEqual(['指标', '单位', '基期值', '目标值', '现状值', '属性', '目标来源']);
    expect(table.slice(1).map((r) => r[5])).toContain('约束性');
    expect(table.slice(1).map((r) => r[5])).toContain('预期性');
  });

  it('takes targets, baselines and the binding flag from the scenario’s indicators block', () => {
    const rows = new Map(indicatorRows(input({ landReachedPct: { baseline: 60, target: 95, binding: false } }), 'en').map((r) => [r.key, r]));
    expect(rows.get('landReachedPct')).toMatchObject({ baseline: 60, target: 95, binding: false, source: 'scenario' });
  });

  it('the CSV quotes cells with commas and has one row per indicator', () => {
    const text = indicatorsCsv(indicatorRows(input(), 'en'), indicatorRows(input(), 'zh'));
    const lines = text.replace(/^\uFEFF/, '').trimEnd().split('\n');
    expect(lines).toHaveLength(1 + PLAN_INDICATORS.length);
    expect(lines[1]).toBe('stationsPer100kPeople,"fire stations per 100,000 people",每10万人消防站数,"/100,000",,,2.00,false,预期性,local choice (no national figure)');
  });

  it('the scenario schema accepts the indicators block and rejects an unknown indicator', () => {
    const base = { name: 'x', network: { geojson: 'r.geojson' }, stations: [] };
    expect(scenarioProblems({ ...base, indicators: { landReachedPct: { baseline: 60, target: 95, binding: true }, firefighters: 120 } })).toEqual([]);
    expect(scenarioProblems({ ...base, indicators: { landReached: { target: 95 } } }).length).toBeGreaterThan(0);
  });
});

describe('township coverage', () => {
  const square = (name: string, x: number, y: number): Feature => ({
    type: 'Feature',
    properties: { name, nameZh: `${name}镇` },
    geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]] },
  });
  const station = (x: number, y: number): Feature => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [x, y] } });
  const withTowns = (towns: Feature[] | null): ReportInput =>
    ({ ...input(), layers: { stations: { type: 'FeatureCollection', features: [station(0.5, 0.5), station(2.5, 0.5), station(2.7, 0.2)] } }, townships: towns && { type: 'FeatureCollection', features: towns } }) as unknown as ReportInput;

  it('3 townships, stations in 2 of them (one has two): 2 / 3 = 66.67 %, the third is named as lacking', () => {
    const r = townshipCoverage(withTowns([square('A', 0, 0), square('B', 4, 0), square('C', 2, 0)]), 'zh');
    expect(r).toEqual({ pct: '66.67', lacking: ['B镇'] });
    const rows = new Map(indicatorRows(withTowns([square('A', 0, 0), square('B', 4, 0)]), 'en').map((x) => [x.key, x]));
    expect(rows.get('townshipCoveragePct')!.now).toBe('50.00');
  });

  it('no township layer: no value', () => {
    expect(townshipCoverage(withTowns(null))).toEqual({ pct: '—', lacking: [] });
  });
});
