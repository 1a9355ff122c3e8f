import { describe, expect, it } from 'vitest';
import { gridNetwork } from '../surface/testing';
import { roadClassCode } from '../network/road_class';
import { DEFAULT_TIME_OF_DAY, networkAtHour, parseHours, speedFactor, timeOfDayWith } from './time_of_day';
import { pgrSampleNetwork } from '../search/test_networks';

describe('time-of-day speed profiles', () => {
  it('the default hours: peaks 7-8 and 17-18, night 22-5, the rest off-peak', () => {
    const h = DEFAULT_TIME_OF_DAY.hours;
    expect(h.length).toBe(24);
    expect([7, 8, 17, 18].every((x) => h[x] === 'peak')).toBe(true);
    expect([22, 23, 0, 1, 2, 3, 4, 5].every((x) => h[x] === 'night')).toBe(true);
    expect(h.filter((p) => p === 'offpeak').length).toBe(24 - 4 - 8);
    expect(speedFactor(DEFAULT_TIME_OF_DAY, 8, 'primary')).toBe(0.6);
    expect(speedFactor(DEFAULT_TIME_OF_DAY, 8, 'residential')).toBe(0.8);
    expect(speedFactor(DEFAULT_TIME_OF_DAY, 12, 'primary')).toBe(1);
    expect(speedFactor(DEFAULT_TIME_OF_DAY, 23, 'trunk')).toBe(1.1);
    expect(DEFAULT_TIME_OF_DAY.clause).toMatch(/^local choice/);
  });

  it('a link at factor f takes its off-peak time divided by f; off-peak hours give the network itself', () => {
    const net = gridNetwork({ n: 3, spacingM: 100, speedKmh: 36 }); // 10 s a block, class unknown
    expect(networkAtHour(net, DEFAULT_TIME_OF_DAY, 12)).toBe(net);
    const peak = networkAtHour(net, DEFAULT_TIME_OF_DAY, 8);
    // unknown is no arterial: ×0.8 → 10 / 0.8 = 12.5 s
    expect(Array.from(peak.linkForwardS)).toEqual(Array.from(net.linkForwardS, () => 12.5));
    expect(Array.from(peak.arcCostS)).toEqual(Array.from(net.arcCostS, () => 12.5));
    expect(peak.arcHead).toBe(net.arcHead);
    // one-way and closed directions stay Infinity (pgRouting sample: edge 2 has no forward direction)
    const pgr = networkAtHour(pgrSampleNetwork(), DEFAULT_TIME_OF_DAY, 8);
    expect(pgr.linkForwardS[1]).toBe(Infinity);
    expect(pgr.linkBackwardS[1]).toBe(1 / 0.8);
  });

  it('overrides merge over the defaults; bad values are errors', () => {
    const p = timeOfDayWith({ peakHours: [18], factors: { peak: { default: 0.5, primary: 0.4 } } });
    expect(p.hours[18]).toBe('peak');
    expect(p.hours[8]).toBe('offpeak');
    expect(speedFactor(p, 18, 'primary')).toBe(0.4);
    expect(speedFactor(p, 18, 'secondary')).toBe(0.6); // default arterial factor kept
    expect(speedFactor(p, 18, 'residential')).toBe(0.5);
    expect(roadClassCode('primary')).toBeDefined();
    expect(() => timeOfDayWith({ peakHours: [24] })).toThrow(RangeError);
    expect(() => timeOfDayWith({ factors: { rush: { default: 1 } } as never })).toThrow(/unknown period/);
    expect(() => timeOfDayWith({ factors: { peak: { avenue: 1 } } })).toThrow(/unknown road class/);
    expect(() => timeOfDayWith({ factors: { peak: { default: 0 } } })).toThrow(/\(0, 2\]/);
  });

  it('hour lists as the CLI gives them', () => {
    expect(parseHours('0-23')).toEqual(Array.from({ length: 24 }, (_, i) => i));
    expect(parseHours('7,8,17-19')).toEqual([7, 8, 17, 18, 19]);
    expect(parseHours('18, 3')).toEqual([3, 18]);
    expect(() => parseHours('5-3')).toThrow(RangeError);
    expect(() => parseHours('24')).toThrow(RangeError);
    expect(() => parseHours('peak')).toThrow(RangeError);
  });
});
