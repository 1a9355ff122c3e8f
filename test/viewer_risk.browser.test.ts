import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeScenario, loadScenario } from '../packages/core/src/index';
import type { FeatureCollection } from 'geojson';
import { COMMUNITY_BAD, COMMUNITY_OK, TOWNSHIP_BAD, TOWNSHIP_OK } from '../apps/viewer/src/map/colours';
import { REPO_ROOT } from './shared_data';
import { haveChromium, startViewer, type ViewerHarness } from './viewer_harness';

/**
 * The viewer draws the risk analysis: the sample city's risk scenario (data/sample-city/scenario_risk.json,
 * planted hazards, capabilities and micro stations) shows every hazard site, coloured by whether the first
 * capable unit meets its class's standard — the same sites and the same verdicts as core's analyzeScenario
 * computed here — with a legend entry in both languages.
 */
const RISK = path.join(REPO_ROOT, 'data', 'sample-city', 'scenario_risk.json');
/** A layer file of the sample city, read here (the expected features come from the files, not from the viewer). */
const sampleLayer = (file: string): FeatureCollection => JSON.parse(readFileSync(path.join(REPO_ROOT, 'data', 'sample-city', file), 'utf8')) as FeatureCollection;
const ids = (fc: FeatureCollection): string[] => fc.features.map((f) => String(f.properties?.id)).sort();

describe.runIf(haveChromium())('viewer: hazard sites', () => {
  let viewer: ViewerHarness;
  beforeAll(async () => {
    viewer = await startViewer();
  }, 180_000);
  afterAll(async () => {
    await viewer?.close();
  });

  it('draws every hazard site with core’s verdict, and names the layer in English and Chinese', async () => {
    const dir = path.dirname(RISK);
    const scenario = await loadScenario(JSON.parse(readFileSync(RISK, 'utf8')) as unknown, RISK, async (rel) => new Uint8Array(readFileSync(path.join(dir, rel))));
    const risk = analyzeScenario(scenario, { compare: false }).risk!;
    expect(risk.hazards.length).toBeGreaterThan(3);
    const late = risk.hazards.filter((h) => !h.meets).map((h) => h.id).sort();
    expect(late.length).toBeGreaterThan(0);
    expect(late.length).toBeLessThan(risk.hazards.length);

    const page = await viewer.open('?scenario=data/sample-city/scenario_risk.json');
    const drawn = (await page.evaluate(`(() => {
      const seen = new Map();
      for (const f of window.__firecover.map.querySourceFeatures('hazards')) seen.set(f.properties.id, f.properties.meets);
      return [...seen.entries()];
    })()`)) as [string, boolean][];
    expect(drawn.map(([id]) => id).sort()).toEqual(risk.hazards.map((h) => h.id).sort());
    expect(drawn.filter(([, meets]) => !meets).map(([id]) => id).sort()).toEqual(late);
    expect(await page.textContent('#legend')).toContain('Hazard sites');
    await page.click('#lang-toggle');
    expect(await page.textContent('#legend')).toContain('重点单位与危险源');
    await page.close();
    expect(viewer.pageErrors).toEqual([]);
  }, 240_000);

  it('draws every micro station, community and township of the scenario’s files, with popup, legend (en/zh) and print', async () => {
    const scenarioJson = JSON.parse(readFileSync(RISK, 'utf8')) as { risk: Record<string, string> };
    const files = { micro_stations: sampleLayer(scenarioJson.risk.microStations), communities: sampleLayer(scenarioJson.risk.communities), townships: sampleLayer(scenarioJson.risk.townships) };
    expect(files.micro_stations.features.length).toBe(4);
    expect(files.communities.features.length).toBe(6);
    expect(files.townships.features.length).toBe(4);
    const dir = path.dirname(RISK);
    const scenario = await loadScenario(scenarioJson as unknown, RISK, async (rel) => new Uint8Array(readFileSync(path.join(dir, rel))));
    const risk = analyzeScenario(scenario, { compare: false }).risk!;

    const page = await viewer.open('?scenario=data/sample-city/scenario_risk.json');
    // what the map renders now (style layers), by feature id; and the label points, one per area
    const rendered = (layers: string[]) =>
      page.evaluate(`(() => {
        const seen = new Map();
        for (const f of window.__firecover.map.queryRenderedFeatures({ layers: ${JSON.stringify(layers)} })) seen.set(String(f.properties.id), f.properties);
        return [...seen.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
      })()`) as Promise<[string, Record<string, unknown>][]>;
    const micro = await rendered(['micro-stations-point']);
    const communities = await rendered(['communities-line']);
    const townships = await rendered(['townships-line']);
    expect(micro.map(([id]) => id)).toEqual(ids(files.micro_stations));
    expect(communities.map(([id]) => id)).toEqual(ids(files.communities));
    expect(townships.map(([id]) => id)).toEqual(ids(files.townships));
    // the verdicts drawn are core's: a micro station in reach of each community, a full-time brigade in each township
    expect(communities.map(([id, p]) => [id, p.inReach])).toEqual(risk.micro!.communities.map((c) => [c.id, c.inReach]).sort((a, b) => (a[0] < b[0] ? -1 : 1)));
    expect(townships.map(([id, p]) => [id, p.fullTime])).toEqual(risk.townships!.townships.map((t) => [t.id, t.fullTime]).sort((a, b) => (a[0] < b[0] ? -1 : 1)));
    const labelIds = (await page.evaluate(`[...new Set(window.__firecover.map.querySourceFeatures('townships', { filter: ['==', ['get', 'fc_label'], true] }).map((f) => String(f.properties.id)))].sort()`)) as string[];
    expect(labelIds).toEqual(ids(files.townships));
    // the visible layers as GeoJSON: each area once (its label point left out), as its file holds it
    const exported = (await page.evaluate(`window.__firecover.visibleLayersGeojson().then((fc) => ['communities', 'townships'].map((n) => fc.features.filter((f) => f.properties.fc_layer === n).map((f) => String(f.properties.id)).sort()))`)) as string[][];
    expect(exported).toEqual([ids(files.communities), ids(files.townships)]);
    const legend = (await page.textContent('#legend'))!;
    for (const title of ['Micro fire stations', 'Communities', 'Townships']) expect(legend).toContain(title);
    await page.screenshot({ path: path.join(tmpdir(), 'firecover-viewer-risk.png') });

    // print (SVG) of the risk scenario: one closed dashed township outline (fill none, township colour) per township
    // (the legend's two open line swatches aside), each named
    const svg = (await page.evaluate(`(async () => {
      const r = await window.__firecover.exportMap({ format: 'svg', paper: 'A4', orientation: 'landscape' });
      return new TextDecoder().decode(r.bytes);
    })()`)) as string;
    const outlines = (await page.evaluate(`(() => {
      const doc = new DOMParser().parseFromString(${JSON.stringify(svg)}, 'image/svg+xml');
      return [...doc.querySelectorAll('path')].filter((p) => [${JSON.stringify(TOWNSHIP_OK)}, ${JSON.stringify(TOWNSHIP_BAD)}].includes(p.getAttribute('stroke')) && p.getAttribute('fill') === 'none' && p.getAttribute('stroke-dasharray') && /Z/.test(p.getAttribute('d') || '')).length;
    })()`)) as number;
    expect(outlines).toBe(files.townships.features.length);
    for (const f of files.townships.features) expect(svg).toContain(String(f.properties?.name));
    expect(svg).toMatch(new RegExp(`stroke="(${COMMUNITY_OK}|${COMMUNITY_BAD})"`));

    // a popup on a micro station: its name, then in Chinese after the language switch (keys and values too)
    const m1 = files.micro_stations.features[0];
    const [lon, lat] = (m1.geometry as { coordinates: number[] }).coordinates;
    await page.evaluate(`window.__firecover.map.jumpTo({ center: [${lon}, ${lat}], zoom: 16 }); new Promise((r) => window.__firecover.map.once('idle', r))`);
    const click = async () => {
      const at = (await page.evaluate(`(() => { const m = window.__firecover.map; const p = m.project([${lon}, ${lat}]); const r = m.getCanvas().getBoundingClientRect(); return { x: r.left + p.x, y: r.top + p.y }; })()`)) as { x: number; y: number };
      await page.mouse.click(at.x, at.y);
      await page.waitForSelector('.maplibregl-popup');
      return (await page.textContent('.maplibregl-popup'))!;
    };
    const en = await click();
    expect(en).toContain(`Micro fire stations: ${String(m1.properties?.name)}`);
    expect(en).toContain('Travel mode');
    await page.keyboard.press('Escape');
    await page.click('#lang-toggle');
    const zh = await click();
    await page.screenshot({ path: path.join(tmpdir(), 'firecover-viewer-risk-street.png') });
    expect(zh).toContain(`微型消防站: ${String(m1.properties?.nameZh)}`);
    expect(zh).toContain('出动方式');
    expect(zh).toContain(m1.properties?.mode === 'foot' ? '步行' : '轻便车辆');
    expect(zh).not.toContain('Travel mode');
    const legendZh = (await page.textContent('#legend'))!;
    for (const title of ['微型消防站', '社区', '乡镇（街道）']) expect(legendZh).toContain(title);
    await page.close();
    expect(viewer.pageErrors).toEqual([]);
  }, 240_000);

  it('the plain sample city (no risk block) shows no micro stations, communities or townships', async () => {
    const plain = JSON.parse(readFileSync(path.join(REPO_ROOT, 'data', 'sample-city', 'scenario.json'), 'utf8')) as { risk?: unknown };
    expect(plain.risk).toBeUndefined();
    const page = await viewer.open('?scenario=data/sample-city/scenario.json');
    const counts = (await page.evaluate(`['micro_stations', 'communities', 'townships'].map((n) => window.__firecover.map.querySourceFeatures(n).length)`)) as number[];
    expect(counts).toEqual([0, 0, 0]);
    const legend = (await page.textContent('#legend'))!;
    expect(legend).toContain('Stations');
    for (const title of ['Micro fire stations', 'Communities', 'Townships']) expect(legend).not.toContain(title);
    await page.close();
    expect(viewer.pageErrors).toEqual([]);
  }, 240_000);
});
