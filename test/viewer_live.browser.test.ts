import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeScenario, districtCapKm2, loadScenario, stationsInService, type LoadedScenario, type Station } from '../packages/core/src/index';
import type { Page } from '../apps/viewer/node_modules/playwright-core';
import { LAUF_PBF, REPO_ROOT, haveSharedData } from './shared_data';
import { haveChromium, startViewer, type ViewerHarness } from './viewer_harness';

/**
 * The live what-if in Debian's Chromium: a candidate dragged (by the test API and by the mouse) ends with
 * the coverage core computes in Node for the scenario plus that station; class / turnout / name edits and
 * undo; save → reopen; a bad file and a missing URL keep the current scenario and say why; Lauf by URL.
 * Expected figures come from `analyzeScenario` here, never from what the page printed.
 *
 * page.evaluate gets strings: under a transform that adds `__name` helpers, named inner functions fail.
 */
const SHOTS = tmpdir();
const SAMPLE_DIR = path.join(REPO_ROOT, 'data', 'sample-city');
const readSample = async (rel: string) => new Uint8Array(readFileSync(path.join(SAMPLE_DIR, rel)));

interface Cand {
  id: string;
  lon: number;
  lat: number;
  stationClass: string;
  name?: string;
  turnoutS?: number;
}

let scenario: LoadedScenario;
/** Land reached within the standard, % (the `landShare` figure the panel's headline shows). */
function coverageWith(extra: Station[]): number {
  const r = analyzeScenario(scenario, { stations: [...stationsInService(scenario), ...extra], water: false, compare: false });
  return r.summary.figures.find((f) => f.key === 'landShare')!.value!;
}
const station = (c: Cand, cls: Station['class'], turnoutS = 60): Station => ({ id: c.id, name: c.name ?? c.id, lon: c.lon, lat: c.lat, class: cls, status: 'candidate', turnoutS });

/** Road vertices of the sample city nearest to a point, nearest first (candidates must sit on a road). */
function roadVerticesNear(lon: number, lat: number, n: number): [number, number][] {
  const net = scenario.network;
  const out: [number, number, number][] = [];
  for (let i = 0; i < net.geomLon.length; i++) out.push([net.geomLon[i], net.geomLat[i], (net.geomLon[i] - lon) ** 2 + ((net.geomLat[i] - lat) * 1.15) ** 2]);
  out.sort((a, b) => a[2] - b[2]);
  const seen = new Set<string>();
  const pts: [number, number][] = [];
  for (const [x, y] of out) {
    const k = `${x.toFixed(6)},${y.toFixed(6)}`;
    if (seen.has(k)) continue;
    seen.add(k);
    pts.push([+x.toFixed(6), +y.toFixed(6)]);
    if (pts.length === n) break;
  }
  return pts;
}

const cands = (page: Page) => page.evaluate('JSON.parse(JSON.stringify(window.__firecover.candidates))') as Promise<Cand[]>;
const coverage = (page: Page) => page.evaluate('window.__firecover.coveragePct') as Promise<number>;

describe.runIf(haveChromium())('viewer live what-if in Chromium', () => {
  let viewer: ViewerHarness;
  /** The largest late zone's centroid (where a candidate helps most). */
  let lateAt: [number, number];
  beforeAll(async () => {
    const json = JSON.parse(readFileSync(path.join(SAMPLE_DIR, 'scenario.json'), 'utf8')) as unknown;
    scenario = await loadScenario(json, 'data/sample-city/scenario.json', readSample);
    const base = analyzeScenario(scenario, { water: false, compare: false });
    const late = [...base.coverage.gaps.late].sort((a, b) => b.areaKm2 - a.areaKm2)[0];
    lateAt = late.centroid as [number, number];
    viewer = await startViewer();
  }, 180_000);
  afterAll(async () => {
    await viewer?.close();
  });

  it('drags a candidate: the figures follow, and end at what core computes for the scenario plus that station', async () => {
    const page = await viewer.open('');
    const before = await coverage(page);
    expect(before).toBeCloseTo(coverageWith([]), 6);
    const path0 = roadVerticesNear(lateAt[0], lateAt[1], 40);
    const start = path0[0];
    const id = (await page.evaluate(`window.__firecover.addCandidate(${start[0]}, ${start[1]}, '二级')`)) as string;
    expect(id).toMatch(/^C\d+$/);
    const c0 = (await cands(page))[0];
    expect(c0.stationClass).toBe('二级');
    expect(await coverage(page)).toBeCloseTo(coverageWith([station(c0, 'class2')]), 6);
    // several moves, awaited one by one; the figures after each are core's for that position
    for (const p of [path0[10], path0[25], path0[39]]) {
      await page.evaluate(`window.__firecover.moveCandidate('${id}', ${p[0]}, ${p[1]})`);
      const c = (await cands(page))[0];
      expect([c.lon, c.lat]).toEqual(p);
      expect(await coverage(page)).toBeCloseTo(coverageWith([station(c, 'class2')]), 6);
    }
    const ms = (await page.evaluate('window.__firecover.lastUpdateMs')) as number;
    expect(ms).toBeGreaterThan(0);
    // a burst of moves without waiting: they coalesce, and the last position wins
    const burst = roadVerticesNear(lateAt[0] + 0.004, lateAt[1] + 0.002, 12);
    await page.evaluate(`Promise.all(${JSON.stringify(burst)}.map((p) => window.__firecover.moveCandidate('${id}', p[0], p[1])))`);
    const last = burst[burst.length - 1];
    const cb = (await cands(page))[0];
    expect([cb.lon, cb.lat]).toEqual(last);
    expect(await coverage(page)).toBeCloseTo(coverageWith([station(cb, 'class2')]), 6);

    // with the mouse: press on the marker, move in steps onto a road vertex, release
    const target = roadVerticesNear(lateAt[0] - 0.003, lateAt[1] - 0.002, 1)[0];
    const screen = (await page.evaluate(`(() => {
      const s = window.__firecover; const c = s.candidates[0];
      const r = s.map.getCanvas().getBoundingClientRect();
      const a = s.map.project([c.lon, c.lat]); const b = s.map.project(${JSON.stringify(target)});
      return { ax: r.left + a.x, ay: r.top + a.y, bx: r.left + b.x, by: r.top + b.y };
    })()`)) as { ax: number; ay: number; bx: number; by: number };
    await page.mouse.move(screen.ax, screen.ay);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(screen.ax + ((screen.bx - screen.ax) * i) / 8, screen.ay + ((screen.by - screen.ay) * i) / 8);
    await page.mouse.up();
    await page.evaluate('window.__firecover.candidatesSettled()');
    const dragged = (await cands(page))[0];
    expect(dragged.id).toBe(id);
    // the pointer lands on the vertex to within a pixel or two (a few metres at this zoom)
    expect(Math.abs(dragged.lon - target[0])).toBeLessThan(0.0002);
    expect(Math.abs(dragged.lat - target[1])).toBeLessThan(0.0002);
    expect(await coverage(page)).toBeCloseTo(coverageWith([station(dragged, 'class2')]), 6);
    expect(await page.textContent('#coverage-figure')).toBe(`${(await coverage(page)).toFixed(1)} %`);
    // the map shows the candidate where it was dropped, and no error
    expect(await page.evaluate('window.__firecover.error')).toBeNull();
    expect(await page.evaluate("window.__firecover.map.queryRenderedFeatures({ layers: ['candidates-icon'] }).length")).toBe(1);
    await page.screenshot({ path: path.join(SHOTS, 'firecover-viewer-live-drag.png') });
    // exports read the layers as the map holds them after the diffs: the candidate where it was dropped
    const exported = (await page.evaluate(`window.__firecover.visibleLayersGeojson().then((fc) => fc.features.filter((f) => f.properties.fc_layer === 'candidates').map((f) => f.geometry.coordinates))`)) as number[][];
    expect(exported.length).toBe(1);
    expect(Math.abs(exported[0][0] - dragged.lon)).toBeLessThan(1e-6);
    expect(Math.abs(exported[0][1] - dragged.lat)).toBeLessThan(1e-6);
    // one undo step for the whole mouse drag: back to the burst's last position
    await page.keyboard.press('Control+z');
    await page.evaluate('window.__firecover.candidatesSettled()');
    const undone = (await cands(page))[0];
    expect([undone.lon, undone.lat]).toEqual(last);
    await page.close();
  }, 240_000);

  it('edits class, turnout and name; undo restores each step', async () => {
    const page = await viewer.open('');
    const p = roadVerticesNear(lateAt[0], lateAt[1], 1)[0];
    const id = (await page.evaluate(`window.__firecover.addCandidate(${p[0]}, ${p[1]}, 'class2')`)) as string;
    const c = (await cands(page))[0];
    const at2 = await coverage(page);
    expect(at2).toBeCloseTo(coverageWith([station(c, 'class2')]), 6);
    // turnout 120 s: the engine leaves a minute later, so less land within the standard
    await page.evaluate(`window.__firecover.editCandidate('${id}', { turnoutS: 120 })`);
    const slow = await coverage(page);
    expect(slow).toBeCloseTo(coverageWith([station(c, 'class2', 120)]), 6);
    expect(slow).toBeLessThan(at2);
    // class by its Chinese name, through the panel's select (code) as well
    await page.evaluate(`window.__firecover.editCandidate('${id}', { stationClass: '一级' })`);
    expect((await cands(page))[0].stationClass).toBe('一级');
    await page.selectOption(`select.cand-class[data-id="${id}"]`, 'small');
    await page.waitForFunction(`window.__firecover.candidates[0] && window.__firecover.candidates[0].stationClass === 'small'`, null, { timeout: 60_000 });
    await page.evaluate('window.__firecover.candidatesSettled()');
    // a small station's district has the small cap (2 km² in the Chinese preset): the candidate's district row shows it
    const row = (await page.evaluate(`(window.__firecover.summary.districts || []).find((d) => d.stationId === '${id}')`)) as { areaKm2: { limit: number } } | undefined;
    expect(districtCapKm2(scenario.preset, 'small', false).capKm2).toBe(2);
    expect(row?.areaKm2.limit).toBe(2);
    // name, typed into the panel
    await page.fill(`input.cand-name[data-id="${id}"]`, 'Hexi candidate');
    // a result arriving while the name is typed redraws the panel (here: street scale asks for the hydrants);
    // what was typed and the focus survive it, and Enter still commits
    await page.evaluate('window.__firecover.map.jumpTo({ zoom: 14 })');
    await page.waitForFunction("window.__firecover.map.querySourceFeatures('hydrants').length > 0", null, { timeout: 60_000 });
    expect(await page.evaluate('document.activeElement && document.activeElement.value')).toBe('Hexi candidate');
    await page.keyboard.press('Enter');
    await page.waitForFunction(`window.__firecover.candidates[0].name === 'Hexi candidate'`, null, { timeout: 60_000 });
    await page.evaluate('window.__firecover.candidatesSettled()');
    expect(await page.evaluate("window.__firecover.map.querySourceFeatures('candidates').map((f) => f.properties.name)")).toContain('Hexi candidate');
    // undo: name, class (select), class (一级), turnout — each restores the step before
    await page.click('#undo');
    await page.evaluate('window.__firecover.candidatesSettled()');
    expect((await cands(page))[0].name).toBeUndefined();
    await page.evaluate('window.__firecover.undo()');
    expect((await cands(page))[0].stationClass).toBe('一级');
    await page.evaluate('window.__firecover.undo()');
    expect((await cands(page))[0].stationClass).toBe('class2');
    expect(await coverage(page)).toBe(slow);
    await page.evaluate('window.__firecover.undo()');
    expect((await cands(page))[0]).toEqual(c);
    expect(await coverage(page)).toBe(at2);
    // delete, then undo brings it back
    await page.click(`button.remove[data-id="${id}"]`);
    await page.waitForFunction('window.__firecover.candidates.length === 0', null, { timeout: 60_000 });
    await page.evaluate('window.__firecover.candidatesSettled()');
    expect(await coverage(page)).toBeCloseTo(coverageWith([]), 6);
    await page.evaluate('window.__firecover.undo()');
    expect(await cands(page)).toEqual([c]);
    expect(await coverage(page)).toBe(at2);
    await page.close();
  }, 240_000);

  it('saves the scenario with its candidates and reopens it with identical stations and figures', async () => {
    const page = await viewer.open('');
    const [a, b] = [roadVerticesNear(lateAt[0], lateAt[1], 1)[0], roadVerticesNear(lateAt[0] + 0.01, lateAt[1] - 0.005, 1)[0]];
    const id1 = (await page.evaluate(`window.__firecover.addCandidate(${a[0]}, ${a[1]}, '二级')`)) as string;
    await page.evaluate(`window.__firecover.addCandidate(${b[0]}, ${b[1]}, 'class1')`);
    await page.evaluate(`window.__firecover.editCandidate('${id1}', { name: 'North-west 西北', turnoutS: 45 })`);
    const saved = (await page.evaluate('window.__firecover.saveScenario()')) as string;
    const list = await cands(page);
    const figures = (await page.evaluate('JSON.stringify(window.__firecover.summary.figures)')) as string;
    const pct = await coverage(page);
    // the file is a scenario the CLI's loader accepts beside the sample city; its candidates analysed there
    // (the default stations plus them) give the figure the page shows
    const json = JSON.parse(saved) as { stations: { id: string; status: string }[] };
    const loaded = await loadScenario(json, 'data/sample-city/saved.json', readSample);
    const candStations = loaded.stations.filter((s) => s.status === 'candidate');
    expect(candStations.map((s) => s.id)).toEqual(list.map((c) => c.id));
    expect(coverageWith(candStations)).toBeCloseTo(pct, 6);

    // reopen by file: first to another scenario state (remove all), then the saved file through the file input
    await page.evaluate('window.__firecover.removeCandidate(window.__firecover.candidates[0].id)');
    expect((await cands(page)).length).toBe(1);
    const updates = (await page.evaluate('window.__firecover.updates')) as number;
    await page.setInputFiles('#files-input', { name: 'sample-city-scenario.json', mimeType: 'application/json', buffer: Buffer.from(saved) });
    await page.waitForFunction(`window.__firecover.updates > ${updates} && window.__firecover.ready && window.__firecover.candidates.length === 2`, null, { timeout: 120_000 });
    expect(await page.evaluate('window.__firecover.error')).toBeNull();
    expect(await cands(page)).toEqual(list);
    expect(await coverage(page)).toBe(pct);
    expect(await page.evaluate('JSON.stringify(window.__firecover.summary.figures)')).toBe(figures);
    expect(await page.locator('li.cand').count()).toBe(2);
    // the reopened candidates are editable, and new ids do not collide with the saved ones
    const id3 = (await page.evaluate(`window.__firecover.addCandidate(${a[0]}, ${a[1]}, 'class2')`)) as string;
    expect(list.map((c) => c.id)).not.toContain(id3);
    await page.screenshot({ path: path.join(SHOTS, 'firecover-viewer-live-reopened.png') });
    await page.close();
  }, 240_000);

  it('a bad file or a missing URL keeps the current scenario and says why, in English and Chinese', async () => {
    const page = await viewer.open('');
    const p = roadVerticesNear(lateAt[0], lateAt[1], 1)[0];
    await page.evaluate(`window.__firecover.addCandidate(${p[0]}, ${p[1]}, 'class2')`);
    const pct = await coverage(page);
    const name = await page.textContent('#scenario-name');
    const kept = async (shown = name) => {
      expect(await coverage(page)).toBe(pct);
      expect(await page.textContent('#scenario-name')).toBe(shown);
      expect((await cands(page)).length).toBe(1);
      expect(await page.evaluate("window.__firecover.map.queryRenderedFeatures({ layers: ['districts-fill'] }).length")).toBeGreaterThan(0);
    };
    // invalid JSON through the file input
    let updates = (await page.evaluate('window.__firecover.updates')) as number;
    await page.setInputFiles('#files-input', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{ "name": "broken", ') });
    await page.waitForFunction(`window.__firecover.updates > ${updates} && window.__firecover.error`, null, { timeout: 60_000 });
    expect(await page.textContent('#panel .error')).toContain('broken.json is not valid JSON');
    await kept();
    // a scenario whose road file is missing: the worker's load fails, the scenario shown stays
    updates = (await page.evaluate('window.__firecover.updates')) as number;
    const missing = JSON.stringify({ name: 'Missing roads', network: { geojson: 'no-such-roads.geojson' }, stations: [{ id: 'a', name: 'A', lon: 104.6, lat: 30.1, class: 'class1', status: 'existing' }] });
    await page.setInputFiles('#files-input', { name: 'missing.json', mimeType: 'application/json', buffer: Buffer.from(missing) });
    await page.waitForFunction(`window.__firecover.updates > ${updates} && window.__firecover.error`, null, { timeout: 60_000 });
    expect(await page.textContent('#panel .error')).toMatch(/no-such-roads\.geojson/);
    await kept();
    // a URL that is not there: "not found" as such
    await page.evaluate("window.__firecover.openScenarioUrl('fixtures/no-such-folder/scenario.json')");
    expect(await page.textContent('#panel .error')).toMatch(/Not found: http:\/\/127\.0\.0\.1:\d+\/fixtures\/no-such-folder\/scenario\.json \(HTTP 404\)/);
    await kept();
    await page.screenshot({ path: path.join(SHOTS, 'firecover-viewer-live-error.png') });
    // in Chinese
    await page.click('#lang-toggle');
    await page.evaluate("window.__firecover.openScenarioUrl('fixtures/no-such-folder/')");
    expect(await page.textContent('#panel .error')).toContain('未找到 scenario.json 或 summary.json');
    await page.evaluate("window.__firecover.openScenarioUrl('fixtures/no-such-folder/scenario.json')");
    expect(await page.textContent('#panel .error')).toContain('未找到');
    await kept('样例城');
    await page.close();
    expect(viewer.pageErrors).toEqual([]);
  }, 240_000);

  it('sends hidden layers and street-scale hydrants only when they are shown', async () => {
    const page = await viewer.open('');
    const count = (src: string) => page.evaluate(`window.__firecover.map.querySourceFeatures('${src}').length`) as Promise<number>;
    // the first picture: bands and districts, but neither the reached roads (off) nor the hydrants (street scale)
    expect(await count('districts')).toBeGreaterThan(0);
    expect(await page.evaluate('window.__firecover.map.getZoom() < 12.5')).toBe(true);
    expect(await count('hydrants')).toBe(0);
    expect(await count('reached_network')).toBe(0);
    // the legend folds itself away when it would cover a station (the sample city's Liushu): open it to reach the toggles
    if (await page.evaluate("document.querySelector('#legend').classList.contains('collapsed')")) await page.click('#legend-toggle');
    await page.check('input[data-group="reached_network"]');
    await page.waitForFunction("window.__firecover.map.querySourceFeatures('reached_network').length > 0", null, { timeout: 60_000 });
    await page.evaluate('window.__firecover.map.jumpTo({ zoom: 14 })');
    await page.waitForFunction("window.__firecover.map.querySourceFeatures('hydrants').length > 0", null, { timeout: 60_000 });
    await page.close();
  }, 240_000);

  it.runIf(haveSharedData(LAUF_PBF))('opens Lauf (real OpenStreetMap data) by URL with the figures core computes', async () => {
    const page = await viewer.open('?scenario=fixtures/lauf-pegnitz/scenario.json');
    expect(await page.evaluate('window.__firecover.error')).toBeNull();
    expect(await page.textContent('#scenario-name')).toContain('Lauf');
    expect(await page.evaluate("window.__firecover.map.queryRenderedFeatures({ layers: ['districts-fill'] }).length")).toBeGreaterThan(0);
    const fixture = JSON.parse(readFileSync(path.join(REPO_ROOT, 'apps', 'viewer', 'fixtures', 'lauf-pegnitz', 'scenario.json'), 'utf8')) as { network: { osm: string } };
    const pbf = new Uint8Array(readFileSync(LAUF_PBF));
    const lauf = await loadScenario(fixture, 'lauf/scenario.json', async (rel) => {
      if (rel === fixture.network.osm) return pbf;
      throw new Error(`unexpected file ${rel}`);
    });
    const want = analyzeScenario(lauf, { water: false, compare: false }).summary.figures.find((f) => f.key === 'landShare')!.value!;
    expect(await coverage(page)).toBeCloseTo(want, 6);
    await page.close();
  }, 240_000);
});
