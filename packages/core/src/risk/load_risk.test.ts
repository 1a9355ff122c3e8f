import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { isInputError, type InputError } from '../input_error';
import { loadScenario } from '../scenario/load_scenario';

// The sample city's risk scenario with one layer replaced: load errors name the file and the feature.
const dir = new URL('../../../../data/sample-city/', import.meta.url);

async function loadWith(override: Record<string, unknown>, files: Record<string, string> = {}) {
  const json = { ...(JSON.parse(await readFile(new URL('scenario_risk.json', dir), 'utf8')) as Record<string, unknown>), ...override };
  return loadScenario(json, 'city.json', async (rel) => (rel in files ? new TextEncoder().encode(files[rel]) : new Uint8Array(await readFile(new URL(rel, dir)))));
}

async function inputError(p: Promise<unknown>): Promise<InputError> {
  try {
    await p;
  } catch (e) {
    if (isInputError(e)) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const point = (props: Record<string, unknown>) => ({ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: [104.6, 30.1] } });
const line = (props: Record<string, unknown>) => ({ type: 'Feature', properties: props, geometry: { type: 'LineString', coordinates: [[104.6, 30.1], [104.601, 30.1]] } });

describe('loading the risk block', () => {
  it('an unknown hazard class names the file and the feature, in English and Chinese', async () => {
    const e = await inputError(loadWith({ risk: { hazards: 'bad.geojson' } }, { 'bad.geojson': fc([point({ class: '高层建筑' }), point({ class: 'volcano' })]) }));
    expect(e.where).toEqual({ file: 'bad.geojson', feature: 'feature 1' });
    expect(e.message).toMatch(/class "volcano" must be one of major_hazard/);
    expect(e.detailZh).toMatch(/须为/);
  });

  it('a tunnel given as a point, and a high-rise given as a line, are refused', async () => {
    const e1 = await inputError(loadWith({ risk: { hazards: 'bad.geojson' } }, { 'bad.geojson': fc([point({ class: '隧道' })]) }));
    expect(e1.message).toMatch(/a tunnel must be a LineString/);
    const e2 = await inputError(loadWith({ risk: { hazards: 'bad.geojson' } }, { 'bad.geojson': fc([line({ class: 'high_rise' })]) }));
    expect(e2.message).toMatch(/must be a Point or a Polygon/);
  });

  it('yes/no from tables (是 / 否, 1 / 0) and numbers as text are read; a bad flag names the feature', async () => {
    const s = await loadWith({ risk: { hazards: 'h.geojson' } }, { 'h.geojson': fc([point({ id: 'a', class: '高层', heightM: '60', foam: '是', rescue: 0 })]) });
    expect(s.risk!.hazards[0]).toMatchObject({ id: 'a', class: 'high_rise', heightM: 60, need: { foam: true, rescue: false } });
    const e = await inputError(loadWith({ risk: { hazards: 'h.geojson' } }, { 'h.geojson': fc([point({ class: '高层', foam: 'maybe' })]) }));
    expect(e.where.feature).toBe('feature 0');
    expect(e.message).toMatch(/foam must be true or false/);
  });

  it('a capability vehicle naming no profile, and a micro turnout not below its standard, fail at load', async () => {
    const e1 = await inputError(loadWith({ risk: { capabilityVehicle: { aerial: 'giraffe' } } }));
    expect(e1.message).toMatch(/risk\.capabilityVehicle\.aerial: no vehicle profile "giraffe"/);
    const e2 = await inputError(loadWith({ risk: { micro: { turnoutS: 200 } } }));
    expect(e2.message).toMatch(/turnoutS \(200 s\) must be less than responseS \(180 s\)/);
  });

  it('the schema refuses a misspelt risk field', async () => {
    const e = await inputError(loadWith({ risk: { hazard: 'h.geojson' } }));
    expect(e.message).toMatch(/hazard/);
  });

  it('townships default to indicators.townships', async () => {
    const s = await loadWith({ risk: {}, indicators: { townships: 'townships.geojson' } });
    expect(s.risk!.townships.map((t) => t.id)).toEqual(['T1', 'T2', 'T3', 'T4']);
  });
});
