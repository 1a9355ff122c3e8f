import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SnapIndex,
  analyzeScenario,
  costAtPlace,
  highsMipSolver,
  landAccessLink,
  loadScenario,
  multiSourceSearch,
  snapEndNode,
  stationsInService,
  wgs84ToGcj02,
  type HighsModule,
  type LoadedScenario,
  type Snap,
} from '../packages/core/src/index';
import type { Page } from '../apps/viewer/node_modules/playwright-core';
import { runCli } from '../packages/cli/test/run_cli';
import { runSiting } from '../apps/viewer/src/siting/siting_run';
import { SAMPLE_CITY_SCENARIO } from './sample_city_files';
import { haveChromium, startViewer, type ViewerHarness } from './viewer_harness';

/**
 * The plan in the viewer, in Debian's Chromium: the year slider replays the sample city's plan and each
 * year's coverage equals what core's `analyzeScenario` gives in Node with `stations: Y`; the hover box's
 * first and second due stations equal `firecover due --json` at the same point; the measure tool's
 * distance and time equal a search run here; the siting panel's sites equal `runSiting` in Node; the
 * Chinese labels reach popups and checks; the legend collapses; a GCJ-02 basemap shifts the layers by
 * core's transform; the planted-defect list is not served.
 */
const SHOTS = tmpdir();

interface StationOnMap { id: string; status: string; year: number | null; inService: boolean; lon: number; lat: number }
interface DueAnswer { lon: number; lat: number; snapDistanceM: number | null; rows: { rank: number; id: string; costS: number | null; withinStandard: boolean | null }[] }
interface MeasureAnswer { from: [number, number]; to: [number, number]; distanceM: number | null; timeS: number | null; route: [number, number][] }

function landShare(summary: { figures: { key: string; value: number | null }[] }): number {
  return summary.figures.find((f) => f.key === 'landShare')!.value!;
}

describe.runIf(haveChromium())('viewer: the plan year by year, hover, measure, siting', () => {
  let viewer: ViewerHarness;
  let scenario: LoadedScenario;
  let page: Page;
  beforeAll(async () => {
    const dir = path.dirname(SAMPLE_CITY_SCENARIO);
    scenario = await loadScenario(JSON.parse(readFileSync(SAMPLE_CITY_SCENARIO, 'utf8')) as unknown, SAMPLE_CITY_SCENARIO, async (rel) => new Uint8Array(readFileSync(path.join(dir, rel))));
    viewer = await startViewer();
    page = await viewer.open('');
  }, 240_000);
  afterAll(async () => {
    await page?.close();
    await viewer?.close();
  });

  const screenPoint = async (lon: number, lat: number): Promise<{ x: number; y: number }> =>
    (await page.evaluate(`(() => { const m = window.__firecover.map; const p = m.project([${lon}, ${lat}]); const r = m.getCanvas().getBoundingClientRect(); return { x: r.left + p.x, y: r.top + p.y }; })()`)) as { x: number; y: number };

  it('replays the plan: each year draws its stations and its coverage equals analyzeScenario with that year', async () => {
    // the sample city's planned years, from its stations (Xincheng 2026, Huxi 2028)
    const years = [...new Set(scenario.stations.filter((s) => s.status !== 'existing' && s.year !== undefined).map((s) => s.year!))].sort((a, b) => a - b);
    expect(years).toEqual([2026, 2028]);
    await page.waitForFunction('window.__firecover.planYears && window.__firecover.planYears.length > 0', null, { timeout: 60_000 });
    expect(await page.evaluate('window.__firecover.planYears')).toEqual(years);

    // base: the existing stations in service, the planned ones drawn faded (not in service)
    const base = (await page.evaluate('window.__firecover.stationsOnMap()')) as StationOnMap[];
    expect(base.filter((s) => s.inService).map((s) => s.id).sort()).toEqual(stationsInService(scenario).map((s) => s.id).sort());
    expect(base.filter((s) => !s.inService).map((s) => s.id).sort()).toEqual(['huxi', 'xincheng']);
    const basePct = (await page.evaluate('window.__firecover.coveragePct')) as number;
    // one label per district: no district's label is placed twice
    const labels = (await page.evaluate("window.__firecover.map.queryRenderedFeatures({ layers: ['districts-label'] }).map((f) => f.properties.fc_station)")) as string[];
    expect(labels.length).toBeGreaterThan(0);
    expect(new Set(labels).size).toBe(labels.length);
    const baseNode = analyzeScenario(scenario, { compare: false, water: false });
    expect(basePct).toBe(landShare(baseNode.summary));

    for (const y of years) {
      await page.evaluate(`window.__firecover.setYear(${y})`);
      const node = analyzeScenario(scenario, { stations: y, compare: false, water: false });
      const pct = (await page.evaluate('window.__firecover.coveragePct')) as number;
      expect(pct).toBe(landShare(node.summary));
      expect(await page.textContent('#coverage-figure')).toBe(`${pct.toFixed(1)} %`);
      const drawn = (await page.evaluate('window.__firecover.stationsOnMap()')) as StationOnMap[];
      const inService = drawn.filter((s) => s.inService);
      expect(inService.map((s) => s.id).sort()).toEqual(stationsInService(scenario, y).map((s) => s.id).sort());
      // every planned station of year ≤ Y is in service, with its status and year; later ones are faded
      for (const s of scenario.stations.filter((x) => x.status === 'planned')) {
        const d = drawn.find((x) => x.id === s.id)!;
        expect(d.status).toBe('planned');
        expect(d.inService).toBe(s.year! <= y);
        if (d.inService) expect(d.year).toBe(s.year);
      }
      // compare view: adding stations never uncovers land, so the newly covered land is the covered land's difference
      const newly = Number((await page.textContent('#plan-newly-km2'))!.replace(' km²', ''));
      const expected = node.coverage.figures.landCoveredKm2 - baseNode.coverage.figures.landCoveredKm2;
      expect(expected).toBeGreaterThan(0);
      expect(newly).toBeCloseTo(expected, 2);
      expect(await page.evaluate("window.__firecover.map.queryRenderedFeatures({ layers: ['newly-covered-fill'] }).length")).toBeGreaterThan(0);
      await page.screenshot({ path: path.join(SHOTS, `firecover-viewer-plan-${y}.png`) });
    }
    // the slider itself: back to the base restores the base figure exactly
    await page.locator('#plan-year').fill('0');
    await page.waitForFunction('window.__firecover.year === null && !document.querySelector("#plan-compare-table")', null, { timeout: 60_000 });
    await page.waitForFunction(`window.__firecover.coveragePct === ${basePct}`, null, { timeout: 60_000 });
  }, 180_000);

  it('hover: the first and second due station equal `firecover due` at that point', async () => {
    // a point in town (the CLI's own example), moved over by the mouse
    const at = await screenPoint(104.601, 30.095);
    const seq = (await page.evaluate('window.__firecover.hoverSeq')) as number;
    await page.mouse.move(at.x - 3, at.y - 3);
    await page.mouse.move(at.x, at.y);
    await page.waitForFunction(`window.__firecover.hoverSeq > ${seq} && !!window.__firecover.hover`, null, { timeout: 30_000 });
    // the answer is for the last position asked: wait until no newer answer comes
    await page.waitForTimeout(500);
    const hover = (await page.evaluate('window.__firecover.hover')) as DueAnswer;
    expect(Math.abs(hover.lon - 104.601)).toBeLessThan(1e-4);
    expect(Math.abs(hover.lat - 30.095)).toBeLessThan(1e-4);
    const cli = await runCli(['due', '--scenario', SAMPLE_CITY_SCENARIO, '--at', `${hover.lon},${hover.lat}`, '-k', '2', '--json']);
    expect(cli.code).toBe(0);
    const rows = (JSON.parse(cli.stdout) as { rows: { rank: number; station: string; costS: number | null; withinStandard: boolean | null }[] }).rows;
    expect(rows).toHaveLength(2);
    expect(hover.rows.map((r) => r.id)).toEqual(rows.map((r) => r.station));
    hover.rows.forEach((r, i) => {
      expect(r.costS).toBeCloseTo(rows[i].costS!, 3);
      expect(r.withinStandard).toBe(rows[i].withinStandard);
    });
    expect(await page.textContent('#hover-box')).toContain('1st due');
    expect(await page.textContent('#hover-coords')).toContain(hover.lon.toFixed(6));
  }, 90_000);

  it('measure: two clicks give the network distance and drive time of a search run here, the route drawn', async () => {
    // two road points a few kilometres apart: Chengzhong and Chengnan stations' roads
    const a = await screenPoint(104.595634, 30.10027);
    const b = await screenPoint(104.615592, 30.074504);
    await page.click('#measure-mode');
    await page.mouse.click(a.x, a.y);
    await page.mouse.click(b.x, b.y);
    await page.waitForFunction('!!window.__firecover.lastMeasure', null, { timeout: 30_000 });
    const m = (await page.evaluate('window.__firecover.lastMeasure')) as MeasureAnswer;
    await page.click('#measure-mode');

    const net = scenario.network;
    const index = new SnapIndex(net, landAccessLink(net));
    const place = (snap: Snap) => (snapEndNode(net, snap) >= 0 ? { node: snapEndNode(net, snap) } : { snap });
    const from = index.nearest(m.from[0], m.from[1], 250)!;
    const to = index.nearest(m.to[0], m.to[1], 250)!;
    const byLength = costAtPlace(multiSourceSearch(net, [{ ...place(from), startCost: 0 }], { metric: 'length' }), place(to)).cost;
    const byTime = costAtPlace(multiSourceSearch(net, [{ ...place(from), startCost: 0 }], { metric: 'time' }), place(to)).cost;
    expect(byLength).toBeGreaterThan(1000);
    expect(m.distanceM).toBeCloseTo(byLength, 6);
    expect(m.timeS).toBeCloseTo(byTime, 6);
    // the route runs from one snapped point to the other, and is drawn
    expect(m.route[0][0]).toBeCloseTo(from.lon, 5);
    expect(m.route[m.route.length - 1][1]).toBeCloseTo(to.lat, 5);
    expect(await page.textContent('#measure-result')).toContain(`${Math.round(byLength)} m`);
    expect(await page.evaluate("window.__firecover.map.queryRenderedFeatures({ layers: ['measure-line'] }).length")).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SHOTS, 'firecover-viewer-measure.png') });
  }, 90_000);

  it('candidates belong to the base: a year hides them, the way back redraws the base with them', async () => {
    const huxi = scenario.stations.find((s) => s.id === 'huxi')!;
    const at = await screenPoint(huxi.lon, huxi.lat);
    const u = (await page.evaluate('window.__firecover.updates')) as number;
    await page.click('#candidate-mode');
    await page.mouse.click(at.x, at.y);
    await page.waitForFunction(`window.__firecover.updates > ${u} && window.__firecover.candidates.length === 1`, null, { timeout: 60_000 });
    await page.keyboard.press('Escape');
    const withCandidate = (await page.evaluate('window.__firecover.coveragePct')) as number;
    await page.evaluate('window.__firecover.setYear(2026)');
    expect(await page.evaluate('window.__firecover.candidates.length')).toBe(0);
    expect(await page.evaluate('window.__firecover.coveragePct')).toBe(landShare(analyzeScenario(scenario, { stations: 2026, compare: false, water: false }).summary));
    expect(await page.textContent('#plan-bar')).toContain('Candidates are shown on the base');
    await page.evaluate('window.__firecover.setYear(null)');
    expect(await page.evaluate('window.__firecover.candidates.length')).toBe(1);
    expect(await page.evaluate('window.__firecover.coveragePct')).toBe(withCandidate);
    const u2 = (await page.evaluate('window.__firecover.updates')) as number;
    await page.click('button.remove');
    await page.waitForFunction(`window.__firecover.updates > ${u2} && window.__firecover.candidates.length === 0`, null, { timeout: 60_000 });
  }, 120_000);

  it('search finds a station by its Chinese name and pans to it', async () => {
    await page.fill('#station-search', '湖西');
    await page.waitForSelector('#search-results a');
    await page.click('#search-results a');
    await page.waitForFunction("window.__firecover.searchedStation === 'huxi'");
    const huxi = scenario.stations.find((s) => s.id === 'huxi')!;
    await page.waitForFunction(`!window.__firecover.map.isMoving() && Math.abs(window.__firecover.map.getCenter().lng - ${huxi.lon}) < 1e-4`, null, { timeout: 30_000 });
    const c = (await page.evaluate('window.__firecover.map.getCenter().toArray()')) as number[];
    expect(c[0]).toBeCloseTo(huxi.lon, 4);
    expect(c[1]).toBeCloseTo(huxi.lat, 4);
  }, 60_000);

  it('siting in the worker: the chosen sites and the curve equal runSiting in Node', async () => {
    const options = { model: 'mclp' as const, p: 2, spacingM: 1000, curveMax: 3, timeLimitS: 60 };
    const shown = (await page.evaluate(`window.__firecover.runSiting(${JSON.stringify(options)})`)) as { sites: { rank: number; id: string }[]; curve: { p: number; coveredShare: number }[]; coveredShare: number };
    const { default: loadHighs } = (await import('../packages/cli/node_modules/highs/build/highs.mjs' as string)) as { default: () => Promise<unknown> };
    const node = runSiting(scenario, highsMipSolver((await loadHighs()) as HighsModule), options);
    expect(shown.sites.map((s) => s.id).sort()).toEqual(node.sites.map((s) => s.id).sort());
    expect(shown.sites.map((s) => s.rank)).toEqual([1, 2]);
    expect(shown.coveredShare).toBeCloseTo(node.coveredShare, 9);
    expect(shown.curve.map((c) => c.p)).toEqual([1, 2, 3]);
    shown.curve.forEach((c, i) => expect(c.coveredShare).toBeCloseTo(node.curve[i].coveredShare, 9));
    // more new stations never cover less (the curve's optimum at p + 1 can keep the p set)
    for (let i = 1; i < shown.curve.length; i++) expect(shown.curve[i].coveredShare).toBeGreaterThanOrEqual(shown.curve[i - 1].coveredShare - 1e-12);
    expect(await page.locator('#siting-sites tbody tr').count()).toBe(2);
    expect(await page.locator('#siting-curve circle').count()).toBe(4);
    await page.screenshot({ path: path.join(SHOTS, 'firecover-viewer-siting.png') });

    // a long run (250 m candidates) can be cancelled: the worker stops and the panel says so
    await page.selectOption('#siting-spacing', '250');
    await page.click('#siting-run');
    await page.waitForSelector('#siting-cancel:not([disabled])');
    await page.click('#siting-cancel');
    await page.waitForFunction("document.querySelector('#siting-status').textContent.includes('Cancelled')", null, { timeout: 10_000 });
    expect(await page.isDisabled('#siting-cancel')).toBe(true);
  }, 180_000);

  it('Chinese reaches popups and checks; the legend collapses', async () => {
    const fit = "window.__firecover.map.jumpTo({ center: [104.6, 30.092], zoom: 13 }); new Promise((r) => window.__firecover.map.once('idle', r))";
    await page.evaluate(fit);
    await page.click('#lang-toggle');
    // a station popup
    const st = scenario.stations.find((s) => s.id === 'chengzhong')!;
    const p = await screenPoint(st.lon, st.lat);
    await page.mouse.click(p.x, p.y);
    await page.waitForSelector('.maplibregl-popup');
    const popup = (await page.textContent('.maplibregl-popup'))!;
    expect(popup).toContain('城中消防救援站');
    expect(popup).toContain('状态');
    expect(popup).toContain('现状');
    expect(popup).not.toMatch(/Turnout|Status|Snap distance/);
    // a district popup: the checks by their Chinese names
    await page.keyboard.press('Escape');
    const d = await screenPoint(st.lon + 0.004, st.lat + 0.003);
    await page.mouse.click(d.x, d.y);
    await page.waitForSelector('.maplibregl-popup ul.checks');
    const checks = (await page.textContent('.maplibregl-popup ul.checks'))!;
    expect(checks).toContain('辖区面积不超过上限');
    expect(checks).toContain('GB 51080-2015');
    expect(checks).not.toMatch(/\b(area|arrival|centre)\b/);
    // plan bar and hover box in Chinese
    expect(await page.textContent('#plan-bar')).toContain('规划年份');
    // the legend collapses to its title and opens again (it may have collapsed itself at load, to keep the stations clear)
    if (!(await page.isVisible('#legend .lg-group'))) await page.click('#legend-toggle');
    expect(await page.isVisible('#legend .lg-group')).toBe(true);
    await page.click('#legend-toggle');
    expect(await page.isVisible('#legend .lg-group')).toBe(false);
    expect(await page.textContent('#legend-toggle')).toContain('图例');
    await page.click('#legend-toggle');
    expect(await page.isVisible('#legend .lg-group')).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'firecover-viewer-plan-zh.png') });
    await page.click('#lang-toggle');
  }, 150_000);

  it('a GCJ-02 basemap shifts the layers by core’s transform; back to none restores them', async () => {
    // no tile server is reachable here: fail the basemap's tile requests at once
    await page.route(/autonavi\.com/, (route) => route.abort());
    const st = scenario.stations.find((s) => s.id === 'chengzhong')!;
    const drawnNear = async (lon: number, lat: number): Promise<number[]> => {
      const expr = `(() => { const f = window.__firecover.map.queryRenderedFeatures({ layers: ['stations-icon'] }).find((f) => f.properties.id === 'chengzhong'); return f ? f.geometry.coordinates : null; })()`;
      await page.waitForFunction(`(() => { const c = ${expr}; return !!c && Math.abs(c[0] - ${lon}) < 2e-5 && Math.abs(c[1] - ${lat}) < 2e-5; })()`, null, { timeout: 30_000 });
      return (await page.evaluate(expr)) as number[];
    };
    if (await page.evaluate("document.querySelector('#legend').classList.contains('collapsed')")) await page.click('#legend-toggle');
    const before = await drawnNear(st.lon, st.lat);
    await page.selectOption('#basemap', 'gaode');
    const [gx, gy] = wgs84ToGcj02(st.lon, st.lat);
    // the shift is about 230 m east and 310 m south here (oracles.md §5): far more than the tolerance
    expect(Math.abs(gx - st.lon)).toBeGreaterThan(1e-3);
    const shifted = await drawnNear(gx, gy);
    expect(shifted[0] - before[0]).toBeCloseTo(gx - st.lon, 4);
    await page.selectOption('#basemap', 'none');
    const back = await drawnNear(st.lon, st.lat);
    expect(back[0]).toBeCloseTo(st.lon, 4);
    expect(await page.evaluate('window.__firecover.mapErrors')).toEqual([]);
    await page.unroute(/autonavi\.com/);
  }, 90_000);

  it('does not ship the planted-defect list; no page errors', async () => {
    const r = await fetch(`${viewer.origin}/data/sample-city/PLANTED.md`);
    expect(r.status).toBe(404);
    const s = await fetch(`${viewer.origin}/data/sample-city/scenario.json`);
    expect(s.status).toBe(200);
    expect(viewer.pageErrors).toEqual([]);
  });
});
