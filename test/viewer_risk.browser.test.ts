import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeScenario, loadScenario } from '../packages/core/src/index';
import { REPO_ROOT } from './shared_data';
import { haveChromium, startViewer, type ViewerHarness } from './viewer_harness';

/**
 * The viewer draws the risk analysis: the sample city's risk scenario (data/sample-city/scenario_risk.json,
 * planted hazards, capabilities and micro stations) shows every hazard site, coloured by whether the first
 * capable unit meets its class's standard — the same sites and the same verdicts as core's analyzeScenario
 * computed here — with a legend entry in both languages.
 */
const RISK = path.join(REPO_ROOT, 'data', 'sample-city', 'scenario_risk.json');

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
});
