import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { filesIn, runCli, tempDir } from '../packages/cli/test/run_cli';
import { SAMPLE_CITY_SCENARIO } from './sample_city_files';

const tmp = tempDir('firecover-hours-');
afterAll(() => tmp.cleanup());

describe('firecover analyze --hours on the sample city', () => {
  it('adds coverage_by_hour.csv and summary.json coverageByHour; off-peak hours give the headline figures, peaks less', async () => {
    const out = join(tmp.dir, 'h');
    const r = await runCli(['analyze', SAMPLE_CITY_SCENARIO, '--out', out, '--no-water', '--hours', '0-23']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(filesIn(out)).toContain('coverage_by_hour.csv');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    const byHour = summary.coverageByHour;
    expect(byHour.hours.map((h: { hour: number }) => h.hour)).toEqual(Array.from({ length: 24 }, (_, i) => i));
    expect(byHour.profileClause).toMatch(/^local choice/);
    // the headline land share (summary figures, %) is the off-peak hours' share
    const land = summary.coverage.figures.find((x: { key: string }) => x.key === 'landShare');
    const noon = byHour.hours[12];
    expect(noon.period).toBe('offpeak');
    expect(land).toBeDefined();
    expect(noon.landShare * 100).toBeCloseTo(land.value, 1);
    const peak = byHour.hours[18];
    const night = byHour.hours[3];
    expect(peak.period).toBe('peak');
    expect(night.period).toBe('night');
    // slower at the peak, faster at night: coverage can only fall and rise (monotone in every link speed)
    expect(peak.landShare).toBeLessThan(noon.landShare);
    expect(night.landShare).toBeGreaterThanOrEqual(noon.landShare);
    expect([7, 8, 17, 18]).toContain(byHour.worstHour);
    const csv = readFileSync(join(out, 'coverage_by_hour.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split('\n');
    expect(csv[0]).toBe('hour,period,land_covered_km2,land_share_pct,demand_covered,demand_share_pct,road_reached_km,road_share_pct,response_s,response_clause,speed_source,speed_clause');
    expect(csv.length).toBe(25);
    expect(r.stdout).toMatch(/Coverage by hour/);
  });

  it('without --hours nothing changes: no file, no field', async () => {
    const out = join(tmp.dir, 'plain');
    const r = await runCli(['analyze', SAMPLE_CITY_SCENARIO, '--out', out, '--no-water']);
    expect(r.code).toBe(0);
    expect(filesIn(out)).not.toContain('coverage_by_hour.csv');
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).coverageByHour).toBeUndefined();
  });

  it('a bad hour list is an input error at --hours, in Chinese too', async () => {
    const r = await runCli(['analyze', SAMPLE_CITY_SCENARIO, '--hours', '7-25']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--hours/);
    const z = await runCli(['analyze', SAMPLE_CITY_SCENARIO, '--hours', 'peak', '--lang', 'zh']);
    expect(z.code).toBe(2);
    expect(z.stderr).toMatch(/--hours peak：/);
  });
});
