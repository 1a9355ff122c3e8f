import { describe, expect, it } from 'vitest';
import { CHINA_PRESET, NFPA1710_PRESET, STATION_CLASS_ALIASES } from '../standards/preset';
import type { Station } from './scenario_types';
import { normaliseStation, stationClassOf, stationsInService } from './stations';

describe('station classes', () => {
  it('maps the Chinese class names', () => {
    expect(stationClassOf('一级')).toBe('class1');
    expect(stationClassOf('一级普通消防站')).toBe('class1');
    expect(stationClassOf('二级站')).toBe('class2');
    expect(stationClassOf('特勤消防站')).toBe('special');
    expect(stationClassOf('小型站')).toBe('small');
    expect(stationClassOf('战勤保障')).toBe('logistics');
    expect(stationClassOf('乡镇一级')).toBe('township1');
    expect(stationClassOf('乡镇二级')).toBe('township2');
    expect(stationClassOf('专职消防队')).toBe('fulltime');
    expect(stationClassOf('微型消防站')).toBe('micro');
    expect(stationClassOf(' class2 ')).toBe('class2');
    expect(stationClassOf('三级')).toBeUndefined();
    for (const [zh, code] of Object.entries(STATION_CLASS_ALIASES)) expect(stationClassOf(zh)).toBe(code);
  });

  it('fills turnout from the preset unless the station has its own', () => {
    const s = { id: 'a', name: 'A', lon: 104.6, lat: 30.1, class: '乡镇一级', status: 'existing' as const };
    expect(normaliseStation(s, CHINA_PRESET)).toMatchObject({ class: 'township1', turnoutS: 60 });
    expect(normaliseStation(s, NFPA1710_PRESET).turnoutS).toBe(80);
    expect(normaliseStation({ ...s, turnoutS: 90 }, CHINA_PRESET).turnoutS).toBe(90);
    expect(() => normaliseStation({ ...s, class: 'x' }, CHINA_PRESET)).toThrow(/unknown station class "x"/);
  });
});

describe('stationsInService', () => {
  const st = (id: string, status: Station['status'], year?: number): Station => ({ id, name: id, lon: 0, lat: 0, class: 'class1', status, year, turnoutS: 60 });
  const stations = [st('e1', 'existing'), st('e2', 'existing', 2015), st('u', 'under_construction', 2025), st('p26', 'planned', 2026), st('p28', 'planned', 2028), st('pn', 'planned'), st('c', 'candidate', 2026)];
  const ids = (when?: number | 'planned' | 'all') => stationsInService({ stations }, when).map((s) => s.id);

  it('existing only by default', () => {
    expect(ids()).toEqual(['e1', 'e2']);
    expect(ids(0)).toEqual(['e1', 'e2']);
  });
  it('by year: existing plus those built by then', () => {
    expect(ids(2024)).toEqual(['e1', 'e2']);
    expect(ids(2025)).toEqual(['e1', 'e2', 'u']);
    expect(ids(2026)).toEqual(['e1', 'e2', 'u', 'p26']);
    expect(ids(2030)).toEqual(['e1', 'e2', 'u', 'p26', 'p28']);
  });
  it('the full plan and everything', () => {
    expect(ids('planned')).toEqual(['e1', 'e2', 'u', 'p26', 'p28', 'pn']);
    expect(ids('all')).toHaveLength(stations.length);
    expect(stationsInService(stations, 2026)).toHaveLength(4);
  });
});
